/**
 * Short excerpts of a section's text: for a hub, the first sentence that mentions the hub's
 * country or topic (so the reader sees why the section is listed); for a share page's preview,
 * the first sentence. Paragraphs are separated by blank lines, as section-anchors collects them.
 */
import { cutToLength, splitSentences } from './sentences.ts';

export const EXCERPT_LENGTH = 240;

/** The sentences of a section's text, paragraph by paragraph. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .flatMap((paragraph) => splitSentences(paragraph));
}

/**
 * The first sentence that `matches` (the first sentence when none does or no test is given),
 * cut to `max` characters at a word boundary. Empty text gives an empty excerpt.
 */
export function excerpt(text: string, matches?: (sentence: string) => boolean, max = EXCERPT_LENGTH): string {
  const sentences = sentencesOf(text);
  const chosen = (matches && sentences.find(matches)) ?? sentences[0] ?? '';
  return cutToLength(chosen, max);
}
