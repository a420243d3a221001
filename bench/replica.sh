#!/usr/bin/env bash
# Delivery reads from a streaming standby: a real replica started from the machine's PostgreSQL binaries.
#
#   bash bench/replica.sh
#
# Starts a primary and a standby cloned from it with pg_basebackup (streaming, hot standby), builds the API in
# Release and starts it with ConnectionStrings__Postgres on the primary and ConnectionStrings__PostgresReads on
# "standby first, then primary" (Target Session Attributes=prefer-standby). bench/replica.py then checks, and exits
# non-zero when one fails:
#   1. the API's delivery connections are on the standby (pg_stat_activity there), its writes on the primary;
#   2. each publication is visible in delivery, through the standby, and how long after the 200 of the publish;
#   3. an item published under a cached list shows in that list once the standby has replayed it (no stale entry
#      kept for the cache's lifetime);
#   4. the primary stopped (immediate): delivery still answers from the standby, management answers 503 problems;
#      the primary back, writes work again by themselves.
# Run on purpose only (about a minute). BENCH_KEEP=1 keeps the temporary folder and its logs.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
# shellcheck source=../.ci/postgres.sh
source "$ROOT/.ci/postgres.sh"
# shellcheck source=common.sh
source "$ROOT/bench/common.sh"
bench_begin replica
PRIMARY=$WORK/primary
STANDBY=$WORK/standby
BENCH_CLUSTERS=("$STANDBY" "$PRIMARY")   # the standby first: it would retry its primary while stopping

log "building the API (Release)"
bench_build

PRIMARY_PORT=$(free_port)
log "starting the primary on 127.0.0.1:$PRIMARY_PORT"
pg_start "$PRIMARY" "$PRIMARY_PORT"   # durable: a standby streams its WAL

STANDBY_PORT=$(free_port)
log "cloning the standby (pg_basebackup -R) and starting it on 127.0.0.1:$STANDBY_PORT"
mkdir -p "$STANDBY"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$STANDBY"
chmod 700 "$STANDBY"
# initdb's pg_hba.conf trusts replication connections from 127.0.0.1: enough for a cluster on loopback.
pg_as "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$STANDBY" -R -X stream -c fast \
  >"$WORK/basebackup.log" 2>&1 || { cat "$WORK/basebackup.log" >&2; exit 1; }
pg_as "$PG_BIN/pg_ctl" -D "$STANDBY" -l "$STANDBY/server.log" -w -t 60 start \
  -o "-p $STANDBY_PORT -c listen_addresses=127.0.0.1 -k '$STANDBY' -c hot_standby=on -c max_connections=200" >/dev/null \
  || { tail -n 20 "$STANDBY/server.log" >&2; exit 1; }

export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PRIMARY_PORT;Database=vivapolis;Username=postgres;Timeout=3;Command Timeout=10"
export ConnectionStrings__PostgresReads="Host=127.0.0.1:$STANDBY_PORT,127.0.0.1:$PRIMARY_PORT;Database=vivapolis;Username=postgres;Target Session Attributes=prefer-standby;Application Name=vivapolis-reads;Timeout=3"
bench_api_env
export Vivapolis__RateLimits__UserPerMinute=1000000 Vivapolis__RateLimits__AnonymousPerMinute=1000000

bench_admin replica-admin@example.org "Réplique"

API_PORT=$(free_port)
export API=http://127.0.0.1:$API_PORT
log "starting the API on $API"
bench_start_api "$API" "$WORK/api.log"
bench_wait_ready "$API" "$BENCH_PID"

export PG_BIN PRIMARY PRIMARY_PORT STANDBY_PORT
export PG_AS_ROOT=$([ "$(id -u)" = 0 ] && echo 1 || echo 0)
log "checking"
python3 "$ROOT/bench/replica.py"
