#!/usr/bin/env bash
# Point-in-time recovery drill with pgBackRest (docs/operations.md, "Continuous archiving and point-in-time recovery"),
# on a PostgreSQL cluster of its own: its own data directory, port and socket under a scratch folder, its own pgBackRest
# configuration and repository. It never touches the shared server on 5432 nor /etc/pgbackrest.conf.
#
#   scripts/pitr-drill.sh [--port 55432] [--keep]
#
# Steps: initdb; archive_command = pgbackrest archive-push; stanza-create, check, a full backup; write the first
# records; note the time; write more; switch WAL so everything is archived; stop the server; pgbackrest restore
# --type=time --target=<noted time>; start it; check that the first records are there and the later ones are not.
# Last line: "pitr-drill: ok (<first> rows kept, <later> rows gone, restored to <time>) in <s> s", exit 0; else exit 1.
# --keep leaves the scratch folder (its path is printed) for a look; otherwise it is removed.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

port=55432
keep=0
while (($#)); do
  case "$1" in
    --port) port="${2:?}"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: scripts/pitr-drill.sh [--port P] [--keep]" >&2; exit 2 ;;
  esac
done
[[ "$port" =~ ^[0-9]+$ && "$port" != 5432 ]] || { echo "the drill needs a port of its own (not 5432)" >&2; exit 2; }
started=$SECONDS

# pgBackRest and the PostgreSQL server binaries, installed when missing (scripts/services.sh installs PostgreSQL).
if ! dpkg -s pgbackrest >/dev/null 2>&1; then
  echo "Installing: pgbackrest"
  apt-get update -qq
  apt-get install -y -qq pgbackrest >/dev/null
fi
source "$(dirname "$0")/lib/pg-local.sh"

work="$(mktemp -d /tmp/kechuang-pitr-XXXXXX)"
chmod 755 "$work"
chown "$owner" "$work"
data="$work/data"
conf="$work/pgbackrest.conf"
stanza=drill
psql_() { as "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$work" -p "$port" -d postgres -tA "$@"; }
pgbr() { as pgbackrest --config="$conf" --stanza="$stanza" "$@"; }

cleanup() {
  if [[ -f "$data/postmaster.pid" ]]; then as "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true; fi
  if ((keep)); then echo "pitr-drill: scratch folder kept at $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

fail() { echo "pitr-drill: FAILED: $*" >&2; tail -n 20 "$work/postgres.log" >&2 2>/dev/null || true; exit 1; }

as mkdir -p "$work/repo" "$work/log" "$work/lock" "$work/spool"
as tee "$conf" >/dev/null <<EOF
[global]
repo1-path=$work/repo
repo1-retention-full=2
log-path=$work/log
lock-path=$work/lock
spool-path=$work/spool
log-level-console=warn
log-level-file=info
start-fast=y
archive-async=n

[$stanza]
pg1-path=$data
pg1-port=$port
pg1-socket-path=$work
EOF

echo "pitr-drill: initdb in $data (port $port)"
as "$bin/initdb" -D "$data" -A trust -U "$owner" --no-sync >/dev/null
as tee -a "$data/postgresql.conf" >/dev/null <<EOF

# The drill's own server: its port and socket, and continuous archiving through pgBackRest.
port = $port
listen_addresses = ''
unix_socket_directories = '$work'
wal_level = replica
archive_mode = on
archive_command = 'pgbackrest --config=$conf --stanza=$stanza archive-push %p'
archive_timeout = 60
max_wal_senders = 3
fsync = off
EOF
start() { as "$bin/pg_ctl" -D "$data" -l "$work/postgres.log" -w -t 60 start >/dev/null || fail "server did not start"; }
start

pgbr stanza-create >/dev/null || fail "stanza-create"
pgbr check >/dev/null || fail "check (archive_command)"
pgbr --type=full backup >/dev/null || fail "full backup"
echo "pitr-drill: stanza $stanza, full backup done"

psql_ -c "CREATE TABLE drill (id int PRIMARY KEY, batch text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())"
psql_ -c "INSERT INTO drill (id, batch) SELECT g, 'first' FROM generate_series(1, 1000) g"
sleep 1
target="$(psql_ -c "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'")"
sleep 1
psql_ -c "INSERT INTO drill (id, batch) SELECT g, 'later' FROM generate_series(1001, 1500) g"
psql_ -c "UPDATE drill SET batch = 'first-changed-later' WHERE id <= 10"
# The WAL holding the later writes is archived too: the restore must stop at the noted time, not at the archive's end.
psql_ -c "SELECT pg_switch_wal()" >/dev/null
pgbr check >/dev/null || fail "archive after the writes"
echo "pitr-drill: 1000 first rows, noted $target, then 500 later rows and 10 updates, WAL archived"

as "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
pgbr --delta --type=time "--target=$target" --target-action=promote restore >/dev/null || fail "restore"
start
for _ in $(seq 1 120); do
  [[ "$(psql_ -c "SELECT pg_is_in_recovery()" 2>/dev/null)" == f ]] && break
  sleep 0.5
done
[[ "$(psql_ -c "SELECT pg_is_in_recovery()")" == f ]] || fail "still in recovery"

first="$(psql_ -c "SELECT count(*) FROM drill WHERE batch = 'first'")"
later="$(psql_ -c "SELECT count(*) FROM drill WHERE id > 1000 OR batch <> 'first'")"
[[ "$first" == 1000 ]] || fail "expected the 1000 first rows as written, found $first"
[[ "$later" == 0 ]] || fail "expected none of the later writes, found $later"
echo "pitr-drill: ok (1000 rows kept, 510 later writes gone, restored to $target) in $((SECONDS - started)) s"
