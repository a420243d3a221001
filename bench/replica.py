#!/usr/bin/env python3
"""Delivery reads from a streaming standby, checked from outside (standard library and the machine's psql).

Run by bench/replica.sh; reads API, ADMIN_EMAIL, ADMIN_PASSWORD, PG_BIN, PRIMARY, PRIMARY_PORT, STANDBY_PORT,
PG_AS_ROOT from the environment. Prints what it measured and exits 1 when a check fails.
"""
import os, subprocess, time

import checks
from checks import check, figures, finish

API = os.environ["API"]
PG_BIN, PRIMARY = os.environ["PG_BIN"], os.environ["PRIMARY"]
PRIMARY_PORT, STANDBY_PORT = os.environ["PRIMARY_PORT"], os.environ["STANDBY_PORT"]


def sql(port, query):
    return subprocess.run([f"{PG_BIN}/psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "vivapolis", "-Atc", query],
                          check=True, capture_output=True, text=True).stdout.strip()


def pg_ctl(*args):
    command = [f"{PG_BIN}/pg_ctl", "-D", PRIMARY, *args]
    if os.environ.get("PG_AS_ROOT") == "1":
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, cwd="/")


def request(*args, **kwargs):
    return checks.request(API, *args, **kwargs)


def call(*args, **kwargs):
    return checks.call(API, *args, **kwargs)


def draft(title):
    return checks.draft(title, "Écrit pendant la vérification de la réplique.")


def visible_after(path, slug, limit_s):
    """Milliseconds until the slug is in the answer to path, or None after limit_s."""
    started = time.monotonic()
    while time.monotonic() - started < limit_s:
        if slug.encode() in request("GET", path)[2]:
            return (time.monotonic() - started) * 1000
        time.sleep(0.005)
    return None


def main():
    session = call("POST", "/api/v1/auth/token", {"email": os.environ["ADMIN_EMAIL"], "password": os.environ["ADMIN_PASSWORD"]})
    bearer = {"Authorization": f"Bearer {session['accessToken']}"}

    # ---- 1. where the connections go -----------------------------------------------------------------------------
    for n in range(1, 21):
        request("GET", f"/api/v1/articles?limit={n}")   # each a different key: every one reads the database
    request("GET", "/api/v1/search?q=mobilite")
    on_standby = int(sql(STANDBY_PORT, "select count(*) from pg_stat_activity where application_name = 'vivapolis-reads'"))
    on_primary = int(sql(PRIMARY_PORT, "select count(*) from pg_stat_activity where application_name = 'vivapolis-reads'"))
    check(on_standby > 0 and on_primary == 0, f"delivery's connections are on the standby ({on_standby}), none on the primary")
    check(sql(STANDBY_PORT, "select pg_is_in_recovery()") == "t", "the standby is in recovery (read-only, streaming)")

    # ---- 2. a publication, then delivery through the standby ----------------------------------------------------
    lags = []
    for i in range(10):
        item = call("POST", "/api/v1/manage/articles", draft(f"Réplique {i}"), bearer)
        call("POST", f"/api/v1/manage/articles/{item['id']}/publish", None, bearer)
        lags.append(visible_after(f"/api/v1/articles/{item['slug']}", item["slug"], 5))
    seen = sorted(lag for lag in lags if lag is not None)
    check(len(seen) == len(lags), "every publication was readable through the standby within 5 s")
    if seen:
        figures.append(("publish answered → item readable from the standby (ms)", f"median {seen[len(seen) // 2]:.0f}, max {seen[-1]:.0f}"))

    # ---- 3. a standby behind: the list cached in between does not stay stale for the cache's lifetime ------------
    path = "/api/v1/articles?limit=5"
    request("GET", path)
    sql(STANDBY_PORT, "select pg_wal_replay_pause()")
    item = call("POST", "/api/v1/manage/articles", draft("Pendant la pause de la réplique"), bearer)
    call("POST", f"/api/v1/manage/articles/{item['id']}/publish", None, bearer)
    published = time.monotonic()
    stale = request("GET", path)[2]   # read from the paused standby after the eviction: cached again, without the item
    check(item["slug"].encode() not in stale, "while the standby's replay is paused, the list does not show the item yet")
    time.sleep(1)
    sql(STANDBY_PORT, "select pg_wal_replay_resume()")
    shown = visible_after(path, item["slug"], 9)
    if shown is not None:
        total = (time.monotonic() - published) * 1000
        figures.append(("standby paused 1 s: publish → in the cached list (ms)", f"{total:.0f} (cache lifetime 10,000)"))
    check(shown is not None and (time.monotonic() - published) < 5,
          "after the standby caught up, the list showed the item within 5 s (evicted again, not kept 10 s)")

    # ---- 4. the primary lost: delivery goes on from the standby, management says 503 ----------------------------
    slug = item["slug"]
    pg_ctl("-m", "immediate", "-w", "stop")
    stopped = time.monotonic()
    status, _, body = request("GET", "/api/v1/articles?limit=3&theme=mobilite")   # never asked before: not cached
    check(status == 200 and slug.encode() in body, f"primary down: an uncached delivery read answers {status} from the standby")
    status, _, _ = request("GET", "/api/v1/search?q=replique")
    check(status == 200, f"primary down: search answers {status} from the standby")
    status, headers, body = request("GET", "/api/v1/manage/articles", headers=bearer)
    check(status == 503 and headers.get("content-type", "").startswith("application/problem+json"),
          f"primary down: management answers {status} {headers.get('content-type')}")
    check(request("GET", "/health/ready")[0] == 503, "primary down: /health/ready says 503 (writes cannot be served)")
    figures.append(("primary down: checks answered within (ms)", f"{(time.monotonic() - stopped) * 1000:.0f}"))

    pg_ctl("-l", f"{PRIMARY}/server.log", "-w", "-t", "60", "start", "-o",
           f"-p {PRIMARY_PORT} -c listen_addresses=127.0.0.1 -k {PRIMARY} -c max_connections=200")
    back = time.monotonic()
    while time.monotonic() - back < 30 and request("GET", "/health/ready")[0] != 200:
        time.sleep(0.2)
    check(request("GET", "/health/ready")[0] == 200, "primary back: ready again by itself")
    item = call("POST", "/api/v1/manage/articles", draft("Après le retour du primaire"), bearer)
    call("POST", f"/api/v1/manage/articles/{item['id']}/publish", None, bearer)
    check(visible_after(f"/api/v1/articles/{item['slug']}", item["slug"], 10) is not None,
          "primary back: a new publication is delivered through the standby again")
    figures.append(("primary restarted → writes served again (ms)", f"{(time.monotonic() - back) * 1000:.0f}"))

    finish()

if __name__ == "__main__":
    main()
