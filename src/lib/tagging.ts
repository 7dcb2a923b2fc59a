/**
 * Country and topic tagging: finds which states and topics a piece of text concerns, using the
 * names and aliases in content/countries.json and the keywords in content/topics.json.
 *
 * Matching rules (one home for them; the ingester, tables and tests all go through here):
 * - A match starts at the beginning of a word and ends where a word ends, so punctuation is a
 *   boundary: "U.S.-South Korea", "Moscow's", "North Korea’s", "(DPRK)" all match.
 * - Text and patterns are compared after folding: accents removed (São Tomé = Sao Tome),
 *   typographic apostrophes and hyphens made plain, runs of white space made one space.
 * - Case: names, aliases, adjectives and keywords match whatever their case ("russia" is still
 *   Russia), except a pattern written without any lowercase letter (US, U.S., UK, ROK, PRC,
 *   ICBM, NATO): that is an abbreviation and matches only in capitals, so "us" and "uk" do not.
 * - Longest match wins at each position and matches never overlap: "South Korea" does not also
 *   count as "Korea", "Guinea-Bissau" not as "Guinea". An `exclude` phrase of a country
 *   ("South America", "New Mexico") consumes its words without tagging anything.
 * - A hyphen in a pattern also matches a space or nothing: "non-proliferation" finds
 *   "nonproliferation" and "non proliferation", "Guinea-Bissau" finds "Guinea Bissau".
 * - Topic keywords also match their simple inflections, made from the last word: -s/-es/-ies,
 *   -ed/-d/-ied, -ing (with e dropped or consonant doubled). Spelling variants (programme /
 *   program) are listed as keywords, not guessed.
 * - Output order: most-mentioned first, ties in order of first mention. The order is the tag's
 *   salience: related-section ranking (related.ts) weighs the first-listed tag most, and chips
 *   show the main subject first. Deterministic for a given text.
 *
 * Demonyms are not aliases (they name people), but the adjectives "Russian", "North Korean",
 * "American" do tag their state: they live in a separate `adjectives` list. Adjectives shared by
 * two states ("Korean", "Congolese", "Dominican") are left out.
 *
 * Capitals are aliases where analysts use them for the state (Moscow, Pyongyang, Beijing).
 * "Washington" is kept: it is the standard metonym, and "George Washington", "Washington State"
 * and "Washington Post" are excluded. Capitals that usually mean something else are left out:
 * Brussels (the EU), The Hague (the courts), Jerusalem (contested), Tripoli (also Lebanon's),
 * Kingston, Victoria, Georgetown, Santiago, Malé ("male" once accents are folded). Bare "Korea"
 * and "Congo" are ambiguous and tag nothing.
 *
 * "China's role", listed among the issue's example topics, is the China country tag, not a
 * topic: a keyword topic could only catch the literal phrase, while the China hub already lists
 * every section that concerns China.
 */

import type { Country, Topic } from './schemas.ts';

export type { Country, Topic };

export interface Tags {
  countries: string[];
  topics: string[];
}

/** One place in a text where a country or topic was found. Offsets index the original text. */
export interface Mention {
  kind: 'country' | 'topic';
  id: string;
  start: number;
  end: number;
  /** The matched text as the source writes it ("russia", "MOSCOW"; a possessive's ’s is not part of it). */
  text: string;
  /** The name, alias, adjective or keyword as written in the data file ("Russia", "Pyongyang"). */
  form: string;
}

export interface Tagger {
  /** Countries and topics of a text, each most-mentioned first (ties: first mentioned first). */
  tag(text: string): Tags;
  /** Every country and topic mention, in text order. */
  mentions(text: string): Mention[];
  /** Country mentions only (for fixing the case of names, for instance). */
  countryMentions(text: string): Mention[];
  /** Resolves one whole name ("south Korea", "the Netherlands", "DPRK") to a country id. */
  matchCountry(name: string): string | undefined;
}

interface Pattern {
  /** Folded text to compare; lowercased unless `exact`. */
  key: string;
  exact: boolean;
  /** Empty for an exclusion: it matches and consumes text but tags nothing. */
  ids: string[];
  form: string;
}

