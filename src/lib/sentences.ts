/**
 * Sentence boundaries in English prose, for summaries, captions and provisional titles.
 * A period ends a sentence unless it closes an abbreviation ("U.S.", "e.g.", "Dr.", "No. 5"),
 * an initial ("J. Smith") or is part of an ellipsis that continues the sentence.
 */

/** Words after which a period does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  'al approx apr art aug ca capt cf ch co col corp dec dept dr est etc feb fig figs gen gov hon inc incl jan jr jul jun lt ltd maj mar messrs mr mrs ms mt no nos nov oct op p pp para paras prof pt rep rev sec sen sep sept sgt sr st vol vols vs'.split(' '),
);

/** Whether the period at `index` of `text` closes an abbreviation, an initial or a dotted form. */
export function isAbbreviationPeriod(text: string, index: number): boolean {
  let start = index;
  while (start > 0 && /[\p{L}\p{N}.]/u.test(text[start - 1]!)) start -= 1;
  const word = text.slice(start, index);
  if (word === '') return text[index - 1] !== ')' && text[index - 1] !== '"' && text[index - 1] !== '”';
  if (word.includes('.')) return true; // "U.S", "e.g", "a.m"
  if (/^\p{L}$/u.test(word)) return true; // an initial
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Splits prose into sentences; the pieces joined with single spaces give back the text. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const boundary = /([.!?…])["'”’)\]]*(\s+)(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const markAt = match.index;
    if (match[1] === '.' && (text[markAt - 1] === '.' || isAbbreviationPeriod(text, markAt))) continue;
    const end = markAt + match[0].length - match[2]!.length;
    sentences.push(text.slice(start, end));
    start = end + match[2]!.length;
  }
  if (start < text.length) sentences.push(text.slice(start));
  return sentences.map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * The longest run of whole sentences that fits in `max` characters; when even the first sentence
 * is too long, that sentence cut at a word boundary with an ellipsis.
 */
export function cutToLength(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  let out = '';
  for (const sentence of splitSentences(clean)) {
    const next = out === '' ? sentence : `${out} ${sentence}`;
    if (next.length > max) break;
    out = next;
  }
  if (out !== '') return out;
  const room = clean.slice(0, max); // leaves one character for the ellipsis
  const space = room.lastIndexOf(' ');
  const cut = (space > max / 2 ? room.slice(0, space) : room.slice(0, max - 1)).replace(/[\s,;:–—-]+$/u, '');
  return `${cut}…`;
}
