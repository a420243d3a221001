#!/usr/bin/env python3
"""The aggregator's figures, measured the way the aggregator would get them (standard library only).

Run by bench/aggregator.sh against an API it started; reads API, ADMIN_EMAIL, ADMIN_PASSWORD, API_PID, WRITERS,
WRITES (per writer), EXPECTED (items of the initial sync) from the environment, prints one table, and exits 1 when
a check fails (a missing item, a bad signature, a lost change).
"""
import base64, hashlib, hmac, http.client, http.server, json, os, statistics, sys, threading, time, urllib.parse
from datetime import datetime

API = urllib.parse.urlsplit(os.environ["API"])
API_PID = int(os.environ["API_PID"])
WRITERS = int(os.environ.get("WRITERS", "8"))
WRITES = int(os.environ.get("WRITES", "40"))
EXPECTED = int(os.environ.get("EXPECTED", "100000"))
failures = []


def connection():
    return http.client.HTTPConnection(API.hostname, API.port, timeout=30)


def call(conn, method, path, body=None, headers=None, parsing=None):
    data = None if body is None else json.dumps(body).encode()
    head = {"Content-Type": "application/json"} if data is not None else {}
    head.update(headers or {})
    conn.request(method, path, body=data, headers=head)
    response = conn.getresponse()
    payload = response.read()
    if response.status >= 300:
        raise RuntimeError(f"{method} {path}: {response.status} {payload[:300]!r}")
    started = time.monotonic()
    parsed = json.loads(payload) if payload else None
    if parsing is not None:
        parsing[0] += time.monotonic() - started
    return parsed


def rss_mb():
    with open(f"/proc/{API_PID}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class Peak(threading.Thread):
    """Samples the API's resident memory every 50 ms while it runs."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak, self.running = rss_mb(), True

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss_mb())
            time.sleep(0.05)


# ---- the receiver's signature check, exactly as the README gives it ------------------------------------------------
def verified(secret: str, headers, body: bytes) -> bool:
    """secret: the webhook's whsec_… ; headers: the request's (lower-case names); body: the raw bytes received."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    msg_id, timestamp = headers["webhook-id"], headers["webhook-timestamp"]
    if abs(time.time() - int(timestamp)) > 300:
        return False                                        # too old or too new: a replay
    signed = msg_id.encode() + b"." + timestamp.encode() + b"." + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(expected, sig[3:]) for sig in headers["webhook-signature"].split() if sig.startswith("v1,"))


