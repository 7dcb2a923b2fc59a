/**
 * The `tables` data file (content/tables/<slug>/<table-id>.json): its schema and the checks
 * that run on every build. Cells are the author's text; each column says what its cells are
 * (money in one currency, percentages, numbers, years or text), and a typed column whose cell
 * does not read as that type fails the build with the row, the column and the text.
 *
 * The schema is built by `tableSchema` so the content config can pass Astro's `reference()`s
 * while tests pass plain strings; the checks are the same.
 */
import { z } from 'astro/zod';
import { isBlank, readColumnCell, type Cell, type CellType } from './cells.ts';
import { chartProblems, type ChartColumn, type ChartSpec } from './charts.ts';

export const CELL_TYPES = ['text', 'money', 'percent', 'integer', 'number', 'year', 'date'] as const satisfies readonly CellType[];

/** A country cell's match: an id, a reference to one, or null when the cell names no country. */
export type CountryRef = string | { readonly id: string } | null;

/** A reference as either form: the id the ingester writes, or the entry Astro resolves it to. */
type AnyRef = z.ZodType<string | { readonly id: string }>;

/** A table data file as any reader holds it (plain ids or Astro references): the schema's output. */
export type TableFile = z.output<ReturnType<typeof tableSchema<AnyRef, AnyRef, z.ZodType<string>>>>;
export type TableColumn = TableFile['columns'][number];

export function refId(ref: CountryRef | string | { readonly id: string }): string | null {
  return ref === null ? null : typeof ref === 'string' ? ref : ref.id;
}

/** A column's country ids row by row (all null for a column that is not about countries). */
export function countryIds(column: Pick<TableColumn, 'countries'> | undefined, rows: number): (string | null)[] {
  return Array.from({ length: rows }, (_, row) => {
    const ref = column?.countries?.[row];
    return ref === undefined ? null : refId(ref);
  });
}

const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** Which cells a typed column accepts: a column of integers may hold a year, a decimal column both. */
const ACCEPTS: Readonly<Record<Exclude<CellType, 'text'>, readonly CellType[]>> = {
  money: ['money'],
  percent: ['percent'],
  integer: ['integer', 'year'],
  number: ['number', 'integer', 'year'],
  year: ['year'],
  date: ['date'],
};

function expected(column: ChartColumn): string {
  switch (column.type) {
    case 'money':
      return `an amount in ${column.currency ?? 'its currency'} (like "$50 billion")`;
    case 'percent':
      return 'a percentage (like "+5%")';
    case 'integer':
      return 'a whole number (like "12,500")';
    case 'number':
      return 'a number (like "3.75")';
    case 'date':
      return 'a date (like "Feb 2025", "2025-02" or "Q3 2024")';
    default:
      return 'a year (like "2023" or "FY2024")';
  }
}

function describeCell(cell: Cell): string {
  if (cell.type === 'text') return cell.reason !== undefined ? `it does not read as a number: ${cell.reason}` : 'it is text';
  if (cell.type === 'money') return `it is an amount in ${cell.currency}`;
  if (cell.type === 'date') return 'it is a date';
  return cell.type === 'percent' ? 'it is a percentage' : cell.type === 'year' ? 'it is a year' : 'it is a plain number';
}

export interface TableProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * Every way the file's cells, country ids and chart disagree with its columns. Rows and columns
 * are counted from 1 in messages, as an editor counts them; paths stay 0-based.
 */
