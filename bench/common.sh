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
