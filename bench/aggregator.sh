#!/usr/bin/env bash
# The aggregator's figures: initial sync of BENCH_ITEMS published items (articles, fiches, events), then BENCH_WRITERS
# writers publishing while a mirror pulls the change feed and a webhook receiver verifies every signature.
#
#   bash bench/aggregator.sh
#
# Builds the API in Release, starts a throwaway PostgreSQL, seeds the items (seed-bench N mixed), creates an
# administrator, starts the API on a free 127.0.0.1 port, runs bench/aggregator.py (which prints one table) and
# stops everything it started (also on Ctrl-C or error). Run on purpose only: about 2 to 3 minutes, most of it seeding.
#
# Settings (environment): BENCH_ITEMS (100000), BENCH_WRITERS (8), BENCH_WRITES (40, per writer), BENCH_KEEP (1: keep
# the temporary folder with the API and seed logs).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
ITEMS=${BENCH_ITEMS:-100000}
# shellcheck source=../.ci/postgres.sh
source "$ROOT/.ci/postgres.sh"
# shellcheck source=common.sh
source "$ROOT/bench/common.sh"
bench_begin aggregator

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "load average before: $LOAD_BEFORE (2 cores; the figures mean more when it is low)"
log "building the API (Release)"
bench_build

bench_postgres
bench_api_env
# One client address, one key and one account do all the work: allowances they cannot spend (the limiter still runs).
export Vivapolis__RateLimits__PartnerPerMinute=1000000000 Vivapolis__RateLimits__UserPerMinute=1000000000
export Vivapolis__RateLimits__AnonymousPerMinute=1000000000
export Vivapolis__Webhooks__AllowLoopback=true   # the receiver is on 127.0.0.1

log "seeding $ITEMS published items (half articles, a quarter fiches, a quarter events)"
(cd "$BIN" && dotnet Vivapolis.Api.dll seed-bench "$ITEMS" mixed) >"$WORK/seed.log" 2>&1 || { tail -n 30 "$WORK/seed.log" >&2; exit 1; }
grep '^seed-bench' "$WORK/seed.log" >&2 || true
bench_admin bench-admin@example.org "Banc d'essai"

API_PORT=$(free_port)
export API=http://127.0.0.1:$API_PORT
log "starting the API on $API"
bench_start_api "$API" "$WORK/api.log"
API_PID=$BENCH_PID
bench_wait_ready "$API" "$API_PID"

log "measuring"
export API_PID EXPECTED=$ITEMS WRITERS=${BENCH_WRITERS:-8} WRITES=${BENCH_WRITES:-40}
status=0
python3 "$ROOT/bench/aggregator.py" || status=$?
echo
echo "load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores)"
exit "$status"
