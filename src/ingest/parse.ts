/**
 * Decoded source text -> a small list of typed blocks, each with the 1-based line it came from.
 *
 * The source format is line-based: one paragraph per line, `- Label: text` bullets, `a | b |`
 * table rows, and headings that are nothing but short bare lines. Whether a bare line is a
 * heading is a guess, so every such decision is returned as a note for the report.
 */

import type { Note } from './report.ts';

export interface BulletItem {
  line: number;
  /** The item as written after its marker; `label` and `text` are read from it. */
  body: string;
  /** The term before the first ": " (without the colon), when the item has one. */
  label?: string;
  text: string;
}

export interface TableRow {
  line: number;
  cells: string[];
}

/**
 * What a paragraph line is, when it is more than prose. `date`, `identifier`, `classification`,
 * `byline` and `pageFurniture` are document furniture: the document step takes what they state
 * into front matter and leaves them out of the body.
 */
export type ParagraphRole = 'date' | 'identifier' | 'classification' | 'byline' | 'pageFurniture' | 'field' | 'caption';

export type Block =
  | { type: 'heading'; line: number; text: string }
  | { type: 'paragraph'; line: number; text: string; role?: ParagraphRole }
  | { type: 'bullets'; line: number; items: BulletItem[] }
  | { type: 'table'; line: number; header: TableRow; rows: TableRow[]; hasSeparator: boolean };

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'bullet'; marker: string; body: string }
  | { kind: 'tableRow'; cells: string[] }
  | { kind: 'tableSeparator' }
  | { kind: 'text'; text: string };

const BULLET = /^([-*•‣◦–])[ \t]+(.*)$/u;
const SEPARATOR = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/;

/** Classifies one line on its own; `parseBlocks` then groups lines with their neighbours. */
export function classifyLine(raw: string): LineKind {
  const line = raw.trim();
  if (line === '') return { kind: 'blank' };
  if (line.includes('|') && line.includes('-') && SEPARATOR.test(line)) return { kind: 'tableSeparator' };
  const bullet = BULLET.exec(line);
  if (bullet && /[\p{L}\p{N}]/u.test(bullet[2]!)) return { kind: 'bullet', marker: bullet[1]!, body: bullet[2]!.trim() };
  if (line.includes('|')) {
    const cells = splitCells(line);
    if (cells.length >= 2) return { kind: 'tableRow', cells };
  }
  return { kind: 'text', text: line };
}

/** Cells of a `a | b | c |` row; the pipes at either end are optional, tabs count as spaces. */
export function splitCells(line: string): string[] {
  const trimmed = line.trim();
  const parts = trimmed.split('|').map((cell) => cell.trim());
  if (trimmed.startsWith('|')) parts.shift();
  if (trimmed.endsWith('|') && parts.length > 0) parts.pop();
  return parts;
}

/** `Label: text` -> label and text, when the part before the colon reads like a term. */
export function splitLabel(body: string): { label?: string; text: string } {
  const match = /^([^:]{1,80}?):[ \t]+(\S.*)$/u.exec(body);
  if (!match) return { text: body };
  const label = match[1]!.trim();
  const words = label.split(/\s+/).length;
  // A sentence ("As noted above, the plan failed: ...") is not a term.
  if (words > 8 || /[.!?;]\s/.test(label) || /[,;]$/.test(label) || label === '') return { text: body };
  return { label, text: match[2]! };
}

