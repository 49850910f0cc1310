#!/usr/bin/env bash
# Newsletter sending: one edition to N subscribers into Postfix's smtp-sink on 127.0.0.1, next to the ceiling of the
# same sink measured in the same run with smtp-source (messages of 20 KB over 20 reused sessions). Prints messages
# per second for both, their ratio, the rate over the second half of the edition, the average size of the mails
# the relay received (about 20 KB, like smtp-source's) and the app's peak RSS. Not a test. Loopback only.
# Subscribers are seeded in bulk by SQL into the embedded database while the app is stopped, with plain addresses
# that the app seals on its next start (AddressSealing), then the edition is frozen by SQL the way "send now" does.
# Usage: bench/newsletter-send.sh [N]        (N defaults to 100000)
# With DB=pg it then freezes a second edition for the same readers in the running app and times it too (the
# process a newsroom runs sends every week; NEXT_EDITION=0 skips it), and measures the ceiling again after it.
# Tunables: DB=h2|pg (pg: a fresh database on PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres, dropped after)
#   SENDERS=4 (sending threads) BATCH=100 (rows per batch) MSG_KB=20 JAVA_OPTS=... APP_ARGS=...
# Needs: postfix (smtp-sink, smtp-source), curl, a JDK; psql for DB=pg.
# Also prints the app's CPU time per message while sending (less sensitive to other load than the rates).
# Latest, on the shared 2-core machine with nothing else running (history in docs/NEWSLETTER-SENDING.md):
#   DB=pg SENDERS=32, N=100000, the next envelope sent with the final dot: first edition of a fresh process
#   3,788-4,318 messages/s against 7,310-8,233/s, 47-59% of the ceiling (median 51%); the next edition in the same
#   process 4,998-5,370/s, 65-72%; 0.10-0.11 ms of PostgreSQL CPU and 0.19-0.22 ms of app CPU a message.
set -euo pipefail

cd "$(dirname "$0")/.."
N=${1:-100000}
SENDERS=${SENDERS:-4}
BATCH=${BATCH:-100}
MSG_KB=${MSG_KB:-20}
DB=${DB:-h2}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
PG_DB=samizdat_bench_$$
SINK=/usr/sbin/smtp-sink
SOURCE=/usr/sbin/smtp-source
TOKEN=bench-$RANDOM$RANDOM
source bench/lib.sh newsletter-send
SINK_PID=""
finish() {
  cleanup
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
  [ "$DB" = pg ] && psql -q -d postgres -c "drop database if exists $PG_DB" >/dev/null 2>&1 || true
}
trap finish EXIT
now_ms() { date +%s%3N; }
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}
for tool in "$SINK" "$SOURCE"; do
  [ -x "$tool" ] || { log "$tool missing: apt-get install postfix"; exit 1; }
done

SINK_PORT=$(free_port)
APP_PORT=$(free_port)
log "smtp-sink on 127.0.0.1:$SINK_PORT"
"$SINK" -u nobody -c 127.0.0.1:"$SINK_PORT" 1024 >/dev/null 2>"$WORK/sink.log" &
SINK_PID=$!
sleep 0.5

log "ceiling: smtp-source, $N messages of $MSG_KB KB over 20 sessions"
start=$(now_ms)
"$SOURCE" -s 20 -d -l $((MSG_KB * 1024)) -m "$N" -f bench@localhost -t sink@localhost 127.0.0.1:"$SINK_PORT"
CEIL_MS=$(( $(now_ms) - start ))

H2_URL="jdbc:h2:file:$WORK/data/samizdat;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
COMMON=(--server.address=127.0.0.1 --server.port="$APP_PORT" --samizdat.data-dir="$WORK/data"
  --samizdat.demo-content=false --logging.level.root=warn --spring.mail.host=127.0.0.1 --spring.mail.port="$SINK_PORT"
  --samizdat.mail.from=newsletter@bench.test --samizdat.metrics.token="$TOKEN"
  --samizdat.newsletter.sending.concurrency="$SENDERS" --samizdat.newsletter.sending.batch="$BATCH"
  --samizdat.newsletter.sending.interval=200ms ${APP_ARGS:-})
