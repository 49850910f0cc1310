# Sourced by the bench scripts: logging, a work folder removed on exit (with the app the script started),
# and the application jar, built when missing. Usage: source bench/lib.sh <name>
JAR=${JAR:-$(ls target/samizdat-*.jar 2>/dev/null | grep -v plain | head -1 || true)}
WORK=$(mktemp -d "/tmp/samizdat-$1-bench.XXXXXX")
APP_PID=""

log() { printf '[bench] %s\n' "$*" >&2; }
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "$JAR" ]; then
  log "building the jar"
  ./mvnw -B -q -DskipTests package
  JAR=$(ls target/samizdat-*.jar | grep -v plain | head -1)
fi
