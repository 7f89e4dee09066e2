#!/usr/bin/env bash
# Desk routing load (issue 5 targets: >= 1,000 decisions/s with 10,000 open conversations and 1,000 agents in
# one organisation, decision p99 <= 50 ms, visitor message -> agent screen p99 <= 300 ms). The built server runs
# in its own process with embedded PostgreSQL; agents are real WebSocket clients, visitors real API-channel
# clients. Offers are off (desk.offer-timeout=0): every handoff is assigned at once, so what is timed is routing.
#   bench/desk-load.sh [agents=1000] [open=10000] [rate=1000] [seconds=30] [churn=100] [history=0]
# history: ended conversations of the past year written into the organisation first (1000000 = the reports' size).
# Build first: ./queqiao build
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(./queqiao java-home)"
ulimit -n 65536 2>/dev/null || true
dir=$(mktemp -d /tmp/queqiao-desk-XXXX)
op="bench-$RANDOM$RANDOM"
QUEQIAO_DATA_DIR="$dir" QUEQIAO_HTTP_PORT=18320 QUEQIAO_GATEWAY_PORT=18321 QUEQIAO_MEDIA_PORT=11320 QUEQIAO_LOG_LEVEL=WARN QUEQIAO_OPERATOR_TOKEN="$op" \
QUEQIAO_HTTP_RATE_PER_ADDRESS=0 QUEQIAO_PASSWORD_ARGON2_MEMORY_KIB=64 QUEQIAO_PASSWORD_ARGON2_ITERATIONS=1 \
QUEQIAO_DESK_OFFER_TIMEOUT=0s QUEQIAO_IMPORT_MAX_ROWS=20000 QUEQIAO_DB_EMBEDDED_PORT=18325 \
  "$JAVA_HOME/bin/java" ${SERVER_GC:--XX:+UseG1GC} -Xmx2g --enable-native-access=ALL-UNNAMED -jar server/target/queqiao-server.jar >"$dir.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$dir"; echo "server log: $dir.log"' EXIT
for _ in $(seq 1 300); do curl -fs http://127.0.0.1:18320/health >/dev/null 2>&1 && break; sleep 0.1; done
"$JAVA_HOME/bin/java" -XX:+UseZGC -Xmx2g -cp "bench/target/classes:server/target/queqiao-server.jar:server/target/lib/*" \
  org.queqiao.bench.DeskLoadBench 18320 18321 "$pid" "$op" "${1:-1000}" "${2:-10000}" "${3:-1000}" "${4:-30}" "${5:-100}" "${6:-0}" 18325