def changed_at(text):
    return datetime.fromisoformat(text).timestamp()


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def main():
    admin = connection()
    token = call(admin, "POST", "/api/v1/auth/token",
                 {"email": os.environ["ADMIN_EMAIL"], "password": os.environ["ADMIN_PASSWORD"]})["accessToken"]
    bearer = {"Authorization": f"Bearer {token}"}
    key = call(admin, "POST", "/api/v1/manage/api-keys", {"name": "Banc d'essai", "scopes": ["sync:read"]}, bearer)["key"]
    partner = {"X-Api-Key": key}

    # ---- 1. Initial sync -----------------------------------------------------------------------------------------
    rss_before = rss_mb()
    peak = Peak()
    peak.start()
    sync = connection()
    seen, pages, next_token, parsing = {}, 0, None, [0.0]
    started = time.monotonic()
    while True:
        query = {"limit": 1000, **({"token": next_token} if next_token else {})}
        page = call(sync, "GET", "/api/v1/sync?" + urllib.parse.urlencode(query), headers=partner, parsing=parsing)
        pages += 1
        for entry in page["entries"]:
            seen[(entry["type"], entry["id"])] = entry["version"]
        next_token = page["next"]
        if not page["hasMore"]:
            break
    initial = time.monotonic() - started
    peak.running = False
    peak.join()
    rss_after = rss_mb()
    if len(seen) != EXPECTED:
        failures.append(f"initial sync: {len(seen)} items, not {EXPECTED}")
    types = {}
    for (kind, _) in seen:
        types[kind] = types.get(kind, 0) + 1

    # ---- 2. 8 writers; a mirror pulling the feed; a webhook receiver -----------------------------------------------
    received, lock = [], threading.Lock()
    secret_box = {}

    class Receiver(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as a real receiver's server would

        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            now = time.time()
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()
            headers = {k.lower(): v for k, v in self.headers.items()}
            with lock:
                received.append((now, headers, body))

        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        request_queue_size = 128  # the default backlog of 5 refuses connections under 8 parallel deliveries
        daemon_threads = True

    server = Server(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    hook = call(admin, "POST", "/api/v1/manage/webhooks", {
        "url": f"http://127.0.0.1:{server.server_address[1]}/vivapolis", "description": "Banc d'essai",
        "events": ["published"], "contentTypes": ["article"]}, bearer)
    secret_box["secret"] = hook["secret"]

    published, publish_times, stop = {}, [], threading.Event()
    visible = {}

    def writer(n):
        conn = connection()
        for i in range(WRITES):
            created = call(conn, "POST", "/api/v1/manage/articles", {
                "locale": "fr", "title": f"Banc d'essai, rédacteur {n}, article {i} {time.time_ns()}",
                "standfirst": "Un article écrit pendant la mesure.", "rubric": "Écosystème", "authors": ["Banc d'essai"],
                "body": "<p>Mesure de la synchronisation.</p>", "themes": ["mobilite"]}, bearer)
            sent = time.monotonic()
            item = call(conn, "POST", f"/api/v1/manage/articles/{created['id']}/publish", None, bearer)
            with lock:
                publish_times.append(time.monotonic() - sent)
                published[item["id"]] = True

    def mirror():
        conn, token = connection(), next_token
        while True:
            page = call(conn, "GET", "/api/v1/sync?" + urllib.parse.urlencode({"limit": 1000, "token": token}), headers=partner)
            now = time.time()
            for entry in page["entries"]:
                if entry["kind"] == "published" and entry["id"] not in visible:
                    visible[entry["id"]] = now - changed_at(entry["changedAt"])
            token = page["next"]
            if not page["hasMore"]:
                if stop.is_set():
                    return
                time.sleep(0.02)

    puller = threading.Thread(target=mirror, daemon=True)
    puller.start()
    writers = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    load_started = time.monotonic()
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    writing = time.monotonic() - load_started
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (len(visible) < len(published) or len(received) < len(published)):
        time.sleep(0.05)
    stop.set()
    puller.join(timeout=10)
    server.shutdown()

    expected_writes = WRITERS * WRITES
    if len(published) != expected_writes:
        failures.append(f"{len(published)} publications acknowledged, not {expected_writes}")
    missing = [i for i in published if i not in visible]
    if missing:
        failures.append(f"{len(missing)} publications never seen in the sync feed")
    hooks, bad = {}, 0
    for at, headers, body in received:
        if not verified(secret_box["secret"], headers, body):
            bad += 1
            continue
        data = json.loads(body)["data"]
        hooks.setdefault(data["id"], at - changed_at(data["changedAt"]))
    if bad:
        failures.append(f"{bad} webhook requests failed the signature check")
    if set(hooks) != set(published):
        failures.append(f"{len(set(published) - set(hooks))} publications without a webhook")
    duplicates = len(received) - len({h["webhook-id"] for _, h, _ in received})

    retried, errors, cursor = 0, {}, None
    while True:
        page = call(admin, "GET", f"/api/v1/manage/webhooks/{hook['webhook']['id']}/deliveries?" +
                    urllib.parse.urlencode({"limit": 100, **({"cursor": cursor} if cursor else {})}), headers=bearer)
        for delivery in page["items"]:
            if delivery["attempts"] > 1 or delivery["status"] != "delivered":
                retried += 1
                errors[delivery["lastError"] or "delivered on a retry"] = errors.get(delivery["lastError"] or "delivered on a retry", 0) + 1
        cursor = page["next"]
        if not cursor:
            break

    sync_latency = [visible[i] for i in published if i in visible]
    hook_latency = [hooks[i] for i in published if i in hooks]

    def ms(seconds):
        return f"{seconds * 1000:.0f} ms"

    rows = [
        ("initial sync", f"{len(seen):,} items ({', '.join(f'{n:,} {t}' for t, n in sorted(types.items()))}) in {pages} pages of 1000",
         f"{initial:.1f} s, {len(seen) / initial:,.0f} items/s (of which {parsing[0]:.1f} s parsing JSON here)", "< 20 s"),
        ("API RSS (initial sync)", f"before {rss_before:.0f} MB, peak {peak.peak:.0f} MB, after {rss_after:.0f} MB", "", ""),
        ("writes", f"{WRITERS} writers x {WRITES} (create + publish), {len(published) / writing:.1f} publications/s",
         f"publish p50 {ms(statistics.median(publish_times))}, p99 {ms(percentile(publish_times, 99))}", ""),
        ("commit -> visible in sync", f"{len(sync_latency)} publications, mirror pulling every 20 ms when idle",
         f"p50 {ms(statistics.median(sync_latency))}, p99 {ms(percentile(sync_latency, 99))}, max {ms(max(sync_latency))}", "p99 < 1 s"),
        ("webhook end to end", f"{len(hook_latency)} deliveries, signatures verified, {duplicates} repeated webhook-id, {retried} retried",
         f"p50 {ms(statistics.median(hook_latency))}, p99 {ms(percentile(hook_latency, 99))}, max {ms(max(hook_latency))}", "p99 < 2 s"),
    ]
    width = [max(len(r[i]) for r in rows + [("figure", "what", "result", "target")]) for i in range(4)]
    for row in [("figure", "what", "result", "target"), tuple("-" * w for w in width)] + rows:
        print(" | ".join(cell.ljust(width[i]) for i, cell in enumerate(row)))
    print("\nLatencies run from the change's changedAt (the API's clock, set as it commits) to the moment the mirror "
          "read it in a page, or the receiver got the request (the same machine's clock).")
    for error, count in errors.items():
        print(f"retried deliveries: {count} x {error}")
    for failure in failures:
        print("CHECK FAILED:", failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
