/**
 * The search index in dist/pagefind/, as `npm run build` left it: Pagefind's bundle without its
 * unused UIs, one record per section and per document, only the documents' own text, and a
 * facet table that agrees with the front matter. Searched from Node with the bundle's own code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultIds } from '../../src/integrations/pagefind.ts';
import { FACETS_FILE } from '../../src/lib/search/facets-file.ts';
import type { FacetTable } from '../../src/lib/search/facets.ts';
import { seedDocuments } from '../e2e/support/search.ts';
import { assertBuilt, BASE, DIST } from './support/dist.ts';
import { openBundle, type NodeSearch } from './support/pagefind.ts';

assertBuilt();
const BUNDLE = join(DIST, 'pagefind');
const documents = seedDocuments();
const countries = new Map((JSON.parse(readFileSync('content/countries.json', 'utf8')) as { id: string; name: string }[]).map((c) => [c.id, c.name]));
const topics = new Map((JSON.parse(readFileSync('content/topics.json', 'utf8')) as { id: string; label: string }[]).map((t) => [t.id, t.label]));

let bundle: NodeSearch;
beforeAll(async () => {
  bundle = await openBundle(BUNDLE);
});
afterAll(() => bundle?.close());

describe('the search bundle', () => {
  it('has what the site loads and not the Pagefind UIs it does not use', () => {
    for (const file of ['pagefind.js', 'pagefind-highlight.js', 'wasm.en.pagefind', 'pagefind-entry.json', FACETS_FILE]) {
      expect(existsSync(join(BUNDLE, file)), file).toBe(true);
    }
    expect(readdirSync(BUNDLE).filter((name) => /-ui\.(js|css)$/.test(name))).toEqual([]);
  });

  it('holds one record per document and per section, each linking to a page and section that exist', async () => {
    const ids = resultIds(BUNDLE);
    const expected = documents.flatMap((doc) => [`/assessments/${doc.slug}/`, ...doc.sections.map((section) => `/assessments/${doc.slug}/#${section.id}`)]);
    expect([...ids.keys()].sort()).toEqual(expected.sort());
    for (const url of ids.keys()) {
      const [path, hash] = url.split('#');
      const html = readFileSync(join(DIST, path!, 'index.html'), 'utf8');
      if (hash) expect(html, url).toContain(`id="${hash}"`);
    }
    // Served below the base path, Pagefind puts the base in front of these URLs.
    expect(BASE).toMatch(/\/$/);
  });

  it('indexes the documents\' text and not the page furniture around it', async () => {
    expect((await bundle.search('sanctions')).length).toBeGreaterThan(1);
    // Words of the contents box, skip link, source footer and header toggle.
    const furniture = ['Contents', 'Skip to content', 'SHA-256', 'plain text', 'Dark theme'];
    for (const words of furniture) {
      const hits = await bundle.search(`"${words}"`);
      expect(hits.map((hit) => hit.url), words).toEqual([]);
    }
  });

  it('has a facet table whose tags are the front matter\'s, by name, for every record', async () => {
    const ids = resultIds(BUNDLE);
    const table = JSON.parse(gunzipSync(readFileSync(join(BUNDLE, FACETS_FILE))).toString('utf8')) as FacetTable;
    const byId = new Map(table.rows.map(([id, kind, date, rowCountries, rowTopics]) => [id, { kind: table.values.kind[kind], date: table.dates[date], countries: rowCountries.map((i) => table.values.country[i]), topics: rowTopics.map((i) => table.values.topic[i]) }]));
    expect(byId.size).toBe(ids.size);
    for (const doc of documents) {
      const kind = doc.kind === 'assessment' ? 'Assessment' : 'Article';
      const page = byId.get(ids.get(`/assessments/${doc.slug}/`)!)!;
      expect(page.kind).toBe(kind);
      expect(page.countries).toEqual(doc.countries.map((id) => countries.get(id)));
      for (const section of doc.sections) {
        const row = byId.get(ids.get(`/assessments/${doc.slug}/#${section.id}`)!)!;
        expect(row, `${doc.slug}#${section.id}`).toMatchObject({
          kind,
          countries: section.countries.map((id) => countries.get(id)),
          topics: section.topics.map((id) => topics.get(id)),
        });
      }
    }
  });
});
