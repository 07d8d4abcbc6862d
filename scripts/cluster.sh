#!/usr/bin/env bash
# Runs Kechuang as several nodes behind nginx on this machine, the way docs/operations.md ("Several nodes") describes
# for several machines: one PostgreSQL database, Redis between the nodes, the same data-protection certificate and
# personal-data keys on every node, migrations applied once, nginx in front (docs/adr/024-cluster-behind-nginx.md).
#
#   scripts/cluster.sh up     [--port 8080] [--nodes 2] [--database kechuang_cluster] [--app publish|build:Debug|build:Release] [--pool N]
#   scripts/cluster.sh status [--port 8080]
#   scripts/cluster.sh down   [--port 8080]
#
# `up` ends with the line "cluster: http://127.0.0.1:<port>" once every node answers /health/ready; `status` prints
# "node <n> pid <pid> port <port> ready|not-ready" per node (exit 0 when every node and nginx are up, else 1);
# `down` stops the nodes and nginx. --pool caps each node's PostgreSQL connections (Maximum Pool Size; Npgsql's default
# is 100): nodes × pool must stay below the server's max_connections (100 by default) with room for everyone else, or
# under load the server refuses connections ("sorry, too many clients already") and requests fail. Node n listens on <port>+n. Everything the cluster keeps is under .cluster/
# (git-ignored): the published app (app/), the shared secrets (secrets/, mode 0700) and one folder per port with pid
# files, logs and nginx's configuration. Variables of the calling environment (Admin__Password, Access__..., any
# Key__Sub=value) reach the migration and every node, as with `dotnet run`.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

root="$(cd "$(dirname "$0")/.." && pwd)"
state="$root/.cluster"

usage() {
  echo "usage: scripts/cluster.sh up|down|status [--port P] [--nodes N] [--database NAME] [--app publish|build:Debug|build:Release] [--pool N]" >&2
  exit 2
}

action="${1:-}"
[[ "$action" =~ ^(up|down|status)$ ]] || usage
shift
port=8080
nodes=2
database=kechuang_cluster
app_mode=publish
pool=""
while (($#)); do
  case "$1" in
    --port) port="${2:?}"; shift 2 ;;
    --nodes) nodes="${2:?}"; shift 2 ;;
    --database) database="${2:?}"; shift 2 ;;
    --app) app_mode="${2:?}"; shift 2 ;;
    --pool) pool="${2:?}"; shift 2 ;;
    *) usage ;;
  esac
done
[[ "$port" =~ ^[0-9]+$ && "$nodes" =~ ^[0-9]+$ && "$nodes" -ge 1 && "$database" =~ ^[a-z_][a-z0-9_]*$ && "$pool" =~ ^[0-9]*$ ]] || usage

run="$state/$port"
pg_server="Host=127.0.0.1;Port=5432;Username=kechuang;Password=kechuang"
redis="127.0.0.1:6390"

alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }
pid_of() { cat "$1" 2>/dev/null || true; }
ready() { curl -fs -o /dev/null --max-time 5 "http://127.0.0.1:$1/health/ready"; }
node_pids() { ls "$run"/node-*.pid 2>/dev/null | sort -V || true; }

status() {
  local all=0 file n pid node_port
  for file in $(node_pids); do
    n="${file##*/node-}"; n="${n%.pid}"
    pid="$(pid_of "$file")"
    node_port=$((port + n))
    if alive "$pid" && ready "$node_port"; then
      echo "node $n pid $pid port $node_port ready"
    else
      echo "node $n pid $pid port $node_port not-ready"
      all=1
    fi
  done
  [[ -n "$(node_pids)" ]] || { echo "cluster on port $port: no node" >&2; all=1; }
  alive "$(pid_of "$run/nginx.pid")" || { echo "nginx on port $port: not running" >&2; all=1; }
  return $all
}

# Ends a process the cluster started (its pid file), politely first: a node finishes its requests on SIGTERM.
stop_pid_file() {
  local file="$1" signal="$2" pid
  pid="$(pid_of "$file")"
  if alive "$pid"; then
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do alive "$pid" || break; sleep 0.25; done
    if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$file"
}

