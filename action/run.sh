#!/usr/bin/env bash
# The Action's run step: selfheal with the `args` input, split as a shell would split it (quotes
# keep `--command "mvn -B verify -Pci"` one argument) but never evaluated: no expansion, no
# command substitution, whatever the input holds.
# In: SELFHEAL_JAVA, SELFHEAL_JAR, SELFHEAL_ARGS.
set -euo pipefail
args=()
if [ -n "${SELFHEAL_ARGS//[[:space:]]/}" ]; then
  while IFS= read -r -d '' a; do
    args+=("$a")
  done < <(printf '%s' "$SELFHEAL_ARGS" | xargs printf '%s\0')
fi
exec "$SELFHEAL_JAVA" -jar "$SELFHEAL_JAR" "${args[@]}"
