/**
 * Country and topic hubs, tag chips, share pages and link-preview meta, checked in dist/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { allPages, assertBuilt, attr, BASE, byTag, elements, first, hasClass, loadPage, visibleText, type Element, type Page } from './support/dist.ts';

assertBuilt();
/** The site address the build used; without one, pages carry no canonical link or og:url (astro.config.mjs). */
const SITE = process.env.SITE_URL || undefined;
const pages = allPages();

interface Section {
  id: string;
  title: string;
  countries?: string[];
  topics?: string[];
}
interface FrontMatter {
  slug: string;
  title: string;
  summary: string;
  countries: string[];
  topics: string[];
  sections: Section[];
}
const documents: FrontMatter[] = readdirSync('content/assessments')
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => yaml.load(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(`content/assessments/${name}`, 'utf8'))![1]!) as FrontMatter);
const countries = JSON.parse(readFileSync('content/countries.json', 'utf8')) as { id: string; name: string }[];
const topics = JSON.parse(readFileSync('content/topics.json', 'utf8')) as { id: string; label: string }[];

const main = (page: Page) => first(page.document, (element) => element.tagName === 'main')!;
const hrefs = (root: Element) => byTag(root, 'a').map((a) => attr(a, 'href')!);
const meta = (page: Page, key: string) =>
  byTag(page.document, 'meta').find((element) => attr(element, 'property') === key || attr(element, 'name') === key);

const kinds = [
  { kind: 'countries', field: 'countries', names: new Map(countries.map((c) => [c.id, c.name])) },
  { kind: 'topics', field: 'topics', names: new Map(topics.map((t) => [t.id, t.label])) },
] as const;

