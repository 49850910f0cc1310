#!/usr/bin/env bash
# Story page throughput: the app's page cache against nginx serving the same bytes with gzip_static.
# Not a test. Loopback only. Usage: bench/story-page.sh
# Tunables: STORIES=10000 DURATION=15s ROUNDS=2 WARMUP=20s CONNECTIONS=64 THREADS=2 JAVA_OPTS=... APP_ARGS=... VERBOSE=1
set -euo pipefail

cd "$(dirname "$0")/.."
STORIES=${STORIES:-10000}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
JAR=$(ls target/samizdat-*.jar 2>/dev/null | grep -v plain | head -1 || true)
WORK=$(mktemp -d /tmp/samizdat-bench.XXXXXX)
APP_PID=""
NGINX_PID=""

log() { printf '[bench] %s\n' "$*" >&2; }

cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

need() {
  local missing=()
  command -v nginx >/dev/null || missing+=(nginx-light)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v curl >/dev/null || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

start_app() {
  java ${JAVA_OPTS:-} -jar "$JAR" --server.address=127.0.0.1 --server.port="$APP_PORT" \
    --samizdat.data-dir="$WORK/data" --samizdat.demo-content=true \
    --samizdat.demo.generate-stories="$STORIES" --management.endpoint.health.probes.enabled=true \
    --logging.level.root=warn ${APP_ARGS:-} >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$APP_PORT/en" 2>/dev/null; then return; fi
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; log "the app died"; exit 1; }
    sleep 0.5
  done
  log "the app did not come up"; exit 1
}

stop_app() {
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}

# Asked with a session cookie, which the page cache never answers, so startup-time pages cannot mislead.
first_story() {
  curl -fsS -H 'Cookie: JSESSIONID=bench' "http://127.0.0.1:$APP_PORT/en" | grep -o '/en/stories/[a-z0-9-]*' | head -1 || true
}

generator_built_in() {
  [ "$(unzip -p "$JAR" 'BOOT-INF/classes/*' 2>/dev/null | grep -ac 'samizdat.demo.generate-stories' || true)" -gt 0 ]
}

# Readiness turns UP only after startup tasks such as story generation have finished.
wait_until_ready() {
  local code
  for _ in $(seq 1 900); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT/newsroom/actuator/health/readiness" || true)
    case "$code" in
      200) return ;;
      30[0-9]|401|403) log "readiness probe not public here; waiting for stories instead"; return ;;
    esac
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; log "the app died"; exit 1; }
    sleep 1
  done
  log "the app never became ready"; exit 1
}

wait_for_story() {
  for _ in $(seq 1 "${1:-1}"); do
    STORY=$(first_story)
    [ -n "$STORY" ] && return
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; log "the app died"; exit 1; }
    sleep 1
  done
}

# Without the generator (samizdat.demo.generate-stories), write the stories straight into the embedded database.
seed_by_sql() {
  local h2="$WORK/h2.jar" url="jdbc:h2:file:$WORK/data/samizdat;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  unzip -p "$JAR" "$(unzip -Z1 "$JAR" | grep 'BOOT-INF/lib/h2-.*\.jar')" >"$h2"
  cat >"$WORK/seed.sql" <<SQL
insert into section (slug, name_en, name_ru, position) values ('world', 'World', 'Мир', 1);
insert into story (language, slug, headline, standfirst, body_markdown, body_html, section_id, status,
  published_at, updated_at, created_at)
select 'en', 'benchmark-story-' || x, 'Benchmark story number ' || x,
  'A standfirst long enough to look like the real thing, for story ' || x || '.', 'Body',
  repeat('<p>Reporters on the ground described the scene in detail; officials declined to comment. '
    || 'The numbers, checked against three independent sources, tell a different story from the official one.</p>', 24),
  (select id from section where slug = 'world'), 'PUBLISHED',
  dateadd('MINUTE', -x, current_timestamp), current_timestamp, current_timestamp
from (select "X" as x from system_range(1, $STORIES)) r;
SQL
  java -cp "$h2" org.h2.tools.RunScript -url "$url" -user sa -script "$WORK/seed.sql"
}

run_wrk() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency -H 'Accept-Encoding: gzip' "$1"
}

rps() { awk '/^Requests\/sec:/ {print $2}'; }
p99() { awk '$1 == "99%" {print $2}'; }

need
if [ -z "$JAR" ]; then
  log "building the jar"
  ./mvnw -B -q -DskipTests package
  JAR=$(ls target/samizdat-*.jar | grep -v plain | head -1)
