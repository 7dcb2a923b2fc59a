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

/** The search page, optionally with a query string from formatState ("?q=sanctions"). */
export function searchHref(query = ''): string {
  return href(`search/${query}`);
}
