import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { sectionTexts } from '../../data/sections.ts';
import { excerpt } from '../../lib/excerpt.ts';
import type { SharePage } from '../../lib/sharePage.ts';
import { cardAlt } from '../../lib/cards/input.ts';
import { absoluteUrl, cardHref, sectionHref, sharePath } from '../../lib/urls.ts';

/**
 * What every share page shows (src/lib/sharePage.ts), one entry per section of the archive, in
 * slug and section order. Built at SHARE_MANIFEST (src/lib/sharePage.ts: this file's route); the share-pages build
 * hook writes the pages from it and removes it, so it is not published.
 */
export const GET: APIRoute = async ({ site }) => {
  const entries = [...(await getCollection('assessments'))].sort((a, b) => (a.data.slug < b.data.slug ? -1 : a.data.slug > b.data.slug ? 1 : 0));
  const pages: SharePage[] = [];
  for (const entry of entries) {
    const texts = await sectionTexts(entry);
    for (const section of entry.data.sections) {
      const target = sectionHref(entry.data.slug, section.id);
      pages.push({
        file: `${sharePath(entry.data.slug, section.id)}index.html`,
        documentTitle: entry.data.title,
        sectionTitle: section.title,
        description: excerpt(texts[section.id] ?? '', undefined, 300) || entry.data.summary,
        target,
        ...(site ? { image: { url: absoluteUrl(cardHref(entry.data.slug, section.id), site), alt: cardAlt(entry.data, section.title) } } : {}),
      });
    }
  }
  return new Response(JSON.stringify(pages), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
