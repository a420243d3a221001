// The SPA's type names are the API's: read from the contract's own list of content types (openapi.yaml's
// description, written from the API's registry), so a renamed or added type shows here rather than in the audit
// log's filter or a webhook's subscription.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentTypes, specOfTypeName } from './registry.js';

const contract = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../openapi.yaml'), 'utf8');
const listed = Object.fromEntries([...contract.matchAll(/- `([a-z-]+)`: `\/api\/v1\/([a-z-]+)`/g)].map((m) => [m[2]!, m[1]!]));

describe('the content type registry', () => {
  it('names each type as the contract does, segment by segment', () => {
    expect(Object.keys(listed).length).toBeGreaterThan(0);
    expect(Object.fromEntries(contentTypes.map((t) => [t.segment, t.typeName]))).toEqual(listed);
  });

  it('finds a type by that name, and nothing by a segment', () => {
    expect(specOfTypeName('advertiser-contact')?.segment).toBe('advertiser-contacts');
    expect(specOfTypeName('articles')).toBeUndefined();
  });
});
