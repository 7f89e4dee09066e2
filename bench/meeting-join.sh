#!/usr/bin/env bash
# Meeting join time in Chromium: join pressed → first remote video frame (issue target ≤ 1 s on loopback).
# Builds if needed, starts the server on free ports with a fresh data directory, runs
# bench/meeting-join/join.bench.mts (Playwright, Debian's Chromium with fake devices): a host in a meeting
# sends video; a colleague presses Join, waits for the host's first frame, leaves, and again. Prints every
# run with its breakdown, then median / p90 / max. Stops the server and removes its data on exit.
# Usage: bench/meeting-join.sh [runs=10]        (CHROMIUM_PATH overrides /usr/bin/chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
JAVA_HOME="$(./queqiao java-home)"
[[ -d web/node_modules/@playwright/test ]] || (cd web && npm ci --no-audit --no-fund)
[[ -f server/target/queqiao-server.jar ]] || ./queqiao mvn -q install -DskipTests

free_port() { # $1 = tcp | udp
  node -e "const [k] = process.argv.slice(1);
    if (k === 'udp') { const s = require('dgram').createSocket('udp4'); s.bind(0, '0.0.0.0', () => { console.log(s.address().port); s.close(); }); }
    else { const s = require('net').createServer().listen(0, '0.0.0.0', () => { console.log(s.address().port); s.close(); }); }" "$1"
}
http=$(free_port tcp); gateway=$(free_port tcp); media=$(free_port udp)
dir=$(mktemp -d /tmp/queqiao-join-XXXX)
pid=""
cleanup() {
  if [[ -n "$pid" ]]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

QUEQIAO_DATA_DIR="$dir/data" QUEQIAO_HTTP_PORT=$http QUEQIAO_GATEWAY_PORT=$gateway QUEQIAO_MEDIA_PORT=$media QUEQIAO_LOG_LEVEL=WARN \
  "$JAVA_HOME/bin/java" -XX:+UseZGC --enable-native-access=ALL-UNNAMED -jar server/target/queqiao-server.jar >"$dir/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do
  curl -fs "http://127.0.0.1:$http/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { echo "the server stopped:" >&2; tail -20 "$dir/server.log" >&2; exit 1; }
  sleep 0.1
done
curl -fs "http://127.0.0.1:$http/health" >/dev/null || { echo "server not ready:" >&2; tail -20 "$dir/server.log" >&2; exit 1; }
# a server built without the web module answers /health but serves no client, and the pages would wait for it until the test's timeout
curl -fs "http://127.0.0.1:$http/" | grep -q '<script' || { echo "the server serves no web client (built with -Dskip.web?): ./queqiao build" >&2; exit 1; }
echo "server on http $http, gateway $gateway, media udp $media; $runs runs"

cd web
QUEQIAO_BASE_URL="http://127.0.0.1:$http" CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" JOIN_RUNS="$runs" \
  npx playwright test -c ../bench/meeting-join/playwright.config.mts
