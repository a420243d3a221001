#!/usr/bin/env bash
# Partner-site figures: agenda.js size, script load to events painted, iCalendar feed generation for 500 events.
#
#   bash bench/partners.sh          # about 2 minutes on a 2-core machine
#
# Builds the API (Release) and agenda.js, starts a throwaway PostgreSQL and an API of its own on free 127.0.0.1
# ports, seeds the demo accounts and BENCH_EVENTS (500) published events through the API, then runs
# bench/partners.mjs (Chromium from Debian for the paint figure) and prints the figures. Stops everything it
# started, also on Ctrl-C or error. Settings: BENCH_EVENTS (500), BENCH_FEED_RUNS (30), BENCH_PAINT_RUNS (15).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
STARTED=$SECONDS
log() { printf '[partners %3ds] %s\n' "$((SECONDS - STARTED))" "$*" >&2; }

# shellcheck source=../.ci/postgres.sh
source "$ROOT/.ci/postgres.sh"
pg_require
[ -x /usr/bin/chromium ] || { echo "chromium is missing: apt-get install -y chromium" >&2; exit 1; }

WORK=$(mktemp -d /tmp/vivapolis-partners-bench.XXXXXX)
chmod 755 "$WORK"   # the postgres OS user must reach its cluster folder inside
PGDIR=$WORK/pg
API_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$API_PID" ] && kill -0 "$API_PID" 2>/dev/null; then
    kill "$API_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$API_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$API_PID" 2>/dev/null || true
  fi
  pg_stop "$PGDIR"
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "building the API (Release) and agenda.js"
dotnet build "$ROOT/api" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log" >&2; exit 1; }
(cd web-client && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run --silent build:agenda >/dev/null)
SIZE=$(cd web-client && npm run --silent size:agenda)
BIN=$ROOT/api/bin/Release/net10.0

PG_PORT=$(free_port)
log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
pg_start "$PGDIR" "$PG_PORT" throwaway
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=vivapolis;Username=postgres"
export Vivapolis__Jwt__SigningKey="bench-$(date +%s%N)-signing-key-with-enough-length"
export Vivapolis__Embed__AgendaScript="$ROOT/web-client/dist-agenda/agenda.js"
export Vivapolis__RateLimits__UserPerMinute=1000000000 Vivapolis__RateLimits__AnonymousPerMinute=1000000000
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log "loading the demo accounts (seed-demo)"
(cd "$BIN" && dotnet Vivapolis.Api.dll seed-demo) >"$WORK/seed.log" 2>&1 || { tail -n 30 "$WORK/seed.log" >&2; exit 1; }
API_PORT=$(free_port)
API=http://127.0.0.1:$API_PORT
log "starting the API on $API"
cd "$BIN"   # content root: the build output; $! must be dotnet itself
dotnet Vivapolis.Api.dll --urls "$API" >"$WORK/api.log" 2>&1 &
API_PID=$!
cd "$ROOT"
for i in $(seq 120); do
  curl -fsS -o /dev/null "$API/health/ready" 2>/dev/null && break
  kill -0 "$API_PID" 2>/dev/null || { tail -n 30 "$WORK/api.log" >&2; echo "the API stopped" >&2; exit 1; }
  [ "$i" -lt 120 ] || { echo "the API was not ready in 60 s" >&2; exit 1; }
  sleep 0.5
done

log "seeding events and measuring"
FIGURES=$(BENCH_API=$API BENCH_EMAIL=admin@example.org BENCH_PASSWORD=vivapolis-admin-demo node bench/partners.mjs)
echo
echo "Vivapolis partner-site figures ($(nproc) cores shared by Chromium, the API and PostgreSQL; API Release, Production, 127.0.0.1)"
echo "size  $SIZE"
echo "$FIGURES"
log "done"
