#!/usr/bin/env bash
# The desk bot's retrieval on its bilingual development set (bench/src/main/resources/desk-faq-dev.tsv and
# desk-faq-out-of-scope.txt): top-1 accuracy, recall@3, coverage and precision over answer thresholds, what
# BotPolicy decides with its default settings, and the latency of one decision (warm, one thread). No server:
# the bot is a library call. "compare" also scores the retrieval variants RetrievalTuning.DEFAULT was chosen from.
# Usage: bench/desk-bot.sh [rounds=20] [compare]
# Build first: ./queqiao mvn -q -pl bench -am package -DskipTests -Dskip.web=true
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(./queqiao java-home)"
[[ -d bench/target/classes && -f bench/target/classes/desk-faq-dev.tsv ]] || {
  echo "build first: ./queqiao mvn -q -pl bench -am package -DskipTests -Dskip.web=true" >&2; exit 1; }
exec "$JAVA_HOME/bin/java" -XX:+UseZGC -Xmx2g -Dlogback.configurationFile=bench/target/classes/desk-bot-logback.xml -cp "bench/target/classes:bench/target/lib/*" org.queqiao.bench.DeskBotBench "$@"
