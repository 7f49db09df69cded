#!/usr/bin/env bash
# Time to compute a fix (no build) on a generated project: bench/fix.sh [files] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dspotless.check.skip=true
exec java -cp "target/classes:target/test-classes:$(cat target/bench.cp)" dev.selfheal.bench.FixBench "${1:-500}" "${2:-5}"
