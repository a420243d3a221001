#!/usr/bin/env bash
# Soak: a mixed load for a long while (writers that create, edit and publish; readers of delivery lists and items;
# searchers; change-feed pulls when the API has GET /api/v1/sync), with nothing going wrong on purpose. Every
# answer must be a success (0 errors, 0 timeouts), the API's memory must stay flat (RSS at the end within
# SOAK_RSS_TOLERANCE of RSS after the warm-up), and every acknowledged write must be in the database. Exits 1
# otherwise.
#
#   bash bench/faults/soak.sh              # 10 minutes of load after the build
#   SOAK_DURATION=60 bash bench/faults/soak.sh
#
# Settings (environment): SOAK_DURATION (600 seconds), SOAK_WRITERS (4), SOAK_READERS (4), SOAK_SEARCHERS (2),
# SOAK_SYNCERS (1, when the sync endpoint exists), SOAK_RSS_TOLERANCE (25: percent), FAULT_KEEP (1: keep the
# temporary folder).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DURATION=${SOAK_DURATION:-600}
WRITERS=${SOAK_WRITERS:-4}
READERS=${SOAK_READERS:-4}
SEARCHERS=${SOAK_SEARCHERS:-2}
SYNCERS=${SOAK_SYNCERS:-1}
TOLERANCE=${SOAK_RSS_TOLERANCE:-25}
WARMUP=$((DURATION / 10 > 10 ? DURATION / 10 : 10)) # RSS is compared from here on: the first minutes fill caches and JIT
SAMPLE=$((DURATION >= 120 ? 10 : 5))

fault_prepare throwaway # durability is the crash scripts' concern; this one is about time
api_start

# The change feed, when this API has it: a partner key with sync:read.
sync_args=()
if [ "$SYNCERS" -gt 0 ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$API/api/v1/sync")" = 401 ]; then
  admin=$(curl -fsS -H 'content-type: application/json' -d '{"email":"admin@example.org","password":"vivapolis-admin-demo"}' \
    "$API/api/v1/auth/token" | node -e 'process.stdin.on("data", d => console.log(JSON.parse(d).accessToken))')
  key=$(curl -fsS -H 'content-type: application/json' -H "authorization: Bearer $admin" \
    -d '{"name":"Soak","scopes":["sync:read"]}' "$API/api/v1/manage/api-keys" \
    | node -e 'process.stdin.on("data", d => console.log(JSON.parse(d).key))')
  sync_args=(--syncers "$SYNCERS" --api-key "$key")
  sync_note="$SYNCERS sync puller(s)"
else
  sync_note="no sync pulls (this API has no GET /api/v1/sync)"
fi

log "load for ${DURATION}s: $WRITERS writers, $READERS readers, $SEARCHERS searchers, $sync_note"
load_start --writers "$WRITERS" --readers "$READERS" --searchers "$SEARCHERS" --duration "$DURATION" "${sync_args[@]}"
start_rss=$(rss_kb "$API_PID")
samples=("0s:$((start_rss / 1024))")
baseline=""
elapsed=0
while kill -0 "$LOAD_PID" 2>/dev/null; do
  sleep "$SAMPLE"
  elapsed=$((elapsed + SAMPLE))
  kill -0 "$API_PID" 2>/dev/null || { tail -n 30 "$WORK/api.log" >&2; echo "the API died" >&2; exit 1; }
  rss=$(rss_kb "$API_PID")
  samples+=("${elapsed}s:$((rss / 1024))")
  if [ -z "$baseline" ] && [ "$elapsed" -ge "$WARMUP" ]; then baseline=$rss; fi
  if [ $((elapsed % 60)) = 0 ]; then log "${elapsed}s: RSS $((rss / 1024)) MB, $(acknowledged) writes acknowledged"; fi
done
end_rss=$(rss_kb "$API_PID")
load_stop
api_stop
verify

errors=$(summary_get "Object.entries(s.byStatus).filter(([k]) => !['200', '201'].includes(k)).reduce((n, [, v]) => n + v, 0)")
growth=$(((end_rss - baseline) * 100 / baseline))
echo
echo "Soak: ${DURATION}s of mixed load ($WRITERS writers, $READERS readers, $SEARCHERS searchers, $sync_note)"
printf '  %-46s %s\n' \
  "requests, per second" "$(summary_get 's.requests'), $(summary_get 's.perSecond')" \
  "statuses" "$(summary_get "JSON.stringify(s.byStatus)")" \
  "errors (not 2xx, no answer, timeouts)" "$errors" \
  "acknowledged writes" "$(acknowledged)" \
  "p99 ms: list, item, search, edit, publish" "$(summary_get "['list 200','item 200','search 200','edit 200','publish 200'].map(k => s.latencyMs[k]?.p99 ?? '-').join(', ')")" \
  "p99 ms: sync" "$(summary_get "s.latencyMs['sync 200']?.p99 ?? '-'")" \
  "API RSS at start, after ${WARMUP}s, at the end (MB)" "$((start_rss / 1024)), $((baseline / 1024)), $((end_rss / 1024)) (${growth}% after the warm-up)" \
  "RSS samples (MB)" "${samples[*]}"
echo "  checks against the database:"
print_verify

failures=()
[ "$errors" = 0 ] || failures+=("$errors errors")
[ "$growth" -le "$TOLERANCE" ] || failures+=("RSS grew ${growth}% after the warm-up (tolerance ${TOLERANCE}%)")
[ "$LOST" = 0 ] && [ "$HALF" = 0 ] || failures+=("$LOST lost, $HALF half-written")
[ "$(acknowledged)" -gt 0 ] || failures+=("no write was acknowledged")
if [ ${#failures[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failures[@]}"
  exit 1
fi
echo "OK: 0 errors, memory flat, 0 lost, 0 half-written"
