# Shared by run.sh, test.sh and bench/: a PostgreSQL cluster in a folder of ours, from the machine's binaries.
# Source it, then: pg_start DIR PORT [throwaway]; pg_stop DIR; free_port.

PG_BIN="${VIVAPOLIS_PG_BIN:-/usr/lib/postgresql/15/bin}"

pg_require() {
  if [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
    echo "PostgreSQL 15 binaries not found in $PG_BIN: install them with 'apt-get install -y postgresql-15' (or set VIVAPOLIS_PG_BIN)." >&2
    return 1
  fi
}

# Runs a PostgreSQL tool as the postgres OS user when we are root (initdb refuses root).
pg_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# pg_start DIR PORT [throwaway]: creates the cluster on first use, starts it, creates database "vivapolis".
# "throwaway" trades durability for speed (fsync off): for test clusters only.
pg_start() {
  local dir="$1" port="$2" mode="${3:-}"
  pg_require || return 1
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/false postgres
    chown -R postgres:postgres "$dir"
  fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    pg_as "$PG_BIN/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir.initdb.log" 2>&1 \
      || { cat "$dir.initdb.log" >&2; return 1; }
  fi
  local options="-p $port -c listen_addresses=127.0.0.1 -k '$dir' -c max_connections=200"
  if [ "$mode" = throwaway ]; then
    options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  pg_as "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start -o "$options" >/dev/null \
    || { tail -n 20 "$dir/server.log" >&2; return 1; }
  if ! pg_as "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname='vivapolis'" | grep -q 1; then
    pg_as "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres vivapolis
  fi
}

pg_stop() {
  local dir="$1"
  if [ -f "$dir/postmaster.pid" ]; then
    pg_as "$PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  fi
}
