#!/usr/bin/env bash
# Runs one Java benchmark against a real in-process server: bench/run.sh DirectorySearchBench [args]
#   DirectorySearchBench [members=100000] [requests=3000] [clients=4]
#   LoginBench [ratePerSecond=100] [seconds=30] [accounts=50]
#   ChatScenarioBench catchup|offboard [repeats=20]
#   SegmenterBench [secondsPerSize=5]
#   SensitiveWordBench [secondsPerSize=5]
# Build first: ./queqiao build
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(./queqiao java-home)"
[[ -d bench/target/classes ]] || { echo "build first: ./queqiao build" >&2; exit 1; }
main="$1"; shift
exec "$JAVA_HOME/bin/java" -XX:+UseZGC -Xmx4g -cp "bench/target/classes:bench/target/lib/*:server/target/queqiao-server.jar:server/target/lib/*" "org.queqiao.bench.$main" "$@"
