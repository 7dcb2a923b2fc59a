/**
 * Every internal href goes through here, so the site works below a base path (BASE_PATH in
 * astro.config.mjs) without a page knowing about it.
 */

/** The base path with exactly one trailing slash: "/" or "/atlas/". */
const base = `${(import.meta.env.BASE_URL ?? '/').replace(/\/+$/, '')}/`;

/** The href of a page of this site, given its path from the site root ("assessments/x/"). */
export function href(path = ''): string {
  return base + path.replace(/^\/+/, '');
}

export function homeHref(): string {
  return href();
}

export function assessmentHref(slug: string): string {
  return href(`assessments/${slug}/`);
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

/** A country's hub page (src/pages/countries/[id].astro). */
export function countryHref(id: string): string {
  return href(`countries/${id}/`);
}

/** A topic's hub page (src/pages/topics/[id].astro). */
export function topicHref(id: string): string {
  return href(`topics/${id}/`);
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
  return `${assessmentHref(slug)}#${sectionId}`;
}

/**
 * The share page of a section (src/pages/s/[slug]/[section].astro): its meta describe that
 * section, so a link pasted into a chat previews it, and it sends the reader on to the section.
 */
export function shareHref(slug: string, sectionId: string): string {
  return href(`s/${slug}/${sectionId}/`);
}

/** The page of every table (src/pages/data/index.astro). */
export function dataHref(): string {
  return href('data/');
}

/** The id of a table's element on its document page: "table-defense-budget". */
export function tableAnchor(tableId: string): string {
  return `table-${tableId.split('/').at(-1)}`;
}

/** A table where it appears in its document ("<slug>/<table-id>" -> /assessments/<slug>/#table-...). */
export function tableHref(tableId: string): string {
  return `${assessmentHref(tableId.split('/')[0] ?? '')}#${tableAnchor(tableId)}`;
}

/** A table's downloads (src/pages/data/[document]/[table].csv.ts and .json.ts). */
export function tableDownloadHref(tableId: string, format: 'csv' | 'json'): string {
  return href(`data/${tableId}.${format}`);
}

/** The search page, optionally with a query string from formatState ("?q=sanctions"). */
export function searchHref(query = ''): string {
  return href(`search/${query}`);
}

/** A feed of the newest documents: of the whole site, or of one country's or topic's documents. */
export type FeedScope = { kind: 'all' } | { kind: 'country' | 'topic'; id: string };
export function feedHref(format: 'atom' | 'rss', scope: FeedScope = { kind: 'all' }): string {
  const file = format === 'atom' ? 'atom.xml' : 'rss.xml';
  if (scope.kind === 'all') return href(`feeds/${file}`);
  return href(`feeds/${scope.kind === 'country' ? 'countries' : 'topics'}/${scope.id}/${file}`);
}

/** The social card image of a document, or of a section's share page (src/pages/cards/). */
export function cardHref(slug: string, sectionId?: string): string {
  return href(sectionId === undefined ? `cards/${slug}.png` : `cards/s/${slug}/${sectionId}.png`);
}

/** The PDF of a document (written by src/integrations/pdf.ts). */
export function pdfHref(slug: string): string {
  return href(`pdf/${slug}.pdf`);
}

export function sitemapHref(): string {
  return href('sitemap.xml');
}