if [ "$DB" = pg ]; then
  psql -q -d postgres -c "create database $PG_DB" >/dev/null
  COMMON+=(--spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$PG_DB" --spring.datasource.username="$PGUSER"
    --spring.datasource.password="${PGPASSWORD:-}")
fi
wait_up() {
  for _ in $(seq 1 1200); do
    curl -fsS -o /dev/null "http://127.0.0.1:$APP_PORT/newsroom/actuator/health/readiness" 2>/dev/null && return
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; log "the app died"; exit 1; }
    sleep 0.5
  done
  log "the app did not come up"; exit 1
}

log "creating the schema (the app starts once and stops)"
java ${JAVA_OPTS:-} -jar "$JAR" "${COMMON[@]}" >"$WORK/app.log" 2>&1 &
APP_PID=$!
wait_up
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

log "seeding $N subscribers and freezing one edition of ~$MSG_KB KB (SQL)"
# The text appears twice (plain and HTML parts) next to ~8.5 KB of template, headers and encoding, so a mail of
# MSG_KB needs about (MSG_KB KB - 8.5 KB) / 2 of text: an intro and ten standfirsts of this 43-byte sentence.
LINE='Reporting from a country that banned us. '
UNITS=$(( (MSG_KB * 1024 - 8600) / 86 )); [ "$UNITS" -lt 11 ] && UNITS=11
PER_ITEM=$(( UNITS / 20 )); [ "$PER_ITEM" -gt 46 ] && PER_ITEM=46; [ "$PER_ITEM" -lt 1 ] && PER_ITEM=1
INTRO=$(( UNITS - 10 * PER_ITEM ))
SQL="insert into subscriber (email, created_at) select 'reader' || x || '@bench.test', current_timestamp from generate_series(1, $N) t(x);
insert into subscription (subscriber_id, newsletter_id, status, created_at, confirmed_at)
  select r.id, n.id, 'ACTIVE', current_timestamp, current_timestamp from subscriber r, newsletter n where n.code = 'weekly-en';
insert into edition (newsletter_id, subject, preheader, intro, status, created_at, sent_at)
  select id, 'Bench edition', 'Ten stories', repeat('$LINE', $INTRO), 'SENDING', current_timestamp, current_timestamp
  from newsletter where code = 'weekly-en';
insert into edition_item (edition_id, position, story_id, headline, standfirst, path)
  select (select max(id) from edition), x, x, 'Story number ' || x, repeat('$LINE', $PER_ITEM), '/en/news/story-' || x
  from generate_series(1, 10) t(x);
insert into delivery (edition_id, subscription_id, status)
  select (select max(id) from edition), id, 'QUEUED' from subscription where status = 'ACTIVE';
select 'queued=' || count(*) from delivery where status = 'QUEUED';
"
start=$(now_ms)
if [ "$DB" = pg ]; then
  psql -v ON_ERROR_STOP=1 -At -d "$PG_DB" -c "$SQL" >"$WORK/seed.log" 2>&1 || true
else
  mkdir -p "$WORK/lib"
  unzip -q -j -o "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$WORK/lib"
  java -cp "$(ls "$WORK"/lib/h2-*.jar | head -1)" org.h2.tools.Shell -url "$H2_URL" -user sa -password "" -sql "$SQL" \
    >"$WORK/seed.log" 2>&1
fi
grep -q "queued=$N" "$WORK/seed.log" || { cat "$WORK/seed.log" >&2; log "seeding failed"; exit 1; }
SEED_MS=$(( $(now_ms) - start ))

