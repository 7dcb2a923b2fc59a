/**
 * Permalinks, related links, citations and the anchor lock, checked in the built dist/:
 * every section, Key Judgment, Recommendation and table has an id and the same link-to-here
 * controls; the committed lock lists every id the pages publish; every internal link resolves
 * (the build's own checker, run again over dist/); the seeds' required cross-links are there;
 * and the page's script stays within its budget.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseAnchorLock, serializeAnchorLock } from '../../src/lib/anchorLock.ts';
import { checkLinks } from '../../src/lib/linkCheck.ts';
import { anchorsInHtml } from '../../src/lib/pageAnchors.ts';
import { allPages, assertBuilt, attr, BASE, byTag, elements, first, hasClass, listFiles, loadPage, visibleText, type Element } from './support/dist.ts';

assertBuilt();
/** The site address the build used; without one, citations give the path from the site root. */
const SITE = process.env.SITE_URL || undefined;
const pages = allPages();
const documents = pages.filter((page) => /^assessments\/[^/]+\/index\.html$/.test(page.file));
const slugOf = (file: string) => file.split('/')[1]!;
const LOCK = 'content/anchors.lock.json';

/** The permalink controls that follow `target` (a heading, the end of a paragraph or item, a table region). */
function controls(permalink: Element) {
  const anchor = byTag(permalink, 'a').find((a) => hasClass(a, 'permalink-anchor'))!;
  const buttons = byTag(permalink, 'button');
  return {
    href: attr(anchor, 'href'),
    // The accessible name: the "#" is aria-hidden, the words are visually hidden.
    anchorName: visibleText(anchor),
    buttons: buttons.map((button) => ({ copy: attr(button, 'data-copy'), hidden: attr(button, 'hidden') !== undefined, name: normalize(textOf(button)) })),
  };
}
/** All text, including visually hidden text (the accessible name of these controls). */
function textOf(element: Element): string {
  return element.childNodes.map((node) => ('value' in node ? node.value : 'tagName' in node ? textOf(node as Element) : '')).join('');
}
const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();
const permalinksIn = (root: Element) => elements(root).filter((element) => hasClass(element, 'permalink'));

describe.each(documents.map((page) => [page.url, page] as const))('%s', (_url, page) => {
  const body = first(page.document, (element) => hasClass(element, 'doc-body'))!;
  const slug = slugOf(page.file);

  it('gives every section heading a "#" link, a Copy link and a Copy link with preview button, hidden until the script reveals them', () => {
    for (const section of byTag(body, 'section')) {
      const [heading, next] = section.childNodes.filter((node): node is Element => 'tagName' in node);
      const id = attr(heading!, 'id')!;
      const title = normalize(visibleText(heading!));
      expect(hasClass(next!, 'permalink'), `controls right after #${id}`).toBe(true);
      expect(controls(next!)).toEqual({
        href: `#${id}`,
        anchorName: `Link to section: ${title}`,
        buttons: [
          { copy: `#${id}`, hidden: true, name: `Copy link to section: ${title}` },
          { copy: `${BASE}s/${slug}/${id}/`, hidden: true, name: `Copy link with preview to section: ${title}` },
        ],
      });
    }
  });

  it('numbers each Key Judgment and each Recommendation, each ending with its own permalink', () => {
    const sectionOf = (id: string) => byTag(body, 'section').find((section) => byTag(section, 'h2').some((h2) => attr(h2, 'id') === id));
    const keyJudgments = sectionOf('key-judgments');
    const recommendations = sectionOf('recommendations');
    if (!keyJudgments && !recommendations) return; // an article
    const kj = keyJudgments!.childNodes.filter((node): node is Element => 'tagName' in node && node.tagName === 'p');
    expect(kj.map((p) => attr(p, 'id'))).toEqual(kj.map((_, index) => `kj-${index + 1}`));
    const items = byTag(recommendations!, 'li').filter((li) => /^rec-/.test(attr(li, 'id') ?? ''));
    expect(items.map((li) => attr(li, 'id'))).toEqual(['rec-1', 'rec-2', 'rec-3', 'rec-4', 'rec-5']);
    for (const [element, name] of [...kj.map((p, i) => [p, `key judgment ${i + 1}`] as const), ...items.map((li, i) => [li, `recommendation ${i + 1}`] as const)]) {
      const permalink = permalinksIn(element);
      expect(permalink).toHaveLength(1);
      expect(controls(permalink[0]!)).toEqual({
        href: `#${attr(element, 'id')}`,
        anchorName: `Link to ${name}`,
        buttons: [{ copy: `#${attr(element, 'id')}`, hidden: true, name: `Copy link to ${name}` }],
      });
    }
  });

  it('gives every table an id table-<id> and its permalink', () => {
    for (const table of byTag(body, 'table')) {
      const id = attr(table, 'id')!;
      expect(id).toMatch(/^table-[a-z0-9-]+$/);
      const caption = normalize(visibleText(byTag(table, 'caption')[0]!));
      const permalink = permalinksIn(body).find((element) => controls(element).href === `#${id}`);
      expect(permalink && controls(permalink).buttons).toEqual([{ copy: `#${id}`, hidden: true, name: `Copy link to table: ${caption}` }]);
    }
  });

  it('lists every id it publishes in the committed anchor lock', () => {
    const lock = parseAnchorLock(readFileSync(LOCK, 'utf8'), LOCK);
    const { ids } = anchorsInHtml(page.html);
    expect(ids.length).toBeGreaterThan(0);
    expect(lock[slug]).toEqual(expect.arrayContaining(ids));
  });

  it('ends every section with its citations, and the page with the citations of the whole page', () => {
    const pageUrl = SITE ? new URL(page.url, SITE).href : page.url;
    for (const section of byTag(body, 'section')) {
      const id = attr(byTag(section, 'h2')[0]!, 'id')!;
      const box = first(section, (element) => hasClass(element, 'cite-box'))!;
      expect(box.tagName).toBe('details');
      const labels = byTag(box, 'dt').map((dt) => visibleText(dt));
      expect(labels).toEqual(['Link', 'Chicago', 'APA', 'MLA']);
      const texts = byTag(box, 'dd').map((dd) => visibleText(first(dd, (element) => hasClass(element, 'citation-text'))!));
      expect(texts[0]).toBe(`${pageUrl}#${id}`);
      expect(texts[1]).toContain(`${pageUrl}#${id}.`);
      // No access date: it would be the build's date, and make every build's output differ.
      expect(texts[2]).toContain(`${pageUrl}#${id}`);
      expect(texts[2]).not.toContain('Retrieved');
      expect(texts[3]).toContain(`${pageUrl.replace(/^https?:\/\//, '')}#${id}.`);
    }
    const main = first(page.document, (element) => element.tagName === 'main')!;
    const pageBox = elements(main).filter((element) => hasClass(element, 'cite-box')).find((box) => !elements(body).includes(box))!;
    expect(visibleText(byTag(pageBox, 'summary')[0]!)).toBe('Cite this page');
    expect(visibleText(byTag(pageBox, 'dd')[0]!)).toContain(pageUrl);
  });
});

