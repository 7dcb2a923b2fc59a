/**
 * Search records from a built document page: one per section plus one for the document, only
 * the document's own text, tags as filters. The last tests index the records with Pagefind
 * itself (the options the build uses) and search them, so the exclusions are checked where they
 * take effect.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultIds } from '../../../../src/integrations/pagefind.ts';
import { applyFacets, buildFacetTable, facetIndex } from '../../../../src/lib/search/facets.ts';
import { documentRecords, INDEX_OPTIONS, RecordError, type SearchDocument } from '../../../../src/lib/search/records.ts';
import { openBundle, type NodeSearch } from '../../../site/support/pagefind.ts';

const page = readFileSync(new URL('./fixtures/page.html', import.meta.url), 'utf8');
const FILE = 'dist/assessments/zebra-accord/index.html';

const doc: SearchDocument = {
  slug: 'zebra-accord',
  title: 'The Zebra Accord & Its Neighbours',
  kind: 'Article',
  published: '2024-06-19',
  authors: 'Ada Quokka and 2 others',
  countries: ['Japan', 'China'],
  topics: ['Trade', 'Alliances'],
  sections: [
    { id: 'key-judgments', title: 'Key Judgments', role: 'summary', countries: ['Japan'], topics: ['Alliances'] },
    { id: 'trade-flows', title: 'Trade Flows', countries: ['China'], topics: ['Trade', 'Sanctions'] },
    { id: 'empty', title: 'Lonely Heading', countries: [], topics: [] },
  ],
};

const records = () => documentRecords(page, doc, '/assessments/zebra-accord/', FILE);

describe('documentRecords', () => {
  it('makes one record for the document and one per section, linking to the section', () => {
    expect(records().map((record) => record.url)).toEqual([
      '/assessments/zebra-accord/',
      '/assessments/zebra-accord/#key-judgments',
      '/assessments/zebra-accord/#trade-flows',
      '/assessments/zebra-accord/#empty',
    ]);
  });

  it('puts only the body text in a record: no header, tags, summary box, contents or footers', () => {
    const all = records().map((record) => record.html).join('\n');
    for (const furniture of ['Headerland', 'Summaryonly', 'Tocword', 'abc123footerhash', 'Sitefooterword', 'Skip to content']) {
      expect(all).not.toContain(furniture);
    }
    const [lede, judgments, trade] = records();
    expect(lede!.html).toContain('quagga treaty');
    expect(judgments!.html).toContain('okapi alliance');
    expect(judgments!.html).not.toContain('Okapi sanctions');
    expect(trade!.html).toContain('Tapir exports by year');
    expect(trade!.html).not.toContain('okapi alliance');
  });

  it('drops ids inside a record, so Pagefind keeps one record per section', () => {
    for (const record of records()) expect(record.html).not.toMatch(/\sid=/);
  });

  it('tags each section with its own countries and topics, the document record with the document\'s', () => {
    const [lede, , trade] = records();
    expect(trade!.tags).toEqual({ kind: 'Article', published: '2024-06-19', countries: ['China'], topics: ['Trade', 'Sanctions'] });
    expect(lede!.tags).toEqual({ kind: 'Article', published: '2024-06-19', countries: ['Japan', 'China'], topics: ['Trade', 'Alliances'] });
  });

  it('gives Pagefind the section title as meta and the document title and kind as filters', () => {
    const trade = records()[2]!.html;
    expect(trade).toContain('<span data-pagefind-meta="title">Trade Flows</span>');
    expect(trade).toContain('<span data-pagefind-filter="kind">Article</span>');
    expect(trade).toContain('<span data-pagefind-filter="document">The Zebra Accord &amp; Its Neighbours</span>');
    expect(trade).not.toContain('data-pagefind-filter="country"');
  });

  it('weighs the summary section above other sections', () => {
    expect(records()[1]!.html).toContain('<main data-pagefind-body data-pagefind-weight="2">');
    expect(records()[2]!.html).toContain('<main data-pagefind-body>');
  });

  it('weighs by role, not by heading: a trade section marked summary weighs 2, notes weigh 0.5, a "Key Judgments" title without the role 1', () => {
    const sections = [
      { ...doc.sections[0]!, role: undefined },
      { ...doc.sections[1]!, role: 'summary' as const },
      { ...doc.sections[2]!, role: 'notes' as const },
    ];
    const html = documentRecords(page, { ...doc, sections }, '/assessments/zebra-accord/', FILE).map((record) => /<main[^>]*>/.exec(record.html)![0]);
    expect(html.slice(1)).toEqual([
      '<main data-pagefind-body>',
      '<main data-pagefind-body data-pagefind-weight="2">',
      '<main data-pagefind-body data-pagefind-weight="0.5">',
    ]);
  });

  it('keeps escaped source text escaped', () => {
    expect(records()[0]!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(records()[0]!.html).not.toContain('<script>');
  });

  it('names the page when the front matter lacks a section the page has', () => {
    const missing = { ...doc, sections: doc.sections.filter((section) => section.id !== 'trade-flows') };
    expect(() => documentRecords(page, missing, '/assessments/zebra-accord/', FILE)).toThrow(
      new RecordError(`${FILE}: section "trade-flows" is not in the front matter's sections; rebuild after fixing sections[].id`),
    );
  });

  it('names the page when it has no document body', () => {
    expect(() => documentRecords('<html><body><main><h1>x</h1></main></body></html>', doc, '/x/', FILE)).toThrow(/no <h1> or no \.doc-body/);
  });
});

describe('the records in a Pagefind index', () => {
  let dir: string;
  let bundle: NodeSearch;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-records-'));
    const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
    expect(errors).toEqual([]);
    for (const record of records()) {
      const added = await index!.addHTMLFile({ url: record.url, content: record.html });
      expect(added.errors).toEqual([]);
    }
    expect((await index!.writeFiles({ outputPath: dir })).errors).toEqual([]);
    await pagefind.close();
    bundle = await openBundle(dir);
  }, 60_000);
  afterAll(() => {
    bundle?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds section text in its section, with the section title', async () => {
    const hits = await bundle.search('okapi');
    expect(hits.map((hit) => [hit.url, hit.title]).sort()).toEqual([
      ['/assessments/zebra-accord/#key-judgments', 'Key Judgments'],
      ['/assessments/zebra-accord/#trade-flows', 'Trade Flows'],
    ]);
  });

  it('finds table text, the lede and a section by its title alone', async () => {
    expect((await bundle.search('tapir')).map((hit) => hit.url)).toEqual(['/assessments/zebra-accord/#trade-flows']);
    expect((await bundle.search('quagga')).map((hit) => hit.url)).toEqual(['/assessments/zebra-accord/']);
    expect((await bundle.search('lonely')).map((hit) => hit.url)).toEqual(['/assessments/zebra-accord/#empty']);
    expect((await bundle.search('neighbours')).map((hit) => hit.url)).toEqual(['/assessments/zebra-accord/']);
  });

  it('does not index related lists, buttons or data-pagefind-ignore text inside a section', async () => {
    for (const word of ['relatedword', 'copylinkword', 'ignoredword']) expect(await bundle.search(word), word).toEqual([]);
  });

  it('does not match the document title or filter values in section records', async () => {
    // "Zebra" is only in the document title: its own record matches, the sections do not.
    expect((await bundle.search('zebra')).map((hit) => hit.url)).toEqual(['/assessments/zebra-accord/']);
    expect(await bundle.search('sanctions')).toHaveLength(1); // the section text, not the topic filter
  });

  it('filters per section through the facet table keyed by Pagefind ids: China keeps the sections tagged China', async () => {
    const ids = resultIds(dir);
    const facets = facetIndex(buildFacetTable(records().map((record) => [ids.get(record.url)!, record.tags] as const)));
    const urlOf = new Map([...ids].map(([url, id]) => [id, url]));
    const okapi = (await bundle.ids('okapi'));
    expect(okapi).toHaveLength(2);
    const china = applyFacets(facets, okapi, { kind: [], country: ['China'], topic: [] }, 'relevance');
    expect(china.ids.map((id) => urlOf.get(id))).toEqual(['/assessments/zebra-accord/#trade-flows']);
    expect(china.counts.country).toEqual({ China: 1, Japan: 1 });
    const both = applyFacets(facets, okapi, { kind: [], country: ['China', 'Japan'], topic: [] }, 'relevance');
    expect(both.ids).toHaveLength(2);
  });

  it('returns the date and author line with every hit, and never matches the byline', async () => {
    const [hit] = await bundle.search('tapir');
    expect(hit!.filters.date).toEqual(['2024-06-19']);
    expect(hit!.filters.authors).toEqual(['Ada Quokka and 2 others']);
    expect(await bundle.search('quokka')).toEqual([]);
  });

  it('returns excerpts as escaped text with marks', async () => {
    const [hit] = await bundle.search('quagga');
    expect(hit!.excerpt).toContain('<mark>quagga</mark>');
    expect(hit!.excerpt).toContain('&lt;script&gt;');
  });
});
