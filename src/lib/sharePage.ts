/**
 * The share page of a section, /s/<slug>/<section-id>/: its title and description are the
 * section's own heading and first sentence, so a link pasted into a chat previews that section
 * rather than the whole document. It sends the reader straight on to the section (meta refresh,
 * no script) and says where it leads in case the refresh is blocked.
 *
 * It names no canonical URL and no og:url: previews that read them (Facebook, LinkedIn) fetch
 * that address instead and would show the document, not the section, and an instant refresh
 * already tells search engines where the page leads.
 *
 * There is one per section of the archive, and a reader sees it for an instant while a link
 * preview reads only its head. So it is not an Astro page (whose per-page machinery cost more
 * than the page, and whose site-wide CSP meta was a third of its bytes): src/pages/s/share-pages.json.ts
 * lists what each shows, and the share-pages build hook (src/integrations/share-pages.ts) writes
 * each from that list with this module. No header, footer, stylesheet, theme or script, so its
 * own CSP allows nothing to load.
 *
 * Each text is written once for each reader of it, and no more: a preview reads og:title,
 * og:description and the image's alt, the browser's tab the title, a reader whose browser
 * blocks the refresh the heading and the link. No `description` meta: search engines follow
 * the refresh to the section itself, and previews read og:description. What is left to give
 * is the description: a page that would pass SHARE_PAGE_BUDGET (long titles, ids and the card's
 * absolute URL that SITE_URL adds) gets a shorter one, down to DESCRIPTION_FLOOR characters.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { z } from 'astro/zod';
import { pageMetaTags } from './pageMeta.ts';
import { cutToLength } from './sentences.ts';

/** Where the list of share pages is built (src/pages/s/share-pages.json.ts), from the output root. */
export const SHARE_MANIFEST = 's/share-pages.json';

/** Bytes a share page may take (issue 10: under 2 KB, 2,048 bytes): one per section of the archive, so they must cost little. */
export const SHARE_PAGE_BUDGET = 2047;
/** The shortest description a page is cut to for the budget: a preview with less says too little. */
const DESCRIPTION_FLOOR = 80;

/** The policy of a share page: it loads nothing, runs nothing and submits nothing. */
export const SHARE_PAGE_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'";

export const sharePageSchema = z.object({
  /** The output file, from the output root ("s/<slug>/<section-id>/index.html"). */
  file: z.string().regex(/^s\/[^/]+\/[^/]+\/index\.html$/),
  documentTitle: z.string(),
  sectionTitle: z.string(),
  /** The section's first sentence, or the document's summary when the section has no text. */
  description: z.string(),
  /** The section's href, base path included: where the page sends the reader. */
  target: z.string(),
  /** The section's social card (absolute URL, so only when the site's address is known) and its alt text. */
  image: z.object({ url: z.string(), alt: z.string() }).optional(),
});
export type SharePage = z.output<typeof sharePageSchema>;
export const shareManifestSchema = z.array(sharePageSchema);

const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });

/** The page as a hast tree. */
export function sharePageTree(page: SharePage): Root {
  const title = `${page.sectionTitle} – ${page.documentTitle}`;
  const meta = pageMetaTags({ title, description: page.description, url: undefined, type: 'article', image: page.image }).map(({ tag, attributes }) => element(tag, { ...attributes }));
  const head = element('head', {}, [
    element('meta', { charSet: 'utf-8' }),
    element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    // Light only: without a stylesheet, the browser's dark defaults give links too little contrast.
    element('meta', { name: 'color-scheme', content: 'light' }),
    element('meta', { httpEquiv: ['content-security-policy'], content: SHARE_PAGE_CSP }),
    // Without the site's name, which og:site_name gives previews: a tab shows this for an instant.
    element('title', {}, [text(title)]),
    ...meta,
    element('meta', { httpEquiv: ['refresh'], content: `0; url=${page.target}` }),
  ]);
  const body = element('body', {}, [
    element('main', {}, [
      element('h1', {}, [text(page.sectionTitle)]),
      element('p', {}, [element('a', { href: page.target }, [text('Read it in '), element('cite', {}, [text(page.documentTitle)])])]),
    ]),
  ]);
  return { type: 'root', children: [{ type: 'doctype' }, element('html', { lang: 'en' }, [head, body])] };
}

function serialise(page: SharePage): string {
  // Quotes and "<" stay as written where HTML allows them (only old browsers misread them), so the
  // CSP's quotes are not escaped; other references in their shortest form.
  return toHtml(sharePageTree(page), { allowDangerousCharacters: true, characterReferences: { useShortestReferences: true } });
}

/**
 * The page's HTML, within SHARE_PAGE_BUDGET when a description cut to no less than
 * DESCRIPTION_FLOOR characters gets it there; otherwise (titles too long for any description)
 * with the floor's description, over the budget, which the build hook reports.
 */
export function sharePageHtml(page: SharePage): string {
  let html = serialise(page);
  let { description } = page;
  while (Buffer.byteLength(html) > SHARE_PAGE_BUDGET && description.length > DESCRIPTION_FLOOR) {
    const excess = Buffer.byteLength(html) - SHARE_PAGE_BUDGET;
    description = cutToLength(description, Math.max(DESCRIPTION_FLOOR, description.length - excess - 1));
    html = serialise({ ...page, description });
  }
  return html;
}
