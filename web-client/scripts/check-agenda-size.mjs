// The size budget of the partner widget: dist-agenda/agenda.js (Lit included) at most 10 kB gzipped.
//   npm run build:agenda && npm run size:agenda
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const BUDGET = 10_000; // bytes, gzip level 9
const file = new URL('../dist-agenda/agenda.js', import.meta.url);
const code = readFileSync(file);
const gzip = gzipSync(code, { level: 9 }).length;
const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`agenda.js: ${code.length} bytes, ${gzip} bytes gzip -9, ${brotli} bytes brotli; budget ${BUDGET} bytes gzip`);
if (gzip > BUDGET) {
  console.error(`agenda.js is ${gzip - BUDGET} bytes over its budget`);
  process.exit(1);
}
