/** Share pages as the build hook writes them: what a link preview reads and where the reader goes. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'parse5';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSharePages } from '../../../src/integrations/share-pages.ts';
import { SHARE_MANIFEST, SHARE_PAGE_CSP, sharePageHtml, type SharePage } from '../../../src/lib/sharePage.ts';

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
    expect(textOf(p.byTag('title')[0]!)).toBe(`${title} | Assessment Atlas`);
    expect(p.content('og:title')).toBe(title);
    // X reads the card's title and description from OpenGraph: its own tags are not repeated.
    expect(p.content('twitter:title')).toBeUndefined();
    expect(p.content('twitter:card')).toBe('summary');
    expect(p.content('og:type')).toBe('article');
    for (const key of ['description', 'og:description']) expect(p.content(key)).toBe(section.description);
    expect(textOf(p.byTag('h1')[0]!)).toBe('Key Judgments');
    expect(textOf(p.byTag('cite')[0]!)).toBe(section.documentTitle);
  });

  it('sends the reader to the section by meta refresh and by a link, without script or style', () => {
    const p = page(sharePageHtml(section));
    expect(p.content('refresh')).toBe(`0; url=${section.target}`);
    expect(p.byTag('a').map((a) => [attr(a, 'href'), textOf(a)])).toEqual([[section.target, 'Read the section “Key Judgments”']]);
    expect([...p.byTag('script'), ...p.byTag('style'), ...p.byTag('link').filter((l) => attr(l, 'rel') === 'stylesheet')]).toEqual([]);
    expect(p.content('content-security-policy')).toBe(SHARE_PAGE_CSP);
    expect(SHARE_PAGE_CSP).toContain("default-src 'none'");
  });

  it('has a canonical link and og:url only when the site address is known', () => {
    const without = page(sharePageHtml(section));
    expect(without.byTag('link')).toEqual([]);
    expect(without.meta('og:url')).toBeUndefined();
    const url = 'https://atlas.example.org/atlas/assessments/iran-oil-sanctions-2025/#key-judgments';
    const known = page(sharePageHtml({ ...section, url }));
    expect(known.byTag('link').map((l) => [attr(l, 'rel'), attr(l, 'href')])).toEqual([['canonical', url]]);
    expect(known.content('og:url')).toBe(url);
  });

  // The description is said four times (description, og:, twitter:, the page) and the title three:
  // what each kind of preview reads. A 300-character first sentence is the longest excerpt.
  it('stays under 2.75 kB for the longest first sentence, with the site address known', () => {
    const long = { ...section, description: `${'The ministry’s figures overstate the decline; '.repeat(6).slice(0, 299)}…`, url: 'https://atlas.example.org/atlas/assessments/iran-oil-sanctions-2025/#key-judgments' };
    expect(Buffer.byteLength(sharePageHtml(long))).toBeLessThan(2816);
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
    expect(await writeSharePages(out)).toBe(2);
    expect(readFileSync(join(out, second.file), 'utf8')).toBe(sharePageHtml(second));
    expect(readFileSync(join(out, section.file), 'utf8')).toBe(sharePageHtml(section));
    expect(existsSync(join(out, SHARE_MANIFEST))).toBe(false);
  });

  it('refuses a list that is not one of share pages, naming the file', async () => {
    out = mkdtempSync(join(tmpdir(), 'share-'));
    mkdirSync(join(out, 's'));
    writeFileSync(join(out, SHARE_MANIFEST), JSON.stringify([{ ...section, file: '../outside.html' }]));
    await expect(writeSharePages(out)).rejects.toThrow(/share-pages\.json: not a list of share pages \(0\.file/);
  });
});
