#!/usr/bin/env bash
# Runs InvokeBenchmark on another commit (A) and on this working tree (B), alternately (ABAB…),
# so that a change's effect on the warm and cold paths is a ratio taken on the same machine in
# the same hour. Usage: scripts/bench-invoke-ab.sh <git-ref> [pairs] [rounds] [warm] [cold]
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:?usage: $0 <git-ref> [pairs] [rounds] [warm] [cold]}
pairs=${2:-3} rounds=${3:-3} warm=${4:-300} cold=${5:-1}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
base=$(mktemp -d /tmp/edgecoord-bench-XXXX)
trap 'git worktree remove --force "$base/a" >/dev/null 2>&1 || true; rm -rf "$base"' EXIT
git worktree add -q --detach "$base/a" "$ref"
build() {
  (cd "$1" && ./mvnw -q -B test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test)
}
build "$base/a"
build .
run() {
  (cd "$1" && "$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
      io.edgecoord.bench.InvokeBenchmark "$rounds" "$warm" "$cold" 2>&1 | grep -E '^\| |overhead|p50 /|median /')
}
for i in $(seq "$pairs"); do
  echo "=== A ($ref), pair $i"; run "$base/a"
  echo "=== B (working tree), pair $i"; run .
done
