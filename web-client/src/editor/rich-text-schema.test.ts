// The rich text editor produces only HTML the API keeps: every node and mark of its schema is serialised, and
// each tag and attribute must be in the allow-list of api/Content/RichText.cs, read from the C# source itself.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { DOMSerializer, type Node as PmNode } from '@tiptap/pm/model';
import { extensions } from './rich-text-engine.js';

const source = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../api/Content/RichText.cs'), 'utf8');
const setOf = (name: string) => {
  const block = new RegExp(`${name} = new HashSet<string>\\([^)]*\\)\\s*\\{([^}]*)\\}`).exec(source)?.[1] ?? '';
  return new Set([...block.matchAll(/"([a-z0-9]+)"/g)].map((m) => m[1]!));
};
const allowedTags = setOf('AllowedTags');
const allowedAttributes = setOf('AllowedAttributes');

describe('the rich text schema', () => {
  it('reads the allow-list from the API', () => {
    expect(allowedTags.has('p')).toBe(true);
    expect(allowedAttributes.has('href')).toBe(true);
  });

  it('serialises every node and mark to allowed tags and attributes only', () => {
    const schema = getSchema(extensions);
    const text = (marks: string[] = []) => schema.text('mot', marks.map((m) => schema.marks[m]!.create(m === 'link' ? { href: 'https://example.org' } : {})));
    const nodes: PmNode[] = [];
    for (const [name, type] of Object.entries(schema.nodes)) {
      if (name === 'doc' || name === 'text') continue;
      const content = type.contentMatch.defaultType;
      const attrs = name === 'heading' ? { level: 2 } : {};
      if (type.isLeaf) nodes.push(type.create(attrs));
      else if (type.inlineContent) nodes.push(type.create(attrs, [text(Object.keys(schema.marks))]));
      else if (content) nodes.push(type.createAndFill(attrs)!);
    }
    const host = document.createElement('div');
    const serializer = DOMSerializer.fromSchema(schema);
    for (const node of nodes) host.append(serializer.serializeNode(node));

    const tags = new Set([...host.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()));
    const attributes = new Set([...host.querySelectorAll('*')].flatMap((e) => e.getAttributeNames()));
    expect([...tags].filter((t) => !allowedTags.has(t))).toEqual([]);
    expect([...attributes].filter((a) => !allowedAttributes.has(a))).toEqual([]);
    expect([...tags]).toEqual(expect.arrayContaining(['p', 'h2', 'strong', 'em', 'u', 's', 'a', 'ul', 'ol', 'li', 'blockquote']));
  });
});
