/**
 * Decoded source text -> the one-line-per-paragraph text the parser reads, for sources exported
 * from a PDF or a word processor with hard-wrapped lines and page furniture.
 *
 * Two steps, each reported line by line:
 * - Page furniture (footers and headers repeated page after page, bare page numbers, "Page 3 of
 *   12") is removed wherever it is, also in the middle of a paragraph, which then continues.
 * - When the source is hard-wrapped (most lines inside a paragraph end mid-sentence near one
 *   width), the lines of each paragraph are joined. Headings, bullets, table rows and code-like
 *   lines stay lines of their own; a wrapped bullet is joined to its bullet. A hyphen at a line
 *   end is dropped only when the joined word is a real word (the document itself writes it
 *   unhyphenated, or the English word list has it) and kept otherwise ("Russia-North Korea").
 *
 * The one-line-per-paragraph format is recognised and left as it is (furniture aside). Every
 * output line records which source lines it came from, so reports and later steps cite the
 * source's own line numbers: `sourceLine(result, line, column)`.
 */
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import type { Note } from './report.ts';


/** Where a stretch of an output line came from: from `start` (0-based column) on, source line `line`. */
export interface LinePart {
  readonly start: number;
  readonly line: number;
}

export interface FlowedLine {
  readonly text: string;
  /** Ascending by `start`; the first part starts at 0. Blank lines have one part. */
  readonly parts: readonly LinePart[];
}

export interface Reflowed {
  /** The text for the parser: lines joined with "\n". */
  readonly text: string;
  readonly lines: readonly FlowedLine[];
  /** True when the source was found hard-wrapped and its paragraphs were joined. */
  readonly wrapped: boolean;
  /** The wrap width found (characters), when wrapped. */
  readonly width?: number;
  /** One note per detection, join and removal, with the source line. */
  readonly notes: readonly Note[];
  /** Source lines removed as page furniture, ascending. */
  readonly removed: readonly number[];
  /** Source lines joined to the line before them, ascending. */
  readonly joins: readonly Join[];
}

/** A source line joined to the text before it: with `glue` between, the line-end hyphen before it dropped or not. */
export interface Join {
  readonly line: number;
  readonly glue: '' | ' ';
  readonly dropHyphen: boolean;
}

export interface ReflowOptions {
  /** Whether a lower-case word is English; defaults to the `word-list` package's list. */
  readonly isWord?: (word: string) => boolean;
}

/** The 1-based source line of 1-based output `line` at 0-based `column` (default: its start). */
export function sourceLine(flowed: Pick<Reflowed, 'lines'>, line: number, column = 0): number {
  const parts = flowed.lines[line - 1]?.parts;
  if (parts === undefined || parts.length === 0) return line;
  let found = parts[0]!.line;
  for (const part of parts) if (part.start <= column) found = part.line;
  return found;
}

// ---------------------------------------------------------------------------------------------
// Line shapes. Kept to what reflow needs; the parser still decides what each output line is.

