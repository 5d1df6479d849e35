#!/usr/bin/env bash
# How quickly identity-service holding a million users is writable again after a SIGKILL, and its heap.
#
# With Kafka and the registry running (./portcullis up), from the repository root:
#   identity-service/bench/restart-with-a-million-users.sh [--users 1000000] [--per-account 1000]
#
# It stops the launcher's identity-service, writes the users straight to portcullis.identity.events if the
# topic holds fewer events (GenerateUsers.java), starts identity-service as the launcher does, and measures:
#   - from the start of the JVM to the first acknowledged create (201);
#   - the heap used after a full GC once the service is ready, and the process's RSS;
#   - from a SIGKILL of the running service, followed at once by a new start, to the first acknowledged create.
# It leaves the service stopped: './portcullis up' starts the launcher's own again.
set -euo pipefail
cd "$(dirname "$0")/../.."
USERS=1000000 PER_ACCOUNT=1000
while (($#)); do case $1 in --users) USERS=$2; shift 2 ;; --per-account) PER_ACCOUNT=$2; shift 2 ;; *) echo "unknown: $1" >&2; exit 2 ;; esac; done
APP=identity-service/target/quarkus-app
LOG=.portcullis/logs/identity-restart-bench.log
[[ -f $APP/quarkus-run.jar ]] || { echo "package identity-service first (./mvnw -pl identity-service -am package -DskipTests)" >&2; exit 1; }

now_ms() { date +%s%3N; }

if [[ -f .portcullis/run/identity.pid ]]; then kill "$(<.portcullis/run/identity.pid)" 2>/dev/null || true; rm -f .portcullis/run/identity.pid; sleep 3; fi
pkill -f "$APP/quarkus-run.jar" 2>/dev/null || true

start_identity() {
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=8081 KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 \
  PORTCULLIS_REGISTRY_URL=http://127.0.0.1:8080/apis/registry/v3 PORTCULLIS_TOPIC_REPLICATION_FACTOR=1 \
  PORTCULLIS_INSTANCE_ID=local-identity \
    nohup java -Xms256m -Xmx${HEAP:-1500m} -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -jar "$APP/quarkus-run.jar" >>"$LOG" 2>&1 &
  echo $!
}

first_write_after() { # epoch millis
  local t0=$1 account code
  while :; do
    account=$(printf '%012d' $(( (RANDOM << 15 | RANDOM) % 100000000000 )))
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 6 -XPOST "localhost:8081/v1/accounts/$account/users" \
             -H 'Content-Type: application/json' -d '{"userName":"probe"}' 2>/dev/null || true)
    [[ $code == 201 ]] && break
    sleep 0.1
  done
  echo $(( $(now_ms) - t0 ))
}

await_ready() {
  until [[ $(curl -s -o /dev/null -w '%{http_code}' localhost:8081/q/health/ready) == 200 ]]; do sleep 0.5; done
}

echo "Writing ${USERS} users to portcullis.identity.events unless they are there (GenerateUsers.java)"
if ! grep -q "users=${USERS} per-account=${PER_ACCOUNT}" .portcullis/data/generated-users 2>/dev/null; then
  java -cp "$APP/lib/main/*" identity-service/bench/GenerateUsers.java --users "$USERS" --per-account "$PER_ACCOUNT"
  echo "users=${USERS} per-account=${PER_ACCOUNT}" >.portcullis/data/generated-users
fi

t0=$(now_ms); pid=$(start_identity)
cold=$(first_write_after "$t0")
await_ready; sleep 5
jcmd "$pid" GC.run >/dev/null
heap=$(jcmd "$pid" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1)
rss=$(ps -o rss= -p "$pid" | tr -d ' ')

t0=$(now_ms); kill -9 "$pid"; pid=$(start_identity)
after_kill=$(first_write_after "$t0")
await_ready
kill "$pid"

echo "identity-service with ${USERS} users in $((USERS / PER_ACCOUNT)) accounts:"
echo "  JVM start to first acknowledged write: ${cold} ms"
echo "  heap used after a full GC when ready:  $((heap / 1024)) MB; RSS $((rss / 1024)) MB"
echo "  SIGKILL, restart, first acknowledged write: ${after_kill} ms"
grep "Rebuilt portcullis.identity.events" "$LOG" | tail -2 | sed 's/^/  /'
