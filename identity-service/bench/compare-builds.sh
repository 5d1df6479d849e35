#!/usr/bin/env bash
# Compares identity-service builds side by side in one sitting: each build in turn, every round, on freshly
# wiped Kafka and registry data (so no build inherits the users the one before it created), started as the
# launcher starts identity-service, alone beside Kafka and the registry; the write benchmark runs against it.
#
#   identity-service/bench/compare-builds.sh [--rounds 2] NAME=QUARKUS_APP_DIR NAME=QUARKUS_APP_DIR ...
#
# e.g. keep a build before a change:  cp -r identity-service/target/quarkus-app /tmp/identity-before
#      then, after rebuilding:        identity-service/bench/compare-builds.sh before=/tmp/identity-before now=identity-service/target/quarkus-app
#
# It wipes the local data (./portcullis wipe) and leaves the suite stopped. Output: one line per run and build.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=2
BUILDS=()
while (($#)); do
  case $1 in
    --rounds) ROUNDS=$2; shift 2 ;;
    *=*) BUILDS+=("$1"); shift ;;
    *) echo "unknown argument: $1 (NAME=QUARKUS_APP_DIR expected)" >&2; exit 2 ;;
  esac
done
((${#BUILDS[@]} >= 2)) || { echo "give at least two builds: NAME=QUARKUS_APP_DIR ..." >&2; exit 2; }
for build in "${BUILDS[@]}"; do
  [[ -f ${build#*=}/quarkus-run.jar ]] || { echo "no quarkus-run.jar in ${build#*=}" >&2; exit 2; }
done

fresh_platform() {
  ./portcullis wipe >/dev/null 2>&1 || true
  ./portcullis up >/dev/null 2>&1
  # authz-service stays: it verifies and decides every signed create (a build before signed calls ignores it, but
  # it folds the same events beside either build, so both runs share the machine with the same JVMs).
  for s in identity policy org credential; do kill "$(cat ".portcullis/run/$s.pid")" 2>/dev/null || true; done
  sleep 3
}

# identity-service's own key, derived from the installation secret './portcullis up' made.
service_credential() {
  PORTCULLIS_AUTHZ_INSTALLATION_SECRET=$(<.portcullis/data/secrets/installation-secret) \
    java -cp "deploy/operator/target/classes:$(<deploy/operator/target/runtime-classpath.txt)" \
    io.portcullis.operator.OperatorCli service-credential identity-service
}
LOAD=(java -cp libs/sigv4/target/classes:libs/secret-custody/target/classes identity-service/bench/IdentityWriteLoad.java)

run_build() {
  local name=$1 dir=$2 pid
  fresh_platform
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=8081 KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 \
  PORTCULLIS_REGISTRY_URL=http://127.0.0.1:8080/apis/registry/v3 PORTCULLIS_TOPIC_REPLICATION_FACTOR=1 \
  PORTCULLIS_INSTANCE_ID=local-identity PORTCULLIS_AUTHZ_URL=http://127.0.0.1:8085 \
  PORTCULLIS_SERVICE_CREDENTIAL=$(service_credential) \
    nohup java -Xms256m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -jar "$dir/quarkus-run.jar" \
    >>".portcullis/logs/compare-$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8081/q/health/ready) == 200 ]] && break
    sleep 1
  done
  "${LOAD[@]}" --concurrency 32,128 --seconds 12 --warmup 60 --settle 5 2>&1 \
    | grep -E '^(clients|warm-up)' | sed "s/^/[$name] /"
  "${LOAD[@]}" --rate 500 --seconds 20 --warmup 5 --settle 0 2>&1 \
    | grep -E '^rate' | sed "s/^/[$name] /"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

echo "[build] mode           creates per second    p50 ms    p99 ms    max ms  errors"
for round in $(seq 1 "$ROUNDS"); do
  for build in "${BUILDS[@]}"; do
    run_build "${build%%=*}" "${build#*=}"
  done
done
./portcullis down >/dev/null 2>&1 || true
