# Shared by the fault scripts (bench/faults/*.sh): a PostgreSQL of their own, the API built in Release and started
# on a free port, the load generator (load.mjs), and the checks that no acknowledged write is missing and nothing
# is half-written (verify.sql). Source it from a script that has `set -euo pipefail`; it sets a trap that stops
# everything it started.

FAULTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$FAULTS/../.." && pwd)
# shellcheck source=../../.ci/postgres.sh
source "$ROOT/.ci/postgres.sh"
pg_require

WORK=$(mktemp -d /tmp/vivapolis-fault.XXXXXX)
chmod 755 "$WORK" # the postgres OS user must reach its cluster folder inside
PGDIR=$WORK/pg
BIN=$ROOT/api/bin/Release/net10.0
API_PID=""
LOAD_PID=""
STARTED=$SECONDS

log() { printf '[%s %3ds] %s\n' "$(basename "$0" .sh)" "$((SECONDS - STARTED))" "$*" >&2; }

fault_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$LOAD_PID" ]; then kill "$LOAD_PID" 2>/dev/null || true; wait "$LOAD_PID" 2>/dev/null || true; fi
  api_stop
  pg_stop "$PGDIR"
  if [ "${FAULT_KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap fault_cleanup EXIT
trap 'echo "$(basename "$0"): failed at line $LINENO: $BASH_COMMAND" >&2' ERR
trap 'exit 130' INT
trap 'exit 143' TERM

# fault_prepare [throwaway]: builds the API, starts PostgreSQL (fsync on unless throwaway), applies the schema
# and the demo accounts and content (editor@example.org / vivapolis-editor-demo).
fault_prepare() {
  log "building the API (Release)"
  dotnet build "$ROOT/api" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log" >&2; exit 1; }
  PG_PORT=$(free_port)
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT (${1:-durable: fsync on})"
  pg_start "$PGDIR" "$PG_PORT" ${1:-}
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=vivapolis;Username=postgres"
  export Vivapolis__Jwt__SigningKey
  Vivapolis__Jwt__SigningKey=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
  export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
  # All the load comes from one address and one account: the limiter runs, with allowances the load cannot spend.
  export Vivapolis__RateLimits__AnonymousPerMinute=1000000000 Vivapolis__RateLimits__UserPerMinute=1000000000
  export Vivapolis__RateLimits__SignInPerMinute=1000000
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  (cd "$BIN" && dotnet Vivapolis.Api.dll seed-demo) >"$WORK/seed.log" 2>&1 || { tail -n 30 "$WORK/seed.log" >&2; exit 1; }
  API_PORT=$(free_port)
  API=http://127.0.0.1:$API_PORT
}

# api_start: starts the API and waits for /health/ready; sets API_READY_MS (start to ready).
api_start() {
  local t0 i
  t0=$(date +%s%N)
  cd "$BIN" # content root: the build output; $! must be dotnet itself
  dotnet Vivapolis.Api.dll --urls "$API" >>"$WORK/api.log" 2>&1 &
  API_PID=$!
  cd "$ROOT"
  for i in $(seq 300); do
    curl -fsS -o /dev/null --max-time 2 "$API/health/ready" 2>/dev/null && break
    kill -0 "$API_PID" 2>/dev/null || { tail -n 30 "$WORK/api.log" >&2; echo "the API stopped" >&2; exit 1; }
    [ "$i" -lt 300 ] || { tail -n 30 "$WORK/api.log" >&2; echo "the API was not ready in 30 s" >&2; exit 1; }
    sleep 0.1
  done
  API_READY_MS=$((($(date +%s%N) - t0) / 1000000))
}

api_stop() {
  if [ -n "$API_PID" ] && kill -0 "$API_PID" 2>/dev/null; then
    kill "$API_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$API_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$API_PID" 2>/dev/null || true
  fi
  if [ -n "$API_PID" ]; then wait "$API_PID" 2>/dev/null || true; fi
  API_PID=""
}

# load_start ARGS…: the load generator in the background, its ledger and summary in $WORK.
load_start() {
  : >"$WORK/ledger.csv"
  node "$FAULTS/load.mjs" --api "$API" --ledger "$WORK/ledger.csv" --summary "$WORK/summary.json" "$@" >"$WORK/load.log" 2>&1 &
  LOAD_PID=$!
}

load_stop() {
  kill -TERM "$LOAD_PID" 2>/dev/null || true
  wait "$LOAD_PID" || { cat "$WORK/load.log" >&2; echo "the load generator failed" >&2; exit 1; }
  LOAD_PID=""
}

acknowledged() { wc -l <"$WORK/ledger.csv" | tr -d ' '; }

# summary_get EXPR: a figure from the load generator's summary (a JavaScript expression over `s`).
summary_get() { node -e "const s = require(process.argv[1]); console.log(eval(process.argv[2]))" "$WORK/summary.json" "$1"; }

sql() { pg_as "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d vivapolis -v ON_ERROR_STOP=1 -tA "$@"; }

# verify: runs verify.sql against the ledger; prints its figures; sets LOST and HALF (both must be 0).
verify() {
  sql -q -f "$FAULTS/verify.sql" <"$WORK/ledger.csv" >"$WORK/verify.txt" 2>&1 || { cat "$WORK/verify.txt" >&2; exit 1; }
  VERIFIED=$(cat "$WORK/verify.txt")
  LOST=$(awk -F'|' '$1 == "lost" { s += $2 } END { print s + 0 }' "$WORK/verify.txt")
  HALF=$(awk -F'|' '$1 == "half" { s += $2 } END { print s + 0 }' "$WORK/verify.txt")
}

print_verify() {
  printf '%s\n' "$VERIFIED" | awk -F'|' '{ printf "  %-5s %-62s %s\n", $1, $3, $2 }'
}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