describe('related links on the seeds', () => {
  /** The page's one related block (after the body), whose links name every section they relate to. */
  const relatedOf = (slug: string, _id: string) => {
    const page = documents.find((candidate) => slugOf(candidate.file) === slug)!;
    const related = first(page.document, (element) => hasClass(element, 'related'));
    return related ? byTag(related, 'a').map((a) => attr(a, 'href')!) : [];
  };
  const article = 'russia-treaty-north-korea';
  const assessment = 'russia-north-korea-security-alliance';
  const nuclear = `${BASE}assessments/${article}/#assessing-the-future-of-north-koreas-nuclear-aspirations-and-regional-security`;
  const diplomatic = `${BASE}assessments/${article}/#strategies-for-diplomatic-engagement-in-a-changing-landscape`;
  const implications = `${BASE}assessments/${assessment}/#implications`;
  const recommendations = `${BASE}assessments/${assessment}/#recommendations`;

  it('nuclear aspirations and diplomatic engagement point to Implications and Recommendations', () => {
    for (const id of [nuclear, diplomatic].map((href) => href.split('#')[1]!)) {
      expect(relatedOf(article, id)).toEqual(expect.arrayContaining([implications, recommendations]));
    }
  });

  it('and back: Implications and Recommendations each point to both', () => {
    for (const id of ['implications', 'recommendations']) expect(relatedOf(assessment, id)).toEqual(expect.arrayContaining([nuclear, diplomatic]));
  });

  it('lists them once per page, after the body, each section of other documents once, none inside a section', () => {
    for (const page of documents) {
      for (const section of byTag(page.document, 'section').filter((s) => hasClass(s, 'doc-section'))) {
        expect(first(section, (element) => hasClass(element, 'related'))).toBeUndefined();
      }
      const blocks = elements(page.document).filter((element) => hasClass(element, 'related'));
      expect(blocks.length).toBeLessThanOrEqual(1);
      if (blocks.length === 0) continue;
      const hrefs = byTag(blocks[0]!, 'a').map((a) => attr(a, 'href')!);
      expect(hrefs.length).toBeGreaterThan(0);
      expect(new Set(hrefs).size).toBe(hrefs.length);
      for (const href of hrefs) expect(href.startsWith(page.url)).toBe(false);
      expect(normalize(textOf(byTag(blocks[0]!, 'h2')[0]!))).toBe('Related in other assessments');
    }
  });
});

describe('the committed anchor lock', () => {
  it('is in its canonical form and lists exactly the pages that exist', () => {
    const text = readFileSync(LOCK, 'utf8');
    const lock = parseAnchorLock(text, LOCK);
    expect(serializeAnchorLock(lock)).toBe(text);
    expect(Object.keys(lock)).toEqual(documents.map((page) => slugOf(page.file)).sort());
  });
});

describe('every internal link of dist/', () => {
  it('resolves, page and fragment (the build checks this too)', () => {
    const files = listFiles().map((file) => ({ file, html: file.endsWith('.html') ? loadPage(file).html : undefined }));
    expect(checkLinks(files, { base: BASE, site: SITE })).toEqual([]);
  });
});

describe('the permalink script', () => {
  it('is one inline module on document pages only, within 0.8 kB gzip; other pages do not carry it', () => {
    for (const page of pages) {
      // Inline modules only: the search button and the table scripts are checked in their own tests.
      const modules = byTag(page.document, 'script').filter((script) => attr(script, 'type') === 'module' && attr(script, 'src') === undefined);
      const permalinks = modules.filter((script) => textOf(script).includes('permalink-status'));
      if (documents.includes(page)) {
        expect(permalinks, page.file).toHaveLength(1);
        expect(gzipSync(textOf(permalinks[0]!), { level: 9 }).length).toBeLessThanOrEqual(800);
      } else {
        expect(permalinks, page.file).toHaveLength(0);
      }
    }
  });
});
