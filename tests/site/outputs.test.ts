/**
 * Social cards and PDFs in the built site, read with real parsers (the PNG header for card sizes,
 * pdf.js for the PDFs), and what a build without SITE_URL leaves out: the preview image meta,
 * the feeds and the sitemap, which all need absolute URLs. Feeds and the sitemap of a build with
 * SITE_URL and BASE_PATH are tested in feeds.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { allPages, assertBuilt, attr, BASE, byTag, DIST, first, hasClass, normalizeSpace, type Page, visibleText } from './support/dist.ts';

const docPages = (): Page[] => allPages().filter((page) => /^assessments\/[^/]+\/index\.html$/.test(page.file));
const sharePages = (): Page[] => allPages().filter((page) => page.file.startsWith('s/'));
const meta = (page: Page, key: string): string | undefined => {
  const element = first(page.document, (el) => el.tagName === 'meta' && (attr(el, 'property') === key || attr(el, 'name') === key));
  return element && attr(element, 'content');
};
const distPath = (url: string) => decodeURIComponent(new URL(url).pathname).slice(BASE.length);

beforeAll(assertBuilt);

const SITE_URL = process.env.SITE_URL || undefined;

describe.runIf(!SITE_URL)('a build without SITE_URL', () => {
  it('writes no feeds and no sitemap, and robots.txt names none', () => {
    expect(existsSync(join(DIST, 'feeds'))).toBe(false);
    expect(existsSync(join(DIST, 'sitemap.xml'))).toBe(false);
    expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
  });

  it('links no feed and names no preview image, whose URLs would have to be absolute', () => {
    for (const page of [...docPages().slice(0, 5), ...sharePages().slice(0, 5)]) {
      expect(byTag(page.document, 'link').filter((el) => attr(el, 'rel') === 'alternate'), page.file).toEqual([]);
      expect(meta(page, 'og:image'), page.file).toBeUndefined();
      expect(meta(page, 'twitter:card'), page.file).toBe('summary');
    }
  });

  it('draws no social cards, which no page could name', () => {
    expect(existsSync(join(DIST, 'cards'))).toBe(false);
  });
});

describe.runIf(SITE_URL)('social cards', () => {
  it('a share page shows its section\'s own card, whose alt text names the section and then the document', () => {
    for (const page of sharePages()) {
      const [, slug, sectionId] = page.file.split('/');
      const doc = docPages().find((candidate) => candidate.file === `assessments/${slug}/index.html`)!;
      expect(distPath(meta(page, 'og:image')!)).toBe(`cards/${slug}/${sectionId}.png`);
      const heading = first(page.document, (el) => el.tagName === 'h1')!;
      const title = heading.childNodes.map((node) => ('value' in node ? node.value : '')).join('').trim();
      const documentTitle = first(doc.document, (el) => el.tagName === 'h1')!;
      expect(meta(page, 'og:image:alt')).toContain(` · ${title} · ${visibleText(documentTitle).trim()}`);
    }
  });

  it('every document and share page has a 1200x630 PNG card as og:image, with alt text and a large Twitter card', () => {
    const pages = [...docPages(), ...sharePages()];
    expect(sharePages().length).toBeGreaterThan(0);
    for (const page of pages) {
      const image = meta(page, 'og:image');
      expect(image, page.file).toBeDefined();
      const png = readFileSync(join(DIST, distPath(image!)));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], image).toEqual([1200, 630]);
      expect(meta(page, 'og:image:alt')!.length).toBeGreaterThan(10);
      expect(meta(page, 'twitter:card')).toBe('summary_large_image');
    }
  });
});

describe('PDFs', () => {
  it('every document page links its PDF, which contains the title, every heading and each section\'s text, with the stated page count and size', async () => {
    for (const page of docPages()) {
      const link = first(page.document, (el) => el.tagName === 'a' && attr(el, 'type') === 'application/pdf');
      expect(link, `${page.file} has no PDF link`).toBeDefined();
      const label = link!.childNodes.map((node) => ('value' in node ? node.value : '')).join('');
      const stated = /^Download PDF, (\d+) pages?, (\d+) kB$/.exec(label);
      expect(stated, label).not.toBeNull();
      const bytes = readFileSync(join(DIST, decodeURIComponent(attr(link!, 'href')!).slice(BASE.length)));
      expect(Math.max(1, Math.round(bytes.length / 1000))).toBe(Number(stated![2]));
      const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
      expect(pdf.numPages).toBe(Number(stated![1]));
      const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
      let text = '';
      for (let n = 1; n <= pdf.numPages; n++) {
        const content = await (await pdf.getPage(n)).getTextContent();
        text += ` ${content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : '')).join('')}`;
      }
      const flat = text.replace(/\s+/g, ' ');
      const title = meta(page, 'og:title')!;
      expect(info.Title).toBe(title);
      expect(flat).toContain(title.replace(/\s+/g, ' ').slice(0, 30));
      for (const section of byTag(page.document, 'section').filter((el) => hasClass(el, 'doc-section'))) {
        const heading = first(section, (el) => el.tagName === 'h2')!;
        const headingText = heading.childNodes.map((node) => ('value' in node ? node.value : '')).join('').trim();
        expect(flat, `${page.file}: heading "${headingText}" missing from the PDF`).toContain(headingText.split(' ').slice(0, 3).join(' '));
        const paragraph = first(section, (el) => el.tagName === 'p' || el.tagName === 'li');
        if (!paragraph) continue;
        // Interface text the page marks as not prose (the judgment's likelihood badge) is not printed.
        const prose = { ...paragraph, childNodes: paragraph.childNodes.filter((node) => !('attrs' in node) || attr(node, 'data-pagefind-ignore') === undefined) };
        const sentence = normalizeSpace(visibleText(prose)).split(/(?<=\.)\s/)[0]!;
        const words = sentence.split(/\s+/).slice(0, 6).join(' ');
        expect(flat, `${page.file}: "${words}" of section "${headingText}" missing from the PDF`).toContain(words);
      }
      // Tables as tables: each one's caption and the cells of its first row (the page's own
      // furniture, such as the estimative-language legend, is not part of the document).
      const sections = byTag(page.document, 'section').filter((el) => hasClass(el, 'doc-section'));
      for (const table of sections.flatMap((section) => byTag(section, 'table'))) {
        const caption = normalizeSpace(visibleText(first(table, (el) => el.tagName === 'caption')!));
        expect(flat, `${page.file}: table "${caption}" missing from the PDF`).toContain(caption.split(' ').slice(0, 6).join(' '));
        const row = byTag(first(table, (el) => el.tagName === 'tbody')!, 'tr')[0]!;
        for (const cell of row.childNodes.filter((node) => 'tagName' in node && (node.tagName === 'td' || node.tagName === 'th'))) {
          expect(flat, `${page.file}: a cell of table "${caption}" missing from the PDF`).toContain(normalizeSpace(visibleText(cell)));
        }
      }
    }
  });
});
