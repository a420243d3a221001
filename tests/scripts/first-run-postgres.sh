#!/usr/bin/env bash
# The PostgreSQL part of a newcomer's first ./run.sh, fast (no build): the cluster run.sh keeps between runs
# (pg_cluster_dir, pg_start, pg_stop) is created, started, stopped and found again with its data, as root from a
# clone inside a folder only root may enter (mode 700, like /root), as root from an open folder, and as an
# ordinary user. Prints what it checked; exits non-zero at the first failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
source .ci/postgres.sh

WORK=$(mktemp -d /tmp/vivapolis-first-run.XXXXXX) # mode 700: its owner's alone
PG_DIR=""
cleanup() {
  if [ -n "$PG_DIR" ]; then pg_stop "$PG_DIR"; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
sql() { pg_as "$PG_BIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d vivapolis -tAc "$2"; }

# Two runs over one data folder, as run.sh makes them; the second must find the cluster and what the first wrote.
# Sets CLUSTER to the folder the cluster is in.
two_runs() {
  local data="$1" port again
  port=$(free_port)
  CLUSTER=$(pg_cluster_dir "$data/postgres") || fail "no cluster folder for $data"
  PG_DIR=$CLUSTER
  pg_start "$PG_DIR" "$port" || fail "the first start in $PG_DIR"
  sql "$port" "create table first_run (note text); insert into first_run values ('kept')" >/dev/null
  pg_stop "$PG_DIR"
  PG_DIR=""
  again=$(pg_cluster_dir "$data/postgres")
  [ "$again" = "$CLUSTER" ] || fail "the second run chose $again, not $CLUSTER"
  PG_DIR=$again
  pg_start "$PG_DIR" "$port" || fail "the second start in $PG_DIR"
  [ "$(sql "$port" "select note from first_run")" = kept ] || fail "the second run lost the first run's data"
  pg_stop "$PG_DIR"
  PG_DIR=""
}

as_user() {
  two_runs "$WORK/clone/.data"
  [ "$CLUSTER" = "$WORK/clone/.data/postgres" ] || fail "an ordinary user's cluster is in $CLUSTER"
  [ "$(stat -c %U "$CLUSTER")" = "$(id -un)" ] || fail "an ordinary user's cluster is not theirs"
  ok "ordinary user ($(id -un)), clone in a folder of mode 700: the server runs as that user in .data/postgres, data kept"
}

if [ "$(id -u)" != 0 ]; then as_user; exit 0; fi

export VIVAPOLIS_PG_ELSEWHERE="$WORK/elsewhere" # instead of /var/lib/vivapolis, so that nothing is left behind
mkdir -m 755 "$VIVAPOLIS_PG_ELSEWHERE"
chmod 755 "$WORK"

CLOSED="$WORK/closed/clone/.data"
mkdir -p "$CLOSED/postgres" # the empty folder an earlier version's failed initdb left behind
chmod 700 "$WORK/closed"
two_runs "$CLOSED"
case "$CLUSTER" in "$VIVAPOLIS_PG_ELSEWHERE"/*) ;; *) fail "the cluster is in $CLUSTER, which the postgres user cannot reach" ;; esac
[ "$(readlink -f "$CLOSED/postgres")" = "$CLUSTER" ] || fail "$CLOSED/postgres does not lead to $CLUSTER"
ok "root, clone in a folder of mode 700: cluster in a folder the postgres user reaches, linked from .data/postgres, data kept"

# A cluster already inside the closed folder is not moved behind the user's back: a message says what to do.
STUCK="$WORK/closed/other/.data/postgres"
mkdir -p "$STUCK" && touch "$STUCK/PG_VERSION"
if message=$(pg_cluster_dir "$STUCK" 2>&1 >/dev/null); then fail "an unreachable existing cluster was accepted"; fi
grep -q "mv " <<<"$message" || fail "no instructions for an unreachable cluster: $message"
ok "root, existing cluster in a folder of mode 700: stops at once and says how to move it"

mkdir -p "$WORK/open/clone/.data"
two_runs "$WORK/open/clone/.data"
[ "$CLUSTER" = "$WORK/open/clone/.data/postgres" ] || fail "a reachable data folder was not used: $CLUSTER"
ok "root, clone in an open folder: cluster in .data/postgres, data kept"

# An ordinary user (nobody) runs the same script in a folder of their own.
(cd / && runuser -u nobody -- "$ROOT/tests/scripts/first-run-postgres.sh") || fail "as an ordinary user"
