#!/usr/bin/env bash
# Static mirror export: full export time and size for N generated stories, then the time of an incremental
# export after one story edit, against a baseline measured in the same run (cp -r and tar of the exported tree).
# Not a test. Loopback only; the generating server listens on $PORT (18400 by default), exports on a random port.
# Usage: bench/export.sh        Tunables: STORIES=10000 PORT=18400 INCREMENTAL_RUNS=3 JAVA_OPTS=... APP_ARGS=... JAR=path/to.jar
# Each incremental run edits another story, lets the index catch up and exports (export-mirror --standalone, the app
# stopped); it prints every run, the median and the slowest. Then the same edit and export from the newsroom's
# button, and from export-mirror while the app runs (the export runs in the app, asked over its control socket).
# Stories are seeded through the bulk path (samizdat.demo.generate-stories: batched inserts, bodies rendered once).
# Results and the load average they were measured under: docs/MIRRORS.md ("Export speed"). It also prints the export
# JVM's CPU time (start-up included) and CPU per page read, which other work on the machine disturbs less than wall time.
# Last measured (run 11, idle machine): full export 54.4 s in the export, 8.5 ms of CPU per page read; incremental
# after one edit 1.40-1.63 s by the command while the app runs (1.60-1.90 s of its wall time), 1.51-1.71 s from the
# newsroom button, 2.26-2.38 s by the command with --standalone (run 10: full 45.3-51.2 s on a faster day).
# The untimed runs wait for "Search index built", which the app logs after computing the "Read more" picks of every
# story it indexed (as a publication does for its story), so the export reads kept picks instead of searching.
# The edit is made through SQL, which the search index does not hear: a newsroom edit updates the index at once,
# so the bench starts the app once more (untimed) to let the index catch up before the incremental export, which
# would otherwise rebuild the whole index in the background while it runs. Set NO_CATCH_UP=1 for the old behaviour.
# Profiling: JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/export.jfr,settings=profile' (each java run writes
# the same file, so the incremental export's stays; dump the full export's with `jcmd <pid> JFR.dump name=1
# filename=…` while it runs), then `jfr print --stack-depth 80 --events jdk.ExecutionSample /tmp/export.jfr`.
set -euo pipefail

cd "$(dirname "$0")/.."
STORIES=${STORIES:-10000}
PORT=${PORT:-18400}
source bench/lib.sh export
now_ms() { date +%s%3N; }
# CPU time (user + system, ms) of this script's finished children: the export JVM's CPU is the difference around it.
children_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print int(($16 + $17) * 1000 / hz) }' /proc/$$/stat; }
COMMON=(--samizdat.data-dir="$WORK/data" --samizdat.demo-content=true --logging.level.root=warn
  --logging.level.org.samizdat.discovery=info --logging.level.org.samizdat.distribution=info ${APP_ARGS:-})

# Runs the app on 127.0.0.1:$PORT until its search index is built, then stops it; $1 is its log, the rest its options.
run_until_indexed() {
  local out=$1
  shift
  java ${JAVA_OPTS:-} -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" "$@" "${COMMON[@]}" >"$out" 2>&1 &
  APP_PID=$!
  until grep -q "Search index built" "$out"; do
    kill -0 "$APP_PID" 2>/dev/null || { cat "$out" >&2; log "the app died"; exit 1; }
    sleep 1
  done
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}

log "generating $STORIES stories (the app runs once on 127.0.0.1:$PORT, then stops)"
run_until_indexed "$WORK/app.log" --samizdat.demo.generate-stories="$STORIES"

export_once() {
  local start end line cpu
  cpu=$(children_cpu_ms)
  start=$(now_ms)
  line=$(java ${JAVA_OPTS:-} -jar "$JAR" export-mirror --standalone --out "$WORK/mirror" "${COMMON[@]}" "$@" 2>>"$WORK/export.log" | tee -a "$WORK/export.log" \
    | grep '^Exported') || { cat "$WORK/export.log" >&2; log "export failed"; exit 1; }
  end=$(now_ms)
  CPU_MS=$(( $(children_cpu_ms) - cpu ))
  echo "$line" >&2
  EXPORT_MS=$(echo "$line" | sed -E 's/.* in ([0-9]+) ms.*/\1/')
  WALL_MS=$((end - start))
  FILES=$(echo "$line" | sed -E 's/^Exported ([0-9]+) files.*/\1/')
  BYTES=$(echo "$line" | sed -E 's/.*files \(([0-9]+) bytes\).*/\1/')
  WRITTEN=$(echo "$line" | sed -E 's/.*: ([0-9]+) written.*/\1/')
  READ=$(echo "$line" | sed -E 's/.* ([0-9]+) pages read.*/\1/')
  grep 'Export phases' "$WORK/export.log" | tail -1 | sed -E 's/.*(Export phases)/\1/' >&2 || true
}