export function tableProblems(table: { readonly columns: readonly (ChartColumn & { readonly countries?: readonly CountryRef[] | undefined })[]; readonly rows: readonly (readonly string[])[]; readonly chart?: ChartSpec | null | undefined }): TableProblem[] {
  const problems: TableProblem[] = [];
  const { columns, rows } = table;
  const rowName = (row: number) => {
    const first = rows[row]?.[0]?.trim();
    return first ? `row ${row + 1} ("${first}")` : `row ${row + 1}`;
  };

  columns.forEach((column, index) => {
    const where = `column ${index + 1} ("${column.label}")`;
    const currencies = column.currencies;
    if (column.type === 'money') {
      if (currencies !== undefined) {
        for (const code of currencies) if (!ISO_CURRENCIES.has(code)) problems.push({ path: ['columns', index, 'currencies'], message: `${where}: "${code}" is not an ISO 4217 currency code` });
      } else if (column.currency === undefined) {
        problems.push({ path: ['columns', index, 'currency'], message: `${where} is money: give its ISO 4217 currency, like "USD"` });
      } else if (!ISO_CURRENCIES.has(column.currency)) {
        problems.push({ path: ['columns', index, 'currency'], message: `${where}: "${column.currency}" is not an ISO 4217 currency code` });
      }
    } else if (column.currency !== undefined) {
      problems.push({ path: ['columns', index, 'currency'], message: `${where} is of type "${column.type}": only money has a currency` });
    }
    if (column.countries !== undefined) {
      if (column.type !== 'text') {
        problems.push({ path: ['columns', index, 'countries'], message: `${where} is of type "${column.type}": only a text column names countries` });
      }
      if (column.countries.length !== rows.length) {
        problems.push({
          path: ['columns', index, 'countries'],
          message: `${where} lists ${column.countries.length} country ids for ${rows.length} rows: give one per row (null where the cell names no country)`,
        });
      }
    }
  });

  rows.forEach((row, r) => {
    if (row.length !== columns.length) {
      problems.push({
        path: ['rows', r],
        message: `${rowName(r)} has ${row.length} cells but the table has ${columns.length} columns: every row needs one cell per column ("" for an empty one)`,
      });
    }
    row.forEach((text, c) => {
      const column = columns[c];
      if (column === undefined || column.type === 'text') return;
      const cell = readColumnCell(text, column.label);
      if (isBlank(cell)) return;
      // A money column without a currency is reported once above, not once per cell.
      const mixed = column.currencies;
      const sameCurrency = cell.type !== 'money' || (mixed !== undefined ? mixed.includes(cell.currency) : column.currency === undefined || cell.currency === column.currency);
      if (ACCEPTS[column.type].includes(cell.type) && sameCurrency) return;
      const why = describeCell(cell);
      problems.push({
        path: ['rows', r, c],
        message: `${rowName(r)}, column ${c + 1} ("${column.label}"): "${text}" is not ${expected(column)}; ${why}${/[.?!]$/.test(why) ? '' : '.'} Correct the cell, or make the column "type": "text"`,
      });
    });
  });

  if (table.chart) {
    for (const problem of chartProblems(columns, table.chart)) {
      problems.push({ path: ['chart', ...problem.path], message: `chart: ${problem.message}` });
    }
  }
  return problems;
}

/** An editor's typo ("serie") must fail, not be dropped: chart objects are strict. */
const label = z.string().min(1, 'name a column by its label');
const seriesSchema = z.union([
  z.strictObject({ column: label, label: z.string().min(1).optional() }),
  z.strictObject({ computed: z.strictObject({ base: label, change: label }), label: z.string().min(1) }),
]);

export const chartSchema = z.strictObject({
  type: z.literal('bar'),
  title: z.string().min(1),
  categories: label,
  series: z.array(seriesSchema).min(1, 'a chart needs at least one series').max(6, 'more than six series cannot be told apart'),
  note: z.string().min(1).optional(),
});

export interface TableSchemaRefs<D extends z.ZodType, C extends z.ZodType, S extends z.ZodType> {
  /** The document the table belongs to (Astro: reference('assessments')). */
  readonly document: D;
  /** A country id (Astro: reference('countries')). */
  readonly country: C;
  /** A section (heading) id of the document. */
  readonly section: S;
}

export function tableSchema<D extends z.ZodType, C extends z.ZodType, S extends z.ZodType>(refs: TableSchemaRefs<D, C, S>) {
  const column = z.strictObject({
    label: z.string(),
    /** Old files without types are all text. */
    type: z.enum(CELL_TYPES).default('text'),
    currency: z.string().optional(),
    /** A money column whose cells mix currencies lists them instead of one `currency`; each cell keeps its own. */
    currencies: z.array(z.string()).min(2).optional(),
    /** What the header shows after the label, like "USD" or "%"; the ingester writes it. */
    unit: z.string().min(1).optional(),
    countries: z.array(refs.country.nullable()).optional(),
  });
  return z
    .object({
      title: z.string().min(1),
      caption: z.string().min(1),
      document: refs.document,
      section: refs.section,
      /** 1-based line of the header row in the original source, for error messages. */
      line: z.number().int().positive(),
      columns: z.array(column).min(1),
      rows: z.array(z.array(z.string())),
      /** Declared here, drawn on every page that shows the table; null means "no chart, keep it so". */
      chart: chartSchema.nullable().optional(),
    })
    .superRefine((data, context) => {
      for (const problem of tableProblems(data as Parameters<typeof tableProblems>[0])) {
        context.addIssue({ code: 'custom', path: [...problem.path], message: problem.message });
      }
    });
}

export type { ChartSpec } from './charts.ts';
