#!/usr/bin/env bash
# Fault: the API is killed (SIGKILL, no chance to finish anything) while 8 writers create, edit and publish
# articles, then started again, several times over. Afterwards every write the API acknowledged (2xx) must be in
# the database as acknowledged, and no change may be half-written (an item without its revision, its event or its
# public copy, or the other way round). Exits 1 on any loss.
#
#   bash bench/faults/kill-api.sh          # about 1 minute after the build
#
# Settings (environment): FAULT_KILLS (3), FAULT_INTERVAL (6: seconds of load before each kill and after the
# last restart), FAULT_WRITERS (8), FAULT_KEEP (1: keep the temporary folder with logs, ledger and summary).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
KILLS=${FAULT_KILLS:-3}
INTERVAL=${FAULT_INTERVAL:-6}
WRITERS=${FAULT_WRITERS:-8}

fault_prepare
api_start
log "API ready in ${API_READY_MS} ms; $WRITERS writers start"
load_start --writers "$WRITERS"

restarts=()
at_kill=()
for k in $(seq "$KILLS"); do
  sleep "$INTERVAL"
  at_kill+=("$(acknowledged)")
  kill -9 "$API_PID"
  wait "$API_PID" 2>/dev/null || true
  API_PID=""
  log "kill $k: SIGKILL with $(acknowledged) writes acknowledged so far; restarting"
  sleep 1 # the writers meet a closed port meanwhile
  api_start
  restarts+=("$API_READY_MS")
  log "kill $k: ready again in ${API_READY_MS} ms"
done
sleep "$INTERVAL"
load_stop
api_stop
verify

echo
echo "SIGKILL of the API under $WRITERS writers ($KILLS kills, ${INTERVAL}s apart)"
printf '  %-50s %s\n' \
  "acknowledged writes (created, edited, published)" "$(acknowledged)" \
  "acknowledged at each kill" "${at_kill[*]}" \
  "requests sent" "$(summary_get 's.requests')" \
  "no answer (killed or refused: not acknowledged)" "$(summary_get 's.network')" \
  "timeouts (over 15 s)" "$(summary_get 's.timeouts')" \
  "412 after a kill (committed, answer lost)" "$(summary_get "s.byStatus['412'] ?? 0")" \
  "statuses" "$(summary_get "JSON.stringify(s.byStatus)")" \
  "restart to ready (ms)" "${restarts[*]}"
echo "  checks against the database:"
print_verify
if [ "$LOST" != 0 ] || [ "$HALF" != 0 ] || [ "$(acknowledged)" = 0 ]; then
  echo "FAILED: $LOST lost, $HALF half-written, $(acknowledged) acknowledged"
  exit 1
fi
echo "OK: 0 lost, 0 half-written"
