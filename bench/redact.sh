#!/usr/bin/env bash
# Redaction throughput of a build log against a plain copy: bench/redact.sh [MiB]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dspotless.check.skip=true
exec java -cp "target/classes:target/test-classes:$(cat target/bench.cp)" dev.selfheal.bench.RedactBench "${1:-512}"
