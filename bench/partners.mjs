// Figures of the partner-site features, against a running API (bench/partners.sh starts one):
//   - feed generation: GET /feeds/events.ics with 500 events, each request a new cache key (uncached)
//   - script load to events painted: <vivapolis-agenda> on a page of another origin, in Chromium, cache off
//
//   BENCH_API=http://127.0.0.1:5099 BENCH_EMAIL=admin@example.org BENCH_PASSWORD=… node bench/partners.mjs
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(new URL('../web-client/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const api = process.env.BENCH_API.replace(/\/+$/, '');
const EVENTS = Number(process.env.BENCH_EVENTS ?? 500);
const FEED_RUNS = Number(process.env.BENCH_FEED_RUNS ?? 30);
const PAINT_RUNS = Number(process.env.BENCH_PAINT_RUNS ?? 15);

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (v) => `${v.toFixed(1)} ms`;

async function json(method, path, token, body) {
  const response = await fetch(api + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** EVENTS published events in 2031, in three zones, some all day, some cancelled: what the feed must write. */
async function seed() {
  const { accessToken } = await json('POST', '/api/v1/auth/token', null, { email: process.env.BENCH_EMAIL, password: process.env.BENCH_PASSWORD });
  const zones = ['Europe/Paris', 'America/Toronto', 'Indian/Reunion'];
  let next = 0;
  async function worker() {
    while (next < EVENTS) {
      const i = next++;
      const day = new Date(Date.UTC(2031, 0, 1 + (i % 360)));
      const date = day.toISOString().slice(0, 10);
      const allDay = i % 7 === 0;
      const content = {
        title: `Matinale de banc d'essai n° ${i} : mobilités, énergie et services urbains`,
        kind: ['matinale', 'conference', 'atelier', 'visite'][i % 4],
        summary: 'Une matinée d’échanges entre collectivités, entreprises et associations du réseau, avec trois retours d’expérience.',
        description: '<p>Accueil à 8 h 30, table ronde à 9 h, questions de la salle ; <strong>inscription obligatoire</strong>.</p><ul><li>Premier temps</li><li>Second temps</li></ul>',
        start: allDay ? date : `${date}T09:00:00`,
        end: allDay ? date : `${date}T11:30:00`,
        allDay,
        timeZone: zones[i % 3],
        venue: { name: 'Maison de la ville durable', address: '12 rue des Tanneurs', postalCode: '75013', city: 'Paris', regionCode: '11', latitude: 48.83, longitude: 2.35 },
        organizer: { name: 'Réseau Vivapolis', url: 'https://vivapolis.example.org' },
        registrationUrl: 'https://vivapolis.example.org/inscription',
        price: { free: true, amount: null, details: null },
        eventStatus: i % 25 === 0 ? 'cancelled' : 'scheduled',
        themes: ['mobilite', 'energie'],
      };
      const created = await json('POST', '/api/v1/manage/events', accessToken, content);
      await json('POST', `/api/v1/manage/events/${created.id}/publish`, accessToken);
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: 6 }, worker));
  return performance.now() - started;
}

async function feedFigures() {
  const times = [];
  let bytes = 0;
  let count = 0;
  for (let run = 0; run <= FEED_RUNS; run++) {
    // A new `to` each time (one second later): a new output-cache key, so every request is generated anew.
    const to = new Date(Date.UTC(2032, 0, 1, 0, 0, run)).toISOString().replace('.000Z', 'Z');
    const started = performance.now();
    const response = await fetch(`${api}/feeds/events.ics?from=2031-01-01&to=${to}`);
    const text = await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`feed: ${response.status}`);
    if (run === 0) continue; // the first one warms the JIT
    times.push(elapsed);
    bytes = Buffer.byteLength(text);
    count = text.split('BEGIN:VEVENT').length - 1;
  }
  return { count, bytes, median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

async function paintFigures() {
  const script = `${api}/embed/agenda.js`;
  const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Banc d'essai</title>
    <script>performance.mark('page');</script>
    <script type="module" src="${script}"></script></head>
    <body><vivapolis-agenda from="2031-01-01" limit="10"></vivapolis-agenda></body></html>`;
  const server = createServer((_, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const userDataDir = mkdtempSync(join(tmpdir(), 'vivapolis-bench-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const toPaint = [];
  try {
    const tab = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    for (let run = 0; run <= PAINT_RUNS; run++) {
      await tab.goto(url);
      const figure = await tab.evaluate(async (scriptUrl) => {
        const element = document.querySelector('vivapolis-agenda');
        await new Promise((resolve) => {
          if (element.shadowRoot?.querySelector('li')) resolve();
          else document.addEventListener('vivapolis-agenda-load', resolve, { once: true });
        });
        // Painted: the frame after the one that laid the events out.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const painted = performance.now();
        const entry = performance.getEntriesByName(scriptUrl)[0];
        return { fetchStart: entry.startTime, painted, events: element.shadowRoot.querySelectorAll('li').length };
      }, script);
      if (figure.events === 0) throw new Error('no event painted');
      if (run === 0) continue;
      toPaint.push(figure.painted - figure.fetchStart);
    }
  } finally {
    await context.close();
    server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  return { median: quantile(toPaint, 0.5), p95: quantile(toPaint, 0.95) };
}

const seeding = await seed();
console.log(`seeded ${EVENTS} published events through the API in ${(seeding / 1000).toFixed(1)} s`);
const feed = await feedFigures();
const paint = await paintFigures();
console.log(`feed  GET /feeds/events.ics, ${feed.count} events, ${feed.bytes} bytes, uncached: median ${ms(feed.median)}, p95 ${ms(feed.p95)} (${FEED_RUNS} runs)`);
console.log(`paint <vivapolis-agenda>, 10 events, HTTP cache off: from the script's request to the events painted, ` +
  `median ${ms(paint.median)}, p95 ${ms(paint.p95)} (${PAINT_RUNS} runs)`);
