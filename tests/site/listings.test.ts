/**
 * Listings that stay the same size as the archive grows: every page of the built site is under
 * 100 KB of HTML, and the home page, the hubs and /data/ are paginated at stable URLs, newest
 * first, each entry on exactly one page. Checked on this project's dist/ and on a fixture site
 * with enough documents (ingested with the real ingester) to fill several pages of every list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBackMatter, type Role } from '../../src/lib/roles.ts';
import { attr, byTag, elements, hasClass, visibleText, type Element, type Page } from './support/dist.ts';
import { builtSite, headLink, listPages, mainOf, pageNav, type BuiltSite } from './support/builtSite.ts';
import { createListingSite } from './support/listingSite.ts';
import type { FixtureSite } from './support/fixtureSite.ts';

const LIMIT = 100 * 1000;

describe('this site (dist/)', () => {
  it('has no page of 100 KB of HTML or more', () => {
    const site = builtSite('dist');
    const large = site.pages.filter((page) => Buffer.byteLength(page.html) >= LIMIT).map((page) => `${page.file}: ${Buffer.byteLength(page.html)} bytes`);
    expect(large).toEqual([]);
  });
});

interface Section {
  id: string;
  title: string;
  role?: Role;
  countries?: string[];
  topics?: string[];
}
interface Doc {
  slug: string;
  title: string;
  /** ISO days, as the ingester writes them (quoted). */
  published?: string;
  updated?: string;
  countries: string[];
  topics: string[];
  sections: Section[];
}
interface TableFile {
  title: string;
  section: string;
}

const DOCUMENTS = 61;
let fixture: FixtureSite;
let site: BuiltSite;
let docs: Doc[];
let tables: { id: string; data: TableFile }[];
let buildOutput = '';

beforeAll(async () => {
  const made = await createListingSite(DOCUMENTS - 1);
  fixture = made.site;
  const built = await fixture.build();
  buildOutput = built.output;
  if (!built.ok) throw new Error(`the listing fixture site did not build:\n${built.output.slice(-4000)}`);
  site = builtSite(fixture.dist);
  const dir = join(fixture.root, 'content/assessments');
  docs = readdirSync(dir).map((name) => yaml.load(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(dir, name), 'utf8'))![1]!) as Doc);
  const tableDir = join(fixture.root, 'content/tables');
  tables = readdirSync(tableDir).flatMap((slug) =>
    readdirSync(join(tableDir, slug)).map((name) => ({ id: `${slug}/${name.replace(/\.json$/, '')}`, data: JSON.parse(readFileSync(join(tableDir, slug, name), 'utf8')) as TableFile })),
  );
}, 300_000);
afterAll(() => fixture?.remove());

const byTitle = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const time = (day: string | undefined) => (day === undefined ? -Infinity : new Date(`${day}T00:00:00Z`).getTime());
const dateOf = (doc: Doc) => Math.max(time(doc.published), time(doc.updated));
/** Newest first by the latest stated date (undated documents, at -Infinity, last), then by title, then slug. */
function listingOrder(a: Doc, b: Doc): number {
  const [x, y] = [dateOf(a), dateOf(b)];
  if (x !== y) return y - x;
  return byTitle.compare(a.title, b.title) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}
const sorted = () => [...docs].sort(listingOrder);
const docHref = (doc: Doc) => `/assessments/${doc.slug}/`;
const hrefs = (root: Element) => byTag(root, 'a').map((a) => attr(a, 'href')!);

