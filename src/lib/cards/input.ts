/**
 * What a document's social card says, from its front matter alone, so the pages (for the alt
 * text) and the card worker (src/integrations/outputs-worker.ts, which reads the MDX files
 * while Astro renders) compute the same thing. Share pages show their document's card: a card
 * per section would multiply the build's image work and dist/ size by the sections per document
 * (about six), so the section is named in their alt text instead.
 */
import { SITE_NAME } from '../../data/site.ts';
import { displayDates, readableDay, type Dated } from '../dates.ts';
import { kindLabel, type Kind } from '../kinds.ts';
import type { CardInput } from './card.ts';

export interface CardSource extends Dated {
  title: string;
  kind: Kind;
}

export function cardInput(data: CardSource): CardInput {
  // The date the page shows last (an update, else the publication), with its label.
  const shown = displayDates(data).at(-1);
  return {
    siteName: SITE_NAME,
    kindLabel: kindLabel(data.kind),
    title: data.title,
    date: shown ? `${shown.label} ${readableDay(shown.date)}` : undefined,
  };
}

/** The alt text of a card: what it shows, in the order it shows it. */
export function cardAlt(data: CardSource): string {
  const input = cardInput(data);
  return [input.siteName, input.kindLabel, input.title, input.date].filter(Boolean).join(' · ');
}

/** The alt text of the card a share page shows: the document's, then the section it leads to. */
export function sectionCardAlt(data: CardSource, sectionTitle: string): string {
  return `${cardAlt(data)} · Section: ${sectionTitle}`;
}
