#!/usr/bin/env node
// The load the fault scripts put on the API: writers that create, edit and publish articles through the real HTTP
// API, readers of delivery lists and items, searchers, and (--syncers, with --api-key) change-feed pullers. Every write the API acknowledges (2xx) is appended to a
// ledger (CSV: id,version,action,title) as soon as the answer arrives, so the scripts can check afterwards that
// the database holds each one. Runs until --duration seconds have passed or SIGTERM/SIGINT, then writes a summary
// (JSON) of what it sent and what came back: statuses, network errors, timeouts, latencies.
//
//   node load.mjs --api http://127.0.0.1:5080 --writers 8 --readers 2 --searchers 1 --duration 60 \
//     --ledger ledger.csv --summary summary.json [--email editor@example.org --password …]
//
// A writer owns its items, so a 412 means that a write of its own was committed without its answer (the API was
// killed, or the database went away, between the commit and the response): it reloads the item and goes on.
import { appendFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: {
    api: { type: 'string' },
    writers: { type: 'string', default: '8' },
    readers: { type: 'string', default: '0' },
    searchers: { type: 'string', default: '0' },
    syncers: { type: 'string', default: '0' },
    'api-key': { type: 'string' },
    duration: { type: 'string', default: '0' },
    ledger: { type: 'string' },
    summary: { type: 'string' },
    email: { type: 'string', default: 'editor@example.org' },
    password: { type: 'string', default: 'vivapolis-editor-demo' },
    timeout: { type: 'string', default: '15' },
    'publish-every': { type: 'string', default: '4' },
    'edits-per-item': { type: 'string', default: '6' },
  },
});
const api = opt.api ?? fail('--api is required');
const timeoutMs = Number(opt.timeout) * 1000;
const publishEvery = Number(opt['publish-every']);
const editsPerItem = Number(opt['edits-per-item']);
const run = Math.random().toString(36).slice(2, 8);
let stopping = false;
const started = performance.now();

function fail(message) {
  console.error(message);
  process.exit(2);
}

// ---- what came back ----------------------------------------------------------------------------------------
const stats = { requests: 0, byStatus: {}, network: 0, timeouts: 0, byKind: {} };
const latencies = {}; // "kind status" -> ms[]
function record(kind, outcome, ms) {
  stats.requests++;
  stats.byStatus[outcome] = (stats.byStatus[outcome] ?? 0) + 1;
  const k = (stats.byKind[kind] ??= {});
  k[outcome] = (k[outcome] ?? 0) + 1;
  (latencies[`${kind} ${outcome}`] ??= []).push(ms);
}

