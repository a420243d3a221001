#!/usr/bin/env bash
# Delivery benchmark: the public read endpoints of the API against nginx serving the same bytes as static files.
#
#   bash bench/delivery.sh
#
# Builds the API in Release, starts a throwaway PostgreSQL, seeds BENCH_ARTICLES published articles, starts the
# API and an nginx of its own, both on 127.0.0.1 free ports, runs wrk against each, prints one table, and stops
# everything it started (also on Ctrl-C or error). Run on purpose only: it loads the machine for ~3 minutes.
#
# Settings (environment): BENCH_DURATION (12s, in seconds), BENCH_WARMUP (3s, before each run), BENCH_API_WARMUP
# (24: seconds of load on the fresh API before any run), BENCH_CONNECTIONS (32), BENCH_THREADS (2), BENCH_ARTICLES
# (10000), BENCH_GZIP (1: also measure with Accept-Encoding: gzip), BENCH_KEEP (1: keep the temporary folder with
# wrk outputs, logs and payloads).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
DURATION=${BENCH_DURATION:-12s}
WARMUP=${BENCH_WARMUP:-3s}
API_WARMUP=${BENCH_API_WARMUP:-24}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
ARTICLES=${BENCH_ARTICLES:-10000}
GZIP=${BENCH_GZIP:-1}
STARTED=$SECONDS

log() { printf '[bench %3ds] %s\n' "$((SECONDS - STARTED))" "$*" >&2; }

# --- 1. Tools -------------------------------------------------------------------------------------------------
NGINX_BIN=$(command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true)
missing=()
command -v wrk >/dev/null || missing+=(wrk)
[ -n "$NGINX_BIN" ] || missing+=(nginx)
command -v curl >/dev/null || missing+=(curl)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "missing: ${missing[*]} (install them, or run as root)" >&2; exit 1; }
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null \
    || { apt-get update -o DPkg::Lock::Timeout=300 >/dev/null && apt-get install -y -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null; }
  NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)
fi

# --- 2. Build, PostgreSQL, clean-up ---------------------------------------------------------------------------
# shellcheck source=../.ci/postgres.sh
source "$ROOT/.ci/postgres.sh"
# shellcheck source=common.sh
source "$ROOT/bench/common.sh"
pg_require

WORK=$(mktemp -d /tmp/vivapolis-bench.XXXXXX)
chmod 755 "$WORK"   # the postgres OS user must reach its cluster folder inside
PGDIR=$WORK/pg
API_PID=""
NGINX_PID=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  bench_stop "$API_PID"
  bench_stop "$NGINX_PID" QUIT
  pg_stop "$PGDIR"
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "bench/delivery.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
trap 'exit 130' INT
trap 'exit 143' TERM

log "building the API (Release)"
bench_build

PG_PORT=$(free_port)
log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
pg_start "$PGDIR" "$PG_PORT" throwaway
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=vivapolis;Username=postgres"
bench_api_env
# wrk sends everything from one address, far above what one anonymous client may: the limiter still runs (its
# cost is part of what is measured) but with an allowance wrk cannot spend.
export Vivapolis__RateLimits__AnonymousPerMinute=1000000000

# --- 3. Seed --------------------------------------------------------------------------------------------------
log "seeding $ARTICLES published articles"
(cd "$BIN" && dotnet Vivapolis.Api.dll seed-bench "$ARTICLES") >"$WORK/seed.log" 2>&1 || { tail -n 30 "$WORK/seed.log" >&2; exit 1; }
grep '^seed-bench' "$WORK/seed.log" >&2 || true

# --- 4. API ---------------------------------------------------------------------------------------------------
API_PORT=$(free_port)
API=http://127.0.0.1:$API_PORT
log "starting the API on $API"
cd "$BIN"   # content root: the build output, with appsettings.json; $! must be dotnet itself, not a subshell
dotnet Vivapolis.Api.dll --urls "$API" >"$WORK/api.log" 2>&1 &
API_PID=$!
cd "$ROOT"
bench_wait_ready "$API" "$API_PID"

