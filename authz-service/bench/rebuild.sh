#!/usr/bin/env bash
# How fast authz-service rebuilds its model from the event topics, against reading those topics raw, and what the
# model then costs in memory and decision latency.
#
# With Kafka and the registry running (./portcullis up), from the repository root:
#   authz-service/bench/rebuild.sh [--users 100000] [--per-account 1000] [--documents shared|per-account]
#
# 1. Stops the launcher's five services: identity- and policy-service would otherwise fold the same millions of
#    events and take the two cores the measurement needs.
# 2. Tops the topics up to --users principals (GeneratePrincipals.java: UserCreated, a pool of 100 PolicyCreated per
#    account, 10 UserPolicyAttached per user), remembering in the data folder how many are there.
# 3. Reads every event topic from the beginning as bytes (ReadTopics.java): the raw read rate.
# 4. Deletes authz-service's model, starts it as the launcher does and times it until /q/health/ready is UP
#    (readiness waits for the model to catch up with what the topics held at start); checks that the model's
#    offsets (GET /v1/model/digest) reach the topics' ends; prints events/s and the ratio to the raw read.
# 5. The process's RSS and heap after the rebuild, then POST /v1/authorize latency over 10,000 random users
#    (AuthorizeLatency.java), then the RSS again.
# It leaves authz-service stopped: './portcullis up' starts the launcher's services again (they fold the generated
# events too; './portcullis wipe' removes them).
set -euo pipefail
cd "$(dirname "$0")/../.."
USERS=100000 PER_ACCOUNT=1000 DOCUMENTS=shared
while (($#)); do case $1 in
  --users) USERS=$2; shift 2 ;; --per-account) PER_ACCOUNT=$2; shift 2 ;; --documents) DOCUMENTS=$2; shift 2 ;;
  *) echo "unknown: $1" >&2; exit 2 ;;
esac; done
HOME_DIR=${PORTCULLIS_HOME:-.portcullis}
RUN_DIR=$HOME_DIR/run DATA_DIR=$HOME_DIR/data LOG_DIR=$HOME_DIR/logs
KAFKA=127.0.0.1:${PORTCULLIS_KAFKA_PORT:-9092}
REGISTRY=http://127.0.0.1:${PORTCULLIS_REGISTRY_PORT:-8080}/apis/registry/v3
AUTHZ_PORT=${PORTCULLIS_AUTHZ_PORT:-8085}
AUTHZ=http://127.0.0.1:$AUTHZ_PORT
APP=authz-service/target/quarkus-app
LIB="$APP/lib/main/*:$APP/lib/boot/*"
LOG=$LOG_DIR/authz-rebuild-bench.log
GENERATED=$DATA_DIR/generated-principals
[[ -f $APP/quarkus-run.jar ]] || { echo "package authz-service first (./mvnw -pl authz-service -am package -DskipTests)" >&2; exit 1; }
curl -sf -o /dev/null "$REGISTRY/system/info" || { echo "the registry does not answer at $REGISTRY: ./portcullis up first" >&2; exit 1; }
mkdir -p "$LOG_DIR"

now_ms() { date +%s%3N; }
http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" || true; }

# Only a process the launcher started (its pid file names it and its command line carries the launcher's marker).
stop_launched() {
  local c=$1 pid
  [[ -f $RUN_DIR/$c.pid ]] || return 0
  pid=$(<"$RUN_DIR/$c.pid")
  if ps -o args= -p "$pid" 2>/dev/null | grep -q -- "-Dportcullis-launcher.component=$c"; then
    kill "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    echo "stopped the launcher's $c-service (pid $pid)"
  fi
  rm -f "$RUN_DIR/$c.pid"
}
for s in identity policy org credential authz; do stop_launched "$s"; done

# The shape is part of what is in the topics: a different one would mix layouts, so it must be wiped first.
shape="per-account=$PER_ACCOUNT documents=$DOCUMENTS"
have=0
if [[ -f $GENERATED ]]; then
  have=$(sed -n 's/^users=\([0-9]*\) .*/\1/p' "$GENERATED")
  [[ $(sed 's/^users=[0-9]* //' "$GENERATED") == "$shape" ]] \
    || { echo "the topics hold principals of another shape ($(<"$GENERATED")); './portcullis wipe' first" >&2; exit 1; }
