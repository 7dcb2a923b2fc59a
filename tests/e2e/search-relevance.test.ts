/**
 * Relevance: fixed queries against the built index, through the search page in chromium, with
 * the expected hits worked out from the seed documents' front matter and text.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import { openSession, type Session } from './support/browser.ts';
import { useSite } from './support/useSite.ts';
import { seedDocuments, shownResults, waitForStatus } from './support/search.ts';
import { attr, BASE, elements, hasClass, isElement, visibleText, type Element } from '../site/support/dist.ts';

const documents = seedDocuments();
const assessment = documents.find((doc) => doc.kind === 'assessment')!;
const article = documents.find((doc) => doc.kind === 'article')!;

/** The text of each section of a built document page, by section id. */
function sectionTexts(slug: string): Map<string, string> {
  const document = parse(readFileSync(`dist/assessments/${slug}/index.html`, 'utf8'));
  const out = new Map<string, string>();
  for (const section of elements(document).filter((element) => element.tagName === 'section' && hasClass(element, 'doc-section'))) {
    const h2 = elements(section).find((element) => element.tagName === 'h2')!;
    // The author's text only: what the page adds to a section (links to it, related links) is
    // marked data-pagefind-ignore and is not indexed either.
    const own = (node: Element): string =>
      node.childNodes
        .map((child) => (isElement(child) ? (attr(child, 'data-pagefind-ignore') === undefined ? own(child) : '') : visibleText(child)))
        .join(' ');
    out.set(attr(h2, 'id')!, own(section));
  }
  return out;
}

const site = useSite();
let session: Session;
beforeAll(async () => {
  session = await openSession(site.browser, site.server.url);
});

async function search(query: string, params = '') {
  await session.page.goto(`${site.server.url}search/?q=${encodeURIComponent(query)}${params}`);
  const status = await waitForStatus(session.page, '.search-page', query);
  return { status, groups: await shownResults(session.page, '.search-page') };
}

describe('relevance of fixed queries', () => {
  it('"sanctions" finds both seed documents, each with matching sections as sub-results', async () => {
    const { status, groups } = await search('sanctions');
    expect(groups.map((group) => group.title).sort()).toEqual([assessment.title, article.title].sort());
    for (const group of groups) {
      expect(group.sections.length, group.title).toBeGreaterThan(0);
      for (const section of group.sections) expect(section.excerptMarks.some((mark) => mark.startsWith('sanction')), section.href).toBe(true);
    }
    expect(status).toBe("2 documents for “sanctions”");
  });

  it('"ICBM" finds the assessment\'s Supporting Evidence section first', async () => {
    const { groups } = await search('ICBM');
    expect(groups[0]!.title).toBe(assessment.title);
    expect(groups[0]!.sections[0]).toMatchObject({ title: 'Supporting Evidence', href: `${BASE}assessments/${assessment.slug}/#supporting-evidence` });
  });

  it('"arms race" finds both documents', async () => {
    const { groups } = await search('arms race');
    expect(groups.map((group) => group.title).sort()).toEqual([assessment.title, article.title].sort());
  });

  it('the China filter narrows "treaty" to the sections tagged China in the front matter', async () => {
    // Expected: every section whose text has "treaty" (or "treaties") and whose front matter tags China.
    const mentions = (slug: string) => [...sectionTexts(slug)].filter(([, text]) => /\btreat(y|ies)\b/i.test(text)).map(([id]) => id);
    const tagged = (doc: (typeof documents)[number], id: string) => doc.sections.find((section) => section.id === id)!.countries.includes('china');
    const expected = documents.flatMap((doc) => mentions(doc.slug).filter((id) => tagged(doc, id)).map((id) => `${BASE}assessments/${doc.slug}/#${id}`));
    const untagged = documents.flatMap((doc) => mentions(doc.slug).filter((id) => !tagged(doc, id)).map((id) => `${BASE}assessments/${doc.slug}/#${id}`));
    expect(expected.length).toBeGreaterThan(0);
    expect(untagged.length, 'the seeds should have a treaty section not tagged China').toBeGreaterThan(0);

    const all = (await search('treaty')).groups.flatMap((group) => group.sections.map((section) => section.href));
    expect(all).toEqual(expect.arrayContaining([...expected, ...untagged]));

    const china = (await search('treaty', '&country=china')).groups.flatMap((group) => group.sections.map((section) => section.href));
    expect(china.sort()).toEqual(expected.sort());
    expect(await session.page.locator('#facet-country-china').isChecked()).toBe(true);
  });

  it('the China filter alone, without words, lists under each document its sections tagged China, in page order', async () => {
    await session.page.goto(`${site.server.url}search/?country=china`);
    await session.page.waitForFunction(() => /^\d+ documents?$/.test(document.querySelector('.search-page .search-status')?.textContent?.trim() ?? ''), undefined, { timeout: 15_000 });
    const groups = await shownResults(session.page, '.search-page');
    const expected = documents
      .map((doc) => ({ title: doc.title, sections: doc.sections.filter((section) => section.countries.includes('china')).map((section) => `${BASE}assessments/${doc.slug}/#${section.id}`) }))
      .filter((doc) => doc.sections.length > 0);
    expect(expected.length).toBeGreaterThan(0);
    for (const doc of expected) {
      const group = groups.find((shown) => shown.title === doc.title);
      expect(group?.sections.map((section) => section.href), doc.title).toEqual(doc.sections);
    }
  });

  it('ranks sections whose title matches above sections that only mention the word', async () => {
    const { groups } = await search('implications');
    expect(groups).toHaveLength(2);
    for (const group of groups) expect(group.sections[0]!.title, group.title).toMatch(/\bImplications\b/);
  });
});
