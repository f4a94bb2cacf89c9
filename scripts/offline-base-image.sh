#!/usr/bin/env bash
# Builds debian:bookworm-slim locally from Debian's packages (debootstrap + docker import), for
# machines that can reach Debian's package mirror but no image registry.
#
#   scripts/offline-base-image.sh [image-tag] [extra,packages]
#
# The runtime Dockerfiles install what they need with apt-get when their build can reach a Debian
# mirror; the packages named here are preinstalled so that the image builds also work where the
# build containers have no network at all. Does nothing when the tag already exists.
set -euo pipefail

tag="${1:-debian:bookworm-slim}"
include="${2:-python3,socat,curl,ca-certificates,openjdk-17-jre-headless}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if docker image inspect "$tag" >/dev/null 2>&1; then
  echo "offline-base-image: $tag already present"
  exit 0
fi
command -v debootstrap >/dev/null || { echo "offline-base-image: debootstrap is not installed" >&2; exit 1; }

root="$(mktemp -d /tmp/edgecoord-rootfs.XXXXXX)"
trap 'rm -rf "$root"' EXIT
echo "offline-base-image: debootstrap bookworm into $root (packages: $include)"
debootstrap --variant=minbase --include="$include" bookworm "$root" "$mirror" >"$root.log" 2>&1 \
  || { tail -n 30 "$root.log" >&2; exit 1; }
rm -f "$root.log"
# Keep the image small, as the slim image does.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
       "$root"/usr/share/man/* "$root"/usr/share/locale/*
echo "offline-base-image: importing as $tag"
tar -C "$root" -c . | docker import --change 'CMD ["bash"]' - "$tag" >/dev/null
echo "offline-base-image: $tag ready"
