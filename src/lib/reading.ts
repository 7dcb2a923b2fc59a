/**
 * What the document header tells a reader before they start: how long the text takes to read,
 * and whether the front matter summary would only repeat the text's first sentence.
 */

/** Words a minute for considered reading of analytic prose (slower than skimming). */
export const WORDS_PER_MINUTE = 230;

/** Minutes to read `texts` (the page's sections), at least one. */
export function readingMinutes(texts: readonly string[]): number {
  const words = texts.reduce((sum, text) => sum + (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu)?.length ?? 0), 0);
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** Letters and digits only, lower case: the comparison ignores punctuation, quotes, escapes and spacing. */
const bare = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The first paragraph of an MDX body that is prose: not a heading, a component or an import.
 * Empty when the body opens with a section heading.
 */
export function lede(body: string): string {
  const paragraph = body
    .trim()
    .split(/\n\s*\n/)
    .find((block) => block.trim() !== '');
  if (paragraph === undefined || /^\s*(#|<|import\s|export\s)/.test(paragraph)) return '';
  return paragraph.trim();
}

/** True when the summary is the opening of the body's lede (word for word, give or take punctuation). */
export function repeatsLede(summary: string, body: string): boolean {
  const start = bare(lede(body));
  const said = bare(summary);
  return said !== '' && start.startsWith(said);
}

/**
 * True when `text` already says `phrase` (give or take punctuation and spacing): a table caption
 * that copies the sentence introducing the table would be read twice.
 */
export function alreadySays(text: string, phrase: string): boolean {
  const said = bare(phrase);
  return said !== '' && bare(text).includes(said);
}
