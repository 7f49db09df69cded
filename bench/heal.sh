#!/usr/bin/env bash
# Time per stage of healing the bundled example, and the healer's own share: bench/heal.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dspotless.check.skip=true
exec java -cp "target/classes:target/test-classes:$(cat target/bench.cp)" dev.selfheal.bench.HealBench "${1:-3}"