log "full export"
export_once
FULL_MS=$EXPORT_MS; FULL_WALL=$WALL_MS; FULL_CPU=$CPU_MS; FULL_FILES=$FILES; FULL_BYTES=$BYTES; FULL_READ=$READ

start=$(now_ms); cp -r "$WORK/mirror" "$WORK/copy"; CP_MS=$(( $(now_ms) - start ))
start=$(now_ms); TAR_BYTES=$(tar cf - -C "$WORK" mirror | wc -c); TAR_MS=$(( $(now_ms) - start ))
rm -rf "$WORK/copy"

RUNS=${INCREMENTAL_RUNS:-3}
mkdir -p "$WORK/lib"
unzip -q -j -o "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$WORK/lib"
# Edits the standfirst of the published English story at offset $1 (newest first) through SQL; the app is stopped.
edit_story() {
  java -cp "$(ls "$WORK"/lib/h2-*.jar | head -1)" org.h2.tools.Shell \
    -url "jdbc:h2:file:$WORK/data/samizdat;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" -user sa -password "" \
    -sql "update story set standfirst = standfirst || ' (edited)', updated_at = current_timestamp where id = (select id from story where status = 'PUBLISHED' and language = 'en' order by id desc limit 1 offset $1)" >/dev/null
}
# Starts the app on 127.0.0.1:$PORT (log $1), waits until its index has caught up, then lets it serve WARM_PAGES
# pages as readers would ask for them; APP_PID is the app, left running.
start_warm_app() {
  java ${JAVA_OPTS:-} -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
    --samizdat.distribution.export-dir="$WORK/mirror" "${COMMON[@]}" >"$1" 2>&1 &
  APP_PID=$!
  until grep -q "Search index built" "$1"; do
    kill -0 "$APP_PID" 2>/dev/null || { cat "$1" >&2; log "the app died"; exit 1; }
    sleep 1
  done
  grep -o '"[a-z][a-z0-9/._-]*/index.html"' "$WORK/mirror/manifest.json" | tr -d '"' | sed 's|/index.html$||' \
    | sed -n "1,${WARM_PAGES:-500}p" | while read -r page; do curl -s -o /dev/null "$BASE/$page" || true; done
}
BASE="http://127.0.0.1:$PORT"
INC_ALL=()
for run in $(seq 1 "$RUNS"); do
  log "incremental run $run of $RUNS: editing one story through SQL (the export app is stopped between runs)"
  edit_story $((run - 1))
  if [ -z "${NO_CATCH_UP:-}" ]; then
    log "letting the search index catch up with the edit (the app runs once more, untimed, then stops)"
    run_until_indexed "$WORK/catch-up.log"
  fi
  log "incremental export"
  export_once
  INC_ALL+=("$EXPORT_MS")
  INC_MS=$EXPORT_MS; INC_WALL=$WALL_MS; INC_CPU=$CPU_MS; INC_WRITTEN=$WRITTEN; INC_READ=$READ
