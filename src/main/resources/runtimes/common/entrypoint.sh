#!/bin/sh
# Entrypoint of every edgecoord runtime image.
#
# The container has no network; the coordinator bind-mounts a unix socket that serves the Lambda
# Runtime API. Runtimes written for Lambda expect AWS_LAMBDA_RUNTIME_API=host:port over TCP, so a
# socat forwarder listens on loopback and carries each connection to the socket. Once it accepts,
# the runtime's own start command (the arguments) replaces this shell, so the runtime's exit ends
# the container and its stdout/stderr are the function's log.
set -eu

socket="${EDGECOORD_RUNTIME_SOCKET:-/run/edgecoord/runtime.sock}"
api="${AWS_LAMBDA_RUNTIME_API:-127.0.0.1:9001}"
port="${api##*:}"
wait_ticks=500 # x 10 ms: 5 s, far above the few ms socat needs

fail() {
  echo "edgecoord-entrypoint: $*" >&2
  exit 70
}

[ "$#" -gt 0 ] || fail "no runtime command given"
case "$port" in
  '' | *[!0-9]*) fail "AWS_LAMBDA_RUNTIME_API must be host:port, got '$api'" ;;
esac
[ -S "$socket" ] || fail "Runtime API socket $socket is missing (is /run/edgecoord mounted?)"

socat "TCP-LISTEN:$port,bind=127.0.0.1,fork,reuseaddr" "UNIX-CONNECT:$socket" &
forwarder=$!

# Wait for the listening socket in /proc/net/tcp rather than by connecting: a probe connection
# would reach the coordinator as an empty HTTP connection.
listening=":$(printf '%04X' "$port") 00000000:0000 0A "
while ! grep -q "$listening" /proc/net/tcp 2>/dev/null; do
  kill -0 "$forwarder" 2>/dev/null || fail "socat forwarder exited before listening on 127.0.0.1:$port"
  wait_ticks=$((wait_ticks - 1))
  [ "$wait_ticks" -gt 0 ] || fail "socat forwarder not listening on 127.0.0.1:$port after 5 s"
  sleep 0.01
done

exec "$@"
