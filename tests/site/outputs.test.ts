/**
 * Feeds, sitemap, robots.txt, social cards and PDFs in the built site, read with real parsers:
 * fast-xml-parser's validator for the XML, the PNG header for card sizes, pdf.js for the PDFs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { allPages, assertBuilt, attr, BASE, byTag, DIST, first, hasClass, type Page } from './support/dist.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'item', 'url', 'category', 'link', 'author'].includes(name) });

function readXml(path: string) {
  const text = readFileSync(join(DIST, path), 'utf8');
  const valid = XMLValidator.validate(text);
  expect(valid, `${path} is not well-formed XML: ${JSON.stringify(valid)}`).toBe(true);
  return parser.parse(text);
}

const docPages = (): Page[] => allPages().filter((page) => /^assessments\/[^/]+\/index\.html$/.test(page.file));
const sharePages = (): Page[] => allPages().filter((page) => page.file.startsWith('s/'));
const meta = (page: Page, key: string) => attr(first(page.document, (el) => el.tagName === 'meta' && (attr(el, 'property') === key || attr(el, 'name') === key))!, 'content');
const distPath = (url: string) => decodeURIComponent(new URL(url).pathname).slice(BASE.length);

beforeAll(assertBuilt);

/** The dates a document page's header states ("Published <time>", "Updated <time>"). */
function statedDays(page: Page): { published?: string | undefined; latest?: string | undefined } {
  const header = first(page.document, (el) => el.tagName === 'p' && hasClass(el, 'meta'));
  const times = header ? byTag(header, 'time') : [];
  const labelled = times.map((time) => ({ day: attr(time, 'datetime')!, label: ((time.parentNode as { childNodes: { value?: string }[] }).childNodes[0]?.value ?? '').trim() }));
  return { published: labelled.find((t) => t.label === 'Published')?.day, latest: labelled.map((t) => t.day).sort().at(-1) };
}

describe('feeds', () => {
  it('the site-wide Atom feed lists every document with its title, summary and dates, newest first', () => {
    const feed = readXml('feeds/atom.xml').feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    const pages = docPages();
    const entries = feed.entry as Record<string, unknown>[];
    expect(entries.length).toBe(pages.length);
    const updated = entries.map((entry) => Date.parse(String(entry.updated)));
    expect(updated.every((time) => !Number.isNaN(time))).toBe(true);
    expect([...updated].sort((a, b) => b - a)).toEqual(updated);
    expect(feed.updated).toBe(entries[0]!.updated);
    for (const page of pages) {
      const url = attr(first(page.document, (el) => el.tagName === 'link' && attr(el, 'rel') === 'canonical')!, 'href');
      const entry = entries.find((candidate) => candidate.id === url);
      expect(entry, `no entry for ${url}`).toBeDefined();
      expect(entry!.title).toBe(meta(page, 'og:title'));
      expect(entry!.summary).toMatchObject({ '#text': meta(page, 'og:description') });
      // Only dates the page states: Published first, then Updated; none means no <published>.
      const stated = statedDays(page);
      if (stated.published) expect(String(entry!.published).slice(0, 10)).toBe(stated.published);
      else expect(entry!.published).toBeUndefined();
      if (stated.latest) expect(String(entry!.updated).slice(0, 10)).toBe(stated.latest);
    }
  });

  it('the RSS feed has the same items', () => {
    const channel = readXml('feeds/rss.xml').rss.channel;
    const atom = readXml('feeds/atom.xml').feed.entry as { id: string }[];
    expect((channel.item as { link: string[] }[]).map((item) => item.link[0])).toEqual(atom.map((entry) => entry.id));
  });

  it('each country hub has its own feed, linked from the hub, listing only its documents', () => {
    const hubs = allPages().filter((page) => /^countries\/[^/]+\/index\.html$/.test(page.file));
    expect(hubs.length).toBeGreaterThan(0);
    for (const hub of hubs) {
      const id = hub.file.split('/')[1]!;
      const link = first(hub.document, (el) => el.tagName === 'link' && attr(el, 'rel') === 'alternate' && (attr(el, 'href') ?? '').includes(`/feeds/countries/${id}/`));
      expect(link, `${hub.file} has no link to its feed`).toBeDefined();
      const feed = readXml(`feeds/countries/${id}/atom.xml`).feed;
      for (const entry of feed.entry ?? []) {
        expect((entry.category as { '@term': string }[]).map((c) => c['@term'])).toContain(id);
      }
    }
  });

  it('every page names the site-wide feeds', () => {
    for (const page of allPages().slice(0, 20)) {
      const types = byTag(page.document, 'link').filter((el) => attr(el, 'rel') === 'alternate').map((el) => attr(el, 'type'));
      expect(types, page.file).toEqual(expect.arrayContaining(['application/atom+xml', 'application/rss+xml']));
    }
  });
});

describe('sitemap and robots.txt', () => {
  it('lists every document with a lastmod, and the hubs, but no share page', () => {
    const urls = (readXml('sitemap.xml').urlset.url as { loc: string; lastmod?: string }[]).map((url) => ({ path: distPath(url.loc), lastmod: url.lastmod }));
    for (const page of docPages()) {
      const entry = urls.find((url) => `${url.path}index.html` === page.file);
      expect(entry, page.file).toBeDefined();
      // lastmod is the latest date the page states, and absent when it states none.
      expect(entry!.lastmod, page.file).toBe(statedDays(page).latest);
    }
    expect(urls.filter((url) => /^assessments\/[^/]+\/(v|changes)\//.test(url.path))).toEqual([]);
    expect(urls.some((url) => url.path.startsWith('countries/'))).toBe(true);
    expect(urls.filter((url) => url.path.startsWith('s/'))).toEqual([]);
    for (const url of urls) expect(existsSync(join(DIST, url.path, 'index.html')), url.path).toBe(true);
  });

  it('robots.txt names the sitemap', () => {
    const line = readFileSync(join(DIST, 'robots.txt'), 'utf8').split('\n').find((l) => l.startsWith('Sitemap: '));
    expect(line).toBeDefined();
    expect(distPath(line!.slice('Sitemap: '.length))).toBe('sitemap.xml');
  });
});

describe('social cards', () => {
  it('a share page shows its document\'s card and names its section in the alt text', () => {
    for (const page of sharePages()) {
      const slug = page.file.split('/')[1]!;
      const doc = docPages().find((candidate) => candidate.file === `assessments/${slug}/index.html`)!;
      expect(meta(page, 'og:image')).toBe(meta(doc, 'og:image'));
      const heading = first(page.document, (el) => el.tagName === 'h1')!;
      const title = heading.childNodes.map((node) => ('value' in node ? node.value : '')).join('').trim();
      expect(meta(page, 'og:image:alt')).toBe(`${meta(doc, 'og:image:alt')} · Section: ${title}`);
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
        const sentence = paragraph.childNodes.map((node) => ('value' in node ? node.value : '')).join('').trim().split(/(?<=\.)\s/)[0]!;
        const words = sentence.split(/\s+/).slice(0, 6).join(' ');
        expect(flat, `${page.file}: "${words}" of section "${headingText}" missing from the PDF`).toContain(words);
      }
    }
  });
});
