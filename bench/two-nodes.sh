#!/usr/bin/env bash
# Two API nodes over one PostgreSQL, as behind a load balancer.
#
#   bash bench/two-nodes.sh
#
# Builds the API in Release, starts a throwaway PostgreSQL and two API processes on two ports with the same signing
# key, then bench/two_nodes.py checks, and exits non-zero when one fails: sessions and sign-in lockouts are shared;
# a publication on one node is in the other node's cached list at once (PostgreSQL NOTIFY), with the figure; 20
# publications on both nodes give 20 webhook deliveries, not 40; 10 scheduled publications happen once each; rate
# limits are per node. Run on purpose only (about a minute). BENCH_KEEP=1 keeps the temporary folder and its logs.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
# shellcheck source=../.ci/postgres.sh
source "$ROOT/.ci/postgres.sh"
# shellcheck source=common.sh
source "$ROOT/bench/common.sh"
bench_begin two-nodes

log "building the API (Release)"
bench_build

bench_postgres
bench_api_env   # one signing key for both nodes: a token from one is good on the other
export Vivapolis__RateLimits__AnonymousPerMinute=1000000000 Vivapolis__RateLimits__UserPerMinute=1000000000
export Vivapolis__RateLimits__SignInPerMinute=1000   # the lockout, not the limiter, is what the sign-in check sees
export PARTNER_LIMIT=30 Vivapolis__RateLimits__PartnerPerMinute=30
export Vivapolis__Webhooks__AllowLoopback=true   # the receiver is on 127.0.0.1
bench_admin two-nodes-admin@example.org "Deux nœuds"

export NODE_A=http://127.0.0.1:$(free_port)
log "starting node A on $NODE_A"
bench_start_api "$NODE_A" "$WORK/api-a.log"
bench_wait_ready "$NODE_A" "$BENCH_PID"
export NODE_B=http://127.0.0.1:$(free_port)
log "starting node B on $NODE_B"
bench_start_api "$NODE_B" "$WORK/api-b.log"
bench_wait_ready "$NODE_B" "$BENCH_PID"

log "checking"
python3 "$ROOT/bench/two_nodes.py"