const BULLET = /^\s*(?:[-*•‣◦–]|\d{1,2}[.)]|\(?[a-z]\))\s+\S/u;
const TABLE_ROW = /\|.*\|/;
/** Lines that read as code or markup: never joined to prose. */
const CODE = /^\s*(?:import\s|export\s|const\s|let\s|function\s|<\/?[A-Za-z][^>]*>|[{}[\]]\s*$|\{)|[;{]\s*$/;
const TERMINAL = /[.?!:;"”’)\]]$/u;
const SENTENCE_END = /[.?!]["”’)\]]*$/u;

type Shape = 'blank' | 'bullet' | 'table' | 'code' | 'text';

function shapeOf(line: string): Shape {
  if (line.trim() === '') return 'blank';
  if (TABLE_ROW.test(line)) return 'table';
  if (BULLET.test(line)) return 'bullet';
  if (CODE.test(line)) return 'code';
  return 'text';
}

/** A short bare line in title form: a heading in a wrapped source, never joined to its neighbours. */
function headingLike(line: string, width: number): boolean {
  const text = line.trim();
  const words = text.split(/\s+/);
  return (
    text.length < width * 0.7 &&
    words.length <= 12 &&
    !/[.,;:]$/.test(text) &&
    /^(?:[\p{Lu}\p{N}]|[IVXLC]+\.)/u.test(text) &&
    // Title case or a numbered heading: most words capitalised, or few words.
    (words.length <= 4 || words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length * 2 >= words.length)
  );
}

// ---------------------------------------------------------------------------------------------
// Page furniture.

const PAGE_NUMBER = /^\s*(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—])?\s*$/i;
const PAGE_WORD = /^\s*page\s+\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?\s*$/i;
/** Repeats needed before a line without a page number counts as a running header or footer. */
const RUNNING_REPEATS = 3;

/** A line's shape with its page number taken out: "Congressional Research Service 2" -> "congressional research service #". */
function furnitureKey(line: string): string {
  return line
    .trim()
    .toLowerCase()
    .replace(/\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?/g, '#')
    .replace(/\s+/g, ' ');
}

/** Indexes (0-based) of furniture lines with the reason for each. */
function findFurniture(lines: readonly string[]): Map<number, string> {
  const found = new Map<number, string>();
  const byKey = new Map<string, number[]>();
  lines.forEach((line, index) => {
    const text = line.replace(/\f/g, '').trim();
    if (text === '' || text.length > 100 || shapeOf(text) === 'table' || shapeOf(text) === 'bullet') return;
    const key = furnitureKey(text);
    byKey.set(key, [...(byKey.get(key) ?? []), index]);
  });

  // Bare page numbers: "Page 3", "Page 3 of 12" always; a bare "3" only when at least two such
  // lines count up through the document, as page numbers do.
  const bare = lines.flatMap((line, index) => (PAGE_NUMBER.test(line.replace(/\f/g, '')) && !PAGE_WORD.test(line) ? [index] : []));
  const numbers = bare.map((index) => Number(/\d+/.exec(lines[index]!)![0]));
  const ascending = bare.length >= 2 && numbers.every((n, i) => i === 0 || n > numbers[i - 1]!);
  lines.forEach((line, index) => {
    if (PAGE_WORD.test(line.replace(/\f/g, ''))) found.set(index, 'page number');
  });
  if (ascending) for (const index of bare) found.set(index, 'page number');

  for (const [key, indexes] of byKey) {
    if (key === '#' || !/\p{L}/u.test(key)) continue;
    const numbered = key.includes('#');
    // A numbered line repeated twice with different numbers ("... Service 1", "... Service 2"),
    // or an unnumbered one repeated at least three times, is a running header or footer.
    const distinct = new Set(indexes.map((index) => lines[index]!.trim())).size;
    const running = indexes.length >= RUNNING_REPEATS || (numbered && indexes.length >= 2 && distinct >= 2);
    if (!running) continue;
    const reason = numbered && distinct >= 2 ? 'page footer or header' : 'running header or footer';
    for (const index of indexes) if (!found.has(index)) found.set(index, reason);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Detecting hard-wrapped text.

/** The wrap width when most lines inside paragraphs end mid-sentence near one width; else undefined. */
export function detectWrapWidth(lines: readonly string[]): number | undefined {
  const text = lines.map((line, index) => ({ line: line.trimEnd(), index })).filter(({ line }) => shapeOf(line) === 'text');
  if (text.length < 6) return undefined;
  const lengths = text.map(({ line }) => line.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)]!;
  if (width < 30 || width > 160) return undefined;
  // Lines followed directly by more text of the same paragraph.
  const inner = text.filter(({ index }) => shapeOf(lines[index + 1] ?? '') === 'text');
  const wrappedLike = inner.filter(({ line }) => line.length >= width * 0.75 && !SENTENCE_END.test(line));
  // One-line-per-paragraph text has few such lines: a heading or a date line before a paragraph.
  return inner.length >= 3 && wrappedLike.length >= 3 && wrappedLike.length * 2 >= inner.length ? width : undefined;
}

// ---------------------------------------------------------------------------------------------
// Words for hyphen joins.

let englishWords: ReadonlySet<string> | undefined;

/** The `word-list` package's ~274,000 lower-case English words, read once. */
export function isEnglishWord(word: string): boolean {
  englishWords ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return englishWords.has(word.toLowerCase());
}

interface Vocabulary {
  /** Lower-case words the document writes whole. */
  readonly whole: ReadonlySet<string>;
  /** Lower-case hyphenated compounds the document writes on one line ("long-term"). */
  readonly compounds: ReadonlySet<string>;
}

function vocabularyOf(lines: readonly string[]): Vocabulary {
  const whole = new Set<string>();
  const compounds = new Set<string>();
  for (const line of lines) {
    // A word split at this line's end is not evidence of anything.
    const body = line.replace(/\p{L}+-\s*$/u, '');
    for (const match of body.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
      const word = match[0].toLowerCase();
      if (word.includes('-')) compounds.add(word);
      else whole.add(word);
    }
  }
  return { whole, compounds };
}

type HyphenDecision = { join: boolean; why: string };

function decideHyphen(left: string, right: string, vocabulary: Vocabulary, isWord: (word: string) => boolean): HyphenDecision {
  const joined = `${left}${right}`.toLowerCase();
  const compound = `${left}-${right}`.toLowerCase();
  if (/^\p{Lu}/u.test(right)) return { join: false, why: 'the next line starts with a capital, so the hyphen is part of a compound' };
  if (vocabulary.compounds.has(compound)) return { join: false, why: `the document writes "${left}-${right}" elsewhere` };
  if (vocabulary.whole.has(joined)) return { join: true, why: `the document writes "${left}${right}" elsewhere` };
  if (isWord(joined)) return { join: true, why: `"${left}${right}" is an English word` };
  return { join: false, why: `"${left}${right}" is not a word the document or the English word list knows` };
}

// ---------------------------------------------------------------------------------------------

interface Building {
  text: string;
  parts: LinePart[];
  shape: Shape;
}

/** Reflows `text` (decoded, LF line endings). Pure apart from reading the word list once. */
export function reflowSource(text: string, options: ReflowOptions = {}): Reflowed {
  const isWord = options.isWord ?? isEnglishWord;
  const source = text.split('\n');
  const notes: Note[] = [];
  const furniture = findFurniture(source);
  const removed = [...furniture.keys()].sort((a, b) => a - b).map((index) => index + 1);
  const joins: Join[] = [];
  for (const [index, reason] of [...furniture].sort(([a], [b]) => a - b)) {
    notes.push({ line: index + 1, message: `removed ${reason} "${source[index]!.replace(/\f/g, '').trim()}"` });
  }
  // Form feeds mark page breaks in PDF exports; they carry no text.
  const kept = source.map((line, index) => (furniture.has(index) ? undefined : line.replace(/\f/g, '')));
  const width = detectWrapWidth(kept.filter((line): line is string => line !== undefined));
  if (width !== undefined) {
    notes.push({ line: 1, message: `the source is hard-wrapped at about ${width} characters: joined the lines of each paragraph` });
  }
  const vocabulary = vocabularyOf(kept.filter((line): line is string => line !== undefined));

  if (width === undefined) {
    // One paragraph per line already: only the furniture goes, every other line stays as written.
    const lines = kept.flatMap((line, index): FlowedLine[] => (line === undefined ? [] : [{ text: line, parts: [{ start: 0, line: index + 1 }] }]));
    return { text: lines.map((line) => line.text).join('\n'), lines, wrapped: false, notes, removed, joins };
  }

  const out: Building[] = [];
  /** A removed line between the last output line and this one, and whether a blank line came after it. */
  let removedSince = false;
  let blankSince = false;

  kept.forEach((raw, index) => {
    const lineNo = index + 1;
    if (raw === undefined) {
      removedSince = true;
      return;
    }
    const shape = shapeOf(raw);
    if (shape === 'blank') {
      blankSince = true;
      return;
    }
    const previous = out.at(-1);
    const line = raw.trim();
    const join = previous !== undefined && joinable(previous, line, shape, width, blankSince, removedSince);
    if (previous !== undefined && join) {
      const hyphen = /(\p{L}+)-$/u.exec(previous.text);
      const right = /^\p{L}+/u.exec(line)?.[0];
      let glue: Join['glue'] = ' ';
      let dropped = false;
      let message = 'joined to the previous line (hard-wrapped paragraph)';
      if (removedSince) message = 'joined to the paragraph before the page footer or header (the paragraph continues)';
      if (/[—–]$/u.test(previous.text) && !/\s[—–]$/u.test(previous.text)) glue = '';
      if (hyphen !== null && right !== undefined) {
        const decision = decideHyphen(hyphen[1]!, right, vocabulary, isWord);
        if (decision.join) {
          previous.text = previous.text.slice(0, -1);
          dropped = true;
          message = `joined "${hyphen[1]}-" and "${right}" into "${hyphen[1]}${right}" (${decision.why})`;
        } else {
          message = `joined to the previous line keeping the hyphen in "${hyphen[1]}-${right}" (${decision.why})`;
        }
        glue = '';
      }
      const start = previous.text.length + glue.length;
      previous.text += glue + line;
      previous.parts.push({ start, line: lineNo });
      notes.push({ line: lineNo, message });
      joins.push({ line: lineNo, glue, dropHyphen: dropped });
    } else {
      if (previous !== undefined && (blankSince || removedSince)) out.push({ text: '', parts: [{ start: 0, line: lineNo - 1 }], shape: 'blank' });
      out.push({ text: line, parts: [{ start: 0, line: lineNo }], shape });
    }
    removedSince = false;
    blankSince = false;
  });

  const lines: FlowedLine[] = out.map(({ text, parts }) => ({ text, parts }));
  if (text.endsWith('\n')) lines.push({ text: '', parts: [{ start: 0, line: source.length }] });
  return { text: lines.map((line) => line.text).join('\n'), lines, wrapped: true, width, notes, removed, joins };
}

/** Whether `line` continues the paragraph (or bullet) of `previous` in a hard-wrapped source. */
function joinable(previous: Building, line: string, shape: Shape, width: number, blankSince: boolean, removedSince: boolean): boolean {
  if (shape !== 'text') return false;
  if (previous.shape !== 'text' && previous.shape !== 'bullet') return false;
  const last = previous.text;
  const lastSourceLine = last.slice(previous.parts.at(-1)!.start);
  // A blank line ends a paragraph, unless it only surrounded a removed footer mid-sentence.
  if (blankSince && !removedSince) return false;
  if (previous.parts.length === 1 && previous.shape === 'text' && headingLike(last, width)) return false;
  if (headingLike(line, width) && SENTENCE_END.test(lastSourceLine)) return false;
  const continues = /^[\p{Ll}\p{N}(“"'‘$€£¥]/u.test(line);
  if (removedSince) return !TERMINAL.test(lastSourceLine) || continues;
  // A line that ended because the next word did not fit, or that stops mid-sentence.
  const full = lastSourceLine.length >= width * 0.6;
  // Inside a paragraph a sentence may end exactly at the wrap, so a full line joins either way;
  // a short line ends its paragraph unless it stops mid-sentence and the next goes on in lower case.
  return full || (!TERMINAL.test(lastSourceLine) && continues) || /\p{L}-$/u.test(lastSourceLine);
}
