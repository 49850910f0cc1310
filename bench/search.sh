#!/usr/bin/env bash
# Search: index build time and size, and search latency p50/p95/p99 for 200 fixed queries against the
# empty-query page as a baseline, with N generated stories (both languages). Not a test. Loopback only.
# Usage: bench/search.sh        Tunables: STORIES=100000 ROUNDS=3 JAVA_OPTS=... APP_ARGS=...
# Measured on the 2-core box, H2, 100,047 stories: index built in 45.8 s (2,182 stories/s), 457 MB on disk
# (stored text included); search p50 7.1 ms, p95 15.8 ms, p99 19.4 ms over HTTP; empty-query page p50 1.7 ms,
# p95 5.2 ms, p99 9.3 ms (ratio p95 3.0x).
set -euo pipefail

cd "$(dirname "$0")/.."
STORIES=${STORIES:-100000}
ROUNDS=${ROUNDS:-3}
source bench/lib.sh search

free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

PORT=$(free_port)
log "starting the app with samizdat.demo.generate-stories=$STORIES (generation takes a while)"
START=$(date +%s)
java ${JAVA_OPTS:-} -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
  --samizdat.data-dir="$WORK/data" --samizdat.demo-content=true --samizdat.demo.generate-stories="$STORIES" \
  --logging.level.root=warn --logging.level.org.samizdat.discovery=info ${APP_ARGS:-} >"$WORK/app.log" 2>&1 &
APP_PID=$!
until grep -q "Search index built" "$WORK/app.log"; do
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; log "the app died"; exit 1; }
  sleep 2
done
LINE=$(grep "Search index built" "$WORK/app.log" | tail -1)
log "app up and index built after $(( $(date +%s) - START )) s"
DOCS=$(echo "$LINE" | sed -E 's/.*built: ([0-9]+) stories.*/\1/')
MILLIS=$(echo "$LINE" | sed -E 's/.* in ([0-9]+) ms.*/\1/')
BYTES=$(echo "$LINE" | sed -E 's/.*ms, ([0-9]+) bytes.*/\1/')
echo "stories indexed: $DOCS"
echo "index build: $MILLIS ms ($(( DOCS * 1000 / (MILLIS > 0 ? MILLIS : 1) )) stories/s)"
echo "index size: $(( BYTES / 1024 / 1024 )) MB ($BYTES bytes, stored text included)"
java bench/SearchBench.java "http://127.0.0.1:$PORT" src/main/resources/demo "$ROUNDS"