down() {
  local file
  [[ -f "$run/nginx.pid" ]] && stop_pid_file "$run/nginx.pid" QUIT
  for file in $(node_pids); do stop_pid_file "$file" TERM; done
  echo "cluster on port $port: stopped"
}

case "$action" in
  status) status; exit $? ;;
  down) down; exit 0 ;;
esac

# ---- up -------------------------------------------------------------------------------------------------------------
if status >/dev/null 2>&1; then
  status
  echo "cluster: http://127.0.0.1:$port"
  exit 0
fi
# nginx up with the same number of nodes: only the nodes that died are started again, the others keep their pages.
# Anything else left over (a cluster of another size, nginx gone) is stopped and started whole.
running=()
if alive "$(pid_of "$run/nginx.pid")" && [[ "$(node_pids | wc -l)" -eq "$nodes" ]]; then
  for n in $(seq 1 "$nodes"); do
    if alive "$(pid_of "$run/node-$n.pid")"; then running+=("$n"); fi
  done
  echo "Restarting the stopped nodes of the cluster on port $port"
else
  down >/dev/null
fi
is_running() { [[ " ${running[*]} " == *" $1 "* ]]; }
nginx_running() { alive "$(pid_of "$run/nginx.pid")"; }
mkdir -p "$run/tmp"

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
nginx_running || ! port_taken "$port" || { echo "port $port is in use: choose another --port" >&2; exit 1; }
for n in $(seq 1 "$nodes"); do
  if ! is_running "$n" && port_taken $((port + n)); then echo "port $((port + n)) is in use: choose another --port" >&2; exit 1; fi
done

"$root/scripts/services.sh"

if ! dpkg -s nginx >/dev/null 2>&1; then
  echo "Installing: nginx"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

# The application: published once into .cluster/app (again only when a source file is newer than the last publish),
# or the solution's build output (what the browser test uses: publishing takes minutes on a small machine). The build
# output runs from the project folder like `dotnet run --no-build`, its assets listed in the static web assets manifest.
case "$app_mode" in
  publish)
    app="$state/app"
    content_root="$app"
    stamp="$app/.published"
    newer=""
    if [[ -f "$stamp" ]]; then
      newer="$(find "$root/src/Kechuang" "$root/Directory.Build.props" "$root/Directory.Packages.props" -newer "$stamp" -type f \
        -not -path '*/bin/*' -not -path '*/obj/*' -not -path '*/data/*' -print -quit)"
    fi
    if [[ ! -f "$stamp" || -n "$newer" ]]; then
      echo "Publishing into .cluster/app"
      dotnet publish "$root/src/Kechuang" -c Release -o "$app" -v q -nologo
      touch "$stamp"
    else
      echo "Published app is up to date (.cluster/app)"
    fi
    ;;
  build:Debug | build:Release)
    app="$root/src/Kechuang/bin/${app_mode#build:}/net10.0"
    content_root="$root/src/Kechuang"
    [[ -f "$app/kechuang.dll" ]] || { echo "no build output at $app: build first (dotnet build Kechuang.slnx -c ${app_mode#build:})" >&2; exit 1; }
    ;;
  *) usage ;;
esac
dll="$app/kechuang.dll"

# Secrets every node must share, made once: sign-in cookies and anti-forgery tokens issued by one node are read by
# another only when all protect their key ring with the same certificate; phone and 身份证 numbers written by one
# node are read by another only under the same keys. On several machines: copy .cluster/secrets to each (ADR 020).
secrets="$state/secrets"
if [[ ! -f "$secrets/cluster.env" ]]; then
  (umask 077
   mkdir -p "$secrets"
   pfx_password="$(openssl rand -hex 24)"
   openssl req -x509 -newkey rsa:3072 -nodes -sha256 -days 36500 -subj "/CN=Kechuang data protection" \
     -keyout "$secrets/data-protection.key" -out "$secrets/data-protection.crt" 2>/dev/null
   openssl pkcs12 -export -inkey "$secrets/data-protection.key" -in "$secrets/data-protection.crt" \
     -out "$secrets/data-protection.pfx" -passout "pass:$pfx_password"
   rm -f "$secrets/data-protection.key"
   key_id="k$(date +%Y%m%d)"
   {
     echo "DataProtection__Certificate=$secrets/data-protection.pfx"
     echo "DataProtection__CertificatePassword=$pfx_password"
     echo "PersonalData__Keys__$key_id=$(openssl rand -base64 16)"
     echo "PersonalData__CurrentKeyId=$key_id"
     echo "PersonalData__IndexKey=$(openssl rand -base64 32)"
   } > "$secrets/cluster.env.tmp"
   mv "$secrets/cluster.env.tmp" "$secrets/cluster.env")
  echo "Generated the cluster's certificate and personal-data keys: .cluster/secrets/cluster.env (back it up apart from the database)"
