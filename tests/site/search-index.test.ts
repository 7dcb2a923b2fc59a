/**
 * The search index in dist/pagefind/, as `npm run build` left it: Pagefind's bundle without its
 * unused UIs, one record per document with its sections as sub-results, only the documents' own
 * text, and a facet table that agrees with the front matter. Searched from Node with the bundle's own code.
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

  it('holds one record per document, whose sub-results link to sections that exist', async () => {
    const ids = resultIds(BUNDLE);
    expect([...ids.keys()].sort()).toEqual(documents.map((doc) => `/assessments/${doc.slug}/`).sort());
    // Every section heading is an anchor of its document: a word of the title finds the section.
    for (const doc of documents) {
      const html = readFileSync(join(DIST, 'assessments', doc.slug, 'index.html'), 'utf8');
      for (const section of doc.sections) expect(html, section.id).toContain(`id="${section.id}"`);
    }
    const [hit] = await bundle.search('sanctions');
    expect(hit!.subResults.length).toBeGreaterThan(0);
    for (const sub of hit!.subResults.filter((each) => each.url.includes('#'))) {
      const id = sub.url.split('#')[1]!;
      const doc = documents.find((each) => hit!.url.startsWith(`/assessments/${each.slug}/`))!;
      expect(doc.sections.map((section) => section.id), sub.url).toContain(id);
      expect(sub.title).toBe(doc.sections.find((section) => section.id === id)!.title);
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

  it("has a facet table whose tags are the front matter's, by name, for every document: its own and its sections' together", async () => {
    const ids = resultIds(BUNDLE);
    const table = JSON.parse(gunzipSync(readFileSync(join(BUNDLE, FACETS_FILE))).toString('utf8')) as FacetTable;
    const byId = new Map(table.rows.map(([id, kind, date, rowCountries, rowTopics]) => [id, { kind: table.values.kind[kind], date: table.dates[date], countries: rowCountries.map((i) => table.values.country[i]), topics: rowTopics.map((i) => table.values.topic[i]) }]));
    expect(byId.size).toBe(ids.size);
    const names = (tagged: string[][], names: Map<string, string>) => [...new Set(tagged.flat())].map((id) => names.get(id)!).sort((a, b) => a.localeCompare(b, 'en'));
    for (const doc of documents) {
      const row = byId.get(ids.get(`/assessments/${doc.slug}/`)!)!;
      expect(row, doc.slug).toMatchObject({
        kind: doc.kind === 'assessment' ? 'Assessment' : 'Article',
        countries: names([doc.countries, ...doc.sections.map((section) => section.countries)], countries),
        topics: names([doc.topics, ...doc.sections.map((section) => section.topics)], topics),
      });
    }
  });
});
