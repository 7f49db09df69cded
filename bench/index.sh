#!/usr/bin/env bash
# Time to build the dependency index: bench/index.sh [jars] [runs]
# 1) the index over N jars from the local Maven repository, cold and warm (IndexBench);
# 2) the one Maven call that resolves a real build's per-module classpaths (examples/library).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dspotless.check.skip=true
java -cp "target/classes:target/test-classes:$(cat target/bench.cp)" dev.selfheal.bench.IndexBench "${1:-100}" "${2:-5}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r examples/library/. "$work/"
cd "$work"
for i in 1 2 3; do
  start=$(date +%s%N)
  mvn -B -q -fae -Dmaven.main.skip -Denforcer.skip compile dependency:build-classpath \
    -Dmdep.outputFile=target/selfheal-classpath.txt >/dev/null
  echo "maven resolution of examples/library (3 modules), run $i: $(( ($(date +%s%N) - start) / 1000000 )) ms"
done
