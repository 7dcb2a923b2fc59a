import { describe, expect, it } from 'vitest';
import { documentGroup, hitOfFragment, withoutHeading, type Hit, type SubResult } from '../../../../src/lib/search/group.ts';
import { LEDE, type TaggedPart } from '../../../../src/lib/search/part-tags.ts';

const sub = (url: string, title: string, score: number, excerpt = `…${title}…`): SubResult => ({ url, title, excerpt, score });
const hit = (subResults: SubResult[], extra: Partial<Hit> = {}): Hit => ({
  url: '/assessments/a/?highlight=icbm',
  title: 'Doc A',
  kind: 'Assessment',
  excerpt: 'the page excerpt',
  subResults,
  parts: new Map(),
  ...extra,
});

describe('documentGroup', () => {
  it('lists the matching sections best first, equal scores in page order, keeping their links', () => {
    const group = documentGroup(
      hit([
        sub('/assessments/a/?highlight=icbm#scope', 'Scope', 1),
        sub('/assessments/a/?highlight=icbm#evidence', 'Supporting Evidence', 3),
        sub('/assessments/a/?highlight=icbm#outlook', 'Outlook', 1),
      ]),
    );
    expect(group.sections.map((section) => [section.title, section.url])).toEqual([
      ['Supporting Evidence', '/assessments/a/?highlight=icbm#evidence'],
      ['Scope', '/assessments/a/?highlight=icbm#scope'],
      ['Outlook', '/assessments/a/?highlight=icbm#outlook'],
    ]);
    expect(group.url).toBe('/assessments/a/?highlight=icbm');
  });

  it('puts a match before the first section (the lede) on the document, not among the sections', () => {
    const group = documentGroup(hit([sub('/assessments/a/?highlight=icbm', 'Doc A', 5, 'lede match'), sub('/assessments/a/?highlight=icbm#outlook', 'Outlook', 1)]));
    expect(group.excerpt).toBe('lede match');
    expect(group.sections.map((section) => section.title)).toEqual(['Outlook']);
  });

  it("shows the page's excerpt when only the title matched, and none when sections did", () => {
    expect(documentGroup(hit([])).excerpt).toBe('the page excerpt');
    expect(documentGroup(hit([sub('/assessments/a/#x', 'X', 1)]))).not.toHaveProperty('excerpt');
  });

  it('shows every matching section, or the best few when asked', () => {
    const many = Array.from({ length: 8 }, (_, i) => sub(`/assessments/a/#s${i}`, `S${i}`, i));
    expect(documentGroup(hit(many)).sections).toHaveLength(8);
    expect(documentGroup(hit(many), {}, 3).sections.map((section) => section.title)).toEqual(['S7', 'S6', 'S5']);
  });

  it('gives the document its date and author line when it has them', () => {
    const dated = documentGroup(hit([], { date: '2026-03-04', authors: 'Maria Okafor and Daniel Reyes' }));
    expect([dated.date, dated.authors]).toEqual(['2026-03-04', 'Maria Okafor and Daniel Reyes']);
    expect(documentGroup(hit([]))).not.toHaveProperty('authors');
  });
});

describe('documentGroup under a filter', () => {
  const tagged = (title: string, country: string[], topic: string[] = []): TaggedPart => ({ title, country, topic, likelihood: [], confidence: [] });
  const filtered = hit(
    [
      sub('/assessments/a/?highlight=treaty', 'Doc A', 2, 'lede'),
      sub('/assessments/a/?highlight=treaty#background', 'Background', 3),
      sub('/assessments/a/?highlight=treaty#china-ties', 'China Ties', 1),
      sub('/assessments/a/?highlight=treaty#untagged', 'Untagged', 5),
    ],
    { parts: new Map([[LEDE, tagged('', ['Russia'])], ['background', tagged('Background', ['Russia', 'Japan'])], ['china-ties', tagged('China Ties', ['China'], ['Trade'])]]) },
  );

  it('lists only the parts tagged with a selected value (several values of a facet widen it)', () => {
    expect(documentGroup(filtered, { country: ['China'] }).sections.map((section) => section.title)).toEqual(['China Ties']);
    expect(documentGroup(filtered, { country: ['China'] }).excerpt).toBeUndefined();
    const either = documentGroup(filtered, { country: ['China', 'Russia'] });
    expect([either.excerpt, either.sections.map((section) => section.title)]).toEqual(['lede', ['Background', 'China Ties']]);
  });

  it('needs every facet with a selection to match, and lists every part for a kind alone', () => {
    expect(documentGroup(filtered, { country: ['China'], topic: ['Energy'] }).sections).toEqual([]);
    expect(documentGroup(filtered, { country: ['China'], topic: ['Trade'] }).sections.map((section) => section.title)).toEqual(['China Ties']);
    expect(documentGroup(filtered, { kind: ['Assessment'], country: [] }).sections).toHaveLength(3);
  });

  it('lists the tagged parts in page order, without excerpts, when the words matched none of them or none were typed', () => {
    const byFiltersAlone = { ...filtered, url: '/assessments/a/', subResults: [] };
    expect(documentGroup(byFiltersAlone, { country: ['China', 'Japan'] }).sections).toEqual([
      { title: 'Background', url: '/assessments/a/#background', excerpt: '' },
      { title: 'China Ties', url: '/assessments/a/#china-ties', excerpt: '' },
    ]);
    expect(documentGroup(byFiltersAlone, { country: ['China', 'Japan'] }, 1).sections.map((section) => section.title)).toEqual(['Background']);
    // "treaty" matched only the untagged section: the Japan section is listed, its link keeping the highlight.
    const elsewhere = { ...filtered, url: '/assessments/a/?highlight=treaty', subResults: filtered.subResults.filter((result) => result.url.endsWith('#untagged')) };
    expect(documentGroup(elsewhere, { country: ['Japan'] }).sections).toEqual([{ title: 'Background', url: '/assessments/a/?highlight=treaty#background', excerpt: '' }]);
  });
});

