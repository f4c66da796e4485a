#!/usr/bin/env bash
# `npm run test:containers` — builds the image and runs compose.yaml for real, then takes it down:
#
#   1. a Docker engine: the running one, or (as root, where none runs) `dockerd --bridge=none
#      --iptables=false` started for the test and stopped after it. None reachable → SKIP, exit 0.
#   2. base images: stand-ins built from Debian packages (scripts/container-bases.sh, cached by tag), or
#      with CONTAINER_TEST_PULL=1 the official node:20-bookworm-slim and postgres:17-bookworm pulled.
#   3. `docker build --network host` of the Dockerfile (time and image size printed).
#   4. `docker compose up -d` (or docker-compose v1) on ports of its own, demo data on; waits for
#      GET /api/health → 200 on the web app, then for the two workers to share the demo accounts evenly
#      (every tracked account held exactly once), then starts a third worker and waits for three even
#      shares; waits for every service's health check to pass; checks the app runs as a non-root user
#      and its image has no soketi (the realtime server has an image of its own).
#   5. `down -v` (also on failure, after printing the services' logs).
#
# Not part of `npm test` (a cold build takes minutes); CI runs it as its own step (docs/containers.md).
# Settings: CONTAINER_TEST_PORT_BASE (default 17400: Postgres +0, web +1, realtime +2..4, workers +5..+7, web metrics +8),
# CONTAINER_TEST_KEEP=1 leaves the stack running, LIVELENS_IMAGE names the image built.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

say() { printf '%s\n' "$*"; }
skip() { say "SKIP test:containers: $*"; exit 0; }
fail() { say "FAIL test:containers: $*" >&2; exit 1; }

STARTED_DOCKERD=''
COMPOSE_UP=''
PROJECT=livelens-container-test

