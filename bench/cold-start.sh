#!/usr/bin/env bash
# Cold start of the single-node server to /health ready, embedded PostgreSQL included.
# Each run starts the built server jar as its own process on a fresh data directory (first boot:
# initdb + migrations) and then once more on the existing one (a restart). Prints every run and the median.
# Usage: bench/cold-start.sh [runs=5]   (build first: ./queqiao build)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
JAVA_HOME="$(./queqiao java-home)"
[[ -f server/target/queqiao-server.jar ]] || { echo "build first: ./queqiao build" >&2; exit 1; }
port=18080
measure() { # data-dir -> milliseconds to /health 200
  local dir="$1" t0 t1 pid
  t0=$(date +%s%N)
  QUEQIAO_DATA_DIR="$dir" QUEQIAO_HTTP_PORT=$port QUEQIAO_GATEWAY_PORT=$((port+1)) QUEQIAO_LOG_LEVEL=WARN \
    "$JAVA_HOME/bin/java" -XX:+UseZGC -jar server/target/queqiao-server.jar >"$dir.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; then break; fi
    sleep 0.02
  done
  t1=$(date +%s%N)
  curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "server did not become ready; see $dir.log" >&2; kill $pid; exit 1; }
  kill -TERM $pid; wait $pid 2>/dev/null || true
  echo $(( (t1 - t0) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
first=(); restart=()
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d /tmp/queqiao-cold-XXXX)
  f=$(measure "$dir"); r=$(measure "$dir")
  echo "run $i: first boot ${f} ms, restart ${r} ms"
  first+=("$f"); restart+=("$r")
  rm -rf "$dir" "$dir.log"
done
echo "median first boot (initdb + migrations): $(printf '%s\n' "${first[@]}" | median) ms"
echo "median restart (existing data):          $(printf '%s\n' "${restart[@]}" | median) ms"
