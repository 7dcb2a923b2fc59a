/**
 * Safe typographic fixes, applied to the decoded source before it is parsed.
 *
 * Only three kinds of change are made, and each is reported with its line:
 * - `missing-space`: a space after `,` `.` `;` squeezed between two words ("Furthermore,this").
 * - `sentence-case`: a sentence that starts with a lowercase word ("the recent treaty").
 * - `country-case`: a known country name or alias in the wrong case ("south Korea", "china").
 * Nothing else of the author's wording changes, and no line is added or removed, so line numbers
 * stay those of the original. Everything that merely resembles these patterns is left alone:
 * abbreviations (U.S., e.g., a.m.), decimals (9.5), thousands (1,000), URLs, e-mail addresses,
 * domain names, character references (&amp;x) and words written in capitals.
 */
import { isAbbreviationPeriod } from '../lib/sentences.ts';
import { createTagger, type Country } from '../lib/tagging.ts';
import { parseBlocks } from './parse.ts';
import { loadProjectCountries } from './vocabulary.ts';

export type FixRule = 'missing-space' | 'sentence-case' | 'country-case';

export interface Fix {
  /** 1-based line in the source. */
  line: number;
  rule: FixRule;
  /** The changed words as they were and as they are now. */
  before: string;
  after: string;
}

export interface Fixed {
  text: string;
  fixes: Fix[];
}

/** Lowercase forms of names and aliases that are also ordinary words ("a turkey", "lima beans"). */
const COMMON_NOUNS = new Set(['turkey', 'chad', 'guinea', 'lima', 'manila', 'pentagon', 'panama']);

/** Lowercase words that open sentences and are not domain endings (unlike "it", "in", "so"). */
const SENTENCE_OPENERS = new Set(
  'the this these those that however but we they there their its our while although moreover meanwhile thus therefore furthermore yet'.split(' '),
);

