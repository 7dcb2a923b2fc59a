/**
 * Estimative language on the built site. Over dist/: the text of every document page is its
 * source's text, block for block, with the marks in place (badges, permalinks and the legend,
 * which carry data-pagefind-ignore, aside). Over a fixture build with one assessment in each
 * standard (tests/fixtures/estimative/): the marks, the legend, the badges, and the search
 * filters by likelihood and confidence.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mdxBlocks } from '../../src/lib/estimative/mdx.ts';
import { FACETS_FILE } from '../../src/lib/search/facets-file.ts';
import { facetIndex, type FacetTable } from '../../src/lib/search/facets.ts';
import { assertBuilt, attr, elements, hasClass, isElement, listFiles, normalizeSpace, visibleText, type Element } from './support/dist.ts';
import { createFixtureSite, type FixtureSite } from './support/fixtureSite.ts';

type Node = DefaultTreeAdapterTypes.Node;

/** The author's text of a block: what search indexes, i.e. without data-pagefind-ignore parts. */
function authorText(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (isElement(node) && attr(node, 'data-pagefind-ignore') !== undefined) return '';
  if (isElement(node) && (node.tagName === 'ul' || node.tagName === 'ol')) return '';
  return 'childNodes' in node ? (node as DefaultTreeAdapterTypes.ParentNode).childNodes.map(authorText).join('') : '';
}

function docBody(html: string): Element {
  const body = elements(parse(html)).find((e) => hasClass(e, 'doc-body'));
  if (!body) throw new Error('no .doc-body');
  return body;
}

/** Paragraphs and items of the document's sections, outside anything the page adds. */
function blocks(body: Element): Element[] {
  const out: Element[] = [];
  const walk = (element: Element) => {
    for (const child of element.childNodes) {
      // Tables (DataTable) are data, not prose: their captions and download links are the page's.
      if (!isElement(child) || attr(child, 'data-pagefind-ignore') !== undefined || child.tagName === 'figure' || hasClass(child, 'data-table')) continue;
      if (child.tagName === 'p' || child.tagName === 'li') out.push(child);
      walk(child);
    }
  };
  walk(body);
  return out;
}

describe('the text of every document page', () => {
  beforeAll(assertBuilt);
  const pages = listFiles().filter((file) => /^assessments\/[^/]+\/index\.html$/.test(file));

  it.each(pages)('%s is its source text, block for block', (file) => {
    const slug = file.split('/')[1]!;
    const source = readFileSync(`content/assessments/${slug}.mdx`, 'utf8');
    const body = docBody(readFileSync(join('dist', file), 'utf8'));
    // A lede before the first section and the date and reference lines are blocks too.
    expect(blocks(body).map((b) => normalizeSpace(authorText(b))).filter((t) => t !== '')).toEqual(mdxBlocks(source).map((b) => normalizeSpace(b.text)));
  });
});

