/**
 * Short, readable URL slugs: a few significant words of a title
 * ("Strategic Implications of the Russia-North Korea Security Alliance" ->
 * "russia-north-korea-security-alliance").
 */

/** Words that carry no meaning in a slug. */
const STOP_WORDS = new Set(
  'a an and the of for in on to with from by at as or its it their his her our this that these those into over under between after before amid among about how why what when where who which is are was were be been will would could should may might can has have had do does did not no than then vs versus via new'.split(' '),
);

/** Words frequent in report titles that say nothing about the subject. */
const GENERIC_WORDS = new Set(
  'strategic implications implication analysis assessment assessing report overview update brief briefing note paper review perspective perspectives outlook examining exploring understanding navigating role impact impacts future era challenges challenge issues issue key recent current emerging evolving changing growing rising shifting landscape dynamics'.split(' '),
);

const SLUG_MAX_WORDS = 5;

/** ASCII words of a text: accents removed, possessives dropped, everything else a separator. */
export function asciiWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’](?:s\b)?/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/**
 * Slug from a title: runs of significant words (broken by stop words and generic words), whole
 * runs taken while they fit in `maxWords`. Undefined when the title has no ASCII words at all.
 */
export function titleSlug(title: string, maxWords = SLUG_MAX_WORDS): string | undefined {
  const runs: string[][] = [[]];
  for (const word of asciiWords(title)) {
    if (STOP_WORDS.has(word) || GENERIC_WORDS.has(word)) {
      if (runs.at(-1)!.length > 0) runs.push([]);
    } else {
      runs.at(-1)!.push(word);
    }
  }
  const picked: string[] = [];
  for (const run of runs.filter((r) => r.length > 0)) {
    if (picked.length === 0) picked.push(...run.slice(0, maxWords));
    else if (picked.length + run.length <= maxWords) picked.push(...run);
    else break;
  }
  if (picked.length === 0) {
    // A title made only of common words ("The Outlook"): use them rather than nothing.
    picked.push(...asciiWords(title).slice(0, maxWords));
  }
  return picked.length > 0 ? picked.join('-') : undefined;
}

/** The words of a text that say something: stop words and generic title words left out. */
export function significantWords(text: string): string[] {
  const words = asciiWords(text);
  const significant = words.filter((w) => !STOP_WORDS.has(w) && !GENERIC_WORDS.has(w));
  return significant.length > 0 ? significant : words;
}

/** `base`, or `base-2`, `base-3`... whichever is not yet in `taken` (which it then joins). */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
