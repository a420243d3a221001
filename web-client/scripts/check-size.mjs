// Prints the gzip size of each script of dist/ and fails when one is over its budget. Run after `npm run build`.
// The app's entry is what every screen waits for; the rich text engine (Tiptap, ProseMirror) is loaded only when
// a form with rich text opens. Budgets are gzip kB, a little above today's sizes: a change that needs more says so
// here, on purpose. A script without a budget (another entry) is listed, not failed: give it one here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'assets');
const BUDGETS = [
  { name: 'app entry (index)', match: /^index-.*\.js$/, kB: 60 },
  { name: 'rich text engine (loaded on demand)', match: /^rich-text-engine-.*\.js$/, kB: 135 },
  // The library screen, the picker, the upload and the alt text form: loaded by the first screen that shows one.
  { name: 'media library elements (loaded on demand)', match: /^media-elements-.*\.js$/, kB: 10 },
  // The webhooks screens and their strings: loaded on an administrator's first visit to « Webhooks ».
  { name: 'webhooks screens (loaded on demand)', match: /^webhooks-elements-.*\.js$/, kB: 10 },
];
const TOTAL_KB = 200;

const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
let total = 0;
let over = false;
for (const file of files) {
  const kB = gzipSync(readFileSync(join(assets, file)), { level: 9 }).length / 1000;
  total += kB;
  const budget = BUDGETS.find((b) => b.match.test(file));
  const verdict = budget ? (kB <= budget.kB ? `within ${budget.kB} kB` : `OVER ${budget.kB} kB`) : 'no budget';
  if (budget && kB > budget.kB) over = true;
  console.log(`${file.padEnd(36)} ${kB.toFixed(1).padStart(6)} kB gzip  ${budget?.name ?? ''} (${verdict})`);
}
for (const budget of BUDGETS) {
  if (!files.some((f) => budget.match.test(f))) {
    console.log(`missing: ${budget.name}`);
    over = true;
  }
}
console.log(`${'total'.padEnd(36)} ${total.toFixed(1).padStart(6)} kB gzip  (${total <= TOTAL_KB ? `within ${TOTAL_KB} kB` : `OVER ${TOTAL_KB} kB`})`);
if (over || total > TOTAL_KB) {
  console.error('check:size: over budget, or a budgeted script is missing (scripts/check-size.mjs)');
  process.exit(1);
}