log "sending: the app seals the addresses on start, then its $SENDERS threads send"
start=$(now_ms)
java ${JAVA_OPTS:-} -jar "$JAR" "${COMMON[@]}" >"$WORK/app.log" 2>&1 &
APP_PID=$!
# One small scrape per poll, only the sending counters (a full scrape costs the app as much CPU as a few hundred
# mails), read by one curl and one awk: the polling's own processes compete with the app for the two cores.
URL="http://127.0.0.1:$APP_PORT/newsroom/actuator/prometheus?includedNames=newsletter_messages_sent,newsletter_messages_failed,newsletter_messages_sent_bytes"
poll() {
  read -r SENT FAILED TEMPORARY BYTES < <(curl -fsS -H "Authorization: Bearer $TOKEN" "$URL" 2>/dev/null | awk '
    $1 == "newsletter_messages_sent_total" { sent = $2 }
    $1 == "newsletter_messages_failed_total{kind=\"permanent\"}" || $1 == "newsletter_messages_failed_total{kind=\"uncertain\"}" { failed += $2 }
    $1 == "newsletter_messages_failed_total{kind=\"temporary\"}" { temporary = $2 }
    $1 == "newsletter_messages_sent_bytes_total" { bytes = $2 }
    END { printf "%d %d %d %d\n", sent, failed, temporary, bytes }')
}
cpu_ticks() { awk '{ print $14 + $15 }' /proc/"$APP_PID"/stat; }
# CPU of every PostgreSQL server process (DB=pg; includes any other work on that server at the time).
db_ticks() {
  if [ "$DB" = pg ]; then
    local total=0 pid
    for pid in $(pgrep -u postgres 2>/dev/null); do
      total=$((total + $(awk '{ print $14 + $15 }' /proc/"$pid"/stat 2>/dev/null || echo 0)))
    done
    echo "$total"
  else echo 0; fi
}
wait_up
SEAL_MS=$(( $(now_ms) - start ))
FIRST_MS=""; FIRST_SENT=0; SENT=0; DONE=0; HALF_MS=""; HALF_SENT=0
while true; do
  poll
  T=$(( ${EPOCHREALTIME/./} / 1000 ))
  if [ -z "$FIRST_MS" ] && [ "$SENT" -gt 0 ]; then FIRST_MS=$T; FIRST_SENT=$SENT; FIRST_CPU=$(cpu_ticks); FIRST_DB=$(db_ticks); fi
  if [ -z "$HALF_MS" ] && [ "$SENT" -ge $((N / 2)) ]; then HALF_MS=$T; HALF_SENT=$SENT; fi
  [ -n "$FIRST_MS" ] && echo "$((T - FIRST_MS)) $SENT" >>"$WORK/timeline"
  if [ $((SENT + FAILED)) -ge "$N" ]; then DONE=$T; DONE_CPU=$(cpu_ticks); DONE_DB=$(db_ticks); break; fi
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log" >&2; log "the app died"; exit 1; }
  sleep 0.2
done
# A newsroom's process sends every week's edition: on PostgreSQL (which the running app does not lock) a second
# edition to the same readers is frozen by SQL once the first is done, and timed the same way in the same process.
NEXT_RATE=""
if [ "$DB" = pg ] && [ "${NEXT_EDITION:-1}" = 1 ]; then
  log "freezing a second edition for the same readers while the app runs (SQL)"
  psql -v ON_ERROR_STOP=1 -At -d "$PG_DB" >/dev/null -c "
insert into edition (newsletter_id, subject, preheader, intro, status, created_at, sent_at)
  select newsletter_id, 'Bench edition, next week', preheader, intro, 'SENDING', current_timestamp, current_timestamp
  from edition where id = (select max(id) from edition);
insert into edition_item (edition_id, position, story_id, headline, standfirst, path)
  select (select max(id) from edition), position, story_id, headline, standfirst, path from edition_item
  where edition_id = (select max(id) - 1 from edition);
insert into delivery (edition_id, subscription_id, status)
  select (select max(id) from edition), id, 'QUEUED' from subscription where status = 'ACTIVE';"
  BASE=$SENT; NEXT_FIRST=""; E1=("$SENT" "$FAILED" "$TEMPORARY" "$BYTES")
  while true; do
    poll
    T=$(( ${EPOCHREALTIME/./} / 1000 ))
    if [ -z "$NEXT_FIRST" ] && [ "$SENT" -gt "$BASE" ]; then NEXT_FIRST=$T; NEXT_FIRST_SENT=$SENT; fi
    if [ $((SENT + FAILED)) -ge $((2 * N)) ]; then NEXT_DONE=$T; break; fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log" >&2; log "the app died"; exit 1; }
    sleep 0.2
  done
  NEXT_RATE=$(awk "BEGIN { printf \"%.0f\", ($SENT - $NEXT_FIRST_SENT) * 1000 / (($NEXT_DONE - $NEXT_FIRST) > 0 ? ($NEXT_DONE - $NEXT_FIRST) : 1) }")
  NEXT_FAILED=$((FAILED - E1[1]))
  SENT=${E1[0]}; FAILED=${E1[1]}; TEMPORARY=${E1[2]}; BYTES=${E1[3]}
  log "the ceiling again, after the second edition (the app idles meanwhile)"
  start=$(now_ms)
  "$SOURCE" -s 20 -d -l $((MSG_KB * 1024)) -m "$N" -f bench@localhost -t sink@localhost 127.0.0.1:"$SINK_PORT"
  CEIL2_RATE=$(awk "BEGIN { printf \"%.0f\", $N * 1000 / ($(now_ms) - $start) }")
fi
RSS_KB=$(awk '/VmHWM/ { print $2 }' /proc/"$APP_PID"/status)
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

CEIL_RATE=$(awk "BEGIN { printf \"%.0f\", $N * 1000 / $CEIL_MS }")
SEND_MS=$((DONE - FIRST_MS))
APP_RATE=$(awk "BEGIN { printf \"%.0f\", ($SENT - $FIRST_SENT) * 1000 / ($SEND_MS > 0 ? $SEND_MS : 1) }")
echo "database: $DB; subscribers: $N (seeded by SQL in $SEED_MS ms; app start with sealing $SEAL_MS ms)"
echo "mail size: $((BYTES / (SENT > 0 ? SENT : 1))) bytes on average (what the relay received; smtp-source sends $((MSG_KB * 1024)))"
echo "ceiling: smtp-source pushed $N messages of $MSG_KB KB over 20 sessions in $CEIL_MS ms: $CEIL_RATE messages/s"
echo "app: sent $SENT, failed $FAILED (temporary retries $TEMPORARY) with $SENDERS threads, batch $BATCH; $((SENT - FIRST_SENT)) in $SEND_MS ms: $APP_RATE messages/s"
HALF_RATE=$(awk "BEGIN { printf \"%.0f\", ($SENT - $HALF_SENT) * 1000 / (($DONE - ${HALF_MS:-0}) > 0 ? ($DONE - ${HALF_MS:-0}) : 1) }")
echo "app, second half of the edition alone (JIT compilation of the sending code mostly done): $HALF_RATE messages/s ($(awk "BEGIN { printf \"%.0f%%\", 100 * $HALF_RATE / ($CEIL_RATE > 0 ? $CEIL_RATE : 1) }") of the ceiling)"
# Messages a second over each 2-second stretch since the first mail: the ramp while the JIT compiles the sending code.
echo "rate by 2-second stretch from the first mail: $(awk -v first="$FIRST_SENT" '{ s = int($1 / 2000); last[s] = $2 }
  END { prev = first; for (i = 0; i in last; i++) { printf "%d ", (last[i] - prev) / 2; prev = last[i] } }' "$WORK/timeline")"