/** The checks every paginated list passes: navigation, head links, page sizes. */
function checkPagination(list: Page[], perPage: (page: Page) => number, max: number) {
  const first = list[0]!;
  list.forEach((page, index) => {
    const nav = pageNav(page);
    if (list.length === 1) {
      expect(nav, page.url).toBeUndefined();
      return;
    }
    expect(attr(nav!, 'aria-label')?.length, page.url).toBeGreaterThan(5);
    const current = byTag(nav!, 'a').filter((a) => attr(a, 'aria-current') === 'page');
    expect(current.map((a) => attr(a, 'href')), page.url).toEqual([page.url]);
    // Stable addresses: the first page is the list's own URL, later ones <list>page/<n>/.
    expect(page.url).toBe(index === 0 ? first.url : `${first.url}page/${index + 1}/`);
    const link = (text: string) => byTag(nav!, 'a').find((a) => visibleText(a) === text);
    expect(attr(link('First') ?? nav!, 'href') ?? null).toBe(index === 0 ? null : first.url);
    expect(attr(link('Previous') ?? nav!, 'href') ?? null).toBe(index === 0 ? null : list[index - 1]!.url);
    expect(attr(link('Next') ?? nav!, 'href') ?? null).toBe(index === list.length - 1 ? null : list[index + 1]!.url);
    expect(attr(link('Last') ?? nav!, 'href') ?? null).toBe(index === list.length - 1 ? null : list.at(-1)!.url);
    expect(headLink(page, 'prev') ?? null).toBe(index === 0 ? null : list[index - 1]!.url);
    for (const href of hrefs(nav!)) expect(site.page(href), `${page.url} links to ${href}`).toBeDefined();
    const count = perPage(page);
    expect(count, page.url).toBeLessThanOrEqual(max);
    // Every page before the last one that lists entries is full. A country hub can run on past
    // its documents, with pages that carry only more of its table rows.
    const more = list.slice(index + 1).some((later) => perPage(later) > 0);
    if (more) expect(count, page.url).toBeGreaterThanOrEqual(Math.min(25, max));
  });
}

