/**
 * Safe typographic fixes, applied to the prose of the parsed document: paragraphs, bullet items,
 * recommendation items and the text cells of tables. Headings, cells that are figures and lines
 * that look like code are never touched.
 *
 * Only three kinds of change are made, and each is reported with its line:
 * - `missing-space`: a space after `,` `.` `;` squeezed between two words ("Furthermore,this").
 * - `sentence-case`: a sentence that starts with a lowercase word ("the recent treaty").
 * - `country-case`: a known country name or alias in the wrong case ("south Korea", "china").
 * Nothing else of the author's wording changes and no line is added or removed. Everything that
 * merely resembles these patterns is left alone: abbreviations (U.S., e.g., a.m.), decimals (9.5),
 * thousands (1,000), URLs, e-mail addresses, domain names, character references (&amp;x) and
 * words written in capitals.
 */
import { isAbbreviationPeriod } from '../lib/sentences.ts';
import { isBlank, parseCell } from '../lib/cells.ts';
import { taggerFor, type Country, type Tagger } from '../lib/tagging.ts';
import type { DocBlock, DocumentModel } from './document.ts';
import { parseBlocks, splitLabel, type Block } from './parse.ts';
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

/** `column`: where in the text the fix is, so a fix inside a joined paragraph cites its source line. */
type Record = (rule: FixRule, before: string, after: string, column: number) => void;

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
    record('missing-space', before, after, at);
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
  record('sentence-case', context, capitalise(context)!, index);
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

function fixCountryCase(line: string, vocabulary: Vocabulary, record: Record): string {
  const mentions = vocabulary.tagger.countryMentions(line);
  const names = vocabulary.names;
  let out = line;
  for (const mention of [...mentions].reverse()) {
    const { text, form, start } = mention;
    if (text === form || text.toLowerCase() !== form.toLowerCase()) continue;
    if (!names.get(mention.id)?.has(form)) continue; // adjectives are not names
    if (!/\p{Ll}/u.test(form) || text === text.toUpperCase()) continue; // acronyms, capitals
    if (COMMON_NOUNS.has(text)) continue;
    if (isAddressLike(tokenAt(line, start))) continue;
    record('country-case', text, form, start);
    out = out.slice(0, start) + form + out.slice(start + text.length);
  }
  return out;
}

/** What the country-case rule needs: the tagger and each country's names (adjectives are not names). */
interface Vocabulary {
  tagger: Tagger;
  names: Map<string, Set<string>>;
  lineOf: SourceLineOf;
}

const vocabularies = new WeakMap<readonly Country[], Vocabulary>();
const NO_TOPICS: readonly [] = [];

function vocabularyOf(countries: readonly Country[], lineOf: SourceLineOf = sameLine): Vocabulary {
  let vocabulary = vocabularies.get(countries);
  if (!vocabulary) {
    vocabulary = {
      tagger: taggerFor(countries, NO_TOPICS),
      names: new Map(countries.map((country) => [country.id, new Set([country.name, ...country.aliases])])),
      lineOf: sameLine,
    };
    vocabularies.set(countries, vocabulary);
  }
  return lineOf === sameLine ? vocabulary : { ...vocabulary, lineOf };
}

/**
 * Code, markup and commands keep every character: an identifier such as `config.Load` or a
 * lowercase statement is not a sentence.
 */
