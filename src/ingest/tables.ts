/**
 * Table blocks -> the data files under content/tables/<slug>/<table-id>.json.
 *
 * Cells stay text here (typing them is src/lib/cells.ts's job). Rows shorter than the widest
 * row are padded with empty cells and rows longer than the header keep their extra cells under
 * empty column labels: nothing the author wrote is dropped, and each case is reported by line.
 */
import { significantWords, uniqueId } from '../lib/slug.ts';
import { splitSentences } from '../lib/sentences.ts';
import type { Block, Note } from './parse.ts';

export interface TableData {
  title: string;
  caption: string;
  /** The document's slug (the assessments entry id). */
  document: string;
  /** Id of the section the table is in. */
  section: string;
  /** 1-based line of the header row in the source. */
  line: number;
  columns: { label: string }[];
  rows: string[][];
}

export interface BuiltTable {
  /** Unique within the document, e.g. "defense-budget". */
  id: string;
  data: TableData;
}

type TableBlock = Extract<Block, { type: 'table' }>;

const CAPTION_MAX = 160;

function cells(n: number): string {
  return `${n} ${n === 1 ? 'cell' : 'cells'}`;
}

/** "A and B by C" from the column labels: the table's own words joined in English. */
function titleFromColumns(labels: string[]): string {
  const named = labels.map((l) => l.trim()).filter((l) => l !== '');
  if (named.length === 0) return 'Table';
  if (named.length === 1) return named[0]!;
  // English connectors would jar with labels in another script: list them instead.
  if (named.some((l) => /\p{L}/u.test(l) && !/\p{Script=Latin}/u.test(l))) return named.join(', ');
  const [key, ...values] = named;
  const list = values.length === 1 ? values[0]! : `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;
  return `${list} by ${key}`;
}

/** "Table 2: Defense budgets" -> "Defense budgets". */
function titleFromCaptionLine(text: string): string | undefined {
  const match = /^(?:table|chart|exhibit)\s*[\dA-Z]{0,4}[a-z]?\s*[:.–—-]\s*(\S.*)$/i.exec(text);
  return match ? match[1]!.replace(/[.:]$/, '').trim() : undefined;
}

export interface TableContext {
  slug: string;
  section: string;
  /** The block just before the table, when it is a paragraph (often "the following table:"). */
  before: Block | undefined;
  /** Table ids already used in this document. */
  taken: Set<string>;
}

export function buildTable(block: TableBlock, context: TableContext, notes: Note[]): BuiltTable {
  const width = Math.max(block.header.cells.length, ...block.rows.map((r) => r.cells.length));
  const headerCells = block.header.cells.length;
  if (headerCells < width) {
    notes.push({
      line: block.header.line,
      message: `table header has ${cells(headerCells)} but a row has ${width}: kept the extra cells under ${width - headerCells === 1 ? 'an empty column label' : 'empty column labels'}`,
    });
  }
  const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill('')];
  const rows = block.rows.map((row) => {
    if (row.cells.length < width) {
      const missing = width - row.cells.length;
      notes.push({ line: row.line, message: `table row has ${cells(row.cells.length)}, the table ${width}: padded with ${missing} empty ${missing === 1 ? 'cell' : 'cells'}` });
    } else if (row.cells.length > headerCells) {
      notes.push({ line: row.line, message: `table row has ${cells(row.cells.length)}, the header ${headerCells}: kept them all` });
    }
    return pad(row.cells);
  });
  const labels = pad(block.header.cells);

  const before = context.before?.type === 'paragraph' ? context.before : undefined;
  const captionTitle = before?.role === 'caption' ? titleFromCaptionLine(before.text) : undefined;
  const title = captionTitle ?? titleFromColumns(labels);

  let caption = title;
  if (captionTitle !== undefined) {
    caption = before!.text;
  } else if (before && /:\s*$/.test(before.text)) {
    // "... consider the following table highlighting key trade flows:" describes the table; a
    // sentence that merely leads into it ("... propelled by:") does not, and the title serves.
    const intro = (splitSentences(before.text).at(-1) ?? '').replace(/\s*:\s*$/, '');
    if (intro.length <= CAPTION_MAX && /\b(?:table|following|below|figures|data)\b/i.test(intro)) caption = intro;
  }

  // The id: a few words of the caption line's title, else of the first value column's label.
  const idSource = captionTitle ?? labels.find((l, i) => i > 0 && l !== '') ?? labels[0] ?? '';
  const base = significantWords(idSource.replace(/\([^)]*\)/g, ' ')).slice(0, 3).join('-') || 'table';
  const id = uniqueId(base, context.taken);
  notes.push({ line: block.header.line, message: `table "${id}": ${width} columns, ${rows.length} ${rows.length === 1 ? 'row' : 'rows'}, titled "${title}"` });

  return {
    id,
    data: {
      title,
      caption,
      document: context.slug,
      section: context.section,
      line: block.header.line,
      columns: labels.map((label) => ({ label })),
      rows,
    },
  };
}

/** The data file's text: stable key order, two-space indent, final newline. */
export function serializeTable(data: TableData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
