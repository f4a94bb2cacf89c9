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
include="${2:-python3,socat,curl,ca-certificates,openjdk-17-jre-headless,nodejs}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

docker info >/dev/null 2>&1 || { echo "offline-base-image: no Docker engine answers (docker info)" >&2; exit 1; }
if docker image inspect "$tag" >/dev/null 2>&1; then
  echo "offline-base-image: $tag already present"
  exit 0
fi
[ "$(id -u)" = 0 ] || { echo "offline-base-image: debootstrap needs root" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "offline-base-image: debootstrap is not installed" >&2; exit 1; }

work="$(mktemp -d /tmp/edgecoord-rootfs.XXXXXX)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
echo "offline-base-image: debootstrap bookworm into $root (packages: $include)"
debootstrap --variant=minbase --include="$include" bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }
# As the official image: updates and security fixes reachable for later apt-get installs.
cat >"$root/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb ${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security} bookworm-security main
SOURCES
# Keep the image small, as the slim image does. Docker provides hostname, hosts and resolv.conf
# at run time; the build machine's copies must not travel in the image.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin "$root"/var/lib/apt/lists/* \
       "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/* \
       "$root"/etc/hostname "$root"/etc/resolv.conf "$root"/etc/hosts
echo "offline-base-image: importing as $tag"
tar --numeric-owner -C "$root" -c . \
  | docker import \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["bash"]' - "$tag" >/dev/null
docker run --rm --network none "$tag" true \
  || { echo "offline-base-image: the imported $tag does not run" >&2; exit 1; }
echo "offline-base-image: $tag ready"
