#!/usr/bin/env bash
# Backs up a Samizdat PostgreSQL database to one compressed archive (pg_dump custom format).
#
#   ops/backup.sh [--schema NAME] OUT_FILE
#
# Connection from the usual libpq variables: PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD (or ~/.pgpass).
# The archive is consistent (one snapshot) and can be restored while the newsroom keeps running.
# Check every backup with ops/restore-check.sh; keep copies off the server (and the personal-data key file
# and mirror signing key separately: the archive alone cannot open sealed addresses).
set -euo pipefail

schema_args=()
if [[ "${1:-}" == "--schema" ]]; then
  schema_args=(--schema "$2")
  shift 2
fi
out="${1:?usage: ops/backup.sh [--schema NAME] OUT_FILE}"

pg_dump --format=custom --compress=6 --no-owner --no-privileges "${schema_args[@]}" --file="$out.partial"
mv "$out.partial" "$out"
echo "backup written: $out ($(du -h "$out" | cut -f1))"
