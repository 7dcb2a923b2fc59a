/** The social cards of this site's pages: what each says, rendered once (and cached on disk). */
import { readFileSync } from 'node:fs';
import type { CollectionEntry } from 'astro:content';
import { SITE_NAME } from '../../data/site.ts';
import { documentFacts, readableDate } from '../feeds/documents.ts';
import { cacheKey, cached } from './cache.ts';
import { cardPng, type CardInput } from './card.ts';
import { FONT_FILES, PROJECT_FILES, missingGlyphs } from './fonts.ts';

// The card's code and fonts are part of the cache key: a change to either renders every card anew.
const VERSION = cacheKey(readFileSync(PROJECT_FILES('src/lib/cards/card.ts')), readFileSync(FONT_FILES.regular), readFileSync(FONT_FILES.bold));

export function cardInput(entry: CollectionEntry<'assessments'>, sectionId?: string): CardInput {
  const facts = documentFacts(entry);
  const section = sectionId === undefined ? undefined : entry.data.sections.find((candidate) => candidate.id === sectionId);
  return {
    siteName: SITE_NAME,
    kindLabel: facts.kindLabel,
    title: section ? section.title : facts.title,
    context: section ? facts.title : undefined,
    date: facts.published ? readableDate(facts.published) : undefined,
  };
}

/** The alt text of a card: what it shows, in the order it shows it. */
export function cardAlt(input: CardInput): string {
  return [input.siteName, input.kindLabel, input.title, input.context, input.date].filter(Boolean).join(' · ');
}

export async function cardResponse(entry: CollectionEntry<'assessments'>, sectionId?: string): Promise<Response> {
  const input = cardInput(entry, sectionId);
  const missing = missingGlyphs(`${input.title} ${input.context ?? ''}`);
  if (missing.length > 0) {
    console.warn(
      `content/assessments/${entry.id}.mdx: the social card${sectionId ? ` of section "${sectionId}"` : ''} leaves out ${missing.join('')}: ` +
        'the shipped font (Noto Sans, src/assets/fonts/) has no glyphs for them; add a font that covers them there.',
    );
  }
  const png = await cached('cards', cacheKey(VERSION, JSON.stringify(input)), () => cardPng(input));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
