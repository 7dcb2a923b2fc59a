/**
 * A table as downloadable files: CSV for spreadsheets and JSON for programs.
 *
 * CSV (RFC 4180, as Excel, LibreOffice and Google Sheets open it): UTF-8 with a byte order mark,
 * so Excel does not read "¥" or "’" as Windows-1252; CRLF after every record; every field in
 * double quotes with inner quotes doubled. The header row and the cells are the author's text,
 * exactly as the page shows them; then one column per numeric column with its value as a plain
 * number (money in whole units of its currency, percentages as fractions: "+5%" is 0.05), so a
 * spreadsheet can calculate without re-reading "$50 billion".
 *
 * Formula injection: a spreadsheet runs a field that starts with = + - @ (or a tab or carriage
 * return) as a formula, so such a field gets a leading apostrophe, which spreadsheets read as
 * "this is text". Except a cell this site reads as a number ("+5%", "-3", "-$2 billion"): the
 * cell parser accepts only digits, signs, separators, a currency and a scale word, which cannot
 * form a function call or a link, and prefixing it would spoil a legitimate value. Placeholders
 * such as "-" and "n/a" are left alone for the same reason.
 */
import { isBlank, parseCell, readColumnCell, type CellType } from './cells.ts';
import { resolveChart } from './charts.ts';
import { countryIds, type TableFile } from './tableData.ts';

const BOM = '\uFEFF';
const FORMULA_START = /^(?:[=+\-@\t\r]|\s+[=+\-@])/;

/** A field as written to the CSV, apostrophe added when it could run as a formula. */
export function csvText(text: string): string {
  if (!FORMULA_START.test(text)) return text;
  const cell = parseCell(text);
  return cell.type !== 'text' || isBlank(cell) ? text : `'${text}`;
}

function quote(field: string): string {
  return `"${field.replace(/"/g, '""')}"`;
}

/** A number without exponent or grouping: 50000000000, 0.05, -0.035. */
export function plainNumber(value: number): string {
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

const VALUE_TYPES: ReadonlySet<CellType> = new Set(['money', 'percent', 'integer', 'number']);

function valueHeader(column: TableFile['columns'][number], index: number): string {
  const label = column.label.trim() || `Column ${index + 1}`;
  if (column.type === 'money') return column.currency === undefined ? `${label} (value)` : `${label} (value in ${column.currency})`;
  if (column.type === 'percent') return `${label} (value as a fraction)`;
  return column.unit === undefined ? `${label} (value)` : `${label} (value in ${column.unit})`;
}

/** The table as CSV text, byte order mark included. */
export function tableCsv(table: Pick<TableFile, 'columns' | 'rows'>): string {
  const valued = table.columns.flatMap((column, index) => (VALUE_TYPES.has(column.type) ? [index] : []));
  // A money column that mixes currencies gets a currency column beside its values.
  const mixed = valued.filter((index) => table.columns[index]!.type === 'money' && table.columns[index]!.currency === undefined);
  const header = [
    ...table.columns.map((column) => column.label),
    ...valued.map((index) => valueHeader(table.columns[index]!, index)),
    ...mixed.map((index) => `${table.columns[index]!.label.trim() || `Column ${index + 1}`} (currency)`),
  ];
  const records = table.rows.map((row) => {
    const cells = table.columns.map((column, index) => readColumnCell(row[index] ?? '', column.label));
    return [
      ...table.columns.map((_, index) => row[index] ?? ''),
      ...valued.map((index) => {
        const cell = cells[index]!;
        return cell.type === 'text' ? '' : plainNumber(cell.value);
      }),
      ...mixed.map((index) => {
        const cell = cells[index]!;
        return cell.type === 'money' ? cell.currency : '';
      }),
    ];
  });
  return BOM + [header, ...records].map((record) => `${record.map((field) => quote(csvText(field))).join(',')}\r\n`).join('');
}

export interface TableContext {
  /** "<slug>/<table-id>". */
  readonly id: string;
  readonly document: { readonly slug: string; readonly title: string; readonly url: string };
  readonly section: { readonly id: string; readonly title: string; readonly url: string };
  /** The table on its page, and the original source text. */
  readonly url: string;
  readonly source: { readonly url: string };
}

/** The table as a JSON document: cells as written with their values and country ids, and the chart. */
export function tableJson(table: TableFile, context: TableContext): object {
  const ids = table.columns.map((column) => countryIds(column, table.rows.length));
  const chart = table.chart ? resolveChart(table, table.chart) : undefined;
  return {
    id: context.id,
    title: table.title,
    caption: table.caption,
    url: context.url,
    document: context.document,
    section: context.section,
    source: { url: context.source.url, line: table.line },
    columns: table.columns.map(({ label, type, currency, currencies, unit }) => ({ label, type, ...(currency ? { currency } : {}), ...(currencies ? { currencies } : {}), ...(unit ? { unit } : {}) })),
    rows: table.rows.map((row, r) =>
      table.columns.map((column, c) => {
        const text = row[c] ?? '';
        const cell = readColumnCell(text, column.label);
        const country = ids[c]?.[r] ?? null;
        return {
          text,
          ...(column.type !== 'text' && cell.type !== 'text' ? { value: cell.type === 'date' ? cell.iso : cell.value } : {}),
          // Each cell of a money column keeps its own currency (a column may mix them).
          ...(cell.type === 'money' && column.type === 'money' && column.currency === undefined ? { currency: cell.currency } : {}),
          ...(country !== null ? { country } : {}),
        };
      }),
    ),
    ...(chart
      ? {
          chart: {
            type: chart.type,
            title: chart.title,
            categories: chart.categories,
            series: chart.series.map(({ label, computed, values }) => ({ label, computed, values })),
            notes: [...chart.computedNotes, ...(chart.note ? [chart.note] : [])],
          },
        }
      : {}),
  };
}
