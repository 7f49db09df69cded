#!/usr/bin/env bash
# The logic tier's speed: candidates/s in the warm worker, and a one-line regression's heal against
# one cold `mvn -B verify` of the same project: bench/logic.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dspotless.check.skip=true
exec java -cp "target/classes:target/test-classes:$(cat target/bench.cp)" dev.selfheal.bench.LogicBench "${1:-3}"
