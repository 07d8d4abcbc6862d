#!/usr/bin/env bash
# Installs (if missing) and starts what Kechuang's tests need: PostgreSQL on 127.0.0.1:5432 with the
# role kechuang/kechuang, Chromium and CJK fonts for browser tests. Idempotent: safe to run again.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
PKGS=(postgresql redis-server chromium fonts-noto-cjk)
missing=()
for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

service postgresql start >/dev/null
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL did not start" >&2; exit 1; }
runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -c \
  "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='kechuang') THEN
     CREATE ROLE kechuang LOGIN CREATEDB PASSWORD 'kechuang'; END IF; END \$\$;" >/dev/null
# Lets the tests' DROP DATABASE … WITH (FORCE) end an autovacuum worker still on a test database.
runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -c "GRANT pg_signal_backend TO kechuang;" >/dev/null
echo "PostgreSQL ready on 127.0.0.1:5432 (role kechuang)"

# Redis on 127.0.0.1:6390 carries SignalR between nodes in the two-node auction test.
run_dir="$(cd "$(dirname "$0")/.." && pwd)/artifacts/redis"
mkdir -p "$run_dir"
if ! redis-cli -h 127.0.0.1 -p 6390 ping 2>/dev/null | grep -q PONG; then
  redis-server --bind 127.0.0.1 --port 6390 --daemonize yes --save '' --appendonly no \
    --dir "$run_dir" --pidfile "$run_dir/redis-6390.pid" --logfile "$run_dir/redis-6390.log" >/dev/null || true
  for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 -p 6390 ping 2>/dev/null | grep -q PONG && break; sleep 0.5; done
fi
redis-cli -h 127.0.0.1 -p 6390 ping | grep -q PONG || { echo "Redis did not start" >&2; exit 1; }
echo "Redis ready on 127.0.0.1:6390"
