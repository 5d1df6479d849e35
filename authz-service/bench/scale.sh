#!/usr/bin/env bash
# authz-service at growing sizes: rebuild.sh at each size in turn (the topics are topped up, never regenerated),
# then one table to compare them: rebuild rate, RSS, and decision latency over 10,000 random users, which should
# stay flat as the model grows.
#
# With Kafka and the registry running (./portcullis up) and no generated principals yet (or fewer than the first
# size), from the repository root:
#   authz-service/bench/scale.sh [--sizes 100000,1000000] [--documents shared|per-account]
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZES=100000,1000000 EXTRA=()
while (($#)); do case $1 in
  --sizes) SIZES=$2; shift 2 ;; --documents) EXTRA=(--documents "$2"); shift 2 ;;
  *) echo "unknown: $1" >&2; exit 2 ;;
esac; done
summary=()
# Each size's output is shown as it comes and kept for the table (not through /dev/stderr, which reopens, and so
# truncates, a log file the caller redirected it to).
RUN_LOG=$(mktemp)
trap 'rm -f "$RUN_LOG"' EXIT
for users in ${SIZES//,/ }; do
  echo "######## $users users"
  authz-service/bench/rebuild.sh --users "$users" "${EXTRA[@]}" | tee "$RUN_LOG"
  out=$(<"$RUN_LOG")
  field() { sed -n "s/^ *$1 *\(.*\)$/\1/p" <<<"$out" | head -1; }
  summary+=("$(printf '%9s | %11s | %s | %s | %s' "$users" "$(field 'events in the topics:')" \
    "$(field 'JVM start to ready (rebuilt):')" "$(field 'RSS after the latency run:')" "$(sed -n 's/^ *decisions: //p' <<<"$out" | tail -1)")")
done
echo
echo "    users |      events | rebuild | RSS after decisions | POST /v1/authorize over 10,000 random users"
printf '%s\n' "${summary[@]}"