done
INC_SORTED=$(printf '%s\n' "${INC_ALL[@]}" | sort -n | tr '\n' ' ')
INC_MEDIAN=$(printf '%s\n' "${INC_ALL[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
INC_MAX=$(printf '%s\n' "${INC_ALL[@]}" | sort -n | tail -1)

# The newsroom's "Export now" button runs the same export inside the running application, which has been serving
# readers: after the edit the app starts, its index catches up, it serves WARM_PAGES pages as readers would ask for
# them, and then one admin click exports into the same folder (the demo's first-run admin password is in app.log).
PASSWORD=$(grep -o 'user admin password [^ ]*' "$WORK/app.log" | head -1 | awk '{ print $4 }')
BUTTON_ALL=()
csrf() { curl -s -b "$WORK/cookies" -c "$WORK/cookies" "$BASE$1" | { grep -o 'name="_csrf" value="[^"]*"' || true; } \
  | sed -n '1s/.*value="\(.*\)"$/\1/p'; }
for run in $(seq 1 "$RUNS"); do
  [ -n "$PASSWORD" ] || { log "no first-run admin password in $WORK/app.log: skipping the newsroom button"; break; }
  log "newsroom button run $run of $RUNS: editing another story through SQL, then the app starts and serves readers"
  edit_story $((RUNS + run - 1))
  start_warm_app "$WORK/desk.log"
  rm -f "$WORK/cookies"
  curl -s -o /dev/null -b "$WORK/cookies" -c "$WORK/cookies" --data-urlencode "username=admin" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$(csrf /newsroom/signin)" "$BASE/newsroom/signin"
  token=$(csrf /newsroom/mirrors)
  [ -n "$token" ] || { log "could not sign in to the newsroom: skipping the newsroom button"; break; }
  curl -s -o /dev/null -b "$WORK/cookies" -c "$WORK/cookies" --data-urlencode "_csrf=$token" "$BASE/newsroom/mirrors/export"
  status=""
  for _ in $(seq 1 600); do
    status=$(curl -s -b "$WORK/cookies" -c "$WORK/cookies" "$BASE/newsroom/mirrors" | grep -o 'Last export: [^<]*' || true)
    [ -n "$status" ] && break
    sleep 0.2
  done
  echo "$status" >&2
  grep 'Export phases' "$WORK/desk.log" | tail -1 | sed -E 's/.*(Export phases)/\1/' >&2 || true
  BUTTON_ALL+=("$(echo "$status" | sed -E 's/.* in ([0-9,]+) ms.*/\1/' | tr -d ',')")
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
done

# export-mirror while the app runs: the command finds the app's control socket in the data folder (the same
# --samizdat.data-dir in COMMON) and the export runs inside the app, warm like the button's. Same steps as the
# button's runs; the command's wall time includes its own JVM's start (without JAVA_OPTS: a JFR recording of the
# client would only overwrite the app's).
if [ -n "$APP_PID" ]; then # the button's runs stopped early with the app up
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
fi
CLI_ALL=()
CLI_WALL_ALL=()
for run in $(seq 1 "$RUNS"); do
  log "command run $run of $RUNS while the app runs: editing another story through SQL, then the app starts and serves readers"
  edit_story $((2 * RUNS + run - 1))
  start_warm_app "$WORK/served.log"
  start=$(now_ms)
  output=$(java -jar "$JAR" export-mirror --out "$WORK/mirror" "${COMMON[@]}" 2>>"$WORK/export.log") \
    || { echo "$output" >&2; cat "$WORK/export.log" >&2; log "export-mirror failed while the app ran"; exit 1; }
  end=$(now_ms)
  echo "$output" >>"$WORK/export.log"
  grep -q '^The running server made this export' <<<"$output" \
    || { echo "$output" >&2; log "export-mirror did not reach the running app"; exit 1; }
  line=$(grep '^Exported' <<<"$output") || { echo "$output" >&2; log "export-mirror printed no result"; exit 1; }
  echo "$line" >&2
  grep 'Export phases' "$WORK/served.log" | tail -1 | sed -E 's/.*(Export phases)/\1/' >&2 || true
  CLI_ALL+=("$(echo "$line" | sed -E 's/.* in ([0-9]+) ms.*/\1/')")
  CLI_WALL_ALL+=("$((end - start))")
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
done

echo "stories: $STORIES; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "full export: $FULL_MS ms in the app ($FULL_WALL ms wall, start-up included), $FULL_FILES files, $((FULL_BYTES / 1024 / 1024)) MB ($FULL_BYTES bytes)"
echo "baseline: cp -r of the tree $CP_MS ms; tar of the tree $TAR_MS ms, $((TAR_BYTES / 1024 / 1024)) MB"
echo "ratio full export / cp -r: $(awk "BEGIN{printf \"%.1f\", $FULL_MS / ($CP_MS > 0 ? $CP_MS : 1)}")x, / tar: $(awk "BEGIN{printf \"%.1f\", $FULL_MS / ($TAR_MS > 0 ? $TAR_MS : 1)}")x"
echo "full export pages read: $FULL_READ; CPU of the export JVM (start-up included): $FULL_CPU ms, $(awk "BEGIN{printf \"%.1f\", $FULL_CPU / ($FULL_READ > 0 ? $FULL_READ : 1)}") ms per page read"
echo "incremental export after one edit, $RUNS runs (ms in the app, sorted): $INC_SORTED; median $INC_MEDIAN ms, slowest $INC_MAX ms"
if [ ${#BUTTON_ALL[@]} -gt 0 ]; then
  echo "incremental export after one edit from the newsroom button, in an app that served ${WARM_PAGES:-500} reader pages first, $RUNS runs (ms, sorted): $(printf '%s\n' "${BUTTON_ALL[@]}" | sort -n | tr '\n' ' ')"
fi
echo "incremental export after one edit from export-mirror while the app runs (its control socket), in an app that served ${WARM_PAGES:-500} reader pages first, $RUNS runs (ms in the app, sorted): $(printf '%s\n' "${CLI_ALL[@]}" | sort -n | tr '\n' ' '); the command's wall time, its JVM's start included (ms, sorted): $(printf '%s\n' "${CLI_WALL_ALL[@]}" | sort -n | tr '\n' ' ')"
echo "last incremental run: $INC_MS ms in the app ($INC_WALL ms wall, start-up included), $INC_READ pages read, $INC_WRITTEN files written; CPU of the export JVM (start-up included): $INC_CPU ms"
echo "ratio incremental (median) / cp -r: $(awk "BEGIN{printf \"%.2f\", $INC_MEDIAN / ($CP_MS > 0 ? $CP_MS : 1)}")x"
echo "targets: full < 60000 ms, incremental < 2000 ms"
