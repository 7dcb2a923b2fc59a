/**
 * Feeds, sitemap, robots.txt and preview images of a build with SITE_URL and BASE_PATH set, as a
 * site below a path on its host is published: every URL absolute, under the base path. Three
 * documents of real shapes: the seed assessment (dated here), a think-tank report with bylines and
 * a publication date, and a CRS brief with an "Updated" date. Read with fast-xml-parser's strict
 * validator.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSite, type BuiltSite } from './support/builtSite.ts';
import { attr, byTag, first, hasClass, type Page } from './support/dist.ts';
import { createFixtureSite, type FixtureSite } from './support/fixtureSite.ts';

const SITE_URL = 'https://atlas.example.org';
const BASE_PATH = '/atlas/';
const SOURCES = ['think-tank-report', 'crs-in-focus'];

let fixture: FixtureSite;
let site: BuiltSite;

beforeAll(async () => {
  fixture = createFixtureSite();
  fixture.editDocument(({ data }) => {
    data.published = '2024-05-01';
  });
  mkdirSync(join(fixture.root, 'incoming'));
  const files = SOURCES.map((name) => {
    const file = join(fixture.root, 'incoming', `${name}.txt`);
    cpSync(`tests/unit/ingest/fixtures/${name}/source.txt`, file);
    return file;
  });
  await promisify(execFile)(process.execPath, ['src/ingest/cli.ts', ...files, '--root', fixture.root], { cwd: process.cwd() });
  const built = await fixture.build({ SITE_URL, BASE_PATH });
  if (!built.ok) throw new Error(built.output);
  site = builtSite(fixture.dist);
}, 240_000);
afterAll(() => fixture?.remove());

const parser = new XMLParser({ ignoreAttributes: false, htmlEntities: true, attributeNamePrefix: '@', isArray: (name) => ['entry', 'item', 'url', 'category', 'link', 'author', 'dc:creator'].includes(name) });

function readXml(path: string) {
  const text = readFileSync(join(fixture.dist, path), 'utf8');
  const valid = XMLValidator.validate(text);
  expect(valid, `${path} is not well-formed XML: ${JSON.stringify(valid)}`).toBe(true);
  return parser.parse(text);
}

/** The file in dist/ an absolute URL of this site points at. */
function distPath(url: string): string {
  expect(url.startsWith(`${SITE_URL}${BASE_PATH}`), url).toBe(true);
  return decodeURIComponent(new URL(url).pathname).slice(BASE_PATH.length);
}

const docPages = (): Page[] => site.pages.filter((page) => /^assessments\/[^/]+\/index\.html$/.test(page.file));
const meta = (page: Page, key: string): string | undefined => {
  const element = first(page.document, (el) => el.tagName === 'meta' && (attr(el, 'property') === key || attr(el, 'name') === key));
  return element && attr(element, 'content');
};
const canonical = (page: Page) => attr(first(page.document, (el) => el.tagName === 'link' && attr(el, 'rel') === 'canonical')!, 'href')!;

/** The dates a document page's header states ("Published <time>", "Updated <time>"). */
function statedDays(page: Page): { published?: string | undefined; latest?: string | undefined } {
  const header = first(page.document, (el) => el.tagName === 'p' && hasClass(el, 'meta'));
  const times = header ? byTag(header, 'time') : [];
  const labelled = times.map((time) => ({ day: attr(time, 'datetime')!, label: ((time.parentNode as { childNodes: { value?: string }[] }).childNodes[0]?.value ?? '').trim() }));
  return { published: labelled.find((t) => t.label === 'Published')?.day, latest: labelled.map((t) => t.day).sort().at(-1) };
}

/** The bylines a document page's header states. */
const statedAuthors = (page: Page) =>
  byTag(first(page.document, (el) => hasClass(el, 'doc-header'))!, 'span')
    .filter((el) => hasClass(el, 'author'))
    .map((el) => el.childNodes.map((node) => ('value' in node ? node.value : '')).join('').trim());

