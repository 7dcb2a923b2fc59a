/**
 * Column typing: a column is money, a percentage, a number or a date only when every filled
 * cell is, so a chart or a sort never silently skips a value. Cells that spoil a mostly numeric
 * column come back as issues for the ingester to report. A money column may mix currencies:
 * each cell keeps its own, and the column lists them (see ./currencyGroups.ts before charting).
 */
import { parseCell } from './parse.ts';
import { applyHeaderUnit, headerUnit } from './units.ts';
import type { Cell, CellIssue, CellType, ColumnType, TypedCell } from './types.ts';

/** Cells that say "no figure" rather than hold one; they neither type nor spoil a column. */
const PLACEHOLDERS: ReadonlySet<string> = new Set(['', '-', '\u2013', '\u2014', '..', '\u2026', 'n/a']);

export function isBlank(cell: Cell): boolean {
  return cell.type === 'text' && PLACEHOLDERS.has(cell.text.trim().toLowerCase());
}

/** A column's type, plus the cells that kept it from being numeric. */
export interface InferredColumn extends ColumnType {
  readonly issues: readonly CellIssue[];
}

/** Money (in any currencies), percentages, dates, or plain numbers (integers, decimals and years mix). */
function kindOf(cell: TypedCell): string {
  return cell.type === 'money' || cell.type === 'percent' || cell.type === 'date' ? cell.type : 'number';
}

/**
 * Types a column from its cells (row order). `column` is the column's index, copied into issues.
 * Mixed columns are text. When at least half of the filled cells are numeric, every cell outside
 * the most common kind is reported; a near-miss cell (one with a `reason`) is always reported.
 */
export function inferColumn(cells: readonly Cell[], column = 0): InferredColumn {
  const filled = cells.flatMap((cell, row) => (isBlank(cell) ? [] : [{ cell, row }]));
  const groups = new Map<string, { cell: TypedCell; row: number }[]>();
  for (const { cell, row } of filled) {
    if (cell.type === 'text') continue;
    const group = groups.get(kindOf(cell)) ?? [];
    group.push({ cell, row });
    groups.set(kindOf(cell), group);
  }
  let majority: { cell: TypedCell; row: number }[] = [];
  for (const group of groups.values()) if (group.length > majority.length) majority = group;

  const first = majority[0]?.cell;
  if (first !== undefined && majority.length === filled.length) {
    return { ...columnOf(first, majority.map(({ cell }) => cell)), issues: [] };
  }

  const numeric = filled.filter(({ cell }) => cell.type !== 'text').length;
  // A column that is at least half numbers was meant to be numeric: report every cell that is not.
  const reportMismatches = first !== undefined && numeric * 2 >= filled.length;
  const issues: CellIssue[] = [];
  for (const { cell, row } of filled) {
    if (first !== undefined && cell.type !== 'text' && kindOf(cell) === kindOf(first)) continue;
    const reason = cell.type === 'text' ? cell.reason : undefined;
    if (reason !== undefined) {
      issues.push({ row, column, text: cell.text, reason });
    } else if (reportMismatches) {
      const one = new Set(majority.map(({ cell }) => (cell.type === 'money' ? cell.currency : ''))).size === 1;
      const expected = describeKind(first, majority.length, filled.length, one);
      issues.push({ row, column, text: cell.text, reason: `${expected}; this one is ${describeCell(cell)}` });
    }
  }
  return { type: 'text', issues };
}

function columnOf(first: TypedCell, cells: readonly TypedCell[]): ColumnType {
  if (first.type === 'money') {
    const currencies = [...new Set(cells.map((cell) => (cell.type === 'money' ? cell.currency : '')))].sort();
    return currencies.length === 1 ? { type: 'money', currency: first.currency, unit: first.currency } : { type: 'money', currencies };
  }
  if (first.type === 'percent') return { type: 'percent', unit: '%' };
  if (first.type === 'date') return { type: 'date' };
  // Years are whole numbers: a column of years with one larger count is a column of integers.
  const type: CellType = cells.every((cell) => cell.type === 'year')
    ? 'year'
    : cells.some((cell) => cell.type === 'number')
      ? 'number'
      : 'integer';
  return { type };
}

