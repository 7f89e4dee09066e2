#!/usr/bin/env bash
# SFU forwarding load: the media plane alone (MediaSocket + MediaRouter, no database) in one process pinned to
# core 0, synthetic WebRTC participants (ICE + DTLS + SRTP, audio 50 pkt/s + video 150 pkt/s each, everyone
# subscribed to everyone else in the room) in another pinned to core 1.
#   bench/sfu-load.sh [rooms=4] [participants=5] [seconds=60] [warmup=30]
#   bench/sfu-load.sh quick                     # 2 rooms x 3, 5 s warm-up, 10 s window: a smoke run
# Prints forwarded packets/s, SFU CPU per forwarded packet, loss (SFU-caused / generator-caused), forwarding
# delay and GC, and a RESULT line. Environment: SFU_GC (default -XX:+UseZGC, as ./queqiao runs the server),
# SFU_JAVA_OPTS (e.g. a JFR recording), DECRYPT_EVERY (decrypt 1 in N received packets; default 1: all),
# VIEW=N (each participant shows N cameras, the next ones in its room, through media.view; default: all),
# FEEDBACK=0 (subscribers send no transport-wide feedback; default 1: one message every 100 ms, as a browser does).
# Builds bench (and media) first when its classes are missing or older than the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == quick ]]; then rooms=2; n=3; seconds=10; warmup=5
else rooms="${1:-4}"; n="${2:-5}"; seconds="${3:-60}"; warmup="${4:-30}"; fi
JAVA_HOME="$(./queqiao java-home)"
JAVA="$JAVA_HOME/bin/java"

stamp=bench/target/classes/org/queqiao/bench/SfuLoadBench.class
if [[ ! -f "$stamp" || ! -f bench/target/lib/queqiao-media-0.1.0-SNAPSHOT.jar ]] \
   || [[ -n "$(find media/src/main bench/src/main bench/pom.xml media/pom.xml -newer "$stamp" -type f 2>/dev/null | head -1)" ]]; then
  echo "building bench and media ..." >&2
  ./queqiao mvn -q -o -pl bench -am package -DskipTests -Dskip.web=true >&2
fi
cp="bench/target/classes:bench/target/lib/*"

if command -v taskset >/dev/null && [[ "$(nproc)" -ge 2 ]]; then
  pin_sfu=(taskset -c 0); pin_gen=(taskset -c 1); pinned="SFU on core 0, generator on core 1"
else
  pin_sfu=(); pin_gen=(); pinned="NOT pinned (taskset missing or fewer than 2 cores): CPU figures are shared"
fi

dir=$(mktemp -d /tmp/queqiao-sfu-XXXX)
sfu_pid=""; gen_pid=""
cleanup() {
  set +e
  for pid in $gen_pid $sfu_pid; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  echo "SFU output and GC log: $dir" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --enable-native-access as ./queqiao runs the server: the media socket loads Netty's epoll JNI library
"${pin_sfu[@]}" "$JAVA" ${SFU_GC:--XX:+UseZGC} -Xmx1g --enable-native-access=ALL-UNNAMED -Xlog:gc,gc+phases:file="$dir/sfu-gc.log":uptime \
  -Dlogback.configurationFile=bench/target/classes/sfu-logback.xml ${SFU_JAVA_OPTS:-} \
  -cp "$cp" org.queqiao.bench.SfuHostBench 127.0.0.1 0 0 >"$dir/sfu.out" 2>"$dir/sfu.err" &
sfu_pid=$!
for _ in $(seq 1 200); do grep -q '^READY' "$dir/sfu.out" 2>/dev/null && break; kill -0 "$sfu_pid" 2>/dev/null || break; sleep 0.05; done
ready=$(grep '^READY' "$dir/sfu.out" || true)
[[ -n "$ready" ]] || { echo "the SFU host did not start:" >&2; cat "$dir/sfu.err" >&2; exit 1; }
media_port=$(sed -E 's/.*media=([0-9]+).*/\1/' <<<"$ready")
http_port=$(sed -E 's/.*http=([0-9]+).*/\1/' <<<"$ready")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average before: $(cut -d' ' -f1-3 /proc/loadavg); $pinned"
echo "SFU: pid $sfu_pid, media port $media_port, ${SFU_GC:--XX:+UseZGC} -Xmx1g ${SFU_JAVA_OPTS:-}"
"${pin_gen[@]}" "$JAVA" -XX:+UseSerialGC -Xms1g -Xmx1g -Xmn400m -cp "$cp" org.queqiao.bench.SfuLoadBench \
  "$sfu_pid" "$http_port" "$media_port" "$rooms" "$n" "$warmup" "$seconds" "${DECRYPT_EVERY:-1}" "$dir/sfu-gc.log" "${VIEW:-0}" "${FEEDBACK:-1}" &
gen_pid=$!
wait "$gen_pid"; status=$?
gen_pid=""
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -s "$dir/sfu.err" ]]; then echo "SFU stderr (last lines):"; tail -5 "$dir/sfu.err"; fi
exit $status
