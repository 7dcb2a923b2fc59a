/**
 * The link-preview head of a page: canonical URL, OpenGraph (chat clients, social sites), a
 * Twitter card, the preview image and the page's feeds. One list for every page, whether Astro
 * renders it (src/components/PageMeta.astro) or a build hook writes it (share pages,
 * src/lib/sharePage.ts), so a field added here reaches both.
 *
 * Without an absolute URL (no SITE_URL) the canonical link, og:url and the image are left out
 * rather than pointing at a guessed host: OpenGraph reads only absolute URLs. X reads a card's
 * title, description and image from OpenGraph when its own tags are missing, so only
 * `twitter:card` is written (share pages, one per section, stay small).
 */
import { SITE_NAME } from '../data/site.ts';

export interface PageMetaInput {
  title: string;
  description: string;
  /** The page's absolute URL, when the site's address is known. */
  url: string | undefined;
  type: 'website' | 'article';
  /** The page's 1200x630 social card: its absolute URL and text alternative. */
  image?: { url: string; alt: string } | undefined;
  /** Feeds the page belongs to, in the order they are listed. */
  feeds?: readonly { type: 'application/atom+xml' | 'application/rss+xml'; title: string; href: string }[] | undefined;
}

export interface HeadTag {
  tag: 'link' | 'meta';
  /** In the order they are written. */
  attributes: Readonly<Record<string, string>>;
}

export function pageMetaTags({ title, description, url, type, image, feeds = [] }: PageMetaInput): HeadTag[] {
  const meta = (key: 'property' | 'name', name: string, content: string): HeadTag => ({ tag: 'meta', attributes: { [key]: name, content } });
  return [
    ...(url ? [{ tag: 'link', attributes: { rel: 'canonical', href: url } } as const] : []),
    meta('property', 'og:site_name', SITE_NAME),
    meta('property', 'og:type', type),
    meta('property', 'og:title', title),
    meta('property', 'og:description', description),
    ...(url ? [meta('property', 'og:url', url)] : []),
    ...(image
      ? [meta('property', 'og:image', image.url), meta('property', 'og:image:width', '1200'), meta('property', 'og:image:height', '630'), meta('property', 'og:image:alt', image.alt)]
      : []),
    meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
    ...feeds.map((feed): HeadTag => ({ tag: 'link', attributes: { rel: 'alternate', type: feed.type, title: feed.title, href: feed.href } })),
  ];
}
