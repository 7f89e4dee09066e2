#!/usr/bin/env bash
# Meeting quality under packet loss (issue target: at 10 % loss ≥ 90 % of frames decoded, ≤ 1 freeze per minute).
# Builds if needed, starts the server on free ports with a fresh data directory, and makes a network namespace
# for the browser: a veth pair, 10.77.N.1 on the root side (the server's advertised media address, and the address
# the pages reach HTTP and the WebSocket gateway at) and 10.77.N.2 inside. Debian's Chromium runs inside the
# namespace (Playwright launches it through a wrapper that runs `ip netns exec`), so everything the browser sends
# and receives crosses the veth. Loss is an nftables rule on the input hook on each side of the veth,
#     meta l4proto udp numgen random mod 100 < N drop     (inside the namespace, and in the root one for iifname veth),
# i.e. N % of the UDP (ICE, DTLS, RTP/RTCP) between the browsers and the SFU is dropped in each direction (input only:
# a drop on output makes Chromium's send fail and it sends again, so nothing would be lost); TCP (HTTP,
# the WebSocket signalling) is never touched. A packet from one page to another crosses the namespace boundary twice
# (publisher → SFU, SFU → subscriber), so its end-to-end loss is 1 − (1 − N)² (19 % at N = 10).
# bench/meeting-loss/loss.bench.mts then runs, for each loss rate, three pages (host + colleague + guest) in a new
# meeting with camera and microphone (fake devices), waits for media, lets it settle, and measures getStats() deltas
# over the window. Prints one row per loss rate and the verdict at 10 %. Removes the namespace, its rules, the
# server and its data on exit.
# Usage: bench/meeting-loss.sh ["0 5 10 20"] [seconds per run = 60]
#   env: LOSS_SETTLE=15 (seconds of media before the window), LOSS_SHAPE=<rate, e.g. 4mbit> (tbf on both veth ends;
#        off by default), LOSS_SHAPE_DOWN=<rate, e.g. 1500kbit> (tbf on the root side only: the pages' shared
#        downlink, for the SFU's fitting of simulcast layers, ADR 0009 §15), CHROMIUM_PATH (default /usr/bin/chromium), LOSS_JITTER_TARGET_MS (an experiment: sets every
#        receiver's jitterBufferTarget in the pages, which the client does not do), LOSS_DIRECTION=both|down|up (drop
#        on both legs, or only SFU → pages, or only pages → SFU, to tell the legs' shares apart), LOSS_JAVA_OPTS (added
#        to the server's JVM options), LOSS_CHROMIUM_ARGS and LOSS_CHROMIUM_LOG (extra Chromium switches and the file its
#        stderr goes to, e.g. "--enable-logging=stderr --vmodule=*/webrtc/*=1" for libwebrtc's own log).
set -euo pipefail
cd "$(dirname "$0")/.."
rates="${1:-0 5 10 20}"
seconds="${2:-60}"
[[ $(id -u) == 0 ]] || { echo "meeting-loss.sh makes a network namespace and nftables rules: run it as root" >&2; exit 1; }
for tool in ip nft tc; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
JAVA_HOME="$(./queqiao java-home)"
[[ -d web/node_modules/@playwright/test ]] || (cd web && npm ci --no-audit --no-fund)
[[ -f server/target/queqiao-server.jar ]] || ./queqiao mvn -q install -DskipTests

free_port() { # $1 = tcp | udp
  node -e "const [k] = process.argv.slice(1);
    if (k === 'udp') { const s = require('dgram').createSocket('udp4'); s.bind(0, '0.0.0.0', () => { console.log(s.address().port); s.close(); }); }
    else { const s = require('net').createServer().listen(0, '0.0.0.0', () => { console.log(s.address().port); s.close(); }); }" "$1"
}
# a 10.77.N.0/24 no interface uses yet
subnet=""
for n in $(seq $(( $$ % 200 + 1 )) 254) $(seq 1 254); do
  ip -4 addr | grep -q " 10\.77\.$n\." || { subnet="10.77.$n"; break; }
done
[[ -n "$subnet" ]] || { echo "no free 10.77.N.0/24" >&2; exit 1; }
ns="qqloss$$"; vroot="qql$$r"; vns="qql$$n"
root_ip="$subnet.1"; ns_ip="$subnet.2"