describe('a site with enough documents to paginate', { timeout: 120_000 }, () => {
  it('builds', () => {
    expect(buildOutput).toContain('Complete');
    expect(docs).toHaveLength(DOCUMENTS);
  });

  it('has no page of 100 KB of HTML or more', () => {
    const large = site.pages.filter((page) => Buffer.byteLength(page.html) >= LIMIT).map((page) => `${page.file}: ${Buffer.byteLength(page.html)} bytes`);
    expect(large).toEqual([]);
  });

  it('lists every document on the home pages exactly once, newest first, undated last', () => {
    const list = listPages(site, '/');
    expect(list.length).toBeGreaterThan(1);
    const cards = (page: Page) => byTag(mainOf(page), 'li').filter((li) => hasClass(li, 'doc-card'));
    checkPagination(list, (page) => cards(page).length, 50);
    const listed = list.flatMap((page) => cards(page).map((card) => attr(byTag(card, 'a')[0]!, 'href')));
    expect(listed).toEqual(sorted().map(docHref));
    // Dated documents come first, and the search page is offered for the rest.
    const dates = list.flatMap((page) => byTag(mainOf(page), 'time').map((time) => attr(time, 'datetime')!));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(hrefs(mainOf(list[0]!))).toContain('/search/');
  });

  const hubCases = [
    { kind: 'countries', field: 'countries', id: 'japan', search: '/search/?country=japan&sort=newest' },
    { kind: 'topics', field: 'topics', id: 'arms-race', search: '/search/?topic=arms-race&sort=newest' },
  ] as const;

  it.each(hubCases)('$kind/$id lists its documents once each, newest first, with their sections folded under them', ({ kind, field, id, search }) => {
    const list = listPages(site, `/${kind}/${id}/`);
    const tagged = (doc: Doc) => doc.sections.filter((section) => !isBackMatter(section.role) && (section[field] ?? []).includes(id));
    const concerned = sorted().filter((doc) => doc[field].includes(id) || tagged(doc).length > 0);
    expect(concerned.length).toBeGreaterThan(25);
    const cards = (page: Page) => byTag(mainOf(page), 'li').filter((li) => hasClass(li, 'hub-doc'));
    checkPagination(list, (page) => cards(page).length, 50);
    const listed = list.flatMap(cards);
    expect(listed.map((card) => attr(byTag(card, 'a')[0]!, 'href'))).toEqual(concerned.map(docHref));
    listed.forEach((card, n) => {
      const doc = concerned[n]!;
      const sectionLinks = hrefs(card).filter((href) => href.includes('#'));
      expect(sectionLinks, doc.slug).toEqual(tagged(doc).map((section) => `${docHref(doc)}#${section.id}`));
      // A few with an excerpt; the others folded, by title, with how many there are.
      const excerpts = elements(card).filter((element) => hasClass(element, 'excerpt'));
      const folded = byTag(card, 'details');
      if (tagged(doc).length === 0) return;
      expect(excerpts.length, doc.slug).toBe(Math.min(3, tagged(doc).length));
      for (const excerpt of excerpts) expect(visibleText(excerpt).length).toBeGreaterThan(20);
      expect(folded.length).toBe(tagged(doc).length > 3 ? 1 : 0);
      if (folded[0]) expect(visibleText(byTag(folded[0], 'summary')[0]!)).toBe(`And ${tagged(doc).length - 3} more section${tagged(doc).length - 3 === 1 ? '' : 's'}`);
    });
    for (const page of list) expect(hrefs(mainOf(page)), page.url).toContain(search);
  });

  it('pages a country hub\'s table rows beside its documents, each row once, at most 20 a page', () => {
    const list = listPages(site, '/countries/japan/');
    const rows = list.flatMap((page) => {
      const section = elements(mainOf(page)).find((element) => hasClass(element, 'country-rows'));
      const body = section ? byTag(section, 'tbody')[0]! : undefined;
      const found = body ? byTag(body, 'tr') : [];
      expect(found.length, page.url).toBeLessThanOrEqual(20);
      return found.map((tr) => attr(byTag(tr, 'a')[0]!, 'href')!);
    });
    // The typed-cells tables each have a row about Japan; every link leads to a table on its page.
    expect(rows.length).toBeGreaterThan(20);
    for (const href of rows) {
      const [path, id] = href.split('#');
      expect(elements(site.page(path!)!.document).some((element) => attr(element, 'id') === id), href).toBe(true);
    }
  });

  it('lists every table on /data/ pages exactly once, with its document, section, table link and downloads', () => {
    const list = listPages(site, '/data/');
    expect(list.length).toBeGreaterThan(1);
    const items = (page: Page) => byTag(mainOf(page), 'li').filter((li) => hasClass(li, 'data-item'));
    checkPagination(list, (page) => items(page).length, 50);
    const listed = list.flatMap(items);
    expect(listed).toHaveLength(tables.length);
    const order = sorted().map((doc) => doc.slug);
    const slugs = listed.map((item) => attr(byTag(item, 'a').find((a) => attr(a, 'download') !== undefined)!, 'href')!.split('/')[2]!);
    expect(slugs).toEqual([...slugs].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    for (const { id, data } of tables) {
      const slug = id.split('/')[0]!;
      const entry = listed.filter((item) => hrefs(item).includes(`/data/${id}.csv`));
      expect(entry, id).toHaveLength(1);
      const links = hrefs(entry[0]!);
      expect(links).toEqual(expect.arrayContaining([`/data/${id}.json`, `/assessments/${slug}/`, `/assessments/${slug}/#${data.section}`]));
      expect(site.fileExists(`/data/${id}.csv`) && site.fileExists(`/data/${id}.json`)).toBe(true);
      const table = links.find((href) => href.startsWith(`/assessments/${slug}/#table-`))!;
      expect(visibleText(byTag(entry[0]!, 'a')[0]!)).toBe(data.title);
      expect(elements(site.page(table)!.document).some((element) => element.tagName === 'table' && attr(element, 'id') === table.split('#')[1]), table).toBe(true);
    }
  });

  it('keeps the hub indexes to names and counts', () => {
    for (const kind of ['countries', 'topics']) {
      const page = site.page(`/${kind}/`)!;
      expect(Buffer.byteLength(page.html)).toBeLessThan(30_000);
      expect(hrefs(mainOf(page)).every((href) => href.startsWith(`/${kind}/`))).toBe(true);
    }
  });
});
