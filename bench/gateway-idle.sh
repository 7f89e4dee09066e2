#!/usr/bin/env bash
# Heap per idle authenticated WebSocket on the realtime gateway, measured in the server's own process.
# Starts the built server (G1, 1 GB heap) on a fresh data directory, opens N sockets from a second JVM,
# prints heap/RSS per connection and the server's thread count, then stops the server.
# Usage: bench/gateway-idle.sh [connections=10000] [sessions=100]   (build first: ./queqiao build)
# One process may hold at most 20,000 sockets here: keep connections below that.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"; sessions="${2:-100}"
JAVA_HOME="$(./queqiao java-home)"
dir=$(mktemp -d /tmp/queqiao-gw-XXXX)
QUEQIAO_DATA_DIR="$dir" QUEQIAO_HTTP_PORT=18300 QUEQIAO_GATEWAY_PORT=18301 QUEQIAO_LOG_LEVEL=WARN \
  "$JAVA_HOME/bin/java" -XX:+UseG1GC -Xmx1g --enable-native-access=ALL-UNNAMED -jar server/target/queqiao-server.jar >"$dir.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$dir" "$dir.log"' EXIT
for _ in $(seq 1 300); do curl -fs http://127.0.0.1:18300/health >/dev/null 2>&1 && break; sleep 0.1; done
ulimit -n 65536 || true
"$JAVA_HOME/bin/java" -Xmx3g -cp "bench/target/classes:server/target/queqiao-server.jar:server/target/lib/*" \
  org.queqiao.bench.GatewayIdleBench 18300 18301 "$pid" "$n" "$sessions"