echo "ratio app / ceiling: $(awk "BEGIN { printf \"%.0f%%\", 100 * $APP_RATE / ($CEIL_RATE > 0 ? $CEIL_RATE : 1) }") (target: at least 50%)"
if [ -n "$NEXT_RATE" ]; then
  echo "second edition, same process (sending code compiled; $NEXT_FAILED failed): $NEXT_RATE messages/s; ceiling measured again after it: $CEIL2_RATE messages/s; ratio $(awk "BEGIN { printf \"%.0f%%\", 100 * $NEXT_RATE / ($CEIL2_RATE > 0 ? $CEIL2_RATE : 1) }") (against the first ceiling: $(awk "BEGIN { printf \"%.0f%%\", 100 * $NEXT_RATE / ($CEIL_RATE > 0 ? $CEIL_RATE : 1) }"))"
fi
echo "app peak RSS: $((RSS_KB / 1024)) MB"
[ "$DB" = pg ] && echo "PostgreSQL CPU while sending: $(awk "BEGIN { printf \"%.2f\", ($DONE_DB - $FIRST_DB) * 1000 / $(getconf CLK_TCK) / (($SENT - $FIRST_SENT) > 0 ? ($SENT - $FIRST_SENT) : 1) }") ms a message (all its processes)"
echo "app CPU while sending: $(awk "BEGIN { printf \"%.2f\", ($DONE_CPU - $FIRST_CPU) * 1000 / $(getconf CLK_TCK) / (($SENT - $FIRST_SENT) > 0 ? ($SENT - $FIRST_SENT) : 1) }") ms a message; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
