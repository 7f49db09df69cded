#!/usr/bin/env bash
# Detection throughput and heap peak on a generated CI log: bench/detect.sh [MB] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dspotless.check.skip=true
exec java -Xmx64m -XX:+UseSerialGC -cp "target/classes:target/test-classes:$(cat target/bench.cp)" \
  dev.selfheal.bench.DetectBench "${1:-200}" "${2:-3}"