describe('hitOfFragment', () => {
  it("reads a loaded Pagefind result: the title meta, the kind, date and byline filters, and each sub-result's score", () => {
    const hit = hitOfFragment({
      url: '/assessments/a/?highlight=icbm',
      excerpt: 'page excerpt',
      meta: { title: 'Doc A' },
      filters: { kind: ['Assessment'], date: ['2026-03-04'] },
      sub_results: [{ title: 'Outlook', url: '/assessments/a/?highlight=icbm#outlook', excerpt: 'e', weighted_locations: [{ balanced_score: 1.5 }, { balanced_score: 2 }] }],
    });
    expect(hit).toEqual({
      url: '/assessments/a/?highlight=icbm',
      title: 'Doc A',
      kind: 'Assessment',
      date: '2026-03-04',
      authors: undefined,
      excerpt: 'page excerpt',
      subResults: [{ title: 'Outlook', url: '/assessments/a/?highlight=icbm#outlook', excerpt: 'e', score: 3.5 }],
      parts: new Map(),
    });
  });
});

describe('withoutHeading', () => {
  it('leaves out the heading a section excerpt begins with, and the full stop Pagefind puts after it', () => {
    expect(withoutHeading('Supporting <mark>Evidence.</mark> Russia has been providing', 'Supporting Evidence')).toBe('Russia has been providing');
    expect(withoutHeading('<mark>Implications.</mark> The strengthened alliance', 'Implications')).toBe('The strengthened alliance');
  });

  it('also its last words, when the excerpt starts inside the heading', () => {
    expect(withoutHeading('Role of <mark>China</mark> in Navigating New Challenges. As the <mark>China</mark> ties', 'The Role of China in Navigating New Challenges')).toBe(
      'As the <mark>China</mark> ties',
    );
  });

  it('reads entities and keeps a mark that goes on past the heading', () => {
    expect(withoutHeading('Trade &amp; <mark>Energy. Oil</mark> flows', 'Trade & Energy')).toBe('<mark>Oil</mark> flows');
    expect(withoutHeading('Why Now? The <mark>treaty</mark> was signed', 'Why Now?')).toBe('The <mark>treaty</mark> was signed');
  });

  it('keeps an excerpt that only looks like the heading, or is nothing else', () => {
    // No full stop after the words: the section's text begins with them.
    expect(withoutHeading('Supporting evidence comes from <mark>satellite</mark> imagery', 'Supporting Evidence')).toBe('Supporting evidence comes from <mark>satellite</mark> imagery');
    expect(withoutHeading('Outlooks. <mark>Next</mark>', 'Outlook')).toBe('Outlooks. <mark>Next</mark>');
    expect(withoutHeading('<mark>Outlook.</mark>', 'Outlook')).toBe('<mark>Outlook.</mark>');
  });

  it('is applied to the sections of a document', () => {
    const group = documentGroup(hit([sub('/assessments/a/?highlight=icbm#evidence', 'Supporting Evidence', 3, 'Supporting Evidence. <mark>ICBM</mark> tests')]));
    expect(group.sections[0]!.excerpt).toBe('<mark>ICBM</mark> tests');
  });
});

