#!/usr/bin/env bash
# Fault: PostgreSQL crashes (pg_ctl -m immediate: no checkpoint, no goodbye to clients) under load, stays down a
# few seconds, and starts again (crash recovery from its WAL; fsync stays on). Meanwhile the API must answer 503
# problems with Retry-After quickly (not hang, not 500), /health/ready must say 503 and /health/live 200; once
# PostgreSQL is back the API must recover by itself (no restart), and no acknowledged write may be lost or
# half-written. Exits 1 on any of these.
#
#   bash bench/faults/postgres-restart.sh      # about 1 minute after the build
#
# Settings (environment): FAULT_DOWN (5: seconds PostgreSQL stays down), FAULT_INTERVAL (6: seconds of load
# before the crash and after the recovery), FAULT_WRITERS (8), FAULT_KEEP (1: keep the temporary folder).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DOWN=${FAULT_DOWN:-5}
INTERVAL=${FAULT_INTERVAL:-6}
WRITERS=${FAULT_WRITERS:-8}

fault_prepare # durable: fsync and synchronous commit on, as in production
api_start
log "API ready; $WRITERS writers, 2 readers and 1 searcher start"
load_start --writers "$WRITERS" --readers 2 --searchers 1
sleep "$INTERVAL"

before=$(acknowledged)
log "crash: pg_ctl -m immediate stop with $before writes acknowledged"
pg_as "$PG_BIN/pg_ctl" -D "$PGDIR" -m immediate -w stop >/dev/null
down_at=$(date +%s%N)

# What a client and a load balancer see while it is down: one probe of each kind every half second.
: >"$WORK/probes.txt"
probe() { # KIND URL
  curl -s -o "$WORK/probe-body" -D "$WORK/probe-headers" -w "%{http_code} %{time_total}" --max-time 15 "$2" \
    | awk -v kind="$1" '{ print kind, $1, $2 }' >>"$WORK/probes.txt"
  if [ "$1" = search ] && [ ! -s "$WORK/outage-example.txt" ]; then cat "$WORK/probe-headers" "$WORK/probe-body" >"$WORK/outage-example.txt"; fi
}
while [ $((($(date +%s%N) - down_at) / 1000000)) -lt $((DOWN * 1000)) ]; do
  probe ready "$API/health/ready"
  probe live "$API/health/live"
  probe search "$API/api/v1/search?q=panne-$RANDOM"
  sleep 0.5
done
during=$(($(acknowledged) - before))

log "restart: PostgreSQL starts again (crash recovery)"
pg_start "$PGDIR" "$PG_PORT"
up_at=$(date +%s%N)
ready_ms=""
for _ in $(seq 300); do
  if curl -fsS -o /dev/null --max-time 2 "$API/health/ready" 2>/dev/null; then ready_ms=$((($(date +%s%N) - up_at) / 1000000)); break; fi
  sleep 0.1
done
after_up=$(acknowledged)
write_ms=""
for _ in $(seq 300); do
  if [ "$(acknowledged)" -gt "$after_up" ]; then write_ms=$((($(date +%s%N) - up_at) / 1000000)); break; fi
  sleep 0.1
done
log "ready again ${ready_ms:-never} ms after PostgreSQL was up; first acknowledged write after ${write_ms:-never} ms"
sleep "$INTERVAL"
load_stop
api_stop
verify

# Probes during the outage: status counts and the slowest answer, per kind.
probes() { awk -v kind="$1" '$1 == kind { n[$2]++; if ($3 > max) max = $3 } END { s = ""; for (k in n) s = s k "x" n[k] " "; printf "%s(slowest %.3f s)", s, max }' "$WORK/probes.txt"; }
bad_probes=$(awk '($1 == "ready" && $2 != 503) || ($1 == "live" && $2 != 200) || ($1 == "search" && $2 != 503) || $3 > 5' "$WORK/probes.txt" | wc -l)
retry_after=$(grep -i '^retry-after:' "$WORK/outage-example.txt" | tr -d '\r' | cut -d' ' -f2)
problem=$(grep -ci '^content-type: application/problem+json' "$WORK/outage-example.txt" || true)
unexpected=$(summary_get "Object.entries(s.byStatus).filter(([k]) => !['200','201','404','409','412','503'].includes(k)).map(([k, n]) => k + 'x' + n).join(' ') || 'none'")
served_503=$(summary_get "s.byStatus['503'] ?? 0")
slowest_503=$(summary_get "Math.max(0, ...Object.entries(s.latencyMs).filter(([k]) => k.endsWith(' 503')).map(([, v]) => v.max))")

echo
echo "PostgreSQL crash (pg_ctl -m immediate, fsync on) for ${DOWN}s under $WRITERS writers, 2 readers, 1 searcher"
printf '  %-52s %s\n' \
  "probes while down: /health/ready" "$(probes ready)" \
  "probes while down: /health/live" "$(probes live)" \
  "probes while down: GET /api/v1/search" "$(probes search)" \
  "503 answer: problem+json, Retry-After" "$([ "$problem" -gt 0 ] && echo yes || echo no), ${retry_after:-none}" \
  "load: 503 answers, slowest (ms)" "$served_503, $slowest_503" \
  "load: statuses" "$(summary_get "JSON.stringify(s.byStatus)")" \
  "load: other statuses, no answer, timeouts" "$unexpected, $(summary_get 's.network'), $(summary_get 's.timeouts')" \
  "writes acknowledged after the crash was ordered" "$during (in flight, committed before it)" \
  "PostgreSQL up to /health/ready 200 (ms)" "${ready_ms:-never}" \
  "PostgreSQL up to first acknowledged write (ms)" "${write_ms:-never}" \
  "acknowledged writes in all" "$(acknowledged)"
echo "  checks against the database:"
print_verify

failures=()
[ "$bad_probes" = 0 ] || failures+=("$bad_probes probes were not 503 (ready, search) / 200 (live) within 5 s")
[ "$problem" -gt 0 ] && [ -n "$retry_after" ] || failures+=("the 503 was not a problem with Retry-After")
[ "$unexpected" = none ] || failures+=("unexpected statuses: $unexpected")
[ "$(summary_get 's.network + s.timeouts')" = 0 ] || failures+=("requests without an answer or timed out")
[ "$served_503" -gt 0 ] || failures+=("the load never saw a 503: was the database down?")
[ -n "$ready_ms" ] && [ -n "$write_ms" ] || failures+=("the API did not recover by itself")
[ "$LOST" = 0 ] && [ "$HALF" = 0 ] || failures+=("$LOST lost, $HALF half-written")
if [ ${#failures[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failures[@]}"
  exit 1
fi
echo "OK: 503 problems while down, recovery by itself, 0 lost, 0 half-written"
