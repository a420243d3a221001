// Fails when src/api/schema.d.ts or src/api/bounds.ts is not what `npm run gen:api` makes from ../openapi.yaml
// today: the client must be typed (and its counters bounded) from the committed contract, not from an older one.
import { execFileSync } from 'node:child_process';
import { boundsModule } from './gen-bounds.mjs';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const spec = join(root, '..', 'openapi.yaml');
const committed = join(root, 'src', 'api', 'schema.d.ts');

if (!existsSync(spec)) {
  console.error(`check:api: ${spec} does not exist`);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'vivapolis-schema-'));
try {
  const fresh = join(dir, 'schema.d.ts');
  execFileSync(join(root, 'node_modules', '.bin', 'openapi-typescript'), [spec, '-o', fresh], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (readFileSync(fresh, 'utf8') !== readFileSync(committed, 'utf8')) {
    console.error('check:api: src/api/schema.d.ts is out of date with ../openapi.yaml: run `npm run gen:api` and commit it.');
    process.exit(1);
  }
  if (boundsModule(readFileSync(spec, 'utf8')) !== readFileSync(join(root, 'src', 'api', 'bounds.ts'), 'utf8')) {
    console.error('check:api: src/api/bounds.ts is out of date with ../openapi.yaml: run `npm run gen:api` and commit it.');
    process.exit(1);
  }
  console.log('check:api: src/api/schema.d.ts and src/api/bounds.ts match ../openapi.yaml');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
