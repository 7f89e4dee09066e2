#!/usr/bin/env bash
# Team-messaging load: N real WebSocket clients (one process, Netty) against the built server in its own
# process with embedded PostgreSQL on this machine, persistence on.
#   bench/chat-load.sh direct [clients=19000] [messagesPerSecond=5000] [seconds=30]
#   bench/chat-load.sh group  [clients=19000] [messagesPerSecond=3] [seconds=30]
#   bench/chat-load.sh urgent [clients=10000] [notices=5]
# Prints connections, server heap per signed-in client, msg/s, end-to-end p50/p99/max, loss, duplicates
# and order, the CPU the server and its database used per message, and the 100 ms slices with the most
# deliveries over 50 ms (wall-clock stamped: a tail that comes in stalls shows here). WARMUP=seconds (default 30) runs the load
# unmeasured first, so the JIT has compiled the send path. SERVER_GC overrides the server's collector (default G1; the launcher runs ZGC), e.g.
# SERVER_GC=-XX:+UseZGC bench/chat-load.sh direct. GENERATOR_OPTS=-Dbench.nio=true runs the clients on NIO instead of epoll. Build first: ./queqiao build. One process may hold at most 20,000 sockets: clients < 20,000.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-direct}"; n="${2:-19000}"; rate="${3:-5000}"; seconds="${4:-30}"
[[ "$mode" == group && $# -lt 3 ]] && rate=3
JAVA_HOME="$(./queqiao java-home)"
ulimit -n 65536 2>/dev/null || true
dir=$(mktemp -d /tmp/queqiao-chat-XXXX)
op="bench-$RANDOM$RANDOM"
# The bench measures messaging, so sign-in uses a cheap hash; a group as large as the clients is allowed.
QUEQIAO_DATA_DIR="$dir" QUEQIAO_HTTP_PORT=18310 QUEQIAO_GATEWAY_PORT=18311 QUEQIAO_LOG_LEVEL=WARN QUEQIAO_OPERATOR_TOKEN="$op" \
QUEQIAO_HTTP_RATE_PER_ADDRESS=0 QUEQIAO_PASSWORD_ARGON2_MEMORY_KIB=64 QUEQIAO_PASSWORD_ARGON2_ITERATIONS=1 \
QUEQIAO_IMPORT_MAX_ROWS=20000 QUEQIAO_CHAT_MAX_GROUP_MEMBERS=20000 QUEQIAO_HTTP_MAX_BODY_BYTES=2097152 \
  "$JAVA_HOME/bin/java" ${SERVER_GC:--XX:+UseG1GC} -Xmx2g --enable-native-access=ALL-UNNAMED -jar server/target/queqiao-server.jar >"$dir.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$dir"; echo "server log: $dir.log"' EXIT
for _ in $(seq 1 300); do curl -fs http://127.0.0.1:18310/health >/dev/null 2>&1 && break; sleep 0.1; done
"$JAVA_HOME/bin/java" -XX:+UseZGC -Xmx3g ${GENERATOR_OPTS:-} -cp "bench/target/classes:server/target/queqiao-server.jar:server/target/lib/*" \
  org.queqiao.bench.ChatLoadBench 18310 18311 "$pid" "$op" "$mode" "$n" "$rate" "$seconds" "${WARMUP:-30}"