fi

# The cluster's own database, created if missing.
export PGPASSWORD=kechuang
if ! psql -h 127.0.0.1 -U kechuang -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
  createdb -h 127.0.0.1 -U kechuang "$database"
  echo "Created database $database"
fi
unset PGPASSWORD

# What every node is given besides the caller's environment.
node_env=(
  "Database__Provider=Postgres"
  "ConnectionStrings__Kechuang=$pg_server;Database=$database${pool:+;Maximum Pool Size=$pool}"
  "Redis__Connection=$redis"
  "ReverseProxy__KnownProxies=127.0.0.1"
  # Readers of one scope share its home figures for 30 s on a node (docs/operations.md, Sizing).
  "Dashboard__CacheSeconds=${Dashboard__CacheSeconds:-30}"
)
while IFS= read -r line; do [[ -n "$line" ]] && node_env+=("$line"); done < "$secrets/cluster.env"

# Migrations and first data once, before any node starts: on an empty database this creates the administrators and
# the demo dataset exactly once. Nodes then find the database current (Demo__Seed=false: a node never seeds).
admin_file="$secrets/$database.first-start.txt"
echo "Migrating $database"
migrate_started=$SECONDS
if ! (cd "$content_root" && env "${node_env[@]}" Demo__Seed="${Demo__Seed:-true}" dotnet "$dll" migrate) > "$run/migrate.log" 2>&1; then
  cat "$run/migrate.log" >&2
  echo "migration failed (log: $run/migrate.log)" >&2
  exit 1
fi
echo "Migrated in $((SECONDS - migrate_started)) s"
if grep -q "^管理员账号" "$run/migrate.log"; then
  (umask 077; grep -E "^(管理员|安全管理员|审计管理员|演示账号)" "$run/migrate.log" > "$admin_file")
  cat "$admin_file"
fi

for n in $(seq 1 "$nodes"); do
  is_running "$n" && continue
  node_port=$((port + n))
  # setsid: the node outlives this script and is not in the caller's process group (Ctrl+C on a later command).
  # Each node its own matching index (ADR 023: a local folder per node, filled from the database's change log);
  # two processes on one machine must not share the default folder, which is derived from the connection string.
  (cd "$content_root" && exec env "${node_env[@]}" Demo__Seed=false urls="http://127.0.0.1:$node_port" \
    Matching__IndexPath="$run/matching-node-$n" \
    setsid dotnet "$dll" </dev/null >>"$run/node-$n.log" 2>&1) &
  echo $! > "$run/node-$n.pid"
done

# nginx: its own configuration, pid file and logs in the run folder; workers as the account running the script.
upstream=""
for n in $(seq 1 "$nodes"); do
  upstream+="    server 127.0.0.1:$((port + n)) max_fails=1 fail_timeout=10s;"$'\n'
