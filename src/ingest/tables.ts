/**
 * Table blocks -> the data files under content/tables/<slug>/<table-id>.json.
 *
 * Cells stay the author's text. Each column gets the type src/lib/cells.ts infers (money,
 * percent, integer, number, year or text), a column of country names gets the matched country
 * id per row, and a table that suits a chart gets a proposed one (src/lib/charts.ts). Every cell
 * that spoils a numeric column is reported with its line. Rows shorter than the widest row are
 * padded with empty cells and rows longer than the header keep their extra cells under empty
 * column labels: nothing the author wrote is dropped, and each case is reported by line.
 */
import { canShareAxis, isBlank, parseCell, typeTable } from '../lib/cells.ts';
import { chartProblems, proposeChart } from '../lib/charts.ts';
import { chartSchema, type TableData } from '../lib/schemas.ts';
import { significantWords, uniqueId } from '../lib/slug.ts';
import { captionLineTitle, tableCaption } from './caption.ts';
import type { Block } from './parse.ts';
import type { Note } from './report.ts';

type TableColumnData = TableData['columns'][number];

export interface BuiltTable {
  /** Unique within the document, e.g. "defense-budget". */
  id: string;
  data: TableData;
}

type TableBlock = Extract<Block, { type: 'table' }>;

function cells(n: number): string {
  return `${n} ${n === 1 ? 'cell' : 'cells'}`;
}

export interface TableContext {
  slug: string;
  section: string;
  /** The block just before the table, when it is a paragraph (often "the following table:"). */
  before: Block | undefined;
  /** Table ids already used in this document. */
  taken: Set<string>;
  /** Resolves a whole cell ("south Korea", "DPRK") to a country id (src/lib/tagging.ts). */
  matchCountry: (name: string) => string | undefined;
}

/**
 * A text column is about countries when more than half of its filled cells, and at least two,
 * name one. Its other filled cells stay unlinked and are reported.
 */
function countryColumn(rows: string[][], column: number, match: (name: string) => string | undefined): { ids: (string | null)[]; unmatched: number[] } | undefined {
  const ids = rows.map((row) => {
    const text = row[column] ?? '';
    return isBlank(parseCell(text)) ? null : (match(text.trim()) ?? null);
  });
  const filled = rows.filter((row) => !isBlank(parseCell(row[column] ?? ''))).length;
  const matched = ids.filter((id) => id !== null).length;
  if (matched < 2 || matched * 2 <= filled) return undefined;
  const unmatched = rows.flatMap((row, index) => (ids[index] === null && !isBlank(parseCell(row[column] ?? '')) ? [index] : []));
  return { ids, unmatched };
}

export type { TableData };

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
  const captionLine = before?.role === 'caption' ? before.text : undefined;
  const captionTitle = captionLine === undefined ? undefined : captionLineTitle(captionLine);
  // A short title from the header (or the source's "Table 2: ..." line), never the sentence that
  // introduces the table: that sentence stays in the text where the author put it.
  const title = tableCaption(labels, { captionLine, isName: (label) => context.matchCountry(label) !== undefined });
  const caption = captionLine ?? title;

  // The id: a few words of the caption line's title, else of the first value column's label.
  const idSource = captionTitle ?? labels.find((l, i) => i > 0 && l !== '') ?? labels[0] ?? '';
  const base = significantWords(idSource.replace(/\([^)]*\)/g, ' ')).slice(0, 3).join('-') || 'table';
  const id = uniqueId(base, context.taken);
  notes.push({ line: block.header.line, message: `table "${id}": ${width} columns, ${rows.length} ${rows.length === 1 ? 'row' : 'rows'}, titled "${title}"` });

  const typed = typeTable({ columns: labels.map((label) => ({ label })), rows });
  const lineOf = (row: number) => block.rows[row]?.line ?? block.header.line;
  for (const issue of typed.issues) {
    const label = labels[issue.column] ?? '';
    notes.push({
      line: lineOf(issue.row),
      message: `table "${id}", column "${label}": "${issue.text}" keeps the column from being numeric (${issue.reason}); the cell stays as written and the column is text, so it is neither sorted by value nor charted. If it is a figure, correct it in the source`,
    });
  }
  const columns = typed.columns.map((column, index): TableColumnData => {
    const data: TableColumnData = { label: column.label, type: column.type };
    if (column.currency !== undefined) data.currency = column.currency;
    if (column.currencies !== undefined) data.currencies = [...column.currencies];
    if (column.unit !== undefined) data.unit = column.unit;
    if (column.type !== 'text') return data;
    const countries = countryColumn(rows, index, context.matchCountry);
    if (countries === undefined) return data;
    for (const row of countries.unmatched) {
      notes.push({ line: lineOf(row), message: `table "${id}", column "${column.label}": "${rows[row]![index]!.trim()}" names no country in countries.json, so it is not linked to a country page` });
    }
    return { ...data, countries: countries.ids };
  });

  const data: TableData = { title, caption, document: context.slug, section: context.section, line: block.header.line, columns, rows };
  // A chart never puts different currencies on one axis: a mixed money column is offered to
  // the proposal as text, so it can still name categories but is never a series.
  const mixed = columns.flatMap((column, index) => {
    const verdict = canShareAxis(typed.rows.map((row) => row[index]).filter((cell) => cell !== undefined));
    return verdict.ok ? [] : [{ index, message: `table "${id}", column "${column.label}": not charted, ${verdict.reason}` }];
  });
  for (const { message } of mixed) notes.push({ line: block.header.line, message });
  const proposal = proposeChart({ ...data, columns: columns.map((column, index) => (mixed.some((m) => m.index === index) ? { ...column, type: 'text' as const } : column)) });
  if (proposal !== undefined) {
    data.chart = proposal.chart;
    notes.push({ line: block.header.line, message: `table "${id}": ${proposal.summary}; edit "chart" in its data file, or set it to null for no chart` });
  }
  return { id, data };
}