http=$(free_port tcp); gateway=$(free_port tcp); media=$(free_port udp)
dir=$(mktemp -d /tmp/queqiao-loss-XXXX)
pid=""
cleanup() {
  if [[ -n "$pid" ]]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  # the browser's processes are gone with Playwright; anything left in the namespace is ours
  for p in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$p" 2>/dev/null || true; done
  ip netns del "$ns" 2>/dev/null || true   # takes its nftables tables and the veth pair with it
  ip link del "$vroot" 2>/dev/null || true
  nft delete table inet "queqiao_loss_$ns" 2>/dev/null || true   # the root side's loss table (pages → SFU)
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ip netns add "$ns"
ip link add "$vroot" type veth peer name "$vns"
ip link set "$vns" netns "$ns"
ip addr add "$root_ip/24" dev "$vroot"
ip link set "$vroot" up
ip netns exec "$ns" ip addr add "$ns_ip/24" dev "$vns"
ip netns exec "$ns" ip link set "$vns" up
ip netns exec "$ns" ip link set lo up
if [[ -n "${LOSS_SHAPE:-}" ]]; then
  tc qdisc add dev "$vroot" root tbf rate "$LOSS_SHAPE" burst 32kbit latency 50ms
  ip netns exec "$ns" tc qdisc add dev "$vns" root tbf rate "$LOSS_SHAPE" burst 32kbit latency 50ms
elif [[ -n "${LOSS_SHAPE_DOWN:-}" ]]; then
  tc qdisc add dev "$vroot" root tbf rate "$LOSS_SHAPE_DOWN" burst 32kbit latency 50ms
fi

cat >"$dir/chromium" <<EOF
#!/bin/sh
exec ip netns exec $ns ${CHROMIUM_PATH:-/usr/bin/chromium} "\$@" ${LOSS_CHROMIUM_ARGS:-} 2>>${LOSS_CHROMIUM_LOG:-/dev/null}
EOF
chmod +x "$dir/chromium"

QUEQIAO_DATA_DIR="$dir/data" QUEQIAO_HTTP_PORT=$http QUEQIAO_GATEWAY_PORT=$gateway QUEQIAO_MEDIA_PORT=$media \
QUEQIAO_MEDIA_ADVERTISED_ADDRESS=$root_ip QUEQIAO_LOG_LEVEL=WARN \
  "$JAVA_HOME/bin/java" -XX:+UseZGC --enable-native-access=ALL-UNNAMED ${LOSS_JAVA_OPTS:-} -jar server/target/queqiao-server.jar >"$dir/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do
  curl -fs "http://127.0.0.1:$http/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { echo "the server stopped:" >&2; tail -20 "$dir/server.log" >&2; exit 1; }
  sleep 0.1
done
curl -fs "http://127.0.0.1:$http/health" >/dev/null || { echo "server not ready:" >&2; tail -20 "$dir/server.log" >&2; exit 1; }
# a server built without the web module answers /health but serves no client, and the pages would wait for it until the test's timeout
curl -fs "http://127.0.0.1:$http/" | grep -q '<script' || { echo "the server serves no web client (built with -Dskip.web?): ./queqiao build" >&2; exit 1; }
ip netns exec "$ns" curl -fs "http://$root_ip:$http/health" >/dev/null || { echo "the namespace cannot reach $root_ip:$http" >&2; exit 1; }
echo "server on http $http, gateway $gateway, media udp $media (advertised $root_ip); browser in netns $ns ($ns_ip)"
echo "loss rates: $rates %; ${seconds} s per run; settle ${LOSS_SETTLE:-15} s; shaping: ${LOSS_SHAPE:-none}, downlink ${LOSS_SHAPE_DOWN:-none}; $(uptime | sed 's/.*load/load/')"

cd web
status=0
QUEQIAO_BASE_URL="http://$root_ip:$http" CHROMIUM_PATH="$dir/chromium" LOSS_NETNS="$ns" LOSS_VETH_ROOT="$vroot" LOSS_RATES="$rates" LOSS_SECONDS="$seconds" \
  npx playwright test -c ../bench/meeting-loss/playwright.config.mts || status=$?
echo "after the runs: $(uptime | sed 's/.*load/load/')"
exit $status