# --- 5. Payloads and nginx ------------------------------------------------------------------------------------
STATIC=$WORK/static
mkdir -p "$STATIC/items" "$WORK/nginx"
SLUG=$(curl -fsS "$API/api/v1/articles?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["slug"])')
LIST_PATH="/api/v1/articles?limit=20"
ITEM_PATH="/api/v1/articles/$SLUG"
curl -fsS -D "$WORK/list.headers" -o "$STATIC/list.json" "$API$LIST_PATH"
curl -fsS -D "$WORK/item.headers" -o "$STATIC/items/$SLUG" "$API$ITEM_PATH"
etag_of() { awk 'tolower($1)=="etag:" {sub(/\r$/,"",$2); print $2}' "$1"; }
LIST_ETAG=$(etag_of "$WORK/list.headers")
ITEM_ETAG=$(etag_of "$WORK/item.headers")
log "payloads: list $(wc -c <"$STATIC/list.json") bytes (ETag $LIST_ETAG), item '$SLUG' $(wc -c <"$STATIC/items/$SLUG") bytes (ETag $ITEM_ETAG)"

NGINX_PORT=$(free_port)
NGINX=http://127.0.0.1:$NGINX_PORT
{
  [ "$(id -u)" = 0 ] && echo "user root;"
  cat <<EOF
worker_processes 2;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000000;   # Kestrel does not close kept-alive connections after N requests either
  client_body_temp_path $WORK/nginx/client_body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  # On the fly, level 1, like the API's GzipCompressionProvider at CompressionLevel.Fastest. Only for clients
  # that send Accept-Encoding: gzip; the plain runs get the file as is.
  gzip on;
  gzip_comp_level 1;
  gzip_types application/json;
  gzip_vary on;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location = /api/v1/articles { alias $STATIC/list.json; }
    location /api/v1/articles/ { alias $STATIC/items/; }
  }
}
EOF
} >"$WORK/nginx/nginx.conf"
"$NGINX_BIN" -t -q -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx/"
log "starting nginx on $NGINX"
"$NGINX_BIN" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx/" &
NGINX_PID=$!
for i in $(seq 50); do
  curl -fsS -o /dev/null "$NGINX$LIST_PATH" 2>/dev/null && break
  [ "$i" -lt 50 ] || { cat "$WORK/nginx/error.log" >&2; echo "nginx did not start" >&2; exit 1; }
  sleep 0.1
done

# Both servers must send the same bytes.
for path in "$LIST_PATH" "$ITEM_PATH"; do
  curl -fsS -o "$WORK/api.body" "$API$path"
  curl -fsS -o "$WORK/nginx.body" "$NGINX$path"
  cmp -s "$WORK/api.body" "$WORK/nginx.body" || { echo "nginx and the API differ on $path" >&2; exit 1; }
done

# --- 6. Load --------------------------------------------------------------------------------------------------
# CPU time (clock ticks) used so far by a process and, with --children, its direct children: the server side's
# cost per request, which is fairer than req/s alone when wrk competes for the same 2 cores.
cpu_ticks() {
  local total=0 pid stat fields
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    read -r -a fields <<<"${stat##*) }"
    total=$((total + fields[11] + fields[12]))
  done
  echo "$total"
}
children_of() { ps -o pid= --ppid "$1" 2>/dev/null | tr -s ' \n' ' '; }
PG_MASTER=$(head -n 1 "$PGDIR/postmaster.pid")
api_side() { echo "$API_PID $PG_MASTER $(children_of "$PG_MASTER")"; }
nginx_side() { echo "$NGINX_PID $(children_of "$NGINX_PID")"; }
HZ=$(getconf CLK_TCK)

RESULTS=$WORK/results.tsv
: >"$RESULTS"
CHECKS=$WORK/checks.txt
: >"$CHECKS"
FAILED=0

# to_ms VALUE: wrk's 512.00us / 1.20ms / 1.02s / 2.00m in milliseconds
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
  if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.2f", n }'; }

