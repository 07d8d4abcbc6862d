# Sourced by the scripts that run a PostgreSQL server of their own (pitr-drill.sh, replica-pair.sh): sets `bin` to the
# newest installed server binaries, and `owner` and `as` to run them as postgres when started as root, since
# PostgreSQL refuses to run as root.
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[[ -x "$bin/initdb" ]] || { echo "PostgreSQL server binaries not found: run scripts/services.sh" >&2; exit 1; }
if [[ "$(id -u)" == 0 ]]; then
  owner=postgres
  as() { runuser -u postgres -- "$@"; }
else
  owner="$(id -un)"
  as() { "$@"; }
fi