describe('a build with an assessment in each standard', () => {
  let site: FixtureSite;
  const page = (slug: string) => parse(site.read(`dist/assessments/${slug}/index.html`));
  const ICD = 'venezuela-prospects';
  const UK = 'russian-naval-activity-north-atlantic';

  beforeAll(async () => {
    site = createFixtureSite();
    for (const [slug, source] of [
      [ICD, 'icd-203-assessment.txt'],
      [UK, 'uk-yardstick-assessment.txt'],
    ] as const) {
      site.write(`content/assessments/${slug}.mdx`, readFileSync(`tests/fixtures/estimative/content/${slug}.mdx`, 'utf8'));
      site.write(`content/sources/${slug}.txt`, readFileSync(`tests/fixtures/estimative/${source}`, 'utf8'));
    }
    const result = await site.build();
    if (!result.ok) throw new Error(`fixture build failed:\n${result.output.slice(-3000)}`);
  }, 300_000);
  afterAll(() => site?.remove());

  it('wraps each term in a link to its legend row, described by the row\u2019s range', () => {
    const doc = page(ICD);
    const all = elements(doc);
    const terms = all.filter((e) => e.tagName === 'a' && hasClass(e, 'est'));
    expect(terms.map((t) => normalizeSpace(authorText(t)))).toEqual([
      'likely', 'unlikely', 'moderate confidence', 'very unlikely', 'almost certainly', 'likely', 'high confidence', 'roughly even chance', 'remote',
    ]);
    for (const term of terms) {
      const row = all.find((e) => attr(e, 'id') === attr(term, 'href')!.slice(1));
      const description = all.find((e) => attr(e, 'id') === attr(term, 'aria-describedby'));
      expect(row?.tagName, attr(term, 'href')).toBe('tr');
      expect(description && row && elements(row).includes(description)).toBe(true);
    }
    expect(attr(terms[0]!, 'data-tip')).toBe('likely: 55–80% (ICD 203)');
    expect(normalizeSpace(authorText(all.find((e) => attr(e, 'id') === 'est-icd-203-likely-range')!))).toBe('55–80% (ICD 203)');
  });

  it('shows a legend of the bands and levels used, with the standard', () => {
    const legendOf = (slug: string) => elements(page(slug)).find((e) => hasClass(e, 'est-legend'))!;
    const rows = (slug: string) => elements(legendOf(slug)).filter((e) => e.tagName === 'tr' && attr(e, 'id')).map((e) => attr(e, 'id'));
    expect(rows(ICD)).toEqual([
      'est-icd-203-almost-no-chance', 'est-icd-203-very-unlikely', 'est-icd-203-unlikely', 'est-icd-203-roughly-even-chance', 'est-icd-203-likely', 'est-icd-203-almost-certain',
      'est-confidence-high', 'est-confidence-moderate',
    ]);
    expect(visibleText(legendOf(UK))).toContain('Likelihood follows UK Probability Yardstick');
    expect(rows(UK)).toContain('est-uk-yardstick-realistic-possibility');
  });

  it('gives each key judgment a badge with its band and confidence', () => {
    const badges = (slug: string) =>
      elements(page(slug))
        .filter((e) => /^kj-\d+$/.test(attr(e, 'id') ?? ''))
        .map((kj) => {
          const badge = elements(kj).find((e) => hasClass(e, 'est-badge'));
          return badge ? normalizeSpace((badge.childNodes.at(-1) as DefaultTreeAdapterTypes.TextNode).value) : undefined;
        });
    expect(badges(ICD)).toEqual(['Likely (55–80%)', 'Unlikely (20–45%) · Moderate confidence', 'Very unlikely (5–20%)', 'Almost certain (95–99%)']);
    expect(badges(UK)).toEqual(['Highly likely (80–90%)', 'Realistic possibility (40–50%)', 'Highly unlikely (10–20%) · Moderate confidence']);
  });

  it('leaves false friends and negations unmarked', () => {
    const html = site.read(`dist/assessments/${ICD}/index.html`);
    expect(html).toContain('The likely candidates for a successor');
    expect(html).toContain('An unlikely alliance between');
    expect(html).toContain('no realistic possibility that');
    expect(html).toContain('it is not likely that output rises');
  });

  it('lets search filter key judgments by likelihood band and confidence level', () => {
    const table = JSON.parse(gunzipSync(readFileSync(join(site.dist, 'pagefind', FACETS_FILE))).toString('utf8')) as FacetTable;
    expect(table.values.confidence).toEqual(['Moderate confidence']);
    expect(table.values.likelihood).toContain('Realistic possibility (40–50%, UK Probability Yardstick)');
    expect(table.values.likelihood).toContain('Very unlikely (5–20%, ICD 203)');
    const index = facetIndex(table);
    const withModerate = [...index.byId.values()].filter((r) => r.tags.confidence.length > 0);
    expect(withModerate).toHaveLength(2); // the key judgments of each fixture, not their other sections
    expect(readdirSync(join(site.dist, 'pagefind')).includes(FACETS_FILE)).toBe(true);
  });
});
