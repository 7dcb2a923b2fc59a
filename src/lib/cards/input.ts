/**
 * What a social card says, from front matter alone, so the pages (for the alt text) and the
 * card worker (src/integrations/outputs-worker.ts, which reads the MDX files while Astro
 * renders) compute the same thing. A document's card shows its title; the card of a section's
 * share page shows the section's title over the document's.
 */
import { SITE_NAME } from '../../data/site.ts';
import { displayDates, readableDay, type Dated } from '../dates.ts';
import { kindLabel, type Kind } from '../kinds.ts';
import type { CardInput } from './card.ts';

export interface CardSource extends Dated {
  title: string;
  kind: Kind;
}

export function cardInput(data: CardSource, sectionTitle?: string): CardInput {
  // The date the page shows last (an update, else the publication), with its label.
  const shown = displayDates(data).at(-1);
  return {
    siteName: SITE_NAME,
    kindLabel: kindLabel(data.kind),
    title: sectionTitle ?? data.title,
    context: sectionTitle === undefined ? undefined : data.title,
    date: shown ? `${shown.label} ${readableDay(shown.date)}` : undefined,
  };
}

/** The alt text of a card: what it shows, in the order it shows it. */
export function cardAlt(data: CardSource, sectionTitle?: string): string {
  const input = cardInput(data, sectionTitle);
  return [input.siteName, input.kindLabel, input.title, input.context, input.date].filter(Boolean).join(' · ');
}
