/**
 * Every internal href goes through here, so the site works below a base path (BASE_PATH in
 * astro.config.mjs) without a page knowing about it.
 */
import { tableAnchorId } from './anchors.ts';

/**
 * The base path as configured; "/" in build hooks and scripts, which run outside Vite, where
 * `import.meta.env` does not exist (they only use the base-free paths below). Read as a member,
 * never as `import.meta.env` alone: Astro writes environment variables into the bundled code of
 * a module that names it alone (PATH and the shell's `_` here), so the incremental build's hash
 * of every page's code depended on the command that started the build (`npm run build`,
 * `astro build`, a script), and a rebuild started by another command reused no page.
 */
function configuredBase(): string {
  try {
    return import.meta.env.BASE_URL;
  } catch {
    return '/';
  }
}

/** The base path with exactly one trailing slash: "/" or "/atlas/". */
const base = `${configuredBase().replace(/\/+$/, '')}/`;

/** The href of a page of this site, given its path from the site root ("assessments/x/"). */
export function href(path = ''): string {
  return base + path.replace(/^\/+/, '');
}

/** The path from the site root of an href of this site (the inverse of `href`); undefined outside the base path. */
export function sitePath(pageHref: string): string | undefined {
  return pageHref.startsWith(base) ? pageHref.slice(base.length) : undefined;
}

/**
 * Page `page` of a paginated list whose first page is at `listPath` (a path from the site root
 * ending in "/", or "" for the home page): the first page is the list itself, later ones
 * `<list>page/<n>/` (src/lib/pagination.ts).
 */
export function listPagePath(listPath: string, page = 1): string {
  if (!Number.isInteger(page) || page < 1) throw new Error(`listPagePath: page must be a positive integer, got ${page}.`);
  return page === 1 ? listPath : `${listPath}page/${page}/`;
}

/** The home page, or page `page` of its list of documents. */
export function homeHref(page = 1): string {
  return href(listPagePath('', page));
}

/** A document page's path from the site root, without the base path ("assessments/x/"). */
export function assessmentPath(slug: string): string {
  return `assessments/${slug}/`;
}

/**
 * The slug of a document page, from its path from the site root as `assessmentPath` writes it,
 * with or without its file name ("assessments/x/" or "assessments/x/index.html"); undefined for
 * any other page.
 */
export function documentSlugOfPath(path: string): string | undefined {
  return /^assessments\/([^/]+)\/(?:index\.html)?$/.exec(path)?.[1];
}

export function assessmentHref(slug: string): string {
  return href(assessmentPath(slug));
}

/** An element of a page: the page's href (or absolute URL) with the element's fragment id. */
export function fragmentHref(pageHref: string, id: string): string {
  return `${pageHref}#${id}`;
}

/** Where the original source text of a document is served (src/pages/sources/[slug].txt.ts). */
export function sourceHref(slug: string): string {
  return href(`sources/${slug}.txt`);
}

/**
 * The absolute URL of an href of this site, for print and for sharing. Without a configured
 * site the href is returned unchanged.
 */
export function absoluteUrl(pageHref: string, site: URL | undefined): string {
  return site ? new URL(pageHref, site).href : pageHref;
}

/** A country's hub page (src/pages/countries/[id].astro), or page `page` of its list. */
export function countryHref(id: string, page = 1): string {
  return href(listPagePath(`countries/${id}/`, page));
}

/** A topic's hub page (src/pages/topics/[id].astro), or page `page` of its list. */
export function topicHref(id: string, page = 1): string {
  return href(listPagePath(`topics/${id}/`, page));
}

/** The index of country hubs (src/pages/countries/index.astro). */
export function countriesHref(): string {
  return href('countries/');
}

/** The index of topic hubs (src/pages/topics/index.astro). */
export function topicsHref(): string {
  return href('topics/');
}

/** A section of a document: its page with the section's fragment. */
export function sectionHref(slug: string, sectionId: string): string {
  return fragmentHref(assessmentHref(slug), sectionId);
}

/**
 * The share page of a section (written at build end: src/lib/sharePage.ts): its meta describe that
 * section, so a link pasted into a chat previews it, and it sends the reader on to the section.
 */
export function shareHref(slug: string, sectionId: string): string {
  return href(sharePath(slug, sectionId));
}

/** A share page's path from the site root, without the base path ("s/<slug>/<section-id>/"). */
export function sharePath(slug: string, sectionId: string): string {
  return `s/${slug}/${sectionId}/`;
}

/** The list of every table (src/pages/data/index.astro), or page `page` of it. */
export function dataHref(page = 1): string {
  return href(listPagePath('data/', page));
}

/** A table where it appears in its document ("<slug>/<table-id>" -> /assessments/<slug>/#table-...). */
export function tableHref(tableId: string): string {
  return fragmentHref(assessmentHref(tableId.split('/')[0] ?? ''), tableAnchorId(tableId));
}

/** A table's downloads (src/pages/data/[document]/[table].csv.ts and .json.ts). */
export function tableDownloadHref(tableId: string, format: 'csv' | 'json'): string {
  return href(`data/${tableId}.${format}`);
}

/** The search page, optionally with a query string from formatState ("?q=sanctions"). */
export function searchHref(query = ''): string {
  return href(`search/${query}`);
}

/** An earlier version of a document, kept as published (src/pages/assessments/[slug]/v/[n].astro). */
export function versionHref(slug: string, version: number): string {
  return href(`assessments/${slug}/v/${version}/`);
}

/**
 * "What changed" for a document: every pair of consecutive versions, or with `version` only
 * the change from version - 1 to version (src/pages/assessments/[slug]/changes/).
 */
export function changesHref(slug: string, version?: number): string {
  return href(version === undefined ? `assessments/${slug}/changes/` : `assessments/${slug}/changes/${version}/`);
}

/** The id of a section's entry on a change page, from the section's id in either version. */
export function changeEntryAnchor(sectionId: string): string {
  return `change-${sectionId}`;
}

/** A feed of the newest documents: of the whole site, or of one country's or topic's documents. */
export type FeedScope = { kind: 'all' } | { kind: 'country' | 'topic'; id: string };
export type FeedFormat = 'atom' | 'rss';

/** Where a feed is below `feeds/` (the route src/routes/feed.ts serves them all). */
export function feedPath(format: FeedFormat, scope: FeedScope = { kind: 'all' }): string {
  const file = format === 'atom' ? 'atom.xml' : 'rss.xml';
  return scope.kind === 'all' ? file : `${scope.kind === 'country' ? 'countries' : 'topics'}/${scope.id}/${file}`;
}

export function feedHref(format: FeedFormat, scope: FeedScope = { kind: 'all' }): string {
  return href(`feeds/${feedPath(format, scope)}`);
}

/**
 * Where a social card is in dist/ (written by src/integrations/outputs.ts): a document's, or
 * with `sectionId` the card of that section's share page.
 */
export function cardPath(slug: string, sectionId?: string): string {
  return sectionId === undefined ? `cards/${slug}.png` : `cards/${slug}/${sectionId}.png`;
}

export function cardHref(slug: string, sectionId?: string): string {
  return href(cardPath(slug, sectionId));
}

/** The PDF of a document (written by src/integrations/outputs.ts). */
export function pdfHref(slug: string): string {
  return href(`pdf/${slug}.pdf`);
}

export function sitemapHref(): string {
  return href('sitemap.xml');
}