# check LABEL URL ETAG FILE: 200 with that ETag and those bytes, then 304 when the ETag is sent back.
check() {
  local label=$1 url=$2 etag=$3 file=$4 status got
  local tmp=$WORK/check.$BASHPID   # this shell's id: the background check and the main one never share files
  status=$(curl -sS -D "$tmp.headers" -o "$tmp.body" -w '%{http_code}' "$url")
  got=$(etag_of "$tmp.headers")
  if [ "$status" = 200 ] && [ "$got" = "$etag" ] && cmp -s "$tmp.body" "$file"; then
    echo "ok   $label: 200, ETag $got, same bytes" >>"$CHECKS"
  else
    echo "FAIL $label: status $status, ETag '$got' (expected $etag), bytes $(cmp -s "$tmp.body" "$file" && echo same || echo differ)" >>"$CHECKS"
    FAILED=1
  fi
  rm -f "$tmp.body"   # curl writes no file for an empty body
  status=$(curl -sS -o "$tmp.body" -w '%{http_code}' -H "If-None-Match: $etag" "$url")
  if [ "$status" = 304 ] && [ ! -s "$tmp.body" ]; then
    echo "ok   $label: 304 with If-None-Match" >>"$CHECKS"
  else
    echo "FAIL $label: If-None-Match gave $status" >>"$CHECKS"
    FAILED=1
  fi
}

