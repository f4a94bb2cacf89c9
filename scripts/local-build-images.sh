#!/usr/bin/env bash
# Builds the coordinator's image where no image registry is reachable, from local material only:
#
#   scripts/local-build-images.sh [image-tag]      (default: edgecoord:test)
#
# 1. edgecoord-build/jdk:local  debian:bookworm-slim + this machine's JDK (JAVA_HOME, else the
#                               project's JDK 25), the build stage's base;
# 2. edgecoord-build/jre:local  debian:bookworm-slim + a runtime jlinked from that JDK, the run
#                               stage's base;
# 3. the coordinator's image from the repo's Dockerfile with those two as BUILD_IMAGE and
#    RUNTIME_IMAGE. Its build stage still downloads Maven and the dependencies from Maven Central
#    (kept in a cached layer until pom.xml changes).
#
# The two bases are made once per JDK (a label holds the JDK's version) and trust what this
# machine trusts (its CA bundle and the JDK's cacerts), so that builds behind a TLS-inspecting
# proxy work as they do on the host. The coordinator's image is built every time, so it always
# holds the current source; Docker's layer cache makes an unchanged build take seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

tag="${1:-${EDGECOORD_IMAGE:-edgecoord:test}}"
jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
build_image=edgecoord-build/jdk:local
runtime_image=edgecoord-build/jre:local
# java.se and the JDK modules the coordinator's libraries reach for; everything a JRE has that a
# server uses, without the development tools.
modules=java.se,jdk.unsupported,jdk.management,jdk.crypto.ec,jdk.zipfs,jdk.charsets,jdk.naming.dns,jdk.net

log() { echo "local-build-images: $*"; }
fail() { echo "local-build-images: $*" >&2; exit 1; }

docker info >/dev/null 2>&1 || fail "no Docker engine answers (docker info)"
[ -x "$jdk/bin/jlink" ] || fail "no JDK at $jdk (set JAVA_HOME to a JDK 21 or newer)"
jdk_version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$jdk/release")
[ "${jdk_version%%.*}" -ge 21 ] 2>/dev/null || fail "the JDK at $jdk is $jdk_version; 21 or newer is needed"

scripts/offline-base-image.sh debian:bookworm-slim

# current <image>: true when the image exists and was made from this JDK.
current() {
  [ "$(docker image inspect -f '{{index .Config.Labels "edgecoord.jdk"}}' "$1" 2>/dev/null)" = "$jdk_version" ]
}

# make_base <image> <folder to put at /opt/java/openjdk>: debian:bookworm-slim + that Java.
make_base() {
  local image=$1 java=$2 context=$3
  mkdir -p "$context/trust"
  # Dereferenced: on Debian the JDK's cacerts is a link to /etc/ssl/certs/java/cacerts.
  # (Removed first: copying onto the link would write through it.)
  rm -f "$java/lib/security/cacerts"
  cp -L "$jdk/lib/security/cacerts" "$java/lib/security/cacerts"
  [ -f /etc/ssl/certs/ca-certificates.crt ] && cp /etc/ssl/certs/ca-certificates.crt "$context/trust/"
  cat >"$context/Dockerfile" <<DOCKERFILE
FROM debian:bookworm-slim
COPY trust/ /etc/ssl/certs/
COPY java/ /opt/java/openjdk/
ENV JAVA_HOME=/opt/java/openjdk \
    PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8
LABEL edgecoord.jdk="$jdk_version"
RUN java -version
DOCKERFILE
  docker build --pull=false -q -t "$image" "$context" >/dev/null
  log "$image ready ($(docker image inspect -f '{{.Size}}' "$image" | numfmt --to=iec))"
}

work="$(mktemp -d /tmp/edgecoord-images.XXXXXX)"
trap 'rm -rf "$work"' EXIT

if current "$build_image"; then
  log "$build_image already made from JDK $jdk_version"
else
  log "making $build_image from $jdk"
  mkdir -p "$work/jdk"
  cp -a "$jdk" "$work/jdk/java"
  make_base "$build_image" "$work/jdk/java" "$work/jdk"
fi

if current "$runtime_image"; then
  log "$runtime_image already made from JDK $jdk_version"
else
  log "making $runtime_image: jlink $modules"
  mkdir -p "$work/jre"
  available=$("$jdk/bin/java" --list-modules | sed 's/@.*//' | tr '\n' ' ')
  wanted=$(tr ',' '\n' <<<"$modules" | while read -r m; do [[ " $available " == *" $m "* ]] && echo "$m"; done | paste -sd,)
  "$jdk/bin/jlink" --add-modules "$wanted" --strip-debug --no-man-pages --no-header-files \
    --output "$work/jre/java"
  make_base "$runtime_image" "$work/jre/java" "$work/jre"
fi

previous=$(docker image inspect -f '{{.Id}}' "$tag" 2>/dev/null || true)
log "building $tag"
start=$SECONDS
docker build --pull=false \
  --build-arg BUILD_IMAGE="$build_image" --build-arg RUNTIME_IMAGE="$runtime_image" \
  -t "$tag" . >"$work/build.log" 2>&1 \
  || { tail -n 60 "$work/build.log" >&2; fail "docker build of $tag failed"; }
built=$(docker image inspect -f '{{.Id}}' "$tag")
# The image this tag named before is garbage now, unless a container still uses it.
if [ -n "$previous" ] && [ "$previous" != "$built" ]; then
  docker image rm "$previous" >/dev/null 2>&1 || true
fi
log "$tag ready in $((SECONDS - start)) s ($(docker image inspect -f '{{.Size}}' "$tag" | numfmt --to=iec))"
