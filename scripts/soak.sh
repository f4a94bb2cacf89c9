#!/usr/bin/env bash
# Runs SoakBenchmark: the coordinator as its own JVM (Docker backend, embedded H2) for [minutes]
# (default 30) under a constant mixed load with a short retention, sampled every [sample-seconds]
# (default 60); writes soak.csv, soak.png and coordinator.log to [outDir] and prints a verdict per
# series. Exits 1 if any series grows after warm-up. Needs a Docker engine; the runtime images are
# built on first use by the coordinator itself. See docs/benchmarks.md.
# Usage: scripts/soak.sh [minutes] [outDir] [sample-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-30}
out=${2:-target/soak-$(date -u +%Y%m%dT%H%M%SZ)}
sample=${3:-60}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
mkdir -p "$out"
"$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
    io.edgecoord.bench.SoakBenchmark "$minutes" "$sample" "$out" 2>&1 | tee "$out/soak.txt"