async function send(kind, method, path, { body, headers = {}, token, apiKey } = {}) {
  const t0 = performance.now();
  try {
    const response = await fetch(api + path, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(apiKey ? { 'x-api-key': apiKey } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    record(kind, String(response.status), performance.now() - t0);
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: response.status, json, etag: response.headers.get('etag'), retryAfter: response.headers.get('retry-after') };
  } catch (e) {
    const timeout = e.name === 'TimeoutError';
    record(kind, timeout ? 'timeout' : 'network', performance.now() - t0);
    if (timeout) stats.timeouts++; else stats.network++;
    return { status: 0, json: null, etag: null };
  }
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// After a refusal that says "come back later" (503, 429) or no answer at all: wait a little, never spin.
const backoff = (r) => pause(r.status === 0 ? 200 : Math.min(1000, Number(r.retryAfter ?? 0.2) * 100));

// ---- signing in (again after an outage or a restart: sessions survive, tokens are re-checked) ---------------
let token = null;
let signingIn = null;
async function signIn() {
  signingIn ??= (async () => {
    while (!stopping) {
      const r = await send('sign-in', 'POST', '/api/v1/auth/token', { body: { email: opt.email, password: opt.password } });
      if (r.status === 200) { token = r.json.accessToken; break; }
      await backoff(r);
    }
    signingIn = null;
  })();
  return signingIn;
}

// ---- writers --------------------------------------------------------------------------------------------------
const ack = (id, version, action, title) => {
  stats.acknowledged = (stats.acknowledged ?? 0) + 1;
  if (opt.ledger) appendFileSync(opt.ledger, `${id},${version},${action},"${title.replaceAll('"', '""')}"\n`);
};

function article(title, slug) {
  return {
    title, slug,
    standfirst: 'Un chapô écrit sous charge, pour vérifier que rien ne se perd.',
    body: `<p>${title} : un paragraphe de texte, assez long pour ressembler à un article.</p>`.repeat(3),
    themes: ['mobilite'],
    tags: ['charge'],
  };
}

async function writer(n) {
  let item = null; // { id, slug, etag, version, edits }
  let counter = 0;
  while (!stopping) {
    if (!token) { await signIn(); continue; }
    if (!item || item.edits >= editsPerItem) {
      const slug = `charge-${run}-${n}-${++counter}`;
      const title = `Charge ${run} écrivain ${n} article ${counter}`;
      const r = await send('create', 'POST', '/api/v1/manage/articles', { body: article(title, slug), token });
      if (r.status === 201) {
        item = { id: r.json.id, slug, etag: r.etag, version: r.json.version, edits: 0 };
        ack(item.id, item.version, 'created', title);
      } else if (r.status === 401) token = null;
      else if (r.status === 409) counter++; // the slug was taken by a create committed without its answer
      else await backoff(r);
      continue;
    }
    const publish = publishEvery > 0 && item.edits % publishEvery === publishEvery - 1;
    const title = `Charge ${run} écrivain ${n} article ${counter} version ${item.version + 1}`;
    const r = publish
      ? await send('publish', 'POST', `/api/v1/manage/articles/${item.id}/publish`, { headers: { 'if-match': item.etag }, token })
      : await send('edit', 'PUT', `/api/v1/manage/articles/${item.id}`, { body: article(title, item.slug), headers: { 'if-match': item.etag }, token });
    if (r.status === 200) {
      item.version = r.json.version;
      item.etag = r.etag;
      item.edits++;
      ack(item.id, item.version, publish ? 'published' : 'edited', r.json.content.title);
    } else if (r.status === 412) {
      const current = await send('reload', 'GET', `/api/v1/manage/articles/${item.id}`, { token });
      if (current.status === 200) { item.version = current.json.version; item.etag = current.etag; }
      else await backoff(current);
    } else if (r.status === 401) token = null;
    else await backoff(r);
  }
}

// ---- readers and searchers (anonymous) ------------------------------------------------------------------------
const terms = ['ville', 'mobilité', 'énergie', 'quartier', 'eau', 'charge', 'rénovation', 'territoire'];
async function reader(n) {
  let slugs = [];
  let i = 0;
  while (!stopping) {
    i++;
    if (i % 3 === 1 || slugs.length === 0) {
      // Each list request is a different query, so the output cache does not answer them all.
      const r = await send('list', 'GET', `/api/v1/articles?limit=${10 + (i % 10)}&theme=mobilite`);
      if (r.status === 200) slugs = r.json.items.map((x) => x.slug);
      else await backoff(r);
    } else {
      const slug = slugs[(i * 7 + n) % slugs.length];
      const r = await send('item', 'GET', `/api/v1/articles/${encodeURIComponent(slug)}`);
      if (r.status !== 200 && r.status !== 404) await backoff(r); // 404: a slug that was renamed meanwhile
    }
  }
}

async function searcher(n) {
  let i = n;
  while (!stopping) {
    const q = `${terms[i++ % terms.length]} ${terms[(i * 3) % terms.length]}`;
    const r = await send('search', 'GET', `/api/v1/search?q=${encodeURIComponent(q)}&types=article,fiche,event`);
    if (r.status !== 200) await backoff(r);
  }
}

// A partner's mirror (the change feed of DESIGN.md: GET /api/v1/sync, then ?token=next): the initial sync page
// by page, then incremental pulls.
async function syncer() {
  let next = null;
  while (!stopping) {
    const r = await send('sync', 'GET', `/api/v1/sync${next ? `?token=${encodeURIComponent(next)}` : ''}`, { apiKey: opt['api-key'] });
    if (r.status !== 200) { await backoff(r); continue; }
    next = r.json.next ?? next;
    if (!r.json.hasMore) await pause(500);
  }
}

// ---- run, stop, summary -----------------------------------------------------------------------------------------
function percentile(sorted, p) {
  return sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary() {
  const seconds = (performance.now() - started) / 1000;
  const latency = {};
  for (const [key, list] of Object.entries(latencies)) {
    const sorted = list.sort((a, b) => a - b);
    latency[key] = { n: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1)) };
  }
  return { seconds: round(seconds), ...stats, perSecond: round(stats.requests / seconds), latencyMs: latency };
}
const round = (x) => (x == null ? null : Math.round(x * 10) / 10);

const stop = () => { stopping = true; };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (Number(opt.duration) > 0) setTimeout(stop, Number(opt.duration) * 1000);

const workers = [
  ...Array.from({ length: Number(opt.writers) }, (_, i) => writer(i)),
  ...Array.from({ length: Number(opt.readers) }, (_, i) => reader(i)),
  ...Array.from({ length: Number(opt.searchers) }, (_, i) => searcher(i)),
  ...Array.from({ length: Number(opt.syncers) }, () => syncer()),
];
await Promise.all(workers);
const result = summary();
if (opt.summary) writeFileSync(opt.summary, JSON.stringify(result, null, 2));
else console.log(JSON.stringify(result, null, 2));
