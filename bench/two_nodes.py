#!/usr/bin/env python3
"""Two API nodes over one PostgreSQL, checked the way a load balancer's clients would see them (standard library only).

Run by bench/two-nodes.sh; reads NODE_A, NODE_B, ADMIN_EMAIL, ADMIN_PASSWORD, PARTNER_LIMIT from the environment.
Prints what it measured and exits 1 when a check fails.
"""
import http.server, json, os, threading, time
from datetime import datetime, timedelta, timezone

import checks
from checks import check, figures, finish

NODES = {"A": os.environ["NODE_A"], "B": os.environ["NODE_B"]}
PARTNER_LIMIT = int(os.environ["PARTNER_LIMIT"])


def request(node, *args, **kwargs):
    return checks.request(NODES[node], *args, **kwargs)


def call(node, *args, **kwargs):
    return checks.call(NODES[node], *args, **kwargs)


def draft(title):
    return checks.draft(title, "Écrit pendant la vérification à deux nœuds.")


def sign_in(node, email, password):
    return request(node, "POST", "/api/v1/auth/token", {"email": email, "password": password})


def main():
    status, _, payload = sign_in("A", os.environ["ADMIN_EMAIL"], os.environ["ADMIN_PASSWORD"])
    session = json.loads(payload)
    bearer = {"Authorization": f"Bearer {session['accessToken']}"}

    # ---- sessions: one node's token works on the other; a logout on one stops it on both ------------------------
    check(request("B", "GET", "/api/v1/manage/users", headers=bearer)[0] == 200, "a token issued by node A is accepted by node B")
    other = json.loads(sign_in("B", os.environ["ADMIN_EMAIL"], os.environ["ADMIN_PASSWORD"])[2])
    other_bearer = {"Authorization": f"Bearer {other['accessToken']}"}
    refreshed = request("A", "POST", "/api/v1/auth/refresh", {"refreshToken": other["refreshToken"]})
    check(refreshed[0] == 200, "a session opened on node B refreshes on node A")
    other = json.loads(refreshed[2])
    other_bearer = {"Authorization": f"Bearer {other['accessToken']}"}
    check(request("B", "POST", "/api/v1/auth/logout", {"refreshToken": other["refreshToken"]})[0] == 204, "logout on node B")
    check(request("A", "GET", "/api/v1/manage/users", headers=other_bearer)[0] == 401,
          "node A refuses at once the access token of a session ended on node B")

    # ---- sign-in lockout is kept in the database: failures on both nodes add up -----------------------------------
    victim = f"personne-{time.time_ns()}@example.org"
    answers = [sign_in("AB"[i % 2], victim, "pas le bon mot de passe")[0] for i in range(12)]
    check(answers[:4] == [401] * 4 and 429 in answers[4:], f"failed sign-ins alternating between nodes count as one series ({answers})")

    # ---- the output caches: a publication on A shows on B at once (LISTEN/NOTIFY), not after the cache lifetime ----
    lags = []
    for round_ in range(10):
        list_path = "/api/v1/articles?limit=5"
        request("B", "GET", list_path)
        cached = request("B", "GET", list_path)[1].get("age") is not None
        item = call("A", "POST", "/api/v1/manage/articles", draft(f"Publié sur A, tour {round_}"), bearer)
        call("A", "POST", f"/api/v1/manage/articles/{item['id']}/publish", None, bearer)
        published = time.monotonic()
        while time.monotonic() - published < 10:
            if item["slug"].encode() in request("B", "GET", list_path)[2]:
                lags.append((time.monotonic() - published) * 1000)
                break
            time.sleep(0.005)
        else:
            lags.append(None)
        check(cached, f"round {round_}: node B's list was served from its cache before the publication")
    seen = [lag for lag in lags if lag is not None]
    check(len(seen) == len(lags) and max(seen) < 1000, "every publication on A was in node B's cached list within 1 s")
    if seen:
        figures.append(("publication on A → visible in B's cached list (ms)", f"median {sorted(seen)[len(seen) // 2]:.0f}, max {max(seen):.0f} (cache lifetime 10,000)"))

    # ---- webhooks: each change is delivered once, though both nodes send deliveries -------------------------------
    received, lock = [], threading.Lock()

    class Receiver(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()
            with lock:
                received.append((self.headers["webhook-id"], json.loads(body)))

        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    hook = call("A", "POST", "/api/v1/manage/webhooks", {
        "url": f"http://127.0.0.1:{server.server_address[1]}/vivapolis", "description": "Deux nœuds",
        "events": ["published"], "contentTypes": ["article"]}, bearer)
    ids = []
    for i in range(20):
        node = "AB"[i % 2]
        item = call(node, "POST", "/api/v1/manage/articles", draft(f"Webhook {i}"), bearer)
        call(node, "POST", f"/api/v1/manage/articles/{item['id']}/publish", None, bearer)
        ids.append(item["id"])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(received) < len(ids):
        time.sleep(0.1)
    time.sleep(3)  # a second delivery of the same message would come now
    message_ids = [message for message, _ in received]
    check(len(received) == len(ids) and len(set(message_ids)) == len(ids),
          f"20 publications, 20 deliveries with 20 distinct webhook-ids (got {len(received)}, {len(set(message_ids))} distinct)")
    call("A", "DELETE", f"/api/v1/manage/webhooks/{hook['webhook']['id']}", None, bearer)

    # ---- scheduled publications happen once, whichever node's scheduler gets there first -------------------------
    at = (datetime.now(timezone.utc) + timedelta(seconds=4)).isoformat()
    scheduled = []
    for i in range(10):
        item = call("AB"[i % 2], "POST", "/api/v1/manage/articles", draft(f"Programmé {i}"), bearer)
        call("AB"[i % 2], "POST", f"/api/v1/manage/articles/{item['id']}/schedule", {"publishAt": at}, bearer)
        scheduled.append(item)
    deadline = time.monotonic() + 40
    pending = {item["slug"] for item in scheduled}
    while pending and time.monotonic() < deadline:
        pending = {slug for slug in pending if request("AB"[len(pending) % 2], "GET", f"/api/v1/articles/{slug}")[0] != 200}
        time.sleep(0.5)
    check(not pending, "10 scheduled articles were published on time")
    twice = 0
    for item in scheduled:
        revisions = call("A", "GET", f"/api/v1/manage/articles/{item['id']}/revisions?limit=100", None, bearer)
        actions = [r["action"] for r in (revisions["items"] if isinstance(revisions, dict) else revisions)]
        twice += actions.count("published") != 1
    check(twice == 0, "each scheduled article has exactly one publication in its history")

    # ---- rate limits are per node (in memory), as documented ----------------------------------------------------------
    key = call("A", "POST", "/api/v1/manage/api-keys", {"name": "Deux nœuds", "scopes": ["sync:read"]}, bearer)["key"]
    partner = {"X-Api-Key": key}
    answers_a = [request("A", "GET", "/api/v1/themes", headers=partner)[0] for _ in range(PARTNER_LIMIT + 5)]
    answer_b = request("B", "GET", "/api/v1/themes", headers=partner)[0]
    check(429 in answers_a and answer_b == 200,
          f"partner limit {PARTNER_LIMIT}/min per key: node A says 429 past it, node B still answers 200 (limits are per node)")

    finish()

if __name__ == "__main__":
    main()
