"""What the checking scripts of bench/ share (standard library only): HTTP calls, named checks, the closing report."""
import http.client, json, sys, time, urllib.parse

failures, figures = [], []


def check(ok, what):
    """Prints the check, and remembers it when it failed (finish() then exits 1)."""
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


def request(base, method, path, body=None, headers=None):
    """(status, headers with lower-case names, body bytes) of one request on a fresh connection to base (a URL)."""
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    data = None if body is None else json.dumps(body).encode()
    head = {"Content-Type": "application/json"} if data is not None else {}
    head.update(headers or {})
    conn.request(method, path, body=data, headers=head)
    response = conn.getresponse()
    payload = response.read()
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, payload


def call(base, method, path, body=None, headers=None):
    """The parsed JSON of a request that must succeed."""
    status, _, payload = request(base, method, path, body, headers)
    if status >= 300:
        raise RuntimeError(f"{base}: {method} {path}: {status} {payload[:300]!r}")
    return json.loads(payload) if payload else None


def draft(title, why):
    """A valid new article, its title made unique."""
    return {"locale": "fr", "title": f"{title} {time.time_ns()}", "standfirst": why, "rubric": "Écosystème",
            "authors": ["Banc d'essai"], "body": "<p>Écrit par un script de bench/.</p>", "themes": ["mobilite"]}


def finish():
    """Prints the figures and exits 1 if a check failed."""
    print()
    for name, value in figures:
        print(f"{name}: {value}")
    if failures:
        print(f"\n{len(failures)} check(s) failed", file=sys.stderr)
        sys.exit(1)