const LETTER = /\p{L}/u;
const LOWER_WORD = /^\p{Ll}[\p{Ll}'’-]*$/u;

/** The white-space-delimited token around `index`. */
function tokenAt(line: string, index: number): string {
  let start = index;
  while (start > 0 && !/\s/.test(line[start - 1]!)) start -= 1;
  let end = index;
  while (end < line.length && !/\s/.test(line[end]!)) end += 1;
  return line.slice(start, end);
}

/** URLs, e-mail addresses, paths and domain names: their dots and case belong to them. */
function isAddressLike(token: string): boolean {
  const bare = token.replace(/^[("'“‘[<]+|[)"'”’\]>.,;:!?]+$/gu, '');
  return (
    /:\/\/|@|\/|\\/.test(bare) ||
    /^www\./i.test(bare) ||
    /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|edu|gov|mil|int|info|io|ru|kp|kr|cn|jp|uk|us|eu|de|fr|html?|pdf|txt)$/iu.test(bare)
  );
}

function wordBefore(line: string, index: number, pattern = /[\p{L}\p{N}]/u): { word: string; start: number } {
  let start = index;
  while (start > 0 && pattern.test(line[start - 1]!)) start -= 1;
  return { word: line.slice(start, index), start };
}

function wordAfter(line: string, index: number, pattern = /\p{L}/u): string {
  let end = index;
  while (end < line.length && pattern.test(line[end]!)) end += 1;
  return line.slice(index, end);
}

/** First letter uppercased, or undefined when that would change the word's length (ß). */
function capitalise(word: string): string | undefined {
  const first = String.fromCodePoint(word.codePointAt(0)!);
  const upper = first.toUpperCase();
  return upper.length === first.length && upper !== first ? upper + word.slice(first.length) : undefined;
}

type Record = (rule: FixRule, before: string, after: string) => void;

function fixMissingSpaces(line: string, record: Record): string {
  let out = '';
  let last = 0;
  for (const match of line.matchAll(/(?<=[\p{L}\p{N}])[,.;](?=\p{L})/gu)) {
    const at = match.index;
    const mark = match[0];
    if (isAddressLike(tokenAt(line, at))) continue;
    const { word: left, start: leftStart } = wordBefore(line, at);
    const right = wordAfter(line, at + 1);
    const charBeforeLeft = line[leftStart - 1];
    if (mark === '.') {
      // "asia.The", "talks.the": two letters or more on the left; on the right a capitalised word
      // (not an acronym) or a word that opens sentences and is no domain ending; no further dot.
      // "U.S.", "e.g.", "a.m.", "Node.js", "ASP.NET", "example.it" stay as written.
      if (!/^\p{L}{2,}$/u.test(left) || charBeforeLeft === '.') continue;
      const opensSentence = /^\p{Lu}/u.test(right) ? !(right.length > 1 && right === right.toUpperCase()) : SENTENCE_OPENERS.has(right);
      if (!opensSentence) continue;
      if (line[at + 1 + right.length] === '.') continue;
    } else {
      if (left.length === 1 && right.length === 1) continue; // "x,y", "a;b"
      if (charBeforeLeft === '&' || charBeforeLeft === '#') continue; // "&amp;b"
    }
    const before = `${left}${mark}${right}`;
    const after = `${left}${mark} ${right}`;
    record('missing-space', before, after);
    out += line.slice(last, at + 1) + ' ';
    last = at + 1;
  }
  return out + line.slice(last);
}

/** Capitalises the lowercase word at `index` when it can only be a sentence's first word. */
function capitaliseAt(line: string, index: number, record: Record): string {
  const token = tokenAt(line, index);
  if (isAddressLike(token)) return line;
  const word = token.replace(/[,;:!?.)"'”’\]]+$/u, '');
  if (!LOWER_WORD.test(word)) return line;
  const upper = capitalise(word);
  if (!upper) return line;
  const context = line.slice(index).split(/\s+/).slice(0, 3).join(' ');
  record('sentence-case', context, capitalise(context)!);
  return line.slice(0, index) + upper + line.slice(index + word.length);
}

function fixSentenceCase(line: string, start: number, record: Record): string {
  let out = LETTER.test(line[start] ?? '') ? capitaliseAt(line, start, record) : line;
  for (const match of out.matchAll(/([.!?])["'”’)\]]*\s+(?=\p{Ll})/gu)) {
    const at = match.index;
    if (match[1] === '.') {
      if (out[at - 1] === '.') continue; // an ellipsis continues the sentence
      if (isAbbreviationPeriod(out, at)) continue; // "U.S. and", "e.g. the", "Dr. no"
      if (isAddressLike(tokenAt(out, at))) continue;
    }
    out = capitaliseAt(out, at + match[0].length, record);
  }
  return out;
}

function fixCountryCase(line: string, countries: readonly Country[], record: Record): string {
  const names = new Map<string, Set<string>>();
  for (const country of countries) names.set(country.id, new Set([country.name, ...country.aliases]));
  const mentions = taggerFor(countries).countryMentions(line);
  let out = line;
  for (const mention of [...mentions].reverse()) {
    const { text, form, start } = mention;
    if (text === form || text.toLowerCase() !== form.toLowerCase()) continue;
    if (!names.get(mention.id)?.has(form)) continue; // adjectives are not names
    if (!/\p{Ll}/u.test(form) || text === text.toUpperCase()) continue; // acronyms, capitals
    if (COMMON_NOUNS.has(text)) continue;
    if (isAddressLike(tokenAt(line, start))) continue;
    record('country-case', text, form);
    out = out.slice(0, start) + form + out.slice(start + text.length);
  }
  return out;
}

const taggers = new WeakMap<readonly Country[], ReturnType<typeof createTagger>>();
function taggerFor(countries: readonly Country[]) {
  let tagger = taggers.get(countries);
  if (!tagger) {
    tagger = createTagger(countries, []);
    taggers.set(countries, tagger);
  }
  return tagger;
}

/** Which lines are prose (sentence rules apply), bullets (after the marker) or table rows. */
function lineRoles(text: string): Map<number, 'prose' | 'bullet' | 'table'> {
  const roles = new Map<number, 'prose' | 'bullet' | 'table'>();
  for (const block of parseBlocks(text).blocks) {
    if (block.type === 'bullets') for (const item of block.items) roles.set(item.line, 'bullet');
    else if (block.type === 'table') for (const row of [block.header, ...block.rows]) roles.set(row.line, 'table');
    else roles.set(block.line, 'prose');
  }
  return roles;
}

/**
 * Applies the safe fixes to decoded source text (LF line endings, no BOM). The site's tests call
 * this too, to compare each source sentence with its page; both default to the repository's
 * content/countries.json.
 */
export function fixSource(text: string, countries: readonly Country[] = loadProjectCountries()): Fixed {
  const roles = lineRoles(text);
  const fixes: Fix[] = [];
  const lines = text.split('\n').map((original, index) => {
    const role = roles.get(index + 1);
    if (!role) return original;
    const record: Record = (rule, before, after) => fixes.push({ line: index + 1, rule, before, after });
    const lead = original.length - original.trimStart().length;
    let line = fixMissingSpaces(original, record);
    if (role === 'prose') line = fixSentenceCase(line, lead, record);
    if (role === 'bullet') line = fixSentenceCase(line, lead + (/^\S+\s+/u.exec(line.slice(lead))?.[0].length ?? 0), record);
    return fixCountryCase(line, countries, record);
  });
  return { text: lines.join('\n'), fixes };
}
