#!/usr/bin/env bash
# Issue 12's benchmark (docs/benchmarks.md): starts the jar as shipped (its own data dir and
# container label), deploys a Python no-op task with 4 warm environments, and measures every goal
# of the warm path and the footprint against its baseline in the same run, alternately, several
# rounds; the last lines are a Markdown table to paste. Needs a Docker engine, python3, and `hey`
# (Debian/Ubuntu: apt-get install -y hey). Builds the jar only when it is missing or older than
# the sources. Not part of .ci/run: it measures, it asserts nothing a test would.
# Usage: scripts/bench.sh [--rounds 3] [--seconds 5] [--warm 4] [--cold 3] [--rate 100]
#                         [--java-opts "-Xmx…"] [--keep]      (about 5 minutes with the defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
command -v hey >/dev/null || { echo "bench.sh needs hey: apt-get install -y hey (or go install github.com/rakyll/hey@latest)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench.sh needs python3" >&2; exit 2; }
jar=$(ls target/edgecoord-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
if [[ -z "$jar" ]] || [[ -n "$(find src/main pom.xml -newer "$jar" -type f -print -quit)" ]]; then
  echo "# building the jar (missing or older than src/main)" >&2
  ./mvnw -q -o -B -DskipTests package
  jar=$(ls target/edgecoord-*.jar | grep -v -- '-plain' | head -1)
fi
exec python3 scripts/bench.py --jar "$jar" --java "$JAVA_HOME/bin/java" "$@"
