/**
 * The search record of a built document page: one per document, its sections under headings
 * Pagefind makes sub-results of, only the document's own text, tags for the facet table. The last tests index the records with Pagefind
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
import { decodePartTags, LEDE } from '../../../../src/lib/search/part-tags.ts';
import { documentGroup, hitOfFragment } from '../../../../src/lib/search/group.ts';
import { documentRecord, INDEX_OPTIONS, RecordError, type SearchDocument } from '../../../../src/lib/search/records.ts';
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

const record = () => documentRecord(page, doc, '/assessments/zebra-accord/', FILE);
const mainTag = (html: string) => /<main[^>]*>/.exec(html)![0];
const sectionTags = (html: string) => [...html.matchAll(/<section[^>]*><h2 id="([^"]+)">/g)].map((match) => match[0]);

describe('documentRecord', () => {
  it('makes one record for the document, each section under a heading with its id', () => {
    const { url, html } = record();
    expect(url).toBe('/assessments/zebra-accord/');
    expect([...html.matchAll(/<h2 id="([^"]+)">([^<]*)<\/h2>/g)].map((match) => [match[1], match[2]])).toEqual([
      ['key-judgments', 'Key Judgments'],
      ['trade-flows', 'Trade Flows'],
      ['empty', 'Lonely Heading'],
    ]);
  });

  it('puts only the body text in the record: no header, tags, summary box, contents or footers', () => {
    const { html } = record();
    for (const furniture of ['Headerland', 'Summaryonly', 'Tocword', 'abc123footerhash', 'Sitefooterword', 'Skip to content']) {
      expect(html).not.toContain(furniture);
    }
    for (const text of ['quagga treaty', 'okapi alliance', 'Okapi sanctions', 'Tapir exports by year']) expect(html).toContain(text);
    // The lede comes before the first section.
    expect(html.indexOf('quagga treaty')).toBeLessThan(html.indexOf('<section'));
  });

  it('keeps only the section headings\' ids, so Pagefind makes a sub-result per section and no more', () => {
    expect([...record().html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1])).toEqual(['key-judgments', 'trade-flows', 'empty']);
  });

  it("tags the document with its own countries and topics and its sections' together", () => {
    expect(record().tags).toEqual({ kind: 'Article', published: '2024-06-19', countries: ['China', 'Japan'], topics: ['Alliances', 'Sanctions', 'Trade'] });
  });

  it('carries the tags of the lede and of each tagged section for the results to choose sections by', () => {
    const values = [...record().html.matchAll(/<span data-pagefind-filter="parts">([^<]*)<\/span>/g)].map((match) => match[1]!.replace(/&quot;/g, '"'));
    expect([...decodePartTags(values)]).toEqual([
      [LEDE, { title: '', country: ['Japan', 'China'], topic: ['Trade', 'Alliances'], likelihood: [], confidence: [] }],
      ['key-judgments', { title: 'Key Judgments', country: ['Japan'], topic: ['Alliances'], likelihood: [], confidence: [] }],
      ['trade-flows', { title: 'Trade Flows', country: ['China'], topic: ['Trade', 'Sanctions'], likelihood: [], confidence: [] }],
    ]);
  });

  it('gives Pagefind the document title as meta and the kind, date and byline as filters', () => {
    const { html } = record();
    expect(html).toContain('<span data-pagefind-meta="title">The Zebra Accord &amp; Its Neighbours</span>');
    expect(html).toContain('<span data-pagefind-filter="kind">Article</span>');
    expect(html).toContain('<span data-pagefind-filter="date">2024-06-19</span>');
    expect(html).toContain('<span data-pagefind-filter="authors">Ada Quokka and 2 others</span>');
    expect(html).not.toContain('data-pagefind-filter="country"');
    expect(mainTag(html)).toBe('<main data-pagefind-body>');
  });

  it('weighs the summary section above other sections', () => {
    expect(sectionTags(record().html)).toEqual(['<section data-pagefind-weight="2"><h2 id="key-judgments">', '<section><h2 id="trade-flows">', '<section><h2 id="empty">']);
  });

  it('weighs by role, not by heading: a trade section marked summary weighs 2, notes weigh 0.5, a "Key Judgments" title without the role 1', () => {
    const sections = [
      { ...doc.sections[0]!, role: undefined },
      { ...doc.sections[1]!, role: 'summary' as const },
      { ...doc.sections[2]!, role: 'notes' as const },
    ];
    expect(sectionTags(documentRecord(page, { ...doc, sections }, '/assessments/zebra-accord/', FILE).html)).toEqual([
      '<section><h2 id="key-judgments">',
      '<section data-pagefind-weight="2"><h2 id="trade-flows">',
      '<section data-pagefind-weight="0.5"><h2 id="empty">',
    ]);
  });

  it('keeps escaped source text escaped', () => {
    expect(record().html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(record().html).not.toContain('<script>');
  });

  it('names the page when the front matter lacks a section the page has', () => {
    const missing = { ...doc, sections: doc.sections.filter((section) => section.id !== 'trade-flows') };
    expect(() => documentRecord(page, missing, '/assessments/zebra-accord/', FILE)).toThrow(
      new RecordError(`${FILE}: section "trade-flows" is not in the front matter's sections; rebuild after fixing sections[].id`),
    );
  });

  it('names the page when it has no document body', () => {
    expect(() => documentRecord('<html><body><main><h1>x</h1></main></body></html>', doc, '/x/', FILE)).toThrow(/no <h1> or no \.doc-body/);
  });
});

describe('the record in a Pagefind index', () => {
  let dir: string;
  let bundle: NodeSearch;
  const other: SearchDocument = { ...doc, slug: 'yak-pact', title: 'The Yak Pact', countries: ['Mongolia'], topics: [], sections: [] };
  const otherPage = '<html lang="en"><body><main><h1>The Yak Pact</h1><div class="doc-body"><p>Okapi herds cross the steppe.</p></div></main></body></html>';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-records-'));
    const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
    expect(errors).toEqual([]);
    for (const each of [record(), documentRecord(otherPage, other, '/assessments/yak-pact/', FILE)]) {
      const added = await index!.addHTMLFile({ url: each.url, content: each.html });
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

  const sectionsOf = async (word: string) => (await bundle.search(word)).map((hit) => [hit.url, hit.subResults.map((sub) => [sub.url, sub.title])]);

  it('finds section text in its section, with the section title, under its document', async () => {
    expect(await sectionsOf('okapi')).toContainEqual([
      '/assessments/zebra-accord/',
      [
        ['/assessments/zebra-accord/#key-judgments', 'Key Judgments'],
        ['/assessments/zebra-accord/#trade-flows', 'Trade Flows'],
      ],
    ]);
  });

  it('finds table text, the lede and a section by its title alone', async () => {
    expect(await sectionsOf('tapir')).toEqual([['/assessments/zebra-accord/', [['/assessments/zebra-accord/#trade-flows', 'Trade Flows']]]]);
    expect(await sectionsOf('quagga')).toEqual([['/assessments/zebra-accord/', [['/assessments/zebra-accord/', 'The Zebra Accord & Its Neighbours']]]]);
    expect(await sectionsOf('lonely')).toEqual([['/assessments/zebra-accord/', [['/assessments/zebra-accord/#empty', 'Lonely Heading']]]]);
    expect((await bundle.search('neighbours')).map((hit) => hit.url)).toEqual(['/assessments/zebra-accord/']);
  });

  it('does not index related lists, buttons or data-pagefind-ignore text inside a section', async () => {
    for (const word of ['relatedword', 'copylinkword', 'ignoredword']) expect(await bundle.search(word), word).toEqual([]);
  });

  it('matches the document title through its title, and never filter values', async () => {
    // "Zebra" is only in the document title: the document matches, no section does.
    expect(await sectionsOf('zebra')).toEqual([['/assessments/zebra-accord/', []]]);
    expect(await bundle.search('sanctions')).toHaveLength(1); // the section text, not the topic filter
    expect(await bundle.search('mongolia')).toEqual([]);
  });

  it('filters documents through the facet table keyed by Pagefind ids: Japan keeps the document with a section tagged Japan', async () => {
    const ids = resultIds(dir);
    const rows = [record(), documentRecord(otherPage, other, '/assessments/yak-pact/', FILE)];
    const facets = facetIndex(buildFacetTable(rows.map((each) => [ids.get(each.url)!, each.tags] as const)));
    const urlOf = new Map([...ids].map(([url, id]) => [id, url]));
    const okapi = await bundle.ids('okapi');
    expect(okapi).toHaveLength(2);
    const japan = applyFacets(facets, okapi, { kind: [], country: ['Japan'], topic: [] }, 'relevance');
    expect(japan.ids.map((id) => urlOf.get(id))).toEqual(['/assessments/zebra-accord/']);
    expect(japan.counts.country).toEqual({ China: 1, Japan: 1, Mongolia: 1 });
    const either = applyFacets(facets, okapi, { kind: [], country: ['Mongolia', 'Japan'], topic: [] }, 'relevance');
    expect(either.ids).toHaveLength(2);
  });

  it('returns the date and author line with every hit, and never matches the byline', async () => {
    const [hit] = await bundle.search('tapir');
    expect(hit!.filters.date).toEqual(['2024-06-19']);
    expect(hit!.filters.authors).toEqual(['Ada Quokka and 2 others']);
    expect(await bundle.search('quokka')).toEqual([]);
  });

  it('returns the parts\' tags with the hit, and lists under a China filter only the section tagged China', async () => {
    const [hit] = await bundle.search('sanctions');
    expect(hit!.group.sections.map((section) => section.title)).toEqual(['Trade Flows']);
    const okapi = (await bundle.search('okapi')).find((each) => each.url === '/assessments/zebra-accord/')!;
    expect(documentGroup(hitOfFragment(okapi.fragment), { country: ['China'] }).sections.map((section) => section.title)).toEqual(['Trade Flows']);
    expect(documentGroup(hitOfFragment(okapi.fragment), { country: ['Japan'] }).sections.map((section) => section.title)).toEqual(['Key Judgments']);
  });

  it('returns excerpts as escaped text with marks', async () => {
    const [hit] = await bundle.search('quagga');
    expect(hit!.subResults[0]!.excerpt).toContain('<mark>quagga</mark>');
    expect(hit!.subResults[0]!.excerpt).toContain('&lt;script&gt;');
  });
});
