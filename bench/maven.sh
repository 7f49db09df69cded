#!/usr/bin/env bash
# A Maven build's cost, fresh process against warm JVM: bench/maven.sh [builds]
# `mvn -B -o clean verify` of examples/inventory (compile, Checkstyle, 12 tests in a forked JVM,
# jar), N times each way; /usr/bin/time counts the CPU of every process involved.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dspotless.check.skip=true
cp="target/classes:target/test-classes:$(cat target/bench.cp)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r examples/inventory/. "$work/"
(cd "$work" && mvn -B -q verify >/dev/null)   # resolve online once; the runs are offline
for mode in fresh warm; do
  /usr/bin/time -f "$mode: %e s wall, %U s user + %S s system CPU" \
    java -cp "$cp" dev.selfheal.bench.MavenBench "$work" "${1:-20}" "$mode"
done