interface Matcher {
  kind: 'country' | 'topic';
  /** Patterns keyed by their first word (lowercased), each list longest first. */
  byFirstWord: Map<string, Pattern[]>;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const MARKS = /\p{M}/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc\u2032\u00b4]/g;
const HYPHENS = /[\u2010\u2011]/g;

interface Folded {
  /** Folded text with its case kept. */
  text: string;
  /** The same, lowercased; same length as `text`. */
  lower: string;
  /** For each UTF-16 unit of `text`, the index of the original unit it came from. */
  map: number[];
  /** For each UTF-16 unit of `text`, 1 when it is part of a word (letter or digit). */
  word: Uint8Array;
  /** Length of the original text, so an end offset can be mapped. */
  originalLength: number;
}

/** Removes accents, makes apostrophes and hyphens plain and collapses white space. */
function fold(input: string): Folded {
  let text = '';
  let lower = '';
  const map: number[] = [];
  let index = 0;
  let lastWasSpace = false;
  for (const char of input) {
    const at = index;
    index += char.length;
    const code = char.charCodeAt(0);
    // Fast path: plain ASCII letters, digits and punctuation fold to themselves.
    if (code > 32 && code < 127) {
      lastWasSpace = false;
      text += char;
      lower += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
      map.push(at);
      continue;
    }
    if (/\s/u.test(char)) {
      if (!lastWasSpace) {
        text += ' ';
        lower += ' ';
        map.push(at);
      }
      lastWasSpace = true;
      continue;
    }
    lastWasSpace = false;
    const plain = char.normalize('NFD').replace(MARKS, '').replace(APOSTROPHES, "'").replace(HYPHENS, '-');
    for (const unit of plain) {
      const low = unit.toLowerCase();
      // Lowercasing that changes the length (rare, outside Latin scripts) would break the offsets.
      const keep = low.length === unit.length ? low : unit;
      text += unit;
      lower += keep;
      for (let i = 0; i < unit.length; i += 1) map.push(at);
    }
  }
  const word = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    word[i] =
      (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
        ? 1
        : code < 128
          ? 0
          : code >= 0xdc00 && code <= 0xdfff && i > 0
            ? word[i - 1]! // the second half of a surrogate pair belongs with the first
            : WORD_CHAR.test(code >= 0xd800 && code <= 0xdbff ? text.slice(i, i + 2) : text[i]!)
              ? 1
              : 0;
  }
  return { text, lower, map, word, originalLength: input.length };
}

function foldPattern(pattern: string): string {
  return fold(pattern.trim()).text;
}

/** The pattern as written, then with its hyphens as spaces and as nothing. */
function hyphenVariants(pattern: string): string[] {
  if (!pattern.includes('-')) return [pattern];
  return [pattern, pattern.replace(/-/g, ' '), pattern.replace(/-/g, '')];
}

function isExact(pattern: string): boolean {
  return !/\p{Ll}/u.test(pattern);
}

function firstWord(folded: string, from = 0, word?: Uint8Array): string {
  let end = from;
  while (end < folded.length && (word ? word[end] === 1 : WORD_CHAR.test(folded[end]!))) end += 1;
  return folded.slice(from, end);
}

const VOWEL = /[aeiou]/;

/** The last word's simple inflections, for topic keywords ("missile test" -> "missile tests"...). */
export function inflections(keyword: string): string[] {
  const match = /^(.*?)(\p{L}+)$/u.exec(keyword);
  if (!match) return [keyword];
  const head = match[1]!;
  const word = match[2]!;
  if (isExact(word)) return [keyword, `${keyword}s`];
  if (word.length < 3) return [keyword];
  const forms = new Set<string>([word]);
  const last = word.at(-1)!;
  const stem = word.slice(0, -1);
  if (last === 'y' && !VOWEL.test(word.at(-2)!)) {
    forms.add(`${stem}ies`).add(`${stem}ied`).add(`${word}ing`);
  } else if (last === 'e') {
    forms.add(`${word}s`).add(`${word}d`).add(`${stem}ing`);
  } else if (/(?:s|x|z|ch|sh|o)$/.test(word)) {
    forms.add(`${word}es`).add(`${word}ed`).add(`${word}ing`);
    if (last !== 'o' && last !== 's') forms.add(`${word}s`);
  } else {
    forms.add(`${word}s`).add(`${word}ed`).add(`${word}ing`);
    // plan -> planned: a short word ending consonant-vowel-consonant doubles its last letter.
    if (!VOWEL.test(last) && !/[wxy]/.test(last) && VOWEL.test(word.at(-2)!) && !VOWEL.test(word.at(-3) ?? 'a')) {
      forms.add(`${word}${last}ed`).add(`${word}${last}ing`);
    }
  }
  return [...forms].map((form) => head + form);
}

