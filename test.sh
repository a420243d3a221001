#!/usr/bin/env bash
# The whole test suite, from a fresh clone: backend tests over a throwaway PostgreSQL, the contract checks,
# the web client's unit tests and build, and the browser test in Debian's Chromium against the real API.
# Stops what it started, even on failure, and ends with a line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
source .ci/postgres.sh

PG_DIR=$(mktemp -d /tmp/vivapolis-test-pg.XXXXXX)
API_PID=""
LOGS=$ROOT/test-results
mkdir -p "$LOGS"
passed=0
failed=0

cleanup() {
  if [ -n "$API_PID" ]; then kill "$API_PID" 2>/dev/null; wait "$API_PID" 2>/dev/null; fi
  if [ -n "${PARTNER_API_PID:-}" ]; then kill "$PARTNER_API_PID" 2>/dev/null; wait "$PARTNER_API_PID" 2>/dev/null; fi
  pg_stop "$PG_DIR"
  rm -rf "$PG_DIR" "$PG_DIR.initdb.log" "$PG_DIR.media"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

section() { printf '\n=== %s ===\n' "$*"; }
# A step the rest depends on failed: count it, print the summary line anyway, stop.
give_up() { count 0 1 "$1"; echo; echo "$passed passed, $failed failed"; exit 1; }
count() { passed=$((passed + $1)); failed=$((failed + $2)); printf -- '--- %s: %s passed, %s failed\n' "$3" "$1" "$2"; }
# A check that is one command: it passes or fails as a whole.
check() {
  local name="$1"; shift
  if "$@"; then count 1 0 "$name"; else count 0 1 "$name"; fi
}

section "Prerequisites"
pg_require || give_up "PostgreSQL binaries"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing Debian's chromium for the browser tests"
    apt-get install -y -o DPkg::Lock::Timeout=300 chromium >"$LOGS/apt-chromium.log" 2>&1 \
      || { apt-get update >/dev/null 2>&1 && apt-get install -y -o DPkg::Lock::Timeout=300 chromium >>"$LOGS/apt-chromium.log" 2>&1; } \
      || { echo "could not install chromium (see $LOGS/apt-chromium.log)"; }
  else
    echo "chromium is missing: sudo apt-get install -y chromium"
  fi
fi
(cd web-client && npm ci --no-audit --no-fund --loglevel=error) || give_up "npm ci"

section "Scripts"
check "first run: run.sh's PostgreSQL as root from a folder closed to others, and as a user" tests/scripts/first-run-postgres.sh

section "PostgreSQL (throwaway)"
PG_PORT=$(free_port)
pg_start "$PG_DIR" "$PG_PORT" throwaway || give_up "start PostgreSQL"
export VIVAPOLIS_TEST_DB="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=vivapolis;Maximum Pool Size=60"
echo "listening on 127.0.0.1:$PG_PORT"

section "Backend build"
dotnet build Vivapolis.Api.sln -v q -nologo -clp:ErrorsOnly || give_up "dotnet build"

section "Backend tests (xunit, real PostgreSQL)"
dotnet test --project tests/Vivapolis.Api.Tests --no-build 2>&1 | tee "$LOGS/backend.log" | grep -vE '^\s+(info|warn|fail|dbug): |^\s{8}' || true
backend_passed=$(grep -E '^\s+succeeded: [0-9]+' "$LOGS/backend.log" | tail -1 | grep -oE '[0-9]+' || echo 0)
backend_failed=$(grep -E '^\s+failed: [0-9]+' "$LOGS/backend.log" | tail -1 | grep -oE '[0-9]+' || echo 0)
if [ "${backend_passed:-0}" = 0 ] && [ "${backend_failed:-0}" = 0 ]; then backend_failed=1; fi
count "${backend_passed:-0}" "${backend_failed:-0}" "backend tests"

section "Contract"
check "openapi.yaml lints clean (redocly)" bash -c 'cd web-client && npm run --silent lint:openapi'
check "web-client types follow openapi.yaml" bash -c 'cd web-client && npm run --silent check:api'

section "Web client: unit tests and build"
(cd web-client && NO_COLOR=1 npx vitest run 2>&1) | tee "$LOGS/web-unit.log"
unit_line=$(sed 's/\x1b\[[0-9;]*m//g' "$LOGS/web-unit.log" | grep -E '^\s*Tests\s' | tail -1)
unit_passed=$(echo "$unit_line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || echo 0)
unit_failed=$(echo "$unit_line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || echo 0)
if [ -z "$unit_line" ]; then unit_failed=1; fi
count "${unit_passed:-0}" "${unit_failed:-0}" "web-client unit tests"
check "web-client type check and build" bash -c 'cd web-client && npm run --silent build >/dev/null'
check "web-client bundle within its gzip budget" bash -c 'cd web-client && npm run --silent check:size'

section "Browser test (Chromium) against the real API"
API_PORT=$(free_port)
WEB_PORT=$(free_port)
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=vivapolis"
export Vivapolis__Jwt__SigningKey="test-run-$(date +%s%N)-signing-key-with-enough-length"
export Vivapolis__Cors__ManageOrigins="http://127.0.0.1:$WEB_PORT"
# Every role signs in during the walk, and a new account sets its password: more than the 10 a minute per address.
export Vivapolis__RateLimits__SignInPerMinute=100
export Vivapolis__Media__Root="$PG_DIR.media"
# The webhooks walk points a webhook at a receiver the test starts on 127.0.0.1: the API refuses loopback
# receivers (SSRF guard) unless this development setting allows them, over http too.
export Vivapolis__Webhooks__AllowLoopback=true
API_DLL="$ROOT/api/bin/Debug/net10.0/Vivapolis.Api.dll"
if dotnet "$API_DLL" seed-demo --contentRoot "$(dirname "$API_DLL")" >"$LOGS/api-seed.log" 2>&1; then
  dotnet "$API_DLL" --urls "http://127.0.0.1:$API_PORT" --contentRoot "$(dirname "$API_DLL")" >"$LOGS/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 60); do
    curl -fsS --max-time 2 "http://127.0.0.1:$API_PORT/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  (cd web-client && VIVAPOLIS_API_URL="http://127.0.0.1:$API_PORT" VIVAPOLIS_E2E_WEB_PORT="$WEB_PORT" npm run --silent test:e2e 2>&1) \
    | tee "$LOGS/e2e.log"
  e2e_passed=$(grep -E '^# pass [0-9]+' "$LOGS/e2e.log" | grep -oE '[0-9]+' || echo 0)
  e2e_failed=$(grep -E '^# fail [0-9]+' "$LOGS/e2e.log" | grep -oE '[0-9]+' || echo 0)
  if [ "${e2e_passed:-0}" = 0 ] && [ "${e2e_failed:-0}" = 0 ]; then e2e_failed=1; fi
  count "${e2e_passed:-0}" "${e2e_failed:-0}" "browser test"
else
  cat "$LOGS/api-seed.log"
  count 0 1 "seed the demo data for the browser test"
fi

section "Partner sites: agenda.js, its browser test, the feeds read by ical.js and rss-parser"
# An API of its own (same database, demo data), serving the element it just built at /embed/agenda.js.
check "agenda.js builds within its budget (10 kB gzip)" bash -c 'cd web-client && npm run --silent build:agenda >/dev/null && npm run --silent size:agenda'
PARTNER_API_PORT=$(free_port)
PARTNER_API_DLL="$ROOT/api/bin/Debug/net10.0/Vivapolis.Api.dll"
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=vivapolis"
export Vivapolis__Jwt__SigningKey="${Vivapolis__Jwt__SigningKey:-partners-$(date +%s%N)-signing-key-with-enough-length}"
if dotnet "$PARTNER_API_DLL" seed-demo --contentRoot "$(dirname "$PARTNER_API_DLL")" >"$LOGS/partners-seed.log" 2>&1; then
  Vivapolis__Embed__AgendaScript="$ROOT/web-client/dist-agenda/agenda.js" \
    dotnet "$PARTNER_API_DLL" --urls "http://127.0.0.1:$PARTNER_API_PORT" --contentRoot "$(dirname "$PARTNER_API_DLL")" >"$LOGS/partners-api.log" 2>&1 &
  PARTNER_API_PID=$!
  for _ in $(seq 1 60); do
    curl -fsS --max-time 2 "http://127.0.0.1:$PARTNER_API_PORT/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  (cd web-client && VIVAPOLIS_API_URL="http://127.0.0.1:$PARTNER_API_PORT" npm run --silent test:agenda-e2e 2>&1) | tee "$LOGS/partners-e2e.log"
  kill "$PARTNER_API_PID" 2>/dev/null; wait "$PARTNER_API_PID" 2>/dev/null; PARTNER_API_PID=""
  partners_passed=$(grep -E '^# pass [0-9]+' "$LOGS/partners-e2e.log" | grep -oE '[0-9]+' || echo 0)
  partners_failed=$(grep -E '^# fail [0-9]+' "$LOGS/partners-e2e.log" | grep -oE '[0-9]+' || echo 0)
  if [ "${partners_passed:-0}" = 0 ] && [ "${partners_failed:-0}" = 0 ]; then partners_failed=1; fi
  count "${partners_passed:-0}" "${partners_failed:-0}" "partner agenda and feeds (browser, ical.js, rss-parser)"
else
  cat "$LOGS/partners-seed.log"
  count 0 1 "seed the demo data for the partner agenda test"
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
