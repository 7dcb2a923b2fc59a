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
/** Fewer words than this say too little ("deterrence"): more of the title is taken when it has more. */
const SLUG_MIN_WORDS = 3;
/** How far a slug grows to tell apart titles that share their first words. */
const SLUG_MAX_EXTENDED_WORDS = 12;

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

/** Runs of significant words, broken where a stop word, a generic word or a colon, comma or bracket stood. */
function significantRuns(title: string): string[][] {
  const runs: string[][] = [];
  for (const phrase of title.split(/[:;,()[\]—–]|\s-\s/)) {
    runs.push([]);
    for (const word of asciiWords(phrase)) {
      if (STOP_WORDS.has(word) || GENERIC_WORDS.has(word)) runs.push([]);
      else runs.at(-1)!.push(word);
    }
  }
  return runs.filter((r) => r.length > 0);
}

/**
 * Slug from a title: runs of significant words (broken by stop words and generic words), whole
 * runs taken while they fit in `maxWords`; when that leaves fewer than three words and the title
 * has more, words of the next run are added. Undefined when the title has no ASCII words at all.
 */
export function titleSlug(title: string, maxWords = SLUG_MAX_WORDS): string | undefined {
  const runs = significantRuns(title);
  const picked: string[] = [];
  let r = 0;
  for (; r < runs.length; r += 1) {
    const run = runs[r]!;
    if (picked.length === 0) picked.push(...run.slice(0, maxWords));
    else if (picked.length + run.length <= maxWords) picked.push(...run);
    else break;
  }
  // "Deterrence Under Strain: Allied Missile Defense..." must not be "deterrence-strain".
  if (picked.length < SLUG_MIN_WORDS && r < runs.length) {
    for (const word of runs[r]!) {
      if (picked.length >= maxWords) break;
      picked.push(word);
    }
  }
  if (picked.length === 0) {
    // A title made only of common words ("The Outlook"): use them rather than nothing.
    picked.push(...asciiWords(title).slice(0, maxWords));
  }
  return picked.length > 0 ? picked.join('-') : undefined;
}

export interface SlugChoice {
  slug: string;
  /** Why the slug is longer than the title's own, when another source had taken that one. */
  extended?: string;
}

/**
 * A slug for a title that no other page has: the title's slug, else the title's further words
 * one at a time (up to twelve), else those with the report number, else a number. Pure: `taken`
 * is every slug in use by other sources; the same title and taken set give the same slug.
 * Undefined when the title has no ASCII words (the caller uses the file name).
 */
export function uniqueSlug(title: string, identifier: string | undefined, taken: ReadonlySet<string>): SlugChoice | undefined {
  const base = titleSlug(title);
  if (base === undefined) return undefined;
  if (!taken.has(base)) return { slug: base };
  const runs = significantRuns(title);
  const words = runs.flat();
  const baseWords = base.split('-');
  const prefix = words.slice(0, baseWords.length).join('-') === base ? baseWords.length : 0;
  // Longer forms end where a run of the title ends, so a slug never stops mid-phrase.
  const ends: number[] = [];
  let total = 0;
  for (const run of runs) ends.push((total += run.length));
  const candidates: string[] = [];
  if (prefix > 0) {
    for (const end of ends) if (end > prefix) candidates.push(words.slice(0, Math.min(end, SLUG_MAX_EXTENDED_WORDS)).join('-'));
  }
  const id = identifier === undefined ? [] : asciiWords(identifier);
  if (id.length > 0) candidates.push([...baseWords, ...id].join('-'), ...(candidates.length > 0 ? [[candidates.at(-1)!, ...id].join('-')] : []));
  for (const candidate of candidates) {
    if (!taken.has(candidate)) return { slug: candidate, extended: `"${base}" is taken by another source: extended with ${candidate.endsWith(id.join('-')) && id.length > 0 ? 'the report number' : 'further title words'}` };
  }
  const last = candidates.at(-1) ?? base;
  for (let n = 2; ; n += 1) {
    if (!taken.has(`${last}-${n}`)) return { slug: `${last}-${n}`, extended: `"${base}" and its longer forms are taken by other sources: numbered` };
  }
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
