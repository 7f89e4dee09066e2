#!/usr/bin/env bash
# Desk reports on a million conversations (issue 5 target: p95 <= 1 s): an embedded PostgreSQL with the real
# schema, conversations generated in SQL, the daily sums rebuilt, the report queries timed (p50/p95), beside
# the same figures aggregated straight from the conversations; the CSV export's source; the cost per close.
#   bench/desk-report.sh [conversations=1000000] [runs=20]
# Build first: ./queqiao build
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(./queqiao java-home)"
"$JAVA_HOME/bin/java" -Xmx1g -cp "bench/target/classes:server/target/queqiao-server.jar:server/target/lib/*" \
  org.queqiao.bench.DeskReportBench "${1:-1000000}" "${2:-20}"
