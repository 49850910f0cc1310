#!/usr/bin/env bash
# Proves a backup can be restored: restores the archive into a fresh, throw-away database and compares the
# row count of every table with the rows the archive holds. Exits non-zero on any difference or error.
#
#   ops/restore-check.sh [--keep] ARCHIVE
#
# Connection from PGHOST, PGPORT, PGUSER, PGPASSWORD; the user must be allowed to create databases.
set -euo pipefail

keep=false
if [[ "${1:-}" == "--keep" ]]; then keep=true; shift; fi
archive="${1:?usage: ops/restore-check.sh [--keep] ARCHIVE}"
[[ -r "$archive" ]] || { echo "cannot read $archive" >&2; exit 2; }

pg_restore --list "$archive" > /dev/null || { echo "FAIL: $archive is not a readable pg_dump archive" >&2; exit 1; }

db="samizdat_restore_check_$(date +%s)_$$"
createdb --template=template0 "$db"
cleanup() { if [[ "$keep" == false ]]; then dropdb --if-exists "$db"; else echo "kept database $db"; fi; }
trap cleanup EXIT

pg_restore --no-owner --no-privileges --exit-on-error --dbname="$db" "$archive"

# Rows per table inside the archive: count the lines of each COPY block.
expected=$(pg_restore --data-only --file=- "$archive" | awk '
  /^COPY / { table = $2; rows[table] = 0; inside = 1; next }
  inside && /^\\\.$/ { inside = 0; next }
  inside { rows[table]++ }
  END { for (t in rows) print t, rows[t] }' | sort)

status=0
tables=0
while read -r table rows; do
  [[ -z "$table" ]] && continue
  tables=$((tables + 1))
  restored=$(psql --dbname="$db" --no-align --tuples-only --command="SELECT count(*) FROM $table")
  if [[ "$restored" == "$rows" ]]; then
    printf 'ok    %-40s %8s rows\n' "$table" "$restored"
  else
    printf 'DIFF  %-40s %8s rows restored, %s in the archive\n' "$table" "$restored" "$rows"
    status=1
  fi
done <<< "$expected"

history=$(psql --dbname="$db" --no-align --tuples-only --command="SELECT schemaname || '.' || tablename FROM pg_tables WHERE tablename = 'flyway_schema_history' LIMIT 1")
version=""
if [[ -n "$history" ]]; then
  version=$(psql --dbname="$db" --no-align --tuples-only --command="SELECT max(version::int) FROM $history WHERE success AND version IS NOT NULL")
fi
if [[ -z "$version" ]]; then
  echo "FAIL: the restored database has no Samizdat schema history"
  status=1
fi
if [[ "$tables" -eq 0 ]]; then
  echo "FAIL: the archive holds no tables"
  status=1
fi
if [[ $status -eq 0 ]]; then
  echo "restore check passed: $tables tables, schema version $version"
else
  echo "restore check FAILED"
fi
exit $status