describe.each(kinds)('$kind hubs', ({ kind, field, names }) => {
  const tagged = [...new Set(documents.flatMap((doc) => [...doc[field], ...doc.sections.flatMap((section) => section[field] ?? [])]))].sort();

  it('exist for exactly the ids some document or section is tagged with, and the index lists only them', () => {
    const built = readdirSync(`dist/${kind}`, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    expect(built).toEqual(tagged);
    const index = loadPage(`${kind}/index.html`);
    const links = hrefs(main(index));
    expect([...links].sort()).toEqual(tagged.map((id) => `${BASE}${kind}/${id}/`).sort());
  });

  it.each(tagged)('%s: lists, for every document, each section tagged with it, with an excerpt and a deep link', (id) => {
    const page = loadPage(`${kind}/${id}/index.html`);
    expect(visibleText(byTag(page.document, 'h1')[0]!)).toBe(names.get(id));
    const expected = documents.flatMap((doc) =>
      doc.sections.filter((section) => (section[field] ?? []).includes(id)).map((section) => `${BASE}assessments/${doc.slug}/#${section.id}`),
    );
    // The sections list; a country hub's "rows in tables" (CountryTableRows) follows it with links of its own.
    const items = byTag(main(page), 'li').filter((li) => byTag(li, 'a').some((a) => attr(a, 'href')!.includes('#')) && !hasClass(li, 'hub-doc'));
    expect(items.map((li) => attr(byTag(li, 'a')[0]!, 'href'))).toEqual(expect.arrayContaining(expected));
    expect(items).toHaveLength(expected.length);
    // Under each document the first few sections carry an excerpt; the rest are folded, by title.
    const folded = new Set(byTag(main(page), 'details').flatMap((details) => byTag(details, 'li')));
    for (const li of items.filter((item) => !folded.has(item))) {
      const excerpt = first(li, (element) => hasClass(element, 'excerpt'));
      expect(excerpt && visibleText(excerpt).length, `excerpt under ${attr(byTag(li, 'a')[0]!, 'href')}`).toBeGreaterThan(20);
      expect(visibleText(excerpt!).length).toBeLessThanOrEqual(240);
    }
    for (const card of byTag(main(page), 'li').filter((li) => hasClass(li, 'hub-doc'))) {
      const own = byTag(card, 'li').filter((li) => items.includes(li));
      expect(own.filter((li) => !folded.has(li)).length).toBe(Math.min(3, own.length));
    }
    // Only documents that concern it: no menu of every page.
    const documentLinks = hrefs(main(page)).filter((href) => href.startsWith(`${BASE}assessments/`) && !href.includes('#'));
    const concerned = documents.filter((doc) => doc[field].includes(id) || doc.sections.some((section) => (section[field] ?? []).includes(id)));
    expect(documentLinks.sort()).toEqual(concerned.map((doc) => `${BASE}assessments/${doc.slug}/`).sort());
  });
});

describe('hub excerpts', () => {
  it('quote a sentence that mentions the country, through its aliases', () => {
    const page = loadPage('countries/north-korea/index.html');
    const item = byTag(main(page), 'li').find((li) => attr(byTag(li, 'a')[0]!, 'href')?.endsWith('#the-implications-of-russia-north-korea-relations-for-regional-stability'))!;
    expect(visibleText(first(item, (element) => hasClass(element, 'excerpt'))!)).toBe(
      'The evolving relationship between Moscow and Pyongyang brings significant implications for the geopolitical landscape in East Asia.',
    );
  });
});

describe('tag chips', () => {
  it('link every country and topic of a document to its hub', () => {
    for (const doc of documents) {
      const page = loadPage(`assessments/${doc.slug}/index.html`);
      const tags = first(page.document, (element) => hasClass(element, 'tags'))!;
      expect(hrefs(tags)).toEqual([...doc.countries.map((id) => `${BASE}countries/${id}/`), ...doc.topics.map((id) => `${BASE}topics/${id}/`)]);
    }
  });
});

describe('link previews', () => {
  it.each(pages.map((page) => [page.file, page] as const))('%s has its canonical URL (with a site address; not share pages), description, OpenGraph and Twitter card meta', (_file, page) => {
    const canonical = byTag(page.document, 'link').find((link) => attr(link, 'rel') === 'canonical');
    expect(page.html).not.toMatch(/localhost|127\.0\.0\.1/);
    // Share pages name no canonical URL or og:url, and give previews only og:description (src/lib/sharePage.ts).
    const isSharePage = page.file.startsWith('s/');
    if (!SITE || isSharePage) {
      expect(canonical).toBeUndefined();
      expect(meta(page, 'og:url')).toBeUndefined();
    } else {
      const url = attr(canonical!, 'href')!;
      expect(url.startsWith(`${SITE.replace(/\/$/, '')}${BASE}`)).toBe(true);
      expect(attr(meta(page, 'og:url')!, 'content')).toBe(url);
      if (page.file !== '404.html') expect(url).toBe(new URL(page.url, SITE).href);
    }
    const description = attr(meta(page, 'og:description')!, 'content');
    expect(description?.length).toBeGreaterThan(10);
    const title = attr(meta(page, 'og:title')!, 'content');
    expect(title?.length).toBeGreaterThan(0);
    if (isSharePage) expect(meta(page, 'description')).toBeUndefined();
    else expect(attr(meta(page, 'description')!, 'content')).toBe(description);
    expect(attr(meta(page, 'og:site_name')!, 'content')).toBe('Assessment Atlas');
    expect(attr(meta(page, 'og:type')!, 'content')).toMatch(/^(website|article)$/);
    // Pages with a social card (documents, share pages) get the large card when the card's
    // absolute URL is known (SITE_URL); others, and every page without SITE_URL, the plain one.
    const hasCard = meta(page, 'og:image') !== undefined;
    expect(attr(meta(page, 'twitter:card')!, 'content')).toBe(hasCard ? 'summary_large_image' : 'summary');
    expect(hasCard).toBe(Boolean(SITE) && (page.file.startsWith('s/') || page.file.startsWith('assessments/')));
    // X falls back to OpenGraph for the card's title, description and image.
    expect(meta(page, 'twitter:title')).toBeUndefined();
    expect(meta(page, 'twitter:description')).toBeUndefined();
  });

  it('document pages are articles described by their summary', () => {
    for (const doc of documents) {
      const page = loadPage(`assessments/${doc.slug}/index.html`);
      expect(attr(meta(page, 'og:type')!, 'content')).toBe('article');
      expect(attr(meta(page, 'og:description')!, 'content')).toBe(doc.summary);
      expect(attr(meta(page, 'og:title')!, 'content')).toBe(doc.title);
    }
  });
});

describe('share pages', () => {
  const cases = documents.flatMap((doc) => doc.sections.map((section) => [`${doc.slug}/${section.id}`, doc, section] as const));

  it.each(cases)('/s/%s/ previews the section and sends the reader on to it', (_name, doc, section) => {
    const page = loadPage(`s/${doc.slug}/${section.id}/index.html`);
    const target = `${BASE}assessments/${doc.slug}/#${section.id}`;
    const description = attr(meta(page, 'og:description')!, 'content')!;
    expect(attr(meta(page, 'og:title')!, 'content')).toBe(`${section.title} – ${doc.title}`);
    // The section's first sentence, not the document's summary.
    const body = readFileSync(`content/assessments/${doc.slug}.mdx`, 'utf8');
    // (The MDX source, minus list markers and bold: the seeds use no other markup.)
    const sectionText = body
      .split(`\n## ${section.title}\n`)[1]!
      .replace(/^(\d+\.|-) /gm, '')
      .replace(/\*\*/g, '')
      .trim();
    expect(sectionText.startsWith(description.replace(/…$/, ''))).toBe(true);
    expect(description).toMatch(/[.!?…]$/);
    // A preview that read a canonical link or og:url would fetch the document instead (sharePage.ts).
    expect(byTag(page.document, 'link').find((link) => attr(link, 'rel') === 'canonical')).toBeUndefined();
    expect(meta(page, 'og:url')).toBeUndefined();
    const refresh = byTag(page.document, 'meta').find((element) => attr(element, 'http-equiv') === 'refresh')!;
    expect(attr(refresh, 'content')).toBe(`0; url=${target}`);
    expect(visibleText(byTag(page.document, 'h1')[0]!)).toBe(section.title);
    expect(hrefs(main(page))).toContain(target);
  });
});
