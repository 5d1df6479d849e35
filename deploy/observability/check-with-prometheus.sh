#!/usr/bin/env bash
# Checks the alerts and the dashboard against a real Prometheus: the rules with promtool, then, with the suite
# running (./portcullis up), scrapes the five services every 2 s while identity-service takes 300 creates/s,
# and runs every dashboard query and every alert expression, printing how many series each returns.
# Needs prometheus and promtool on the PATH (Debian: apt-get install prometheus). Nothing in the build uses it.
#
#   deploy/observability/check-with-prometheus.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=$(mktemp -d)
trap 'kill "${PROM:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

python3 -c "import sys, yaml; yaml.safe_dump(yaml.safe_load(open('deploy/observability/alerts.yaml'))['spec'], sys.stdout)" >"$WORK/rules.yml"
promtool check rules "$WORK/rules.yml"

{
  echo "global: {scrape_interval: 2s, evaluation_interval: 2s}"
  echo "scrape_configs:"
  port=8081
  for s in identity policy org credential authz; do
    echo "  - {job_name: $s, metrics_path: /q/metrics, static_configs: [{targets: ['127.0.0.1:$port'], labels: {pod: $s-local}}]}"
    port=$((port + 1))
  done
} >"$WORK/prometheus.yml"
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/data" --web.listen-address=127.0.0.1:9999 \
  >"$WORK/prometheus.log" 2>&1 &
PROM=$!
sleep 5
java identity-service/bench/IdentityWriteLoad.java --rate 300 --seconds 40 --warmup 5 | tail -1
sleep 4

python3 - <<'PY'
import json, urllib.parse, urllib.request, yaml
dashboard = json.load(open('deploy/observability/grafana/portcullis-services.json'))
queries = [(panel['title'], target['expr']) for panel in dashboard['panels'] for target in panel.get('targets', [])]
rules = yaml.safe_load(open('deploy/observability/alerts.yaml'))['spec']['groups'][0]['rules']
queries += [('alert ' + rule['alert'], rule['expr']) for rule in rules]
print('series  first value   query (alerts should return none while all is well)')
for title, expr in queries:
    query = expr.replace('$__rate_interval', '30s').replace('$service', '.*')
    url = 'http://127.0.0.1:9999/api/v1/query?' + urllib.parse.urlencode({'query': query})
    result = json.load(urllib.request.urlopen(url))['data']['result']
    print(f"{len(result):6d}  {result[0]['value'][1] if result else '-':>11.11}   {title}")
PY