describe('feeds', () => {
  it('the site-wide Atom feed lists every document with its title, summary, authors and stated dates, newest first', () => {
    const feed = readXml('feeds/atom.xml').feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(`${SITE_URL}${BASE_PATH}feeds/atom.xml`);
    const pages = docPages();
    expect(pages.length).toBe(3);
    const entries = feed.entry as Record<string, unknown>[];
    expect(entries.length).toBe(pages.length);
    const updated = entries.map((entry) => Date.parse(String(entry.updated)));
    expect([...updated].sort((a, b) => b - a)).toEqual(updated);
    expect(feed.updated).toBe(entries[0]!.updated);
    for (const page of pages) {
      const entry = entries.find((candidate) => candidate.id === canonical(page));
      expect(entry, `no entry for ${canonical(page)}`).toBeDefined();
      expect(entry!.title).toBe(meta(page, 'og:title'));
      expect(entry!.summary).toMatchObject({ '#text': meta(page, 'og:description') });
      // Only dates the page states: Published first, then Updated; none means no <published>.
      const stated = statedDays(page);
      if (stated.published) expect(String(entry!.published).slice(0, 10)).toBe(stated.published);
      else expect(entry!.published).toBeUndefined();
      if (stated.latest) expect(String(entry!.updated).slice(0, 10)).toBe(stated.latest);
      expect(((entry!.author ?? []) as { name: string }[]).map((author) => author.name)).toEqual(statedAuthors(page));
    }
    // The think-tank report has two bylines; the brief its "Updated" date.
    expect(entries.some((entry) => ((entry.author ?? []) as unknown[]).length === 2)).toBe(true);
  });

  it('the RSS feed has the same items, with their creators', () => {
    const channel = readXml('feeds/rss.xml').rss.channel;
    const atom = readXml('feeds/atom.xml').feed.entry as { id: string; author?: { name: string }[] }[];
    // <link> is an array: fast-xml-parser reads every <link> as one, Atom's many and RSS's one.
    const items = channel.item as { link: string[]; 'dc:creator'?: string[] }[];
    expect(items.map((item) => item.link[0])).toEqual(atom.map((entry) => entry.id));
    expect(items.map((item) => item['dc:creator'] ?? [])).toEqual(atom.map((entry) => (entry.author ?? []).map((a) => a.name)));
  });

  it('each country hub has its own feed, linked from the hub, listing only its documents', () => {
    const hubs = site.pages.filter((page) => /^countries\/[^/]+\/index\.html$/.test(page.file));
    expect(hubs.length).toBeGreaterThan(0);
    for (const hub of hubs) {
      const id = hub.file.split('/')[1]!;
      const link = first(hub.document, (el) => el.tagName === 'link' && attr(el, 'rel') === 'alternate' && attr(el, 'href') === `${BASE_PATH}feeds/countries/${id}/atom.xml`);
      expect(link, `${hub.file} has no link to its feed`).toBeDefined();
      const feed = readXml(`feeds/countries/${id}/atom.xml`).feed;
      expect((feed.entry ?? []).length).toBeGreaterThan(0);
      for (const entry of feed.entry) expect((entry.category as { '@term': string }[]).map((c) => c['@term'])).toContain(id);
    }
  });

  it('every page but the share pages names the site-wide feeds', () => {
    for (const page of site.pages.filter((candidate) => !candidate.file.startsWith('s/'))) {
      const types = byTag(page.document, 'link').filter((el) => attr(el, 'rel') === 'alternate').map((el) => attr(el, 'type'));
      expect(types, page.file).toEqual(expect.arrayContaining(['application/atom+xml', 'application/rss+xml']));
    }
  });
});

describe('sitemap and robots.txt', () => {
  it('lists every document with its latest stated date, and the hubs, but no share page or earlier version', () => {
    const urls = (readXml('sitemap.xml').urlset.url as { loc: string; lastmod?: string }[]).map((url) => ({ path: distPath(url.loc), lastmod: url.lastmod }));
    for (const page of docPages()) {
      const entry = urls.find((url) => `${url.path}index.html` === page.file);
      expect(entry, page.file).toBeDefined();
      expect(entry!.lastmod?.slice(0, 10), page.file).toBe(statedDays(page).latest);
    }
    expect(urls.filter((url) => /^(s\/|assessments\/[^/]+\/(v|changes)\/)/.test(url.path))).toEqual([]);
    expect(urls.some((url) => url.path.startsWith('countries/'))).toBe(true);
    for (const url of urls) expect(existsSync(join(fixture.dist, url.path, 'index.html')), url.path).toBe(true);
  });

  it('robots.txt names the sitemap by its absolute URL', () => {
    expect(readFileSync(join(fixture.dist, 'robots.txt'), 'utf8')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE_URL}${BASE_PATH}sitemap.xml\n`);
  });
});

describe('preview images', () => {
  it('every document and share page names its 1200x630 PNG card by its absolute URL, with alt text and a large Twitter card', () => {
    const shares = site.pages.filter((page) => page.file.startsWith('s/'));
    expect(shares.length).toBeGreaterThan(0);
    for (const page of [...docPages(), ...shares]) {
      const image = meta(page, 'og:image')!;
      expect([meta(page, 'og:image:width'), meta(page, 'og:image:height')], page.file).toEqual(['1200', '630']);
      const png = readFileSync(join(fixture.dist, distPath(image)));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], image).toEqual([1200, 630]);
      expect(meta(page, 'og:image:alt')!.length, page.file).toBeGreaterThan(10);
      expect(meta(page, 'twitter:card'), page.file).toBe('summary_large_image');
    }
  });
  it('gives each section its own card: the share page of every section names a different image from its document\'s', () => {
    const shares = site.pages.filter((page) => page.file.startsWith('s/'));
    const images = shares.map((page) => meta(page, 'og:image')!);
    expect(new Set(images).size).toBe(shares.length);
    for (const page of shares) {
      const [, slug, sectionId] = page.file.split('/');
      expect(meta(page, 'og:image'), page.file).toBe(`${SITE_URL}${BASE_PATH}cards/${slug}/${sectionId}.png`);
    }
  });
});
