#!/usr/bin/env bash
# A PostgreSQL primary with a streaming-replication standby, both on this machine, for the failover drill and for a
# trial of reports on a standby (docs/operations.md, "A standby for reports, and promoting it"). Each server has its
# own data directory and port under one folder; neither is the shared server on 5432.
#
#   scripts/replica-pair.sh up --dir DIR [--primary-port 55440] [--standby-port 55441]
#   scripts/replica-pair.sh promote --dir DIR     # the standby becomes the primary (after the primary died)
#   scripts/replica-pair.sh kill-primary --dir DIR  # kill -9 of the primary's postmaster, as a crash would
#   scripts/replica-pair.sh down --dir DIR        # stops both and removes DIR
#
# Replication is synchronous (synchronous_commit = on, the standby named in synchronous_standby_names): a commit is
# acknowledged only once the standby has it on disk, so promoting the standby loses nothing acknowledged.
# `up` ends with the two lines "primary: <connection string>" and "standby: <connection string>" (trust
# authentication on 127.0.0.1, role kechuang).
set -euo pipefail

command="${1:-}"; shift || true
dir=""; primary_port=55440; standby_port=55441
while (($#)); do
  case "$1" in
    --dir) dir="${2:?}"; shift 2 ;;
    --primary-port) primary_port="${2:?}"; shift 2 ;;
    --standby-port) standby_port="${2:?}"; shift 2 ;;
    *) echo "usage: scripts/replica-pair.sh up|promote|kill-primary|down --dir DIR [--primary-port P] [--standby-port S]" >&2; exit 2 ;;
  esac
done
[[ -n "$dir" ]] || { echo "--dir is required" >&2; exit 2; }

source "$(dirname "$0")/lib/pg-local.sh"
primary="$dir/primary"; standby="$dir/standby"
# After `up`, the ports are the ones the two servers were set up with.
if [[ "$command" != up && -f "$standby/postgresql.conf" ]]; then
  standby_port="$(grep -E '^port = ' "$standby/postgresql.conf" | tail -1 | awk '{print $3}')"
  primary_port="$(grep -E '^port = ' "$primary/postgresql.conf" | tail -1 | awk '{print $3}')"
fi
ctl() { as "$bin/pg_ctl" -D "$1" -l "$1.log" -w -t 60 "${@:2}" >/dev/null; }
sql() { as "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U kechuang -d postgres -tA -c "$2"; }

case "$command" in
  up)
    mkdir -p "$dir"; chmod 755 "$dir"; chown "$owner" "$dir"
    as "$bin/initdb" -D "$primary" -A trust -U kechuang --no-sync >/dev/null
    as tee -a "$primary/postgresql.conf" >/dev/null <<EOF

# The pair's primary: loopback only, streaming to its one standby, each commit waiting for it.
port = $primary_port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
wal_level = replica
max_wal_senders = 4
wal_keep_size = 256MB
synchronous_standby_names = 'kechuang_standby'
synchronous_commit = on
max_connections = 200
fsync = off
EOF
    ctl "$primary" start
    as "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U kechuang -D "$standby" -X stream -R \
      -d "application_name=kechuang_standby" >/dev/null
    as tee -a "$standby/postgresql.conf" >/dev/null <<EOF

# The pair's standby: read-only queries while it replays the primary's WAL. Once promoted it has no standby of its
# own: the primary's synchronous_standby_names, copied with the base backup, would make every commit wait forever.
port = $standby_port
hot_standby = on
synchronous_standby_names = ''
EOF
    ctl "$standby" start
    for _ in $(seq 1 120); do
      [[ "$(sql "$primary_port" "SELECT count(*) FROM pg_stat_replication WHERE application_name = 'kechuang_standby' AND sync_state = 'sync'")" == 1 ]] && break
      sleep 0.5
    done
    [[ "$(sql "$primary_port" "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'")" == 1 ]] \
      || { echo "the standby did not start streaming" >&2; tail -n 20 "$standby.log" >&2; exit 1; }
    echo "primary: Host=127.0.0.1;Port=$primary_port;Username=kechuang"
    echo "standby: Host=127.0.0.1;Port=$standby_port;Username=kechuang"
    ;;
  kill-primary)
    pid="$(head -1 "$primary/postmaster.pid")"
    kill -9 "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    # The postmaster's children end once they see it gone; the port is free when they have.
    pkill -9 -f -- "-D $primary" 2>/dev/null || true
    echo "primary killed (pid $pid)"
    ;;
  promote)
    as "$bin/pg_ctl" -D "$standby" -w -t 60 promote >/dev/null
    [[ "$(sql "$standby_port" "SELECT pg_is_in_recovery()")" == f ]] || { echo "the standby is still in recovery" >&2; exit 1; }
    echo "promoted: Host=127.0.0.1;Port=$standby_port;Username=kechuang"
    ;;
  down)
    for data in "$standby" "$primary"; do
      [[ -f "$data/postmaster.pid" ]] && as "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    done
    rm -rf "$dir"
    ;;
  *) echo "usage: scripts/replica-pair.sh up|promote|kill-primary|down --dir DIR" >&2; exit 2 ;;
esac