cleanup() {
  local code=$?
  if [ -n "$COMPOSE_UP" ]; then
    if [ "$code" != 0 ]; then
      say '--- service status and logs (last 60 lines each) ---'
      compose ps || true
      compose logs --no-color --tail=60 || true
    fi
    if [ "${CONTAINER_TEST_KEEP:-}" = 1 ]; then
      say "CONTAINER_TEST_KEEP=1: the stack stays up (docker compose -p $PROJECT -f compose.yaml down -v to remove it)."
    else
      compose down -v --remove-orphans >/dev/null 2>&1 || say 'compose down failed'
    fi
  fi
  if [ -n "$STARTED_DOCKERD" ]; then
    kill "$STARTED_DOCKERD" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$STARTED_DOCKERD" 2>/dev/null || break; sleep 0.5; done
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# wait_for <seconds> <description> <command...>: runs the command every second until it succeeds.
wait_for() {
  local seconds=$1 what=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || fail "$what: not within ${seconds} s"
    sleep 1
  done
}

# 1. The engine.
command -v docker >/dev/null || skip 'no docker command on this machine (Debian: apt-get install docker.io).'
if ! docker info >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v dockerd >/dev/null; then
    say 'No Docker engine is running: starting dockerd (--bridge=none --iptables=false) for this test…'
    log=${TMPDIR:-/tmp}/livelens-container-test-dockerd.log
    dockerd --bridge=none --iptables=false --ip6tables=false >"$log" 2>&1 &
    STARTED_DOCKERD=$!
    deadline=$((SECONDS + 30))
    until docker info >/dev/null 2>&1; do
      if ! kill -0 "$STARTED_DOCKERD" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
        STARTED_DOCKERD=''
        skip "dockerd could not be started here (see $log)."
      fi
      sleep 1
    done
  else
    skip 'no Docker engine is reachable (docker info fails) and this user cannot start one.'
  fi
fi
if docker compose version >/dev/null 2>&1; then
  compose() { docker compose -p "$PROJECT" -f "$ROOT/compose.yaml" "$@"; }
elif command -v docker-compose >/dev/null; then
  compose() { docker-compose -p "$PROJECT" -f "$ROOT/compose.yaml" "$@"; }
else
  skip 'neither `docker compose` nor `docker-compose` is installed.'
fi

# 2. Base images.
if [ "${CONTAINER_TEST_PULL:-}" = 1 ]; then
  export NODE_IMAGE=${NODE_IMAGE:-node:20-bookworm-slim} POSTGRES_IMAGE=${POSTGRES_IMAGE:-postgres:17-bookworm}
  docker pull -q "$NODE_IMAGE" && docker pull -q "$POSTGRES_IMAGE"
else
  export NODE_IMAGE=${NODE_IMAGE:-livelens/node:20-bookworm} POSTGRES_IMAGE=${POSTGRES_IMAGE:-livelens/postgres:17-bookworm}
  "$ROOT/scripts/container-bases.sh"
fi

# 3. The image.
export LIVELENS_IMAGE=${LIVELENS_IMAGE:-livelens/app:test}
say "docker build → $LIVELENS_IMAGE (FROM $NODE_IMAGE)…"
started=$SECONDS
# The classic builder: it runs on every engine version and honours --network host for RUN steps.
DOCKER_BUILDKIT=0 docker build --network host --build-arg "NODE_IMAGE=$NODE_IMAGE" -t "$LIVELENS_IMAGE" "$ROOT" \
  >"${TMPDIR:-/tmp}/livelens-container-test-build.log" 2>&1 || {
  tail -40 "${TMPDIR:-/tmp}/livelens-container-test-build.log"
  fail 'docker build failed (full log above the last 40 lines in the build log).'
}
size=$(docker image inspect -f '{{.Size}}' "$LIVELENS_IMAGE")
say "✓ built in $((SECONDS - started)) s, $((size / 1000000)) MB"
# The production install has no soketi (a dev dependency); the realtime server has an image of its own.
docker run --rm --entrypoint sh "$LIVELENS_IMAGE" -c 'test ! -e node_modules/@soketi/soketi && test ! -e node_modules/uWebSockets.js' \
  || fail 'the app image contains soketi or uWebSockets.js'
say '✓ no soketi in the app image'
export LIVELENS_REALTIME_IMAGE=${LIVELENS_REALTIME_IMAGE:-livelens/realtime:test}
started=$SECONDS
DOCKER_BUILDKIT=0 docker build --network host --target realtime --build-arg "NODE_IMAGE=$NODE_IMAGE" -t "$LIVELENS_REALTIME_IMAGE" "$ROOT" \
  >"${TMPDIR:-/tmp}/livelens-container-test-build-realtime.log" 2>&1 || {
  tail -40 "${TMPDIR:-/tmp}/livelens-container-test-build-realtime.log"
  fail 'docker build --target realtime failed.'
}
size=$(docker image inspect -f '{{.Size}}' "$LIVELENS_REALTIME_IMAGE")
say "✓ realtime image built in $((SECONDS - started)) s, $((size / 1000000)) MB"

# 4. The stack, on ports of its own.
base=${CONTAINER_TEST_PORT_BASE:-17400}
secret() { node -e 'process.stdout.write(require("node:crypto").randomBytes(24).toString("hex"))'; }
export POSTGRES_PORT=$base WEB_PORT=$((base + 1)) REALTIME_PORT=$((base + 2)) REALTIME_METRICS_PORT=$((base + 3))
export REALTIME_CLUSTER_PORT=$((base + 4)) WORKER_1_METRICS_PORT=$((base + 5)) WORKER_2_METRICS_PORT=$((base + 6))
export PUSHER_PUBLIC_PORT=$REALTIME_PORT APP_URL="http://localhost:$WEB_PORT" LISTEN_HOST=127.0.0.1
POSTGRES_PASSWORD=$(secret) AUTH_SECRET=$(secret) PUSHER_SECRET=$(secret)
export POSTGRES_PASSWORD AUTH_SECRET PUSHER_SECRET
export DEMO_MODE=true WORKER_3_METRICS_PORT=$((base + 7)) WEB_METRICS_PORT=$((base + 8))
# Short leases so that a worker added later gets its share within seconds (docs/deploy.md, Scaling).
export WORKER_LEASE_TTL_MS=${WORKER_LEASE_TTL_MS:-10000} WORKER_CYCLE_MS=${WORKER_CYCLE_MS:-2000}
for port in "$POSTGRES_PORT" "$WEB_PORT" "$REALTIME_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then fail "port $port is in use (set CONTAINER_TEST_PORT_BASE)"; fi
done

compose down -v --remove-orphans >/dev/null 2>&1 || true
COMPOSE_UP=1
say "compose up (web http://127.0.0.1:$WEB_PORT, Postgres $POSTGRES_PORT, realtime $REALTIME_PORT)…"
started=$SECONDS
compose up -d --no-build || fail 'compose up failed: a service it waits for did not become healthy or exited (logs below)'

health() { node -e 'fetch(process.argv[1]).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$WEB_PORT/api/health"; }
wait_for 300 'GET /api/health → 200' health
say "✓ /api/health 200 after $((SECONDS - started)) s: $(node -e 'fetch(process.argv[1]).then((r) => r.text()).then((t) => process.stdout.write(t))' "http://127.0.0.1:$WEB_PORT/api/health")"

sql() { compose exec -T -e "PGPASSWORD=$POSTGRES_PASSWORD" postgres psql -h 127.0.0.1 -p "$POSTGRES_PORT" -U livelens -d livelens -Atc "$1"; }
TRACKED="SELECT count(*) FROM tracked_accounts WHERE enabled"
SHARES="SELECT worker_id || '=' || count(*) FROM leases WHERE expires_at > now() GROUP BY worker_id ORDER BY worker_id"
# fair_shares <workers…>: each named worker holds ceil(tracked ÷ workers) or floor of it, nobody else
# holds any, and every tracked account is held exactly once.
fair_shares() {
  local tracked total worker held low high
  tracked=$(sql "$TRACKED")
  total=$(sql "SELECT count(*) FROM leases WHERE expires_at > now()")
  [ "$tracked" -gt 0 ] && [ "$total" = "$tracked" ] || return 1
  [ "$(sql "SELECT count(DISTINCT worker_id) FROM leases WHERE expires_at > now()")" = $# ] || return 1
  low=$((tracked / $#)) high=$(((tracked + $# - 1) / $#))
  for worker in "$@"; do
    held=$(sql "SELECT count(*) FROM leases WHERE expires_at > now() AND worker_id = '$worker'")
    [ "$held" -ge "$low" ] && [ "$held" -le "$high" ] || return 1
  done
}
heartbeats() { sql "SELECT string_agg(worker_id, ' ' ORDER BY worker_id) FROM worker_heartbeats WHERE stopped_at IS NULL AND last_seen_at > now() - interval '30 seconds'"; }
wait_for 180 'the two workers sharing the tracked accounts evenly, each held once' fair_shares worker-1 worker-2
say "✓ leases: $(sql "$SHARES" | tr '\n' ' ')of $(sql "$TRACKED") tracked accounts; heartbeats: $(heartbeats)"

# A third worker (compose.yaml's worker-3, behind its profile) takes a third. (`compose run` cannot do
# it: docker-compose 1.x links a one-off container to its dependencies, which host networking refuses.)
compose --profile worker-3 up -d --no-deps worker-3 || fail 'could not start a third worker'
started=$SECONDS
wait_for 180 'three workers sharing the tracked accounts evenly after one joined' fair_shares worker-1 worker-2 worker-3
say "✓ a third worker joined: $(sql "$SHARES" | tr '\n' ' ')after $((SECONDS - started)) s; heartbeats: $(heartbeats)"

# compose.yaml's own health checks: postgres and realtime were awaited by `up`; the rest must pass too.
all_healthy() {
  local service id
  for service in web worker-1 worker-2; do
    id=$(compose ps -q "$service")
    [ "$(docker inspect -f '{{.State.Health.Status}}' "$id")" = healthy ] || return 1
  done
}
wait_for 120 'the health checks of web, worker-1 and worker-2' all_healthy
say '✓ every service healthy by its compose health check'

web_metrics() { node -e 'fetch(process.argv[1]).then((r) => r.text()).then((t) => process.exit(/livelens_web_request_duration_seconds_bucket/.test(t) ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$WEB_METRICS_PORT/metrics"; }
wait_for 60 "the web app's metrics on 127.0.0.1:$WEB_METRICS_PORT" web_metrics
say "✓ web metrics on 127.0.0.1:$WEB_METRICS_PORT"

# The shared page cache (lib/next-cache) is in the image's configuration: a page rendered by the web app
# lands in Postgres, where every other instance finds it.
node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$WEB_PORT/en/about" || fail 'GET /en/about failed'
cached() { [ "$(sql "SELECT count(*) FROM next_cache_entries")" -gt 0 ]; }
wait_for 30 'a rendered page in the shared page cache (next_cache_entries)' cached
say "✓ shared page cache: $(sql "SELECT count(*) FROM next_cache_entries") entries in Postgres"

uid=$(compose exec -T web id -u | tr -d '\r')
[ "$uid" != 0 ] || fail 'the web app runs as root'
say "✓ the app runs as uid $uid"
say "PASS test:containers ($((SECONDS)) s in all)"
