#!/usr/bin/env bash
# Issue 12's benchmark (docs/benchmarks.md): starts the jar as shipped (its own data dir and
# container label), deploys a Python no-op task with 4 warm environments, and measures every goal
# of the warm path and the footprint against its baseline in the same run, alternately, several
# rounds; the last lines are a Markdown table to paste. Needs a Docker engine, python3, and `hey`
# (Debian/Ubuntu: apt-get install -y hey). Builds the jar only when it is missing or older than
# the sources. Not part of .ci/run: it measures, it asserts nothing a test would.
# Usage: scripts/bench.sh [--rounds 3] [--seconds 5] [--warmup 30] [--warm 4] [--cold 3] [--rate 100]
#                         [--java-opts "-Xmx…"] [--keep] [--footprint]   (about 5 minutes by default)
# Environment: BENCH_JAVA_OPTS (default: the image's JDK_JAVA_OPTIONS), BENCH_AOT=0 (a CDS archive
# instead of JDK 25's ahead-of-time cache), BENCH_CDS=0 (neither).
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
# The JVM options the image ships (its JDK_JAVA_OPTIONS), unless BENCH_JAVA_OPTS says otherwise
# (BENCH_JAVA_OPTS=" " for the JVM's own defaults); --java-opts on the command line wins over both.
export BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-$(sed -n 's/^ENV JDK_JAVA_OPTIONS="\([^"]*\)".*/\1/p' Dockerfile)}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# As the image starts it: the jar extracted with its lib/ and what the image's training run makes:
# an ahead-of-time cache on JDK 25+, else a class-data sharing archive (BENCH_AOT=0: the archive on
# any JDK; BENCH_CDS=0: neither, the fat jar as it is). Each is made again when the jar or the JVM
# options change, since a cache made with other options is refused.
if [[ "${BENCH_CDS:-1}" == 1 ]]; then
  cds=$PWD/target/bench-cds
  if [[ ! -f "$cds/edgecoord.jar" || "$jar" -nt "$cds/edgecoord.jar" ]]; then
    echo "# extracting the jar" >&2
    rm -rf "$cds" && "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$cds" >/dev/null
    mv "$cds"/edgecoord-*.jar "$cds/edgecoord.jar"
  fi
  major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release")
  if [[ "${BENCH_AOT:-1}" == 1 && "${major:-0}" -ge 25 ]]; then
    cache=$cds/edgecoord.aot make="-XX:AOTCacheOutput=$cds/edgecoord.aot" use="-XX:AOTCache=$cds/edgecoord.aot"
  else
    cache=$cds/edgecoord.jsa make="-XX:ArchiveClassesAtExit=$cds/edgecoord.jsa"
    use="-XX:SharedArchiveFile=$cds/edgecoord.jsa -Xshare:auto"
  fi
  if [[ ! -f "$cache" || "$cds/edgecoord.jar" -nt "$cache" || "$(cat "$cache.options" 2>/dev/null)" != "$BENCH_JAVA_OPTS" ]]; then
    echo "# a training run: $make" >&2
    rm -f "$cache"
    # shellcheck disable=SC2086
    "$JAVA_HOME/bin/java" $BENCH_JAVA_OPTS $make -Dspring.context.exit=onRefresh \
        -jar "$cds/edgecoord.jar" --edgecoord.data-dir="$cds/training" --server.port=0 --server.address=127.0.0.1 \
        --edgecoord.execution.docker.instance-id=bench-training --spring.main.banner-mode=off >"$cds/training.log" 2>&1 \
      || { echo "# the training run failed (see $cds/training.log)" >&2; exit 1; }
    rm -rf "$cds/training"
    echo "$BENCH_JAVA_OPTS" >"$cache.options"
  fi
  jar=$cds/edgecoord.jar
  BENCH_JAVA_OPTS="$BENCH_JAVA_OPTS $use"
fi
echo "# jar $jar" >&2
exec python3 scripts/bench.py --jar "$jar" --java "$JAVA_HOME/bin/java" "$@"