/**
 * The data file's text: stable key order, two-space indent, final newline, and each row (and
 * each list of country ids) on one line, so a file reads like its table and diffs by row.
 */
export function serializeTable(data: TableData): string {
  return `${toJson(data, '')}\n`;
}

function toJson(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
    const inner = `${indent}  `;
    return value.length === 0 ? '[]' : `[\n${value.map((item) => inner + toJson(item, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    const inner = `${indent}  `;
    return entries.length === 0 ? '{}' : `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${toJson(item, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** A table's title and caption as the ingester derived them, recorded so an editor's change is told from an older derivation. */
export interface DerivedCaption {
  title: string;
  caption: string;
}

/**
 * Keeps the title and caption an editor gave a table when the document is ingested again.
 * `derived` is what the last run derived (from the manifest): a field of the existing file that
 * differs from it was edited; with no record, the existing file's fields are the ingester's own.
 */
export function keepEditorCaption(data: TableData, existing: unknown, derived: DerivedCaption | undefined, force = false): { data: TableData; messages: string[] } {
  if (derived === undefined || existing === null || typeof existing !== 'object') return { data, messages: [] };
  const messages: string[] = [];
  let kept = data;
  for (const field of ['title', 'caption'] as const) {
    const value = (existing as Record<string, unknown>)[field];
    if (typeof value !== 'string' || value.trim() === '' || value === derived[field] || value === data[field]) continue;
    if (force) {
      messages.push(`replaced the ${field} "${value}" of the existing data file with the derived "${data[field]}" (--force)`);
      continue;
    }
    kept = { ...kept, [field]: value };
    messages.push(`kept the ${field} "${value}" from the existing data file (an editor's; the ingester derives "${data[field]}"); pass --force to replace it`);
  }
  return { data: kept, messages };
}

/**
 * Keeps the chart an editor gave a table (or their `"chart": null`) when the document is
 * ingested again, as long as it still fits the table's columns. `existing` is the parsed data
 * file already on disk, if any. Returns the data to write and what happened, for the report.
 */
export function keepEditorChart(data: TableData, existing: unknown): { data: TableData; message?: string } {
  if (existing === null || typeof existing !== 'object' || !('chart' in existing)) return { data };
  const chart = (existing as { chart: unknown }).chart;
  if (JSON.stringify(chart) === JSON.stringify(data.chart ?? null)) return { data };
  const { chart: _proposed, ...rest } = data;
  if (chart === null) return { data: { ...rest, chart: null }, message: 'kept "chart": null from the existing data file (no chart)' };
  const parsed = chartSchema.safeParse(chart);
  const problems = parsed.success
    ? chartProblems(data.columns, parsed.data)
    : parsed.error.issues.map((issue) => ({ message: `${issue.path.join('.') || 'chart'}: ${issue.message}` }));
  if (problems.length > 0) {
    return {
      data,
      message: `the chart in the existing data file no longer fits the table (${problems.map((p) => p.message).join('; ')}): replaced it with the proposal`,
    };
  }
  return { data: { ...rest, chart: parsed.data! }, message: 'kept the chart from the existing data file (an editor\'s choice); pass --force to replace it with the proposal' };
}
