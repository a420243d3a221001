#!/usr/bin/env bash
# Set-up and the main job: builds, starts PostgreSQL under .data/, applies the schema, loads the demo
# content once, builds the editor SPA, then serves the API and the SPA until Ctrl-C. Data is kept between runs.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
source .ci/postgres.sh

API_PORT="${VIVAPOLIS_API_PORT:-5080}"
WEB_PORT="${VIVAPOLIS_WEB_PORT:-5173}"
PG_PORT="${VIVAPOLIS_PG_PORT:-55432}"
DATA_DIR="${VIVAPOLIS_DATA_DIR:-$ROOT/.data}"
mkdir -p "$DATA_DIR"
DATA_DIR=$(cd "$DATA_DIR" && pwd)
# Usually $DATA_DIR/postgres; elsewhere when the postgres user cannot enter this folder (see pg_cluster_dir).
PG_DIR=$(pg_cluster_dir "$DATA_DIR/postgres") || exit 1
PIDS=()

stop() {
  # A second Ctrl-C or TERM while stopping must not cut the stop short and leave PostgreSQL running.
  trap - EXIT
  trap "" INT TERM
  echo "stopping"
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  pg_stop "$PG_DIR"
  echo "stopped"
}
trap stop EXIT
trap 'exit 130' INT TERM

pg_require || exit 1

echo "building the API"
dotnet build api -c Release -v q -nologo -clp:ErrorsOnly

echo "starting PostgreSQL on 127.0.0.1:$PG_PORT (data in $PG_DIR)"
pg_start "$PG_DIR" "$PG_PORT"

# The signing key of the bearer tokens: made once, kept with the data, never committed.
KEY_FILE="$DATA_DIR/jwt-signing-key"
if [ ! -s "$KEY_FILE" ]; then
  (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n' >"$KEY_FILE")
fi
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=vivapolis"
export Vivapolis__Jwt__SigningKey="$(cat "$KEY_FILE")"
export Vivapolis__Cors__ManageOrigins="http://127.0.0.1:$WEB_PORT,http://localhost:$WEB_PORT"
# Development: webhooks may go to a receiver on this machine (127.0.0.1, localhost), over http too.
export Vivapolis__Webhooks__AllowLoopback=true
# The media library's files (named by content hash) beside the database; URLs of published images start with the API.
export Vivapolis__Media__Root="$DATA_DIR/media"
export Vivapolis__Media__PublicBaseUrl="http://127.0.0.1:$API_PORT"
API_DLL="$ROOT/api/bin/Release/net10.0/Vivapolis.Api.dll"

echo "applying the schema and loading the demo content (once)"
dotnet "$API_DLL" seed-demo --contentRoot "$(dirname "$API_DLL")"

echo "building the editor SPA and the partner agenda"
(cd web-client && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run --silent build >/dev/null \
  && npm run --silent build:agenda >/dev/null)
printf '{"apiBaseUrl": "http://127.0.0.1:%s"}\n' "$API_PORT" >web-client/dist/config.json
# The partner demo page, served by the SPA's static host (another origin than the API, as on a partner's site).
sed "s#http://127.0.0.1:5080#http://127.0.0.1:$API_PORT#g" web-client/embed-demo.html >web-client/dist/embed-demo.html
# The API serves the element at /embed/agenda.js.
export Vivapolis__Embed__AgendaScript="$ROOT/web-client/dist-agenda/agenda.js"

dotnet "$API_DLL" --urls "http://127.0.0.1:$API_PORT" --contentRoot "$(dirname "$API_DLL")" &
PIDS+=($!)
(cd web-client && exec ./node_modules/.bin/vite preview --host 127.0.0.1 --port "$WEB_PORT" --strictPort >/dev/null) &
PIDS+=($!)

up() {
  curl -fsS --max-time 2 "http://127.0.0.1:$API_PORT/health/ready" >/dev/null 2>&1 && curl -fsS --max-time 2 "http://127.0.0.1:$WEB_PORT/" >/dev/null 2>&1
}
for _ in $(seq 1 60); do up && break; sleep 0.5; done
if ! up; then
  echo "the API or the SPA did not come up on ports $API_PORT and $WEB_PORT (taken? see the messages above)" >&2
  exit 1
fi

echo
echo "API:     http://127.0.0.1:$API_PORT   (Swagger UI: http://127.0.0.1:$API_PORT/swagger)"
echo "Editor:  http://127.0.0.1:$WEB_PORT   (editor@example.org / vivapolis-editor-demo)"
echo "Partner demo page: http://127.0.0.1:$WEB_PORT/embed-demo.html   (agenda.js: http://127.0.0.1:$API_PORT/embed/agenda.js)"
echo "ready"
wait -n "${PIDS[@]}" || true
