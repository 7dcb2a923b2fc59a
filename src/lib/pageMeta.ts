/**
 * The link-preview head of a page: canonical URL, OpenGraph (chat clients, social sites) and a
 * Twitter card. One list for every page, whether Astro renders it (src/components/PageMeta.astro)
 * or a build hook writes it (share pages, src/lib/sharePage.ts), so a field added here reaches both.
 * There is no preview image: the "summary" card shows title and description. Without an absolute
 * URL (no SITE_URL) the canonical link and og:url are left out rather than pointing at a guessed host.
 */
import { SITE_NAME } from '../data/site.ts';

export interface PageMetaInput {
  title: string;
  description: string;
  /** The page's absolute URL, when the site's address is known. */
  url: string | undefined;
  type: 'website' | 'article';
}

export interface HeadTag {
  tag: 'link' | 'meta';
  /** In the order they are written. */
  attributes: Readonly<Record<string, string>>;
}

export function pageMetaTags({ title, description, url, type }: PageMetaInput): HeadTag[] {
  const meta = (key: 'property' | 'name', name: string, content: string): HeadTag => ({ tag: 'meta', attributes: { [key]: name, content } });
  return [
    ...(url ? [{ tag: 'link', attributes: { rel: 'canonical', href: url } } as const] : []),
    meta('property', 'og:site_name', SITE_NAME),
    meta('property', 'og:type', type),
    meta('property', 'og:title', title),
    meta('property', 'og:description', description),
    ...(url ? [meta('property', 'og:url', url)] : []),
    meta('name', 'twitter:card', 'summary'),
    meta('name', 'twitter:title', title),
    meta('name', 'twitter:description', description),
  ];
}