interface Source {
  /** What to match, as written in the data file. */
  form: string;
  /** The id it tags; undefined for an exclusion. */
  id: string | undefined;
  /** Where the pattern came from, for error messages. */
  where: string;
}

function buildMatcher(kind: 'country' | 'topic', sources: Source[], file: string): Matcher {
  const byKey = new Map<string, Pattern & { where: string }>();
  for (const { form, id, where } of sources) {
    const folded = foldPattern(form);
    if (!folded || !WORD_CHAR.test(folded[0]!)) {
      throw new Error(`${file}: ${where} "${form}" must start with a letter or digit.`);
    }
    const exact = isExact(folded);
    const key = exact ? folded : folded.toLowerCase();
    const existing = byKey.get(`${exact}:${key}`);
    if (existing) {
      const existingIsExclusion = existing.ids.length === 0;
      if (existingIsExclusion !== (id === undefined)) {
        throw new Error(
          `${file}: "${form}" is both a pattern (${existingIsExclusion ? where : existing.where}) and an exclusion (${existingIsExclusion ? existing.where : where}); keep only one.`,
        );
      }
      if (id !== undefined && !existing.ids.includes(id)) existing.ids.push(id);
      continue;
    }
    byKey.set(`${exact}:${key}`, { key, exact, ids: id === undefined ? [] : [id], form, where });
  }
  const byFirstWord = new Map<string, Pattern[]>();
  for (const pattern of byKey.values()) {
    const first = firstWord(pattern.key.toLowerCase());
    const list = byFirstWord.get(first) ?? [];
    list.push({ key: pattern.key, exact: pattern.exact, ids: pattern.ids, form: pattern.form });
    byFirstWord.set(first, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.key.length - a.key.length || (a.key < b.key ? -1 : 1));
  return { kind, byFirstWord };
}

function scan(matcher: Matcher, folded: Folded, original: string): Mention[] {
  const found: Mention[] = [];
  const { text, lower, word } = folded;
  let i = 0;
  while (i < lower.length) {
    const startsWord = word[i] === 1 && (i === 0 || word[i - 1] === 0);
    if (!startsWord) {
      i += 1;
      continue;
    }
    const candidates = matcher.byFirstWord.get(firstWord(lower, i, word)) ?? [];
    let matched: Pattern | undefined;
    for (const pattern of candidates) {
      const haystack = pattern.exact ? text : lower;
      const end = i + pattern.key.length;
      if (!haystack.startsWith(pattern.key, i)) continue;
      // A pattern that ends in a letter must end a word ("US" is not in "USA").
      if (end < lower.length && word[end] === 1 && WORD_CHAR.test(pattern.key.at(-1)!)) continue;
      matched = pattern;
      break;
    }
    if (!matched) {
      i += 1;
      continue;
    }
    const end = i + matched.key.length;
    const start = folded.map[i]!;
    const originalEnd = end < folded.map.length ? folded.map[end]! : folded.originalLength;
    for (const id of matched.ids) {
      found.push({ kind: matcher.kind, id, start, end: originalEnd, text: original.slice(start, originalEnd).trimEnd(), form: matched.form });
    }
    i = end;
  }
  return found;
}

/** Ids by number of mentions, most first; ties keep the order of first mention (sort is stable). */
function salienceOrder(mentions: Mention[]): string[] {
  const counts = new Map<string, number>();
  for (const { id } of mentions) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
}

function normaliseName(name: string): string {
  return foldPattern(name)
    .toLowerCase()
    .replace(/^the /, '');
}

export interface TaggerFiles {
  /** Shown in error messages about the data. */
  countries?: string;
  topics?: string;
}

/**
 * Compiles the matchers once per data set: the build tags thousands of sections.
 * Throws, naming the data file, when a pattern is ambiguous (the same alias on two countries).
 */
export function createTagger(
  countries: readonly Country[],
  topics: readonly Topic[],
  files: TaggerFiles = {},
): Tagger {
  const countriesFile = files.countries ?? 'content/countries.json';
  const topicsFile = files.topics ?? 'content/topics.json';

  const countrySources: Source[] = [];
  const names = new Map<string, string>();
  for (const country of countries) {
    const named = [country.name, ...country.aliases].flatMap(hyphenVariants);
    for (const form of named) {
      countrySources.push({ form, id: country.id, where: `"${country.id}"` });
      const key = normaliseName(form);
      const owner = names.get(key);
      if (owner !== undefined && owner !== country.id) {
        throw new Error(`${countriesFile}: "${form}" names both "${owner}" and "${country.id}"; keep it on one of them.`);
      }
      names.set(key, country.id);
    }
    for (const form of (country.adjectives ?? []).flatMap(hyphenVariants)) {
      countrySources.push({ form, id: country.id, where: `"${country.id}" adjective` });
    }
    for (const form of (country.exclude ?? []).flatMap(hyphenVariants)) {
      countrySources.push({ form, id: undefined, where: `"${country.id}" exclude` });
    }
  }
  // Two countries may share an adjective only by mistake: a shared pattern would tag both.
  const countryMatcher = buildMatcher('country', countrySources, countriesFile);
  for (const list of countryMatcher.byFirstWord.values()) {
    for (const pattern of list) {
      if (pattern.ids.length > 1) {
        throw new Error(`${countriesFile}: "${pattern.form}" belongs to ${pattern.ids.map((id) => `"${id}"`).join(' and ')}; keep it on one of them.`);
      }
    }
  }

  const topicSources: Source[] = [];
  const keywordOwner = new Map<string, string>();
  for (const topic of topics) {
    for (const keyword of topic.keywords) {
      const key = foldPattern(keyword).toLowerCase();
      const owner = keywordOwner.get(key);
      if (owner !== undefined && owner !== topic.id) {
        throw new Error(`${topicsFile}: the keyword "${keyword}" is listed under both "${owner}" and "${topic.id}"; keep it on one of them.`);
      }
      keywordOwner.set(key, topic.id);
      // Inflected forms of two keywords may coincide; then both topics are tagged.
      for (const form of hyphenVariants(keyword).flatMap(inflections)) {
        topicSources.push({ form, id: topic.id, where: `"${topic.id}" keyword` });
      }
    }
  }
  const topicMatcher = buildMatcher('topic', topicSources, topicsFile);

  function countryMentions(text: string): Mention[] {
    return scan(countryMatcher, fold(text), text);
  }
  function mentions(text: string): Mention[] {
    const folded = fold(text);
    return [...scan(countryMatcher, folded, text), ...scan(topicMatcher, folded, text)].sort(
      (a, b) => a.start - b.start || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
    );
  }
  return {
    tag(text) {
      const folded = fold(text);
      return {
        countries: salienceOrder(scan(countryMatcher, folded, text)),
        topics: salienceOrder(scan(topicMatcher, folded, text)),
      };
    },
    mentions,
    countryMentions,
    matchCountry(name) {
      return names.get(normaliseName(name));
    },
  };
}

/**
 * The one tagger cache: compiled matchers per data set. The same arrays hit by identity; arrays
 * rebuilt from the same data (content collections hand out fresh ones) hit by content.
 */
const byIdentity = new WeakMap<readonly Country[], WeakMap<readonly Topic[], Tagger>>();
let byContent: { key: string; tagger: Tagger } | undefined;

export function taggerFor(countries: readonly Country[], topics: readonly Topic[]): Tagger {
  let byTopics = byIdentity.get(countries);
  if (!byTopics) {
    byTopics = new WeakMap();
    byIdentity.set(countries, byTopics);
  }
  let tagger = byTopics.get(topics);
  if (!tagger) {
    const key = JSON.stringify([countries, topics]);
    if (byContent?.key !== key) byContent = { key, tagger: createTagger(countries, topics) };
    tagger = byContent.tagger;
    byTopics.set(topics, tagger);
  }
  return tagger;
}

/** One-off tagging through the shared cache. */
export function tagText(text: string, countries: readonly Country[], topics: readonly Topic[]): Tags {
  return taggerFor(countries, topics).tag(text);
}
