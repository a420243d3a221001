# What the benchmark scripts share: the API's environment, waiting for it, stopping what they started.
# Sourced by bench/delivery.sh and bench/aggregator.sh (after .ci/postgres.sh), with ROOT and WORK set.

# The API as production runs it, with a fresh signing key and quiet logs.
bench_api_env() {
  export Vivapolis__Jwt__SigningKey
  Vivapolis__Jwt__SigningKey=$(python3 -c 'import secrets,string; print("".join(secrets.choice(string.ascii_letters+string.digits) for _ in range(48)))')
  export ASPNETCORE_ENVIRONMENT=Production
  export Logging__LogLevel__Default=Warning
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
}

# bench_build: the API in Release, its log in $WORK/build.log; sets BIN to the build output.
bench_build() {
  dotnet build "$ROOT/api" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log" >&2; return 1; }
  BIN=$ROOT/api/bin/Release/net10.0
}

# bench_wait_ready URL PID: until /health/ready answers (60 s at most), or the process is gone.
bench_wait_ready() {
  local i
  for i in $(seq 120); do
    curl -fsS -o /dev/null "$1/health/ready" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { tail -n 30 "$WORK/api.log" >&2; echo "the API stopped" >&2; return 1; }
    sleep 0.5
  done
  tail -n 30 "$WORK/api.log" >&2
  echo "the API was not ready in 60 s" >&2
  return 1
}

# bench_stop PID [SIGNAL]: asks the process to stop, waits 5 s, then kills it.
bench_stop() {
  [ -n "$1" ] && kill -0 "$1" 2>/dev/null || return 0
  kill "-${2:-TERM}" "$1" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}

# bench_admin EMAIL NAME: creates an administrator with a random password; exports ADMIN_EMAIL and ADMIN_PASSWORD.
bench_admin() {
  export ADMIN_EMAIL=$1 ADMIN_PASSWORD
  ADMIN_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
  (cd "$BIN" && printf '%s\n' "$ADMIN_PASSWORD" | dotnet Vivapolis.Api.dll create-admin "$ADMIN_EMAIL" "$2") >"$WORK/admin.log" 2>&1 \
    || { tail -n 30 "$WORK/admin.log" >&2; return 1; }
}

# bench_start_api URL LOG: starts the API from the build output (its content root) in the background; sets BENCH_PID
# (and bench_end stops it).
bench_start_api() {
  pushd "$BIN" >/dev/null   # $! must be dotnet itself, not a subshell
  dotnet Vivapolis.Api.dll --urls "$1" >"$2" 2>&1 &
  BENCH_PID=$!
  BENCH_PIDS+=("$BENCH_PID")
  popd >/dev/null
}

# bench_postgres: a throwaway PostgreSQL (fsync off) in $WORK/pg on a free port PG_PORT, stopped by bench_end;
# exports ConnectionStrings__Postgres for the API.
bench_postgres() {
  PG_PORT=$(free_port)
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  pg_start "$WORK/pg" "$PG_PORT" throwaway
  BENCH_CLUSTERS+=("$WORK/pg")
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=vivapolis;Username=postgres"
}

# bench_begin NAME: the start of a script that checks: log(), the tools it needs, a temporary folder WORK that the
# postgres OS user may enter, and traps that stop what was started (BENCH_PIDS, BENCH_CLUSTERS) also on error or Ctrl-C.
bench_begin() {
  BENCH_NAME=$1
  BENCH_STARTED=$SECONDS
  BENCH_PIDS=()
  BENCH_CLUSTERS=()
  log() { printf '[%s %3ds] %s\n' "$BENCH_NAME" "$((SECONDS - BENCH_STARTED))" "$*" >&2; }
  command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 1; }
  command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }
  pg_require
  WORK=$(mktemp -d "/tmp/vivapolis-$BENCH_NAME.XXXXXX")
  chmod 755 "$WORK"
  trap bench_end EXIT
  trap 'echo "bench/$BENCH_NAME.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

bench_end() {
  local rc=$? pid dir
  trap - EXIT INT TERM
  for pid in "${BENCH_PIDS[@]}"; do bench_stop "$pid"; done
  for dir in "${BENCH_CLUSTERS[@]}"; do pg_stop "$dir"; done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
