#!/bin/sh
# Runs the task's own bootstrap, which implements the Lambda Runtime API itself (as on Lambda's
# provided runtimes): it reaches AWS_LAMBDA_RUNTIME_API with curl or any HTTP client it carries.
set -eu
task="${LAMBDA_TASK_ROOT:-/var/task}"
bootstrap="$task/bootstrap"
if [ ! -e "$bootstrap" ]; then
  echo "edgecoord-runtime: the task has no bootstrap: $bootstrap is missing (a provided task's code must carry an executable file named bootstrap at its root)" >&2
  exit 127
fi
if [ -d "$bootstrap" ] || [ ! -x "$bootstrap" ]; then
  echo "edgecoord-runtime: $bootstrap is not an executable file (give it mode 0755 in the code archive)" >&2
  exit 126
fi
cd "$task"
exec "$bootstrap"