# bench NAME SIDE(api|nginx) URL [gzip] [ETAG FILE to check while under load]
bench() {
  local name=$1 side=$2 url=$3 enc=${4:-} etag=${5:-} file=${6:-} out=$WORK/wrk-$1.txt
  local headers=() before after checker=""
  [ "$enc" = gzip ] && headers=(-H 'Accept-Encoding: gzip')
  local size
  size=$(curl -sS -o /dev/null -w '%{size_download}' "${headers[@]}" "$url")
  log "$name: warm-up $WARMUP, then $DURATION with $CONNECTIONS connections"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${headers[@]}" "$url" >/dev/null
  if [ -n "$etag" ]; then
    # One check in the middle of the run, while the server is under load.
    local half
    half=$(awk -v d="${DURATION%s}" 'BEGIN { print d / 2 }')
    ( sleep "$half"; check "$name (under load)" "$url" "$etag" "$file" ) &
    checker=$!
  fi
  before=$(cpu_ticks $("${side}_side"))
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${headers[@]}" "$url" >"$out"
  after=$(cpu_ticks $("${side}_side"))
  [ -z "$checker" ] || wait "$checker" || true
  local rps p50 p99 requests errors cpu
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  requests=$(awk '/requests in/ { print $1 }' "$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out")
  cpu=$(awk -v t="$((after - before))" -v hz="$HZ" -v r="$requests" 'BEGIN { printf "%.0f", (r > 0 ? t / hz * 1e6 / r : 0) }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "$size" "$errors" "$cpu" "$requests" >>"$RESULTS"
}

# A fresh API needs well over 5 s of load on 2 busy cores before tiered JIT and the GC settle: measured here, the
# same list run went from 240 to 560 req/s between a first and a third run. So it is warmed on every path first.
# Other work on the machine skews everything: what did other processes use while we measured? Busy ticks of the
# machine (user, nice, system) less ours: API, PostgreSQL, nginx, and this script's waited-for children (wrk, curl).
machine_busy() { awk '/^cpu / { print $2 + $3 + $4 }' /proc/stat; }
own_children() { local stat fields; stat=$(cat /proc/$$/stat); read -r -a fields <<<"${stat##*) }"; echo $((fields[13] + fields[14])); }
ours() { echo $(( $(cpu_ticks $(api_side) $(nginx_side)) + $(own_children) )); }
log "warming up the API for ${API_WARMUP}s"
part() { local s=$((API_WARMUP / $1)); echo "$((s > 0 ? s : 1))s"; }
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$(part 2)" "$API$LIST_PATH" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$(part 4)" "$API$ITEM_PATH" >/dev/null
if [ "$GZIP" = 1 ]; then
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$(part 8)" -H 'Accept-Encoding: gzip' "$API$LIST_PATH" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$(part 8)" -H 'Accept-Encoding: gzip' "$API$ITEM_PATH" >/dev/null
fi

MEASURE_START=$SECONDS
BUSY_BEFORE=$(machine_busy)
OURS_BEFORE=$(ours)
bench "API   list ?limit=20" api "$API$LIST_PATH" "" "$LIST_ETAG" "$STATIC/list.json"
bench "nginx list (file)" nginx "$NGINX$LIST_PATH"
bench "API   item by slug" api "$API$ITEM_PATH" "" "$ITEM_ETAG" "$STATIC/items/$SLUG"
bench "nginx item (file)" nginx "$NGINX$ITEM_PATH"
if [ "$GZIP" = 1 ]; then
  bench "API   list, gzip" api "$API$LIST_PATH" gzip
  bench "nginx list, gzip" nginx "$NGINX$LIST_PATH" gzip
  bench "API   item, gzip" api "$API$ITEM_PATH" gzip
  bench "nginx item, gzip" nginx "$NGINX$ITEM_PATH" gzip
fi

OTHERS=$(awk -v b="$(( $(machine_busy) - BUSY_BEFORE ))" -v o="$(( $(ours) - OURS_BEFORE ))" -v n="$(nproc)" -v t="$((SECONDS - MEASURE_START))" -v hz="$HZ" \
  'BEGIN { x = (b - o) / hz / t / n * 100; printf "%.0f", (x < 0 ? 0 : x) }')

# After the runs: still the same answers.
check "list after the runs" "$API$LIST_PATH" "$LIST_ETAG" "$STATIC/list.json"
check "item after the runs" "$API$ITEM_PATH" "$ITEM_ETAG" "$STATIC/items/$SLUG"
if [ "$GZIP" = 1 ]; then
  for path in "$LIST_PATH" "$ITEM_PATH"; do
    enc=$(curl -sS -o /dev/null -D - -H 'Accept-Encoding: gzip' "$API$path" | awk 'tolower($1)=="content-encoding:" {sub(/\r$/,"",$2); print $2}')
    if [ "$enc" = gzip ]; then echo "ok   API $path: Content-Encoding gzip" >>"$CHECKS"
    else echo "FAIL API $path: Content-Encoding '$enc' for Accept-Encoding: gzip" >>"$CHECKS"; FAILED=1; fi
  done
fi

# --- 7. Report ------------------------------------------------------------------------------------------------
echo
echo "Vivapolis delivery benchmark: $ARTICLES published articles, wrk -t$THREADS -c$CONNECTIONS -d$DURATION (API warmed ${API_WARMUP}s, then $WARMUP before each run), $(nproc) cores shared by wrk, server and PostgreSQL"
echo "API: Release, Production, http://127.0.0.1; nginx $("$NGINX_BIN" -v 2>&1 | sed 's/.*nginx\///'), worker_processes 2, same bytes as files; slug '$SLUG'"
echo
awk -F'\t' '
  function row(n, r, a, b, c, e, u, ratio_rps, ratio_p99) {
    printf "%-22s %10.0f %9.2f %9.2f %9d %7d %9d %10s %10s\n", n, r, a, b, c, e, u, ratio_rps, ratio_p99
  }
  BEGIN {
    printf "%-22s %10s %9s %9s %9s %7s %9s %10s %10s\n", "endpoint", "req/s", "p50 ms", "p99 ms", "bytes", "errors", "cpu us/req", "req/s", "p99"
    printf "%-22s %10s %9s %9s %9s %7s %9s %10s %10s\n", "", "", "", "", "", "", "", "our/static", "our/static"
    printf "%s\n", "---------------------------------------------------------------------------------------------------------"
  }
  { name[NR] = $1; rps[NR] = $2; p50[NR] = $3; p99[NR] = $4; size[NR] = $5; err[NR] = $6; cpu[NR] = $7 }
  END {
    for (i = 1; i <= NR; i += 2) {
      j = i + 1
      rr = rps[j] > 0 ? sprintf("%.3fx", rps[i] / rps[j]) : "-"
      pr = p99[j] > 0 ? sprintf("%.1fx", p99[i] / p99[j]) : "-"
      row(name[i], rps[i], p50[i], p99[i], size[i], err[i], cpu[i], rr, pr)
      row(name[j], rps[j], p50[j], p99[j], size[j], err[j], cpu[j], "", "")
    }
  }' "$RESULTS"
echo
echo "other processes on the machine used about ${OTHERS}% of its CPU during the runs (near 0 for a clean measurement)."
echo "bytes: response body size (compressed for gzip rows). cpu us/req: server-side CPU time per request (API + PostgreSQL, or nginx)."
echo "ratios: our/static req/s (higher is better, 1.000x = as fast as static files) and our/static p99 (lower is better)."
echo
echo "Correctness:"
sed 's/^/  /' "$CHECKS"
log "done in $((SECONDS - STARTED)) s"
# Checks made in the background write FAIL lines too: the file is the record.
if [ "$FAILED" != 0 ] || grep -q '^FAIL' "$CHECKS"; then echo "some checks failed" >&2; exit 1; fi
exit 0
