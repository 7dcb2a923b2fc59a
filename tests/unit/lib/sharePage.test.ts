/** Share pages as the build hook writes them: what a link preview reads and where the reader goes. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'parse5';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSharePages } from '../../../src/integrations/share-pages.ts';
import { SHARE_MANIFEST, SHARE_PAGE_BUDGET, SHARE_PAGE_CSP, sharePageHtml, type SharePage } from '../../../src/lib/sharePage.ts';

type Node = { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string };
const all = (node: Node): Node[] => [node, ...(node.childNodes ?? []).flatMap(all)];
const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const textOf = (node: Node): string => (node.nodeName === '#text' ? node.value! : (node.childNodes ?? []).map(textOf).join(''));

function page(html: string) {
  const nodes = all(parse(html) as unknown as Node);
  const byTag = (tag: string) => nodes.filter((node) => node.tagName === tag);
  const meta = (key: string) => byTag('meta').find((m) => attr(m, 'property') === key || attr(m, 'name') === key || attr(m, 'http-equiv') === key);
  return { byTag, meta, content: (key: string) => { const found = meta(key); return found && attr(found, 'content'); } };
}

// A think-tank report's section whose titles carry the characters HTML escapes.
const section: SharePage = {
  file: 's/iran-oil-sanctions-2025/key-judgments/index.html',
  documentTitle: 'Iran\'s "Maximum Pressure" & the <Oil> Market',
  sectionTitle: 'Key Judgments',
  description: 'We assess with moderate confidence that exports will fall below 1 million barrels a day by mid-2026.',
  target: '/atlas/assessments/iran-oil-sanctions-2025/#key-judgments',
};

describe('share page', () => {
  it('previews the section: its heading and document as title, its first sentence as description', () => {
    const p = page(sharePageHtml(section));
    const title = 'Key Judgments – Iran\'s "Maximum Pressure" & the <Oil> Market';
    expect(textOf(p.byTag('title')[0]!)).toBe(title);
    expect(p.content('og:title')).toBe(title);
    // X reads the card's title and description from OpenGraph: its own tags are not repeated.
    expect(p.content('twitter:title')).toBeUndefined();
    expect(p.content('twitter:card')).toBe('summary');
    expect(p.content('og:type')).toBe('article');
    expect(p.content('og:description')).toBe(section.description);
    // Search engines follow the canonical link instead; previews read og:description.
    expect(p.content('description')).toBeUndefined();
    expect(textOf(p.byTag('h1')[0]!)).toBe('Key Judgments');
    expect(textOf(p.byTag('cite')[0]!)).toBe(section.documentTitle);
  });

  it('sends the reader to the section by meta refresh and by a link, without script or style', () => {
    const p = page(sharePageHtml(section));
    expect(p.content('refresh')).toBe(`0; url=${section.target}`);
    expect(p.byTag('a').map((a) => [attr(a, 'href'), textOf(a)])).toEqual([[section.target, `Read it in ${section.documentTitle}`]]);
    expect([...p.byTag('script'), ...p.byTag('style'), ...p.byTag('link').filter((l) => attr(l, 'rel') === 'stylesheet')]).toEqual([]);
    expect(p.content('content-security-policy')).toBe(SHARE_PAGE_CSP);
    expect(SHARE_PAGE_CSP).toContain("default-src 'none'");
  });

  // Facebook and LinkedIn fetch a page's og:url (or canonical link) for its preview: pointing
  // either at the document would preview the document instead of the section.
  it('names no canonical link or og:url, and shows its card when it has one', () => {
    const image = { url: 'https://atlas.example.org/atlas/cards/iran-oil-sanctions-2025/key-judgments.png', alt: 'Assessment Atlas · Key Judgments' };
    for (const shown of [section, { ...section, image }]) {
      const p = page(sharePageHtml(shown));
      expect(p.byTag('link')).toEqual([]);
      expect(p.meta('og:url')).toBeUndefined();
    }
    const carded = page(sharePageHtml({ ...section, image }));
    expect([carded.content('og:image'), carded.content('og:image:alt'), carded.content('twitter:card')]).toEqual([image.url, image.alt, 'summary_large_image']);
  });

  // A 300-character first sentence is the longest excerpt; the titles and ids are those of a long
  // CRS-style report, with the card's absolute URL and alt text a known site address adds. Both
  // titles are written four times, so such a page passes 2 KB unless its description gives way.
  const slug = 'iran-oil-sanctions-and-the-strait-of-hormuz-2025';
  const id = 'implications-for-us-naval-posture-in-the-gulf-and-the-red-sea';
  const long: SharePage = {
    file: `s/${slug}/${id}/index.html`,
    documentTitle: 'Iran’s Oil Exports Under “Maximum Pressure”: Sanctions and Shipping',
    sectionTitle: 'Implications for U.S. Naval Posture in the Gulf and the Red Sea',
    description: `${'The ministry’s figures overstate the decline in loadings at Kharg Island. '.repeat(5).slice(0, 299)}…`,
    target: `/atlas/assessments/${slug}/#${id}`,
    image: {
      url: `https://atlas.example.org/atlas/cards/${slug}/${id}.png`,
      alt: 'Assessment Atlas · Report · Implications for U.S. Naval Posture in the Gulf and the Red Sea · Iran’s Oil Exports Under “Maximum Pressure”: Sanctions and Shipping · 12 March 2025',
    },
  };

  it('fits in 2 KB with long titles by shortening the description at a sentence or word', () => {
    const html = sharePageHtml(long);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(SHARE_PAGE_BUDGET);
    const description = page(html).content('og:description')!;
    expect(description.length).toBeLessThan(long.description.length);
    // Whole sentences where they fit, so no ellipsis; the text is the start of the original.
    expect(long.description.startsWith(description)).toBe(true);
    expect(description).toMatch(/Island\.$/);
    // Everything else is as written.
    expect(page(html).content('og:title')).toBe(`${long.sectionTitle} – ${long.documentTitle}`);
  });

  it('keeps a page that fits as it is', () => {
    expect(page(sharePageHtml(section)).content('og:description')).toBe(section.description);
  });
});

describe('writeSharePages', () => {
  let out: string;
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('writes every page of the list and removes the list', async () => {
    out = mkdtempSync(join(tmpdir(), 'share-'));
    const second = { ...section, file: 's/iran-oil-sanctions-2025/scope-note/index.html', sectionTitle: 'Scope Note', target: '/atlas/assessments/iran-oil-sanctions-2025/#scope-note' };
    mkdirSync(join(out, 's'));
    writeFileSync(join(out, SHARE_MANIFEST), JSON.stringify([section, second]));
    expect(await writeSharePages(out)).toEqual({ count: 2, overBudget: [] });
    expect(readFileSync(join(out, second.file), 'utf8')).toBe(sharePageHtml(second));
    expect(readFileSync(join(out, section.file), 'utf8')).toBe(sharePageHtml(section));
    expect(existsSync(join(out, SHARE_MANIFEST))).toBe(false);
  });

  it('reports the pages no description can bring under the budget, and writes them all the same', async () => {
    out = mkdtempSync(join(tmpdir(), 'share-'));
    const endless = { ...section, file: 's/iran-oil-sanctions-2025/endless/index.html', sectionTitle: 'A heading that goes on '.repeat(30) };
    mkdirSync(join(out, 's'));
    writeFileSync(join(out, SHARE_MANIFEST), JSON.stringify([section, endless]));
    expect(await writeSharePages(out)).toEqual({ count: 2, overBudget: [endless.file] });
    expect(readFileSync(join(out, endless.file), 'utf8')).toBe(sharePageHtml(endless));
  });

  it('refuses a list that is not one of share pages, naming the file', async () => {
    out = mkdtempSync(join(tmpdir(), 'share-'));
    mkdirSync(join(out, 's'));
    writeFileSync(join(out, SHARE_MANIFEST), JSON.stringify([{ ...section, file: '../outside.html' }]));
    await expect(writeSharePages(out)).rejects.toThrow(/share-pages\.json: not a list of share pages \(0\.file/);
  });
});