// ---------------------------------------------------------------------------------------------
// Lines that carry document facts rather than prose: never headings, never the title.

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH = `(?:${MONTHS.map((m) => `${m[0]!.toUpperCase()}${m.slice(1)}|${m.slice(0, 3)[0]!.toUpperCase()}${m.slice(1, 3)}\\.?`).join('|')})`;
const DAY = '(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?';
const YEAR = '(?:1[89]\\d\\d|2\\d\\d\\d)';
const DATE_FORMS = [
  `${YEAR}-\\d\\d-\\d\\d`,
  `${DAY} ${MONTH},? ${YEAR}`,
  `${MONTH} ${DAY},? ${YEAR}`,
  `\\d{1,2}[/.]\\d{1,2}[/.]${YEAR}`,
  `${MONTH},? ${YEAR}`,
];
const DATE_ONLY = new RegExp(`^(?:${DATE_FORMS.join('|')})$`, 'i');
const DATE_KEY = /^(date of (?:publication|issue|report)|publication date|last updated|published(?: on)?|issued(?: on)?|released(?: on)?|dated|date|as of|updated)\s*[:\-–—]?\s*(.+)$/i;
const REFERENCE = /^(?:(?:report|document|doc\.?|file|case|serial|control|tracking|product|assessment|memo(?:randum)?)\s*(?:no\.?|number|num\.?|#|id|ref\.?)\s*[:#]?\s*\S+|(?:ref(?:erence)?\.?(?: no\.?| number)?)\s*[:#]\s*\S+)/i;
/** A banner line such as "UNCLASSIFIED" or "SECRET//NOFORN" (capitals only, as written). */
/**
 * A report number on a line of its own: "(IF12760)", "R45153", "CRS Report R45153",
 * "RAND RR-A1234-1", "Working Paper No. 12". Letters then at least three digits, so "F-35" or
 * "G20" in a heading are not taken.
 */
const IDENTIFIER =
  /^\(?(?:[A-Z][A-Za-z]{1,7}\s+)?(?:(?:Research |Policy |Working |Occasional )?(?:Report|Insight|Brief|Paper|In Focus|Memo)\s+(?:No\.?\s*)?)?[A-Z]{1,4}-?[A-Z]?\d{3,6}(?:[-.][A-Z0-9]+)*\)?$/;
/** A page footer or header stripped of its page number ("Congressional Research Service 3"). */
const PAGE_NUMBER_ONLY = /^(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;
const CLASSIFICATION = /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|RESTRICTED|OFFICIAL(?:-SENSITIVE)?|CUI|FOR OFFICIAL USE ONLY)(?:\s*\/\/.*|\s*\(.*\))?$/;
const CLASSIFICATION_KEY = /^(?:classification|security classification|handling|caveats?|distribution|releasability)\s*:/i;
const FIELD = /^(?:prepared by|prepared for|authors?|analysts?|from|to|subject|re|attn|attention|cc|originator|contact|precedence|office|agency|department|region|country|keywords?|tags|pages?|status|version|draft)\s*:\s*\S/i;
const CAPTION = /^(?:figure|fig\.|table|chart|map|graph|exhibit|source|sources|note|notes|nb|n\.b\.)\s*(?:[\dA-Z]{1,4}[a-z]?\s*)?[:.–—-]\s*\S/i;

export interface StatedDate {
  /** The key as written ("Date", "Updated"), or "" for a line that is only a date. */
  key: string;
  /** The date as written ("3 May 2024"). */
  value: string;
}

/** The date a `Date: ...` line or a bare date line states, as written. */
export function statedDate(text: string): StatedDate | undefined {
  const keyed = DATE_KEY.exec(text);
  const value = (keyed ? keyed[2]! : text).trim().replace(/[.]$/, '');
  if (!DATE_ONLY.test(value)) return undefined;
  return { key: keyed ? keyed[1]! : '', value };
}

/** The report number a line states, as written (wrapping parentheses dropped). */
export function statedIdentifier(text: string): string | undefined {
  if (REFERENCE.test(text)) return text.trim();
  if (IDENTIFIER.test(text)) return text.trim().replace(/^\((.*)\)$/, '$1');
  return undefined;
}

/** The classification a banner or "Classification: ..." line states. */
export function statedClassification(text: string): string | undefined {
  if (CLASSIFICATION.test(text)) return text.trim();
  const keyed = /^(?:classification|security classification)\s*:\s*(\S.*)$/i.exec(text);
  return keyed && CLASSIFICATION.test(keyed[1]!.trim()) ? keyed[1]!.trim() : undefined;
}

/** Words that name a position, not a person, in a byline ("By A, Senior Fellow, and B"). */
const POSITION_WORDS =
  /\b(?:fellow|director|analyst|specialist|professor|researcher|president|chair|chairman|associate|adjunct|senior|visiting|head|lead|manager|officer|editor|coordinator|scholar|advisor|adviser|deputy|chief|member|lecturer|economist|correspondent|staff)\b/i;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.(?:\p{Lu}\.)*|de|da|del|van|von|der|den|bin|al|el|le|la|du|dos|di)$/u;

/** "Maria Okafor": two to five words, first and last capitalised, no verb. */
export function isPersonName(text: string): boolean {
  const parts = text.trim().split(/\s+/);
  if (parts.length < 2 || parts.length > 5) return false;
  if (!/^\p{Lu}/u.test(parts[0]!) || !/^\p{Lu}/u.test(parts.at(-1)!)) return false;
  if (POSITION_WORDS.test(text) || parts.some((w) => VERBS.test(w))) return false;
  return parts.every((w) => NAME_WORD.test(w));
}

export interface BylineAuthor {
  name: string;
  role?: string;
}

/**
 * The people a byline names: "By A and B", "A, B and C", "By A, Senior Fellow, and B". A part
 * with a position word belongs to the name before it. Undefined when any part is neither.
 */
export function bylineAuthors(text: string, requireBy: boolean): BylineAuthor[] | undefined {
  const by = /^(?:by|written by|authors?:)\s+(.+)$/i.exec(text.trim());
  if (!by && requireBy) return undefined;
  const body = (by ? by[1]! : text).trim().replace(/[.]$/, '');
  const parts = body.split(/\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*/).filter((p) => p !== '');
  const authors: BylineAuthor[] = [];
  for (const part of parts) {
    if (isPersonName(part)) authors.push({ name: part });
    else if (authors.length > 0 && authors.at(-1)!.role === undefined && POSITION_WORDS.test(part) && part.split(/\s+/).length <= 8) authors.at(-1)!.role = part;
    else return undefined;
  }
  if (authors.length === 0 || (!by && authors.length < 2)) return undefined;
  return authors;
}

export function paragraphRole(text: string): ParagraphRole | undefined {
  if (statedDate(text) !== undefined) return 'date';
  if (statedIdentifier(text) !== undefined) return 'identifier';
  if (CLASSIFICATION.test(text) || CLASSIFICATION_KEY.test(text)) return 'classification';
  if (PAGE_NUMBER_ONLY.test(text)) return 'pageFurniture';
  if (bylineAuthors(text, true) !== undefined) return 'byline';
  if (FIELD.test(text)) return 'field';
  if (CAPTION.test(text)) return 'caption';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Headings: a short bare line with no final punctuation. Everything else is a paragraph.

const ROLE_NAMES: Record<ParagraphRole, string> = {
  date: 'a date line',
  identifier: 'a report-number line',
  classification: 'a classification line',
  byline: 'a byline',
  pageFurniture: 'a page number',
  field: 'a field line',
  caption: 'a caption line',
};

/** Words that stay lowercase in a Title Case heading. */
const SMALL_WORDS = new Set(
  'a an and as at but by en for from if in into nor of off on onto or over per than the to up upon via vs vs. with within without amid among between after before during about against across under'.split(' '),
);
/** Finite verbs that mark a sentence (a heading is almost never a clause). */
const VERBS = /^(?:is|are|was|were|will|would|could|should|may|might|must|can|cannot|can't|won't|has|have|had|does|did|do|shall|remains?|seems?|appears?|suggests?|indicates?|means?)$/i;

export const HEADING_MAX_WORDS = 15;
export const HEADING_MAX_CHARS = 120;

/** The last character that is not a closing quote or bracket. */
function finalMark(text: string): string {
  const stripped = text.replace(/[\s"'”’»)\]]+$/u, '');
  return stripped.at(-1) ?? '';
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/** Share of the significant words (after the first) that start with a capital letter. */
export function titleCaseRatio(text: string): number {
  let total = 0;
  let capitals = 0;
  for (const word of words(text).slice(1)) {
    const bare = word.replace(/^[^\p{L}\p{N}]+/u, '');
    const first = bare[0];
    if (!first || !/[\p{Lu}\p{Ll}]/u.test(first)) continue;
    if (SMALL_WORDS.has(bare.toLowerCase().replace(/[^\p{L}.]+$/u, ''))) continue;
    total += 1;
    if (/\p{Lu}/u.test(first)) capitals += 1;
  }
  return total === 0 ? 1 : capitals / total;
}

export interface HeadingVerdict {
  heading: boolean;
  /** Why, when the decision was a guess worth reporting. */
  note?: string;
}

/** Decides whether a bare prose line is a heading, judging the line alone. */
export function judgeHeading(text: string): HeadingVerdict {
  if (!/\p{L}/u.test(text)) return { heading: false };
  const mark = finalMark(text);
  // Sentence ends in Latin, CJK, Arabic, Devanagari and Ethiopic scripts.
  if (/[.,;!…。．，、；！؟،؛।॥۔።]/u.test(mark)) return { heading: false };
  const count = words(text).length;
  if (mark === ':' || mark === '：') {
    return count <= HEADING_MAX_WORDS
      ? { heading: false, note: 'ends with ":" (it introduces what follows): kept as a paragraph' }
      : { heading: false };
  }
  const role = paragraphRole(text);
  if (role) return { heading: false, note: `reads as ${ROLE_NAMES[role]}: kept as a paragraph, not a heading` };
  if (/:\/\/|@|\bwww\./i.test(text)) return { heading: false, note: 'contains a web or e-mail address: kept as a paragraph' };
  const firstLetter = /\p{L}/u.exec(text)![0];
  if (/\p{Ll}/u.test(firstLetter)) return { heading: false, note: 'starts with a lowercase letter: kept as a paragraph' };
  if (count > HEADING_MAX_WORDS || text.length > HEADING_MAX_CHARS) {
    return { heading: false, note: 'no final punctuation, but too long for a heading: kept as a paragraph' };
  }
  const titleCase = titleCaseRatio(text) >= 0.6;
  const hasVerb = words(text).some((w) => VERBS.test(w.replace(/[^\p{L}']+/gu, '')));
  if (mark === '?' || mark === '？') {
    return titleCase && count <= 10
      ? { heading: true, note: 'a short Title Case question: taken as a heading' }
      : { heading: false, note: 'a question without Title Case: kept as a paragraph' };
  }
  if (titleCase && !(hasVerb && count > 8)) return { heading: true };
  if (hasVerb) return { heading: false, note: 'no final punctuation, but reads like a sentence: kept as a paragraph' };
  if (count <= 6) return { heading: true, note: 'short line in sentence case: taken as a heading' };
  return { heading: false, note: 'no final punctuation, but not in Title Case and longer than six words: kept as a paragraph' };
}

// ---------------------------------------------------------------------------------------------

export interface Parsed {
  blocks: Block[];
  notes: Note[];
}

/**
 * Lines that repeat as running headers or footers: the same short text two or more times with
 * only a page number changing ("Congressional Research Service 1", "... 2"). A line repeated
 * without a number is left alone: it may be a heading used twice ("Overview"). Returns their
 * 1-based line numbers with the repeated text.
 */
export function pageFurnitureLines(lines: readonly string[]): Map<number, string> {
  const groups = new Map<string, { lines: number[]; numbers: Set<string> }>();
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.split(/\s+/).length > 10 || /^[-*•|]/.test(line) || line.includes('|')) return;
    const numbered = /^(.*\D)\s+\d{1,4}$|^\d{1,4}\s+(\D.*)$/.exec(line);
    const key = numbered ? (numbered[1] ?? numbered[2]!).trim() : line;
    if (!numbered) return;
    const group = groups.get(key) ?? { lines: [], numbers: new Set() };
    group.lines.push(i + 1);
    group.numbers.add(/\d{1,4}/.exec(line.replace(key, ''))![0]);
    groups.set(key, group);
  });
  const out = new Map<number, string>();
  for (const [key, group] of groups) {
    if (!/\p{L}/u.test(key)) continue;
    if (group.numbers.size >= 2) for (const line of group.lines) out.set(line, key);
  }
  return out;
}

export function parseBlocks(text: string): Parsed {
  const lines = text.split('\n');
  const kinds = lines.map(classifyLine);
  const blocks: Block[] = [];
  const notes: Note[] = [];
  const lastContent = kinds.findLastIndex((k) => k.kind !== 'blank');
  const running = pageFurnitureLines(lines);
  /** Heading-like lines so far: the first is the title, so a names line right after it is a byline. */
  let headingLike = 0;

  let i = 0;
  while (i < lines.length) {
    const kind = kinds[i]!;
    const line = i + 1;

    if (kind.kind === 'blank') {
      i += 1;
      continue;
    }

    if (kind.kind === 'bullet') {
      const items: BulletItem[] = [];
      while (i < lines.length && kinds[i]!.kind === 'bullet') {
        const { body } = kinds[i] as Extract<LineKind, { kind: 'bullet' }>;
        items.push({ line: i + 1, body, ...splitLabel(body) });
        i += 1;
      }
      blocks.push({ type: 'bullets', line, items });
      continue;
    }

    if (kind.kind === 'tableRow') {
      const next = kinds[i + 1];
      const hasSeparator = next?.kind === 'tableSeparator';
      if (!hasSeparator && next?.kind !== 'tableRow') {
        notes.push({ line, message: 'a lone line with "|" and no table around it: kept as a paragraph' });
        blocks.push({ type: 'paragraph', line, text: lines[i]!.trim() });
        i += 1;
        continue;
      }
      const header: TableRow = { line, cells: kind.cells };
      i += hasSeparator ? 2 : 1;
      if (!hasSeparator) {
        notes.push({ line, message: 'table without a "---|---|" separator row: took its first line as the header row' });
      }
      const rows: TableRow[] = [];
      // Inside a table any line with a "|" is a row, even a short one ("Delta |").
      const inTable = (k: LineKind) => k.kind === 'tableRow' || k.kind === 'tableSeparator' || (k.kind === 'text' && k.text.includes('|'));
      while (i < lines.length && inTable(kinds[i]!)) {
        const row = kinds[i]!;
        if (row.kind === 'tableRow') rows.push({ line: i + 1, cells: row.cells });
        else if (row.kind === 'text') rows.push({ line: i + 1, cells: splitCells(row.text) });
        else notes.push({ line: i + 1, message: 'a second separator row inside a table: dropped' });
        i += 1;
      }
      blocks.push({ type: 'table', line, header, rows, hasSeparator });
      continue;
    }

    if (kind.kind === 'tableSeparator') {
      notes.push({ line, message: 'a table separator row with no header row above it: kept as a paragraph' });
      blocks.push({ type: 'paragraph', line, text: lines[i]!.trim() });
      i += 1;
      continue;
    }

    const repeated = running.get(line);
    if (repeated !== undefined) {
      blocks.push({ type: 'paragraph', line, text: kind.text, role: 'pageFurniture' });
      i += 1;
      continue;
    }
    if (headingLike <= 1 && bylineAuthors(kind.text, false) !== undefined) {
      notes.push({ line, message: `"${shorten(kind.text)}" reads as a byline (a list of names before the first heading): not a heading` });
      blocks.push({ type: 'paragraph', line, text: kind.text, role: 'byline' });
      i += 1;
      continue;
    }
    const verdict = judgeHeading(kind.text);
    const role = paragraphRole(kind.text);
    if (verdict.heading) headingLike += 1;
    if (verdict.heading && i === lastContent) {
      notes.push({ line, message: `"${kind.text}" looks like a heading but nothing follows it: kept as a paragraph` });
      blocks.push({ type: 'paragraph', line, text: kind.text });
    } else if (verdict.heading) {
      notes.push({ line, message: `heading "${kind.text}"${verdict.note ? ` (${verdict.note})` : ''}` });
      blocks.push({ type: 'heading', line, text: kind.text });
    } else {
      if (verdict.note) notes.push({ line, message: `"${shorten(kind.text)}" ${verdict.note}` });
      blocks.push(role ? { type: 'paragraph', line, text: kind.text, role } : { type: 'paragraph', line, text: kind.text });
    }
    i += 1;
  }
  return { blocks, notes };
}

export function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
