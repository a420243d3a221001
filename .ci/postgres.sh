# Shared by run.sh, test.sh and bench/: a PostgreSQL cluster in a folder of ours, from the machine's binaries.
# Source it, then: pg_start DIR PORT [throwaway]; pg_stop DIR; free_port; pg_cluster_dir DIR (run.sh's kept cluster).

PG_BIN="${VIVAPOLIS_PG_BIN:-/usr/lib/postgresql/15/bin}"

pg_require() {
  if [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
    echo "PostgreSQL 15 binaries not found in $PG_BIN: install them with 'apt-get install -y postgresql-15' (or set VIVAPOLIS_PG_BIN)." >&2
    return 1
  fi
}

# Runs a PostgreSQL tool as the postgres OS user when we are root (initdb refuses root), from / so that a
# working folder that user may not enter (a clone under /root) does not matter; every path given is absolute.
# Not root: as the invoking user, who owns the cluster.
pg_as() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_user() {
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/false postgres
}

# pg_cluster_dir DIR: the folder to give pg_start for a cluster kept at DIR between runs. DIR itself, unless we
# are root and the postgres user cannot reach it (a clone inside a folder of mode 700, as /root is): then a new
# folder under /var/lib/vivapolis (or VIVAPOLIS_PG_ELSEWHERE), linked from DIR, so that the next run finds it.
pg_cluster_dir() {
  local dir parent elsewhere_root="${VIVAPOLIS_PG_ELSEWHERE:-/var/lib/vivapolis}" elsewhere
  dir=$(realpath -m "$1")
  if [ -L "$1" ]; then echo "$dir"; return; fi
  parent=$(dirname "$dir")
  mkdir -p "$parent"
  if [ "$(id -u)" != 0 ]; then echo "$dir"; return; fi
  pg_user
  if runuser -u postgres -- test -x "$parent" 2>/dev/null; then echo "$dir"; return; fi
  if [ -e "$dir/PG_VERSION" ]; then
    echo "The PostgreSQL cluster in $dir cannot be reached by the postgres user (a folder above it is closed to others)." >&2
    echo "Move it out and link it back: mkdir -p $elsewhere_root && mv '$dir' $elsewhere_root/ && ln -s $elsewhere_root/$(basename "$dir") '$dir'" >&2
    return 1
  fi
  rmdir "$dir" 2>/dev/null || true # left empty by a run of an earlier version, whose initdb failed here
  mkdir -p "$elsewhere_root" && chmod 755 "$elsewhere_root"
  elsewhere=$(mktemp -d "$elsewhere_root/postgres.XXXXXX") || return 1
  ln -s "$elsewhere" "$dir" || return 1
  echo "note: the postgres user cannot enter $parent, so the cluster lives in $elsewhere (linked from $dir)" >&2
  echo "$elsewhere"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# pg_start DIR PORT [throwaway]: creates the cluster on first use, starts it, creates database "vivapolis".
# "throwaway" trades durability for speed (fsync off): for test clusters only.
pg_start() {
  local dir port="$2" mode="${3:-}"
  dir=$(realpath -m "$1")
  pg_require || return 1
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    pg_user
    chown -R postgres:postgres "$dir"
    if ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
      echo "The postgres user cannot enter $dir (a folder above it is closed to others): use a folder it can reach, or pg_cluster_dir." >&2
      return 1
    fi
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
  local dir
  dir=$(realpath -m "$1")
  if [ -f "$dir/postmaster.pid" ]; then
    pg_as "$PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  fi
}