export function isCodeLike(text: string): boolean {
  return (
    /`/.test(text) ||
    /^(?:\$|>>>|#include\b|(?:import|export|const|let|var|function|def|class|return)\s)/.test(text) ||
    /[{};]\s*$|=>|\w\(\)|<\/?[a-z][\w-]*[\s/>]/.test(text)
  );
}

type Scope = 'sentence' | 'words';

/**
 * Maps a line of the text the parser read (and a column in it) to the source line; the identity
 * unless the source was reflowed (src/ingest/reflow.ts `sourceLine`).
 */
export type SourceLineOf = (line: number, column: number) => number;
const sameLine: SourceLineOf = (line) => line;

/** The fixes of one piece of prose on one line; `sentence` also applies sentence case. */
function fixText(text: string, line: number, scope: Scope, vocabulary: Vocabulary, fixes: Fix[]): string {
  const record: Record = (rule, before, after, column) => fixes.push({ line: vocabulary.lineOf(line, column), rule, before, after });
  let out = fixMissingSpaces(text, record);
  if (scope === 'sentence') out = fixSentenceCase(out, 0, record);
  return fixCountryCase(out, vocabulary, record);
}

/** A table cell holding a figure ("$50 billion", "+5%") is data, not prose. */
function isFigure(cell: string): boolean {
  const parsed = parseCell(cell);
  return parsed.type !== 'text' || isBlank(parsed);
}

function fixBlock<B extends DocBlock>(block: B, vocabulary: Vocabulary, fixes: Fix[]): B {
  switch (block.type) {
    case 'heading':
      return block;
    case 'paragraph':
      if (isCodeLike(block.text)) return block;
      return { ...block, text: fixText(block.text, block.line, 'sentence', vocabulary, fixes) };
    case 'bullets':
      return {
        ...block,
        items: block.items.map((item) => {
          if (isCodeLike(item.body)) return item;
          const body = fixText(item.body, item.line, 'sentence', vocabulary, fixes);
          return body === item.body ? item : { line: item.line, body, ...splitLabel(body) };
        }),
      };
    case 'recommendations':
      return { ...block, items: block.items.map((item) => (isCodeLike(item.text) ? item : { ...item, text: fixText(item.text, item.line, 'sentence', vocabulary, fixes) })) };
    case 'table': {
      const row = (r: { line: number; cells: string[] }) => ({
        line: r.line,
        cells: r.cells.map((cell) => (isFigure(cell) || isCodeLike(cell) ? cell : fixText(cell, r.line, 'words', vocabulary, fixes))),
      });
      return { ...block, header: row(block.header), rows: block.rows.map(row) };
    }
    case 'figure':
      return { ...block, caption: fixBlock(block.caption, vocabulary, fixes), credits: block.credits.map((credit) => fixBlock(credit, vocabulary, fixes)) };
  }
}

export interface FixedBlocks<B extends DocBlock> {
  blocks: B[];
  fixes: Fix[];
}

/** Blocks with the fixes applied to their prose, and the fixes in source order. */
export function fixBlocks<B extends DocBlock>(blocks: readonly B[], countries: readonly Country[], lineOf?: SourceLineOf): FixedBlocks<B> {
  const vocabulary = vocabularyOf(countries, lineOf);
  const fixes: Fix[] = [];
  return { blocks: blocks.map((block) => fixBlock(block, vocabulary, fixes)), fixes };
}

export interface FixedDocument {
  document: DocumentModel;
  fixes: Fix[];
}

/** The document with its prose fixed; structure, title and headings stay as parsed. */
export function fixDocument(document: DocumentModel, countries: readonly Country[], lineOf?: SourceLineOf): FixedDocument {
  const lede = fixBlocks(document.lede, countries, lineOf);
  const fixes = [...lede.fixes];
  const sections = document.sections.map((section) => {
    const fixed = fixBlocks(section.blocks, countries, lineOf);
    fixes.push(...fixed.fixes);
    return { ...section, blocks: fixed.blocks };
  });
  fixes.sort((a, b) => a.line - b.line);
  return { document: { ...document, lede: lede.blocks, sections }, fixes };
}

/** Replaces `before` with `after` in a line, searching from `from`; returns the new line and where the search goes on. */
function replaceIn(line: string, before: string, after: string, from: number): [string, number] {
  const at = line.indexOf(before, from);
  if (at === -1) return [line, from];
  return [line.slice(0, at) + after + line.slice(at + before.length), at + after.length];
}

/**
 * The source text with the fixes written into their lines (LF line endings, no BOM): what the
 * page shows, for tests that compare a page with its source word by word. Defaults to the
 * repository's content/countries.json, as the site's tests call it.
 */
export function fixSource(text: string, countries: readonly Country[] = loadProjectCountries()): { text: string; fixes: Fix[] } {
  const parsed = parseBlocks(text).blocks;
  const { blocks, fixes } = fixBlocks<Block>(parsed, countries);
  const lines = text.split('\n');
  const put = (line: number, before: string, after: string, from = 0): number => {
    if (before === after) return from;
    const [next, at] = replaceIn(lines[line - 1]!, before, after, from);
    lines[line - 1] = next;
    return at;
  };
  parsed.forEach((block, index) => {
    const fixed = blocks[index]!;
    if (block.type === 'paragraph' && fixed.type === 'paragraph') put(block.line, block.text, fixed.text);
    if (block.type === 'bullets' && fixed.type === 'bullets') block.items.forEach((item, i) => put(item.line, item.body, fixed.items[i]!.body, lines[item.line - 1]!.indexOf(item.body)));
    if (block.type === 'table' && fixed.type === 'table') {
      [block.header, ...block.rows].forEach((row, r) => {
        const after = r === 0 ? fixed.header : fixed.rows[r - 1]!;
        let from = 0;
        row.cells.forEach((cell, c) => {
          from = put(row.line, cell, after.cells[c]!, from);
          if (cell === after.cells[c]) from = Math.max(from, lines[row.line - 1]!.indexOf(cell, from) + cell.length);
        });
      });
    }
  });
  return { text: lines.join('\n'), fixes };
}
