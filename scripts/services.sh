#!/usr/bin/env bash
# Installs (if missing) and starts what Kechuang's tests need: PostgreSQL on 127.0.0.1:5432 with the
# role kechuang/kechuang, Chromium and CJK fonts for browser tests. Idempotent: safe to run again.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
PKGS=(postgresql chromium fonts-noto-cjk)
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
echo "PostgreSQL ready on 127.0.0.1:5432 (role kechuang)"
