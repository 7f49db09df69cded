#!/usr/bin/env bash
# The Action's install step: a Java 17+ for selfheal itself, and the selfheal jar.
#
# The Java: SELFHEAL_JAVA if set, else the runner's preinstalled JDK 21 or 17 (JAVA_HOME_21_X64 /
# JAVA_HOME_17_X64), else java on the PATH when it is 17+, else a Temurin JRE downloaded into
# RUNNER_TEMP. Nothing is exported: JAVA_HOME and PATH stay as the project's own setup left them,
# so a project on Java 11 or 21 builds with its own JDK.
#
# The jar: the released selfheal-<version>.jar of the Action's own tag (or of the `version`
# input), downloaded from RELEASE_URL/v<version>/ and checked against its published .sha256;
# built from the Action's source only when it is used from an untagged ref (a branch or a commit).
#
# In: ACTION_PATH, ACTION_REF, VERSION (optional), RELEASE_URL, RUNNER_TEMP, GITHUB_OUTPUT.
# Out (GITHUB_OUTPUT): java=<path of java>, jar=<path of the jar>, version=<version or "source">.
set -euo pipefail

tmp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
out="${GITHUB_OUTPUT:-/dev/stdout}"

major() { # the major version of a java binary, or 0
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1) || true
  v=${v#1.}
  echo "${v%%.*}" | grep -E '^[0-9]+$' || echo 0
}

java_bin=""
for j in "${SELFHEAL_JAVA:-}" "${JAVA_HOME_21_X64:+$JAVA_HOME_21_X64/bin/java}" \
         "${JAVA_HOME_17_X64:+$JAVA_HOME_17_X64/bin/java}" "$(command -v java || true)"; do
  if [ -n "$j" ] && [ -x "$j" ] && [ "$(major "$j")" -ge 17 ]; then
    java_bin="$j"
    break
  fi
done
if [ -z "$java_bin" ]; then
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) echo "::error::selfheal needs Java 17+ and no JRE is published for $(uname -m); set SELFHEAL_JAVA" >&2; exit 1 ;;
  esac
  jre="$tmp/selfheal-jre"
  mkdir -p "$jre"
  echo "selfheal: downloading a Temurin 21 JRE for selfheal itself into $jre" >&2
  curl -fsSL --retry 3 "https://api.adoptium.net/v3/binary/latest/21/ga/linux/$arch/jre/hotspot/normal/eclipse" \
    | tar -xz -C "$jre" --strip-components=1
  java_bin="$jre/bin/java"
fi

version="${VERSION:-}"
if [ -z "$version" ] && [[ "${ACTION_REF:-}" =~ ^v([0-9]+\.[0-9]+\.[0-9]+.*)$ ]]; then
  version="${BASH_REMATCH[1]}"
fi

if [ -n "$version" ]; then
  dir="$tmp/selfheal-$version"
  mkdir -p "$dir"
  jar="selfheal-$version.jar"
  base="${RELEASE_URL%/}/v$version"
  curl -fsSL --retry 3 -o "$dir/$jar" "$base/$jar"
  curl -fsSL --retry 3 -o "$dir/$jar.sha256" "$base/$jar.sha256"
  if ! (cd "$dir" && sha256sum -c --status "$jar.sha256"); then
    echo "::error::selfheal-$version.jar does not match its published SHA-256; not running it" >&2
    exit 1
  fi
  echo "selfheal: $jar from $base, SHA-256 verified" >&2
  jar_path="$dir/$jar"
else
  # An untagged ref: build the Action's own source (Maven and a JDK are on GitHub's runners).
  home=$(dirname "$(dirname "$(readlink -f "$java_bin")")")
  if [ ! -x "$home/bin/javac" ]; then
    echo "::error::building selfheal from source needs a JDK 17+ (found only a JRE at $home); use a release tag of the Action" >&2
    exit 1
  fi
  echo "selfheal: no release tag (${ACTION_REF:-none}); building from source" >&2
  JAVA_HOME="$home" mvn -B -q -f "$ACTION_PATH/pom.xml" package -DskipTests -Dspotless.check.skip=true >&2
  jar_path="$ACTION_PATH/target/selfheal.jar"
  version=source
fi

{
  echo "java=$java_bin"
  echo "jar=$jar_path"
  echo "version=$version"
} >> "$out"