function describeKind(cell: TypedCell, count: number, filled: number, oneCurrency: boolean): string {
  const one = count === 1;
  const kind =
    cell.type === 'money'
      ? one
        ? `an amount ${oneCurrency ? `in ${cell.currency}` : 'of money'}`
        : `amounts ${oneCurrency ? `in ${cell.currency}` : 'of money'}`
      : cell.type === 'date'
        ? one
          ? 'a date'
          : 'dates'
        : cell.type === 'percent'
        ? one
          ? 'a percentage'
          : 'percentages'
        : one
          ? 'a number'
          : 'numbers';
  return `${count} of the ${filled} filled cells of this column ${one ? 'is' : 'are'} ${kind}`;
}

function describeCell(cell: Cell): string {
  switch (cell.type) {
    case 'money':
      return `in ${cell.currency}`;
    case 'percent':
      return 'a percentage';
    case 'text':
      return 'text';
    case 'date':
      return 'a date';
    default:
      return 'a plain number';
  }
}

/**
 * The unit a column header shows, such as "USD" or "%", or undefined when the column has none
 * or when `label` (the header text) already names it, as in "Budget (USD)" or "Change (%)".
 */
export function describeUnit(column: ColumnType, label?: string): string | undefined {
  const unit = column.unit ?? (column.type === 'money' ? column.currency : column.type === 'percent' ? '%' : undefined);
  if (unit === undefined || label === undefined) return unit;
  const named =
    unit === '%' ? /%|\bper\s?cent\b/i.test(label) : new RegExp(`\\b${unit.replace(/\W/g, '\\$&')}\\b`, 'i').test(label);
  return named ? undefined : unit;
}

/** The shape of a `tables` data file, as far as typing needs it. */
export interface TableData {
  readonly columns: readonly { readonly label: string }[];
  readonly rows: readonly (readonly string[])[];
}

export interface TypedTable {
  readonly columns: readonly (ColumnType & { readonly label: string })[];
  /** Parsed cells, row by row, exactly as many as the source rows hold. */
  readonly rows: readonly (readonly Cell[])[];
  /** Malformed cells and rows whose cell count differs from the header, by row then column. */
  readonly issues: readonly CellIssue[];
}

/**
 * Parses every cell of a table and types every column. A unit in a header ("Budget (USD bn)",
 * "Debt (% of GDP)", "Output (Mt)") applies to the bare numbers under it.
 */
export function typeTable(table: TableData): TypedTable {
  const width = table.columns.length;
  const units = table.columns.map(({ label }) => headerUnit(label));
  const rows = table.rows.map((row) => row.map((text, column) => applyHeaderUnit(parseCell(text), units[column])));
  const issues: CellIssue[] = [];
  table.rows.forEach((row, index) => {
    if (row.length === width) return;
    issues.push({
      row: index,
      column: Math.min(row.length, width),
      text: row[width] ?? '',
      reason: `this row has ${row.length} cells but the header has ${width}`,
    });
  });
  const blank = parseCell('');
  const columns = table.columns.map(({ label }, column) => {
    // A missing cell is already reported above; a blank stands in for it only while typing.
    const { issues: cellIssues, ...type } = inferColumn(
      rows.map((row) => row[column] ?? blank),
      column,
    );
    issues.push(...cellIssues);
    const unit = units[column]?.unit;
    return { label, ...type, ...(unit !== undefined && type.unit === undefined && type.type !== 'text' ? { unit } : {}) };
  });
  issues.sort((a, b) => a.row - b.row || a.column - b.column);
  return { columns, rows, issues };
}
