#!/usr/bin/env bash
# Breaking-news spike: 2,000 concurrent connections on story pages for 60 s against the running app, compared
# with an ordinary load (64 connections) measured in the same run. Passes with zero errors and zero timeouts.
# Not a test. Loopback only. Usage: bench/spike.sh
# Tunables: STORIES=1000 SPIKE=2000 SPIKE_DURATION=60s BASE=64 BASE_DURATION=15s TIMEOUT=5s THREADS=2 JAVA_OPTS=...
set -euo pipefail

cd "$(dirname "$0")/.."
STORIES=${STORIES:-1000}
SPIKE=${SPIKE:-2000}
SPIKE_DURATION=${SPIKE_DURATION:-60s}
BASE=${BASE:-64}
BASE_DURATION=${BASE_DURATION:-15s}
TIMEOUT=${TIMEOUT:-5s}
THREADS=${THREADS:-2}
WORK=$(mktemp -d /tmp/samizdat-spike.XXXXXX)
APP_PID=""

log() { printf '[spike] %s\n' "$*" >&2; }
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in wrk curl; do
  command -v "$tool" >/dev/null || { log "installing $tool"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null; }
done
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -gt $((SPIKE + 200)) ] || { log "open-file limit $(ulimit -n) is too low for $SPIKE connections"; exit 1; }

JAR=$(ls target/samizdat-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$JAR" ]; then log "building the jar"; ./mvnw -q -DskipTests package; JAR=$(ls target/samizdat-*.jar | grep -v plain | head -1); fi

PORT=$((20000 + RANDOM % 40000))
java ${JAVA_OPTS:-} -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
  --samizdat.data-dir="$WORK/data" --samizdat.demo-content=true --samizdat.demo.generate-stories="$STORIES" \
  --logging.level.root=warn >"$WORK/app.log" 2>&1 &
APP_PID=$!
log "starting the app on 127.0.0.1:$PORT with $STORIES generated stories"
for _ in $(seq 1 900); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/newsroom/actuator/health/readiness" || true)
  [ "$code" = 200 ] && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; log "the app died"; exit 1; }
  sleep 1
done

# A hundred different story pages from the sitemap, asked for in turn, as a front page full of links spreads readers.
curl -fsS "http://127.0.0.1:$PORT/sitemaps/stories-1.xml" \
  | grep -o '/[a-z][a-z]/stories/[a-z0-9-]*' | sort -u | awk 'NR <= 100' >"$WORK/paths"
[ -s "$WORK/paths" ] || { log "found no story links"; exit 1; }
{
  echo 'local paths = {}'
  while read -r p; do echo "table.insert(paths, \"$p\")"; done <"$WORK/paths"
  echo 'local i = 0'
  echo 'request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1], {["Accept-Encoding"] = "gzip"}) end'
} >"$WORK/paths.lua"
log "$(wc -l <"$WORK/paths") story pages; warming up"
wrk -t"$THREADS" -c"$BASE" -d10s -s "$WORK/paths.lua" "http://127.0.0.1:$PORT" >/dev/null

run() { wrk -t"$THREADS" -c"$1" -d"$2" --timeout "$TIMEOUT" --latency -s "$WORK/paths.lua" "http://127.0.0.1:$PORT"; }
summary() {
  awk -v label="$1" '
    /^Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    /Socket errors:/ { gsub(",", ""); connect = $4; read = $6; write = $8; timeout = $10 }
    /Non-2xx or 3xx responses:/ { non2xx = $5 }
    /requests in/ { total = $1 }
    END {
      printf "%-9s requests %9s  req/s %10s  p50 %8s  p99 %8s  errors connect %s read %s write %s non-2xx %s  timeouts %s\n",
        label, total, rps, p50, p99, connect + 0, read + 0, write + 0, non2xx + 0, timeout + 0
    }'
}
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub("us", "", v); v /= 1000 } else if (v ~ /ms$/) { sub("ms", "", v) } else if (v ~ /s$/) { sub("s", "", v); v *= 1000 } printf "%.2f", v }'; }

log "baseline: $BASE connections for $BASE_DURATION"
run "$BASE" "$BASE_DURATION" >"$WORK/base.txt"
log "spike: $SPIKE connections for $SPIKE_DURATION"
run "$SPIKE" "$SPIKE_DURATION" >"$WORK/spike.txt"
[ -n "${VERBOSE:-}" ] && cat "$WORK/base.txt" "$WORK/spike.txt" >&2

echo "== Spike on story pages (wrk -t$THREADS, timeout $TIMEOUT, gzip, $(wc -l <"$WORK/paths") pages) =="
summary "baseline" <"$WORK/base.txt"
summary "spike" <"$WORK/spike.txt"
base_p99=$(awk '/^ +99%/ {print $2}' "$WORK/base.txt" | to_ms)
spike_p99=$(awk '/^ +99%/ {print $2}' "$WORK/spike.txt" | to_ms)
base_rps=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/base.txt")
spike_rps=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/spike.txt")
awk -v bp="$base_p99" -v sp="$spike_p99" -v br="$base_rps" -v sr="$spike_rps" -v c="$SPIKE" -v b="$BASE" 'BEGIN {
  printf "ratio     spike/baseline: connections %.0fx, throughput %.2fx, p99 %.1fx\n", c / b, sr / br, sp / bp }'
errors=$(grep -h 'Socket errors' "$WORK/spike.txt" | awk '{gsub(",", ""); print $4 + $6 + $8}' || true)
timeouts=$(grep -h 'Socket errors' "$WORK/spike.txt" | awk '{gsub(",", ""); print $10 + 0}' || true)
non2xx=$(grep -h 'Non-2xx' "$WORK/spike.txt" | awk '{print $5}' || true)
errors=${errors:-0}; timeouts=${timeouts:-0}; non2xx=${non2xx:-0}
if [ "$errors" -eq 0 ] && [ "$timeouts" -eq 0 ] && [ "$non2xx" -eq 0 ]; then
  echo "PASS: zero errors and zero timeouts under $SPIKE connections"
else
  echo "FAIL: $errors socket errors, $timeouts timeouts, $non2xx non-2xx responses under $SPIKE connections"
  exit 1
fi
