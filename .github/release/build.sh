#!/usr/bin/env bash
# The release build: `bash .github/release/build.sh v0.2.0` builds and tests selfheal at that
# version and leaves target/selfheal-0.2.0.jar and its .sha256, checked. The release workflow runs
# it on a v* tag; run it by hand to see what a release would publish. SELFHEAL_RELEASE_SKIP_TESTS=1
# builds without the tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
tag="${1:?usage: build.sh vX.Y.Z}"
if [[ ! "$tag" =~ ^v([0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?)$ ]]; then
  echo "release tags look like v1.2.3 (or v1.2.3-rc.1), not $tag" >&2
  exit 2
fi
version="${BASH_REMATCH[1]}"
if [ "$(git rev-parse "$tag^{commit}" 2>/dev/null)" != "$(git rev-parse HEAD)" ]; then
  echo "the tag $tag is not the commit checked out; check it out first" >&2
  exit 2
fi
extra=()
if [ "${SELFHEAL_RELEASE_SKIP_TESTS:-}" = 1 ]; then
  extra=(-DskipTests -Dspotless.check.skip=true)
fi
# SELFHEAL_RELEASE_MAVEN_ARGS: more options for Maven (say -o), split on spaces.
read -r -a more <<< "${SELFHEAL_RELEASE_MAVEN_ARGS:-}"
mvn -B -Drevision="$version" "${extra[@]}" "${more[@]}" clean verify
jar="target/selfheal-$version.jar"
test -s "$jar" || { echo "no $jar was built" >&2; exit 1; }
(cd target && sha256sum -c "selfheal-$version.jar.sha256")
printed=$(java -jar "$jar" --version)
if [ "$printed" != "selfheal $version" ]; then
  echo "the jar says \"$printed\", not \"selfheal $version\"" >&2
  exit 1
fi
echo "release $version: $jar and $jar.sha256"