fi
if ((have < USERS)); then
  echo "== Writing users $have..$((USERS - 1)) with 10 policies each (GeneratePrincipals.java)"
  java -cp "$LIB" authz-service/bench/GeneratePrincipals.java --users $((USERS - have)) --first-user "$have" \
    --per-account "$PER_ACCOUNT" --documents "$DOCUMENTS" --bootstrap "$KAFKA" --registry "$REGISTRY"
  echo "users=$USERS $shape" >"$GENERATED"
elif ((have > USERS)); then
  echo "the topics already hold $have users, more than $USERS; './portcullis wipe' to measure a smaller size" >&2; exit 1
fi

echo "== Raw read of the event topics (ReadTopics.java)"
raw=$(java -cp "$LIB" authz-service/bench/ReadTopics.java --bootstrap "$KAFKA")
echo "$raw"
ends=$(sed -n 's/^end offsets: \([0-9]*\)$/\1/p' <<<"$raw")
raw_rate=$(sed -n 's/.*(\([0-9,]*\) events\/s).*/\1/p' <<<"$raw" | tr -d ,)

echo "== Rebuilding authz-service's model from $ends events"
rm -rf "$DATA_DIR/authz"
keks=()
[[ -s $DATA_DIR/secrets/credential-keks ]] && keks=("PORTCULLIS_CREDENTIAL_KEKS=$(<"$DATA_DIR/secrets/credential-keks")")
t0=$(now_ms)
# As the launcher starts it (environment, JVM options, marker), so that './portcullis down' would stop it too.
env "${keks[@]}" QUARKUS_OTEL_SDK_DISABLED=true QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$AUTHZ_PORT" \
  KAFKA_BOOTSTRAP_SERVERS="$KAFKA" PORTCULLIS_REGISTRY_URL="$REGISTRY" PORTCULLIS_TOPIC_REPLICATION_FACTOR=1 \
  PORTCULLIS_INSTANCE_ID=local-authz PORTCULLIS_AUTHZ_DATA_DIR="$DATA_DIR/authz" \
  nohup java -Xms256m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 ${PORTCULLIS_JAVA_OPTS:-} -Dportcullis-launcher.component=authz \
  -jar "$APP/quarkus-run.jar" >>"$LOG" 2>&1 &
pid=$!
echo "$pid" >"$RUN_DIR/authz.pid"
trap 'kill $pid 2>/dev/null || true; rm -f "$RUN_DIR/authz.pid"' EXIT
live=
until [[ $(http_code "$AUTHZ/q/health/ready") == 200 ]]; do
  kill -0 "$pid" 2>/dev/null || { echo "authz-service exited; see $LOG" >&2; exit 1; }
  [[ -z $live && $(http_code "$AUTHZ/q/health/live") == 200 ]] && live=$(( $(now_ms) - t0 ))
  sleep 0.2
done
ready=$(( $(now_ms) - t0 ))
offsets=$(curl -s --max-time 600 "$AUTHZ/v1/model/digest" | tr -d " \n" | grep -o '"offsets":{[^}]*}' | grep -o ':[0-9][0-9]*' | tr -d : | paste -sd+ | bc)
rate=$(( ends * 1000 / ready ))
echo "model offsets after ready: $offsets of $ends"
rss_ready=$(ps -o rss= -p "$pid" | tr -d ' ')
jcmd "$pid" GC.run >/dev/null
heap=$(jcmd "$pid" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1)
model_mb=$(du -sm "$DATA_DIR/authz" | cut -f1)

echo "== Decision latency (AuthorizeLatency.java)"
latency=$(java authz-service/bench/AuthorizeLatency.java --users "$USERS" --per-account "$PER_ACCOUNT" --url "$AUTHZ")
echo "$latency"
rss_after=$(ps -o rss= -p "$pid" | tr -d ' ')

echo
echo "authz-service with $USERS users in $(( (USERS + PER_ACCOUNT - 1) / PER_ACCOUNT )) accounts, 10 policies each ($DOCUMENTS documents):"
echo "  events in the topics:            $ends"
echo "  raw read (bytes, no work):       ${raw_rate} events/s"
echo "  JVM start to HTTP live:          ${live:-?} ms"
echo "  JVM start to ready (rebuilt):    ${ready} ms = ${rate} events/s, $(( rate * 100 / raw_rate ))% of the raw read"
echo "  model offsets reached:           ${offsets} of ${ends}"
echo "  RocksDB folder:                  ${model_mb} MB"
echo "  RSS when ready:                  $((rss_ready / 1024)) MB; heap used after a full GC $((heap / 1024)) MB"
echo "  RSS after the latency run:       $((rss_after / 1024)) MB"
echo "  $(tail -1 <<<"$latency")"
