/**
 * Revisions, over a built fixture site with three versions of one brief (version 2 ingested
 * last): every earlier version and every change page exists, is valid HTML and links correctly;
 * the current page says it was updated and marks its changed judgments; a link to a section
 * that version 1 published still lands on the current page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attr, byTag, elements, first, hasClass, normalizeSpace, visibleText, type Element } from './support/dist.ts';
import { openBundle } from './support/pagefind.ts';
import { createRevisionsSite, REVISED_SLUG } from './support/revisionsFixture.ts';
import type { FixtureSite } from './support/fixtureSite.ts';
import { htmlErrors } from './support/vnu.ts';

const DOC = `/assessments/${REVISED_SLUG}/`;
const PAGES = [DOC, `${DOC}v/1/`, `${DOC}v/2/`, `${DOC}changes/`, `${DOC}changes/2/`, `${DOC}changes/3/`];

let site: FixtureSite;
let output = '';
const file = (path: string) => join(site.dist, path.split('#')[0]!, path.split('#')[0]!.endsWith('/') ? 'index.html' : '');
const html = (path: string) => readFileSync(file(path), 'utf8');
const doc = (path: string) => parse(html(path));
const text = (path: string) => normalizeSpace(visibleText(doc(path)));
const byId = (path: string, id: string) => first(doc(path), (element) => attr(element, 'id') === id);

// With the site's address known, as a published site is built: feeds and the sitemap need it.
const SITE_URL = 'https://atlas.example.org';

beforeAll(async () => {
  site = createRevisionsSite();
  const result = await site.build({ SITE_URL });
  output = result.output;
  if (!result.ok) throw new Error(`the revisions fixture site did not build:\n${output.slice(-4000)}`);
}, 240_000);
afterAll(() => site?.remove());

describe('pages of earlier versions and changes', () => {
  it('exist for every earlier version and every pair of consecutive versions, and no more', () => {
    for (const page of PAGES) expect(existsSync(file(page)), page).toBe(true);
    expect(existsSync(file(`${DOC}v/3/`))).toBe(false);
    expect(existsSync(file(`${DOC}changes/1/`))).toBe(false);
  });

  it('are valid HTML (Nu Html Checker)', async () => {
    expect(await htmlErrors(PAGES.map(file), (url) => url.replace(/^.*\/dist\//, ''))).toEqual([]);
  });

  it('link only to pages and fragments that exist', () => {
    for (const page of PAGES) {
      for (const a of byTag(doc(page), 'a')) {
        const href = attr(a, 'href') ?? '';
        if (!href.startsWith('/') || href.startsWith('//')) continue;
        const [path, fragment] = href.split('#');
        const target = path === '' ? page : path!;
        expect(existsSync(file(target.endsWith('/') || /\.\w+$/.test(target) ? target : `${target}/`)), `${page} -> ${href}`).toBe(true);
        if (fragment && target.endsWith('/')) expect(byId(target, decodeURIComponent(fragment)), `${page} -> ${href}`).toBeDefined();
      }
    }
  });

  it('order the versions by their stated dates, so the version ingested last sits in the middle', () => {
    expect(text(`${DOC}v/1/`)).toContain('You are reading version 1 of 3 (dated 4 March 2026)');
    expect(text(`${DOC}v/2/`)).toContain('You are reading version 2 of 3 (dated 10 June 2026)');
    expect(text(DOC)).toContain('Updated 18 September 2026 · 2 earlier versions · What changed');
  });
});

describe('an earlier version', () => {
  it('is marked as superseded, linking to the current version and to what replaced it, and is noindex', () => {
    const page = doc(`${DOC}v/1/`);
    const robots = first(page, (e) => e.tagName === 'meta' && attr(e, 'name') === 'robots');
    expect(robots && attr(robots, 'content')).toBe('noindex');
    const banner = first(page, (e) => hasClass(e, 'superseded-banner'))!;
    expect(normalizeSpace(visibleText(banner))).toContain('This version has been superseded');
    expect(byTag(banner, 'a').map((a) => attr(a, 'href'))).toEqual([DOC, `${DOC}changes/2/`]);
  });

  it('shows its own text and its own table figures, not the current ones', () => {
    const v1 = text(`${DOC}v/1/`);
    expect(v1).toContain('Russia will likely expand its military support');
    expect(v1).toContain('$5.5 billion');
    expect(v1).not.toContain('$6.1 billion');
    expect(v1).toContain('Outlook for Negotiations');
  });

  it('explains the estimative terms its own text uses in a legend the marked terms link to', () => {
    const v1 = doc(`${DOC}v/1/`);
    const term = elements(v1).find((e) => e.tagName === 'a' && hasClass(e, 'est') && normalizeSpace(visibleText(e)) === 'likely');
    expect(attr(term!, 'href')).toBe('#est-icd-203-likely');
    const legend = elements(v1).find((e) => hasClass(e, 'est-legend'));
    expect(legend && normalizeSpace(visibleText(legend))).toMatch(/^Estimative language .*Likely.*55–80%/);
    expect(byId(`${DOC}v/1/`, 'est-icd-203-likely')).toBeDefined();
  });

  it('is not found by the site search', async () => {
    const search = await openBundle(join(site.dist, 'pagefind'));
    const hits = await search.search('likely');
    expect(hits.map((hit) => hit.url).filter((url) => url.includes('/v/'))).toEqual([]);
    const current = await search.search('submarine');
    expect(current.some((hit) => hit.url.startsWith(DOC))).toBe(true);
  });
});

describe('What changed', () => {
  const entries = (path: string) => elements(doc(path)).filter((e: Element) => hasClass(e, 'change-entry'));

  it('from version 1 to 2: the reworded judgment first, with its words marked, then the table figures old -> new and the added section', () => {
    const list = entries(`${DOC}changes/2/`);
    expect(list.map((e) => attr(e, 'id'))).toEqual(['change-key-judgments', 'change-trade-figures', 'change-issues-for-congress']);
    const judgment = list[0]!;
    const words = (tag: string) => byTag(judgment, tag).map((e) => normalizeSpace(visibleText(e)).replace(/\s+\]$/, ']'));
    expect(words('del')).toEqual(['[removed: likely]']);
    expect(words('ins')).toEqual(['[added: almost certainly]', '[added: , submarine]']);
    const table = normalizeSpace(visibleText(list[1]!));
    // Read aloud as "was ... now ..."; the arrow between them is for the eye only.
    expect(table).toContain('Artillery shells, Value (USD): was $5.5 billion now $6.1 billion');
    expect(table).toContain('Ballistic missiles, Share: was 21% now 19%');
    expect(html(`${DOC}changes/2/`)).toMatch(/\$5\.5 billion<\/del> <span aria-hidden="true"[^>]*>-&gt;<\/span> <ins/);
    expect(normalizeSpace(visibleText(list[2]!))).toContain('Section added Added: Congress may consider');
  });

  it('from version 2 to 3: a judgment added and a section removed, said in words', () => {
    const list = entries(`${DOC}changes/3/`);
    expect(list.map((e) => attr(e, 'id'))).toEqual(['change-key-judgments', 'change-trade-figures', 'change-outlook-for-negotiations']);
    expect(normalizeSpace(visibleText(list[0]!))).toContain('Added: South Korea may reconsider its policy');
    expect(normalizeSpace(visibleText(list[2]!))).toContain('Section removed Removed: Prospects for talks on the Korean Peninsula remain poor.');
  });

  it('lists every pair, newest first', () => {
    const headings = byTag(doc(`${DOC}changes/`), 'h2').map((h) => normalizeSpace(visibleText(h)));
    expect(headings).toEqual(['Version 2 to version 3', 'Version 1 to version 2']);
  });
});

describe('the current page', () => {
  it('marks each key judgment that is new or changed since the previous version, in words', () => {
    const mark = (id: string) => {
      const judgment = byId(DOC, id)!;
      const found = first(judgment, (e) => hasClass(e, 'judgment-mark'));
      return found && normalizeSpace(visibleText(found));
    };
    expect([mark('kj-1'), mark('kj-2'), mark('kj-3'), mark('kj-4')]).toEqual(['Changed in version 3', undefined, undefined, 'New in version 3']);
  });

  it('resolves every section anchor of version 1, a removed one landing on the change entry that says so', () => {
    const v1Ids = byTag(doc(`${DOC}v/1/`), 'h2').map((h) => attr(h, 'id')).filter((id): id is string => id !== undefined && !id.startsWith('toc'));
    expect(v1Ids).toContain('outlook-for-negotiations');
    for (const id of v1Ids) expect(byId(DOC, id), `#${id}`).toBeDefined();
    const standIn = byId(DOC, 'outlook-for-negotiations')!;
    expect(normalizeSpace(visibleText(standIn))).toContain('“Outlook for Negotiations” was removed in version 3.');
    const link = byTag(standIn, 'a').map((a) => attr(a, 'href'));
    expect(link).toEqual([`${DOC}changes/3/#change-outlook-for-negotiations`]);
  });

  it('keeps the removed section id in the anchor lock, so the build does not ask for an alias', () => {
    const lock = JSON.parse(readFileSync(join(site.root, 'content/anchors.lock.json'), 'utf8')) as Record<string, string[]>;
    expect(lock[REVISED_SLUG]).toContain('outlook-for-negotiations');
    expect(output).not.toContain('Published links would break');
  });
});

describe('feeds and sitemap of a revised document', () => {
  const entry = () => {
    const feed = html('/feeds/atom.xml');
    return [...feed.matchAll(/<entry>[\s\S]*?<\/entry>/g)].map((m) => m[0]).find((e) => e.includes(`<id>${SITE_URL}${DOC}</id>`));
  };
  it('the feed entry is updated on the latest stated date and, as no version states a publication date, has no <published>', () => {
    expect(entry()).toContain('<updated>2026-09-18T00:00:00Z</updated>');
    expect(entry()).not.toContain('<published>');
  });
  it('the sitemap lists the current page with that date, and no earlier version or change page', () => {
    const sitemap = html('/sitemap.xml');
    expect(sitemap).toContain(`<url><loc>${SITE_URL}${DOC}</loc><lastmod>2026-09-18T00:00:00Z</lastmod></url>`);
    expect(sitemap).not.toMatch(new RegExp(`${DOC}(v|changes)/`));
  });
  it('the social card says it was updated', () => {
    const alt = /<meta property="og:image:alt" content="([^"]*)"/.exec(html(DOC))?.[1];
    expect(alt).toContain('Updated 18 September 2026');
  });
});
