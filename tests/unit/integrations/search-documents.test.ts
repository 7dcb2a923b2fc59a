import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchContentError, searchDocumentReader } from '../../../src/integrations/search-documents.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-search-content-'));
  mkdirSync(join(dir, 'assessments'));
  writeFileSync(join(dir, 'countries.json'), JSON.stringify([{ id: 'north-korea', name: 'North Korea' }, { id: 'japan', name: 'Japan' }]));
  writeFileSync(join(dir, 'topics.json'), JSON.stringify([{ id: 'arms-race', label: 'Arms race', keywords: ['arms race'] }]));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const mdx = (matter: string) => `---\n${matter}\n---\n\n## Key Judgments\n\nText.\n`;

describe('searchDocumentReader', () => {
  it('reads kind, date and the tags of the document and each section, by name', () => {
    writeFileSync(
      join(dir, 'assessments', 'x.mdx'),
      mdx(`title: X\nslug: x\nkind: assessment\npublished: 2024-06-19\ncountries: [north-korea, japan]\ntopics: [arms-race]\nsections:\n  - id: key-judgments\n    title: Key Judgments\n    countries: [japan]`),
    );
    expect(searchDocumentReader(dir)('x')).toEqual({
      slug: 'x',
      title: 'X',
      kind: 'Assessment',
      published: '2024-06-19',
      countries: ['North Korea', 'Japan'],
      topics: ['Arms race'],
      sections: [{ id: 'key-judgments', title: 'Key Judgments', countries: ['Japan'], topics: [] }],
    });
  });

  it('leaves the date out when the front matter has none', () => {
    writeFileSync(join(dir, 'assessments', 'y.mdx'), mdx('title: Y\nslug: y\nkind: article\nsections:\n  - id: a\n    title: A'));
    expect(searchDocumentReader(dir)('y').published).toBeUndefined();
  });

  it('names the file and the field when something is wrong', () => {
    writeFileSync(join(dir, 'assessments', 'z.mdx'), mdx('title: Z\nslug: z\nkind: memo\nsections: []'));
    expect(() => searchDocumentReader(dir)('z')).toThrow(SearchContentError);
    expect(() => searchDocumentReader(dir)('z')).toThrow(`${join(dir, 'assessments', 'z.mdx')}: front matter kind:`);
    writeFileSync(join(dir, 'assessments', 'w.mdx'), mdx('title: W\nslug: w\nkind: article\ncountries: [atlantis]\nsections:\n  - id: a\n    title: A'));
    expect(() => searchDocumentReader(dir)('w')).toThrow(`${join(dir, 'assessments', 'w.mdx')}: unknown country "atlantis" (not in content/countries.json)`);
    expect(() => searchDocumentReader(dir)('missing')).toThrow(/missing\.mdx: cannot read it \(ENOENT\)/);
  });
});