done
cat > "$run/nginx.conf" <<EOF
# Generated by scripts/cluster.sh: Kechuang's $nodes nodes behind one port (docs/adr/024-cluster-behind-nginx.md).
user $(id -un);
worker_processes 1;
pid $run/nginx.pid;
error_log $run/nginx-error.log warn;
events { worker_connections 4096; }
http {
  log_format upstream '\$remote_addr [\$time_local] "\$request" \$status \$body_bytes_sent upstream=\$upstream_addr rt=\$request_time';
  access_log $run/nginx-access.log upstream;
  client_body_temp_path $run/tmp/body;
  proxy_temp_path $run/tmp/proxy;
  fastcgi_temp_path $run/tmp/fastcgi;
  uwsgi_temp_path $run/tmp/uwsgi;
  scgi_temp_path $run/tmp/scgi;
  # Imports accept .xlsx files up to 64 MB (Imports:MaxUploadMegabytes); the node answers larger ones itself.
  client_max_body_size 80m;

  # WebSockets (Blazor circuits, /hubs/auction): pass Upgrade on; other requests keep the upstream connection alive.
  map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }

  # Stickiness: a browser keeps one node for its Blazor circuit. The first answer gives it a random kc_node cookie,
  # and every request is hashed on it; without the cookie (API clients) the request id spreads requests.
  map \$cookie_kc_node \$kc_node { '' \$request_id; default \$cookie_kc_node; }
  map \$cookie_kc_node \$kc_node_cookie { '' "kc_node=\$request_id; Path=/; HttpOnly; SameSite=Lax"; default ''; }

  upstream kechuang {
    hash \$kc_node consistent;
    # Passive checks only (open-source nginx): a node that refuses or drops a connection, or answers 502/503, is
    # left out for fail_timeout, then tried again with one request.
$upstream    keepalive 32;
  }

  server {
    listen 127.0.0.1:$port;
    proxy_http_version 1.1;
    proxy_set_header Upgrade \$http_upgrade;
    proxy_set_header Connection \$connection_upgrade;
    proxy_set_header Host \$http_host;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto \$scheme;
    proxy_connect_timeout 2s;
    # A Blazor circuit or hub connection stays open for as long as the page (SignalR pings every 15 s).
    proxy_read_timeout 1h;
    proxy_send_timeout 1h;
    proxy_next_upstream_tries $nodes;
    add_header Set-Cookie \$kc_node_cookie always;
    # Which node answered: for diagnosis (and the cluster journey, which stops that node).
    add_header X-Kechuang-Node \$upstream_addr always;

    location / {
      proxy_pass http://kechuang;
      # A request that never reached a node goes to the next; a POST that did reach one is never sent twice.
      proxy_next_upstream error timeout http_502 http_503;
    }
    # SignalR's negotiate (Blazor's /_blazor, the market's /hubs/auction) is a POST that only hands out a connection
    # id: safe to send again. When a node dies, the page reconnects at once, and its negotiate can go out on a kept-alive
    # connection to the dead node before nginx has noticed; it is then retried on another node instead of failing.
    location ~ /negotiate\$ {
      proxy_pass http://kechuang;
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
    }
  }
}
EOF
"$nginx_bin" -t -q -e "$run/nginx-error.log" -c "$run/nginx.conf" </dev/null

# Ready means each node answers /health/ready (database, migrations, Redis): nginx cannot probe it, so this waits.
nodes_started=$SECONDS
deadline=$((SECONDS + 240))
for n in $(seq 1 "$nodes"); do
  node_port=$((port + n))
  pid="$(pid_of "$run/node-$n.pid")"
  until ready "$node_port"; do
    if ! alive "$pid"; then
      tail -n 40 "$run/node-$n.log" >&2
      echo "node $n stopped before it was ready (log: $run/node-$n.log)" >&2
      exit 1
    fi
    if ((SECONDS > deadline)); then
      echo "node $n was not ready within 240 s (log: $run/node-$n.log)" >&2
      exit 1
    fi
    sleep 0.5
  done
done

# Its output goes to its log: a daemon left holding the caller's stdout would keep a reader of it waiting.
if ! nginx_running && ! "$nginx_bin" -e "$run/nginx-error.log" -c "$run/nginx.conf" </dev/null >>"$run/nginx-start.log" 2>&1; then
  tail -n 20 "$run/nginx-start.log" "$run/nginx-error.log" >&2
  exit 1
fi
for _ in $(seq 1 40); do ready "$port" && break; sleep 0.25; done
ready "$port" || { echo "nginx does not answer on port $port (log: $run/nginx-error.log)" >&2; exit 1; }
echo "Nodes ready in $((SECONDS - nodes_started)) s; up in $SECONDS s"

status
if [[ -f "$admin_file" ]]; then
  echo "管理员账号: admin；首次迁移打印的账号和密码见 ${admin_file#"$root"/}"
fi
echo "cluster: http://127.0.0.1:$port"