fi
APP_PORT=$(free_port)
NGINX_PORT=$(free_port)

log "starting the app on 127.0.0.1:$APP_PORT with samizdat.demo.generate-stories=$STORIES"
start_app
STORY=""
if generator_built_in; then
  wait_until_ready
  wait_for_story 900
else
  log "this build has no samizdat.demo.generate-stories: seeding $STORIES stories by SQL instead"
  stop_app
  seed_by_sql
  start_app
  wait_for_story 60
fi
[ -n "$STORY" ] || { log "no story found on /en"; exit 1; }
log "story page: $STORY"

WWW="$WORK/www"
mkdir -p "$WWW$(dirname "$STORY")"
curl -fsS "http://127.0.0.1:$APP_PORT$STORY" -o "$WWW$STORY"
curl -fsS -H 'Accept-Encoding: gzip' "http://127.0.0.1:$APP_PORT$STORY" -o "$WWW$STORY.gz"
gzip -dc "$WWW$STORY.gz" | cmp -s - "$WWW$STORY" || { log "gzip and plain pages differ"; exit 1; }
chmod -R a+rX "$WORK"
log "page: $(stat -c %s "$WWW$STORY") bytes, gzip $(stat -c %s "$WWW$STORY.gz") bytes"

cat >"$WORK/nginx.conf" <<CONF
worker_processes auto;
error_log $WORK/nginx-error.log warn;
pid $WORK/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000;
  open_file_cache max=1000 inactive=60s;
  client_body_temp_path $WORK/nginx-body;
  proxy_temp_path $WORK/nginx-proxy;
  fastcgi_temp_path $WORK/nginx-fastcgi;
  uwsgi_temp_path $WORK/nginx-uwsgi;
  scgi_temp_path $WORK/nginx-scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WWW;
    default_type text/html;
    gzip_static on;
    gzip_vary on;
    etag on;
  }
}
CONF
nginx -p "$WORK" -c "$WORK/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$NGINX_PORT$STORY" 2>/dev/null && break; sleep 0.1; done
curl -fsS -D - -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT$STORY" | grep -qi '^content-encoding: gzip' \
  || { log "nginx is not serving the gzip file"; exit 1; }

APP_URL="http://127.0.0.1:$APP_PORT$STORY"
NGINX_URL="http://127.0.0.1:$NGINX_PORT$STORY"
log "warming up"
run_wrk "$NGINX_URL" 5s >/dev/null
run_wrk "$APP_URL" "${WARMUP:-20s}" >/dev/null
best() { sort -t' ' -k1,1 -g | tail -1; }
RESULTS_NGINX=""; RESULTS_APP=""
for round in $(seq 1 "${ROUNDS:-2}"); do
  log "round $round: nginx for $DURATION"
  OUT=$(run_wrk "$NGINX_URL" "$DURATION"); [ -n "${VERBOSE:-}" ] && printf '%s\n' "$OUT" >&2
  RESULTS_NGINX+="$(rps <<<"$OUT") $(p99 <<<"$OUT")"$'\n'
  log "round $round: app for $DURATION"
  OUT=$(run_wrk "$APP_URL" "$DURATION"); [ -n "${VERBOSE:-}" ] && printf '%s\n' "$OUT" >&2
  RESULTS_APP+="$(rps <<<"$OUT") $(p99 <<<"$OUT")"$'\n'
done
log "nginx rounds (req/s p99): $(tr '\n' ';' <<<"$RESULTS_NGINX")"
log "app rounds (req/s p99):   $(tr '\n' ';' <<<"$RESULTS_APP")"
read -r NGINX_RPS NGINX_P99 < <(grep . <<<"$RESULTS_NGINX" | best)
read -r APP_RPS APP_P99 < <(grep . <<<"$RESULTS_APP" | best)
RATIO=$(awk -v a="$APP_RPS" -v n="$NGINX_RPS" 'BEGIN { printf "%.0f", 100 * a / n }')
printf '\nstory page %s (%s connections, %s threads, %s, Accept-Encoding: gzip, best of %s rounds)\n' "$STORY" "$CONNECTIONS" "$THREADS" "$DURATION" "${ROUNDS:-2}"
printf '  nginx  %10s req/s   p99 %s\n' "$NGINX_RPS" "$NGINX_P99"
printf '  app    %10s req/s   p99 %s\n' "$APP_RPS" "$APP_P99"
printf '  app/nginx %s%% (target >= 50%%)\n' "$RATIO"
