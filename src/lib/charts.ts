/**
 * Charts declared in a table's data file: what a chart may say (`ChartSpec`), whether it fits
 * its table (`chartProblems`), the chart the ingester proposes for a table (`proposeChart`), and
 * the resolved figures and text alternative a page draws (`resolveChart`).
 *
 * A chart names its columns by their labels, so a data file reads like the table it came from.
 * A computed series is a projection from the source's own figures, base x (1 + change), and is
 * always labelled as computed wherever it is shown.
 */
import type { z } from 'astro/zod';
import { formatValue, isBlank, parseCell, readColumnCell, type CellType } from './cells.ts';

import type { chartSchema } from './tableData.ts';

/** What a chart may say: the output of the data file's `chart` schema (src/lib/tableData.ts). */
export type ChartSpec = z.output<typeof chartSchema>;
export type SeriesSpec = ChartSpec['series'][number];

/** What charting needs of a column; the data file's columns carry more. */
export interface ChartColumn {
  readonly label: string;
  readonly type: CellType;
  readonly currency?: string | undefined;
  /** Money in several currencies (src/lib/cells/currencyGroups.ts): never a series. */
  readonly currencies?: readonly string[] | undefined;
  readonly unit?: string | undefined;
}

export interface ChartTable {
  readonly columns: readonly ChartColumn[];
  readonly rows: readonly (readonly string[])[];
}

export interface ChartProblem {
  /** Path inside the chart object, for the schema's error. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Computed values keep this many significant digits (more when the base figure has more). */
export const COMPUTED_DIGITS = 3;

/**
 * The defaults of the chart proposal, general rules for any table:
 * - a table gets a chart only with 2 to `maxCategories` rows and one column that names each row
 *   once (text or years): more groups of bars cannot be read on a phone;
 * - an amount column next to a percentage column that is a change (its label says so, or every
 *   cell carries a sign, "+5%") becomes two series: the amounts and amount x (1 + change);
 * - otherwise every numeric column in the unit of the first one is a series.
 */
export const PROPOSAL_DEFAULTS = {
  maxCategories: 24,
  changeLabel: /\b(?:change|growth|increase|decrease|rise|fall|cut|projected|forecast|expected|planned|delta)\b/i,
  projectionWord: /^(projected|forecast|expected|planned|estimated|proposed)\b/i,
} as const;
const { maxCategories: MAX_CATEGORIES, changeLabel: CHANGE_LABEL, projectionWord: PROJECTION_WORD } = PROPOSAL_DEFAULTS;
const YEAR = /\b(?:18|19|20|21)\d\d\b/;

/** The unit a numeric column is measured in, or undefined for columns a bar cannot show. */
function unitKey(column: ChartColumn): string | undefined {
  switch (column.type) {
    case 'money':
      return `money ${column.currency ?? ''}`;
    case 'percent':
      return 'percent';
    case 'integer':
    case 'number':
      return `number ${column.unit ?? ''}`;
    default:
      return undefined;
  }
}

function describeUnitKey(key: string): string {
  if (key.startsWith('money ')) return `amounts in ${key.slice(6)}`;
  if (key === 'percent') return 'percentages';
  const unit = key.slice(7);
  return unit === '' ? 'plain numbers' : `numbers in ${unit}`;
}

/** The index of the one column with this label, or a sentence saying why there is none. */
function findColumn(columns: readonly ChartColumn[], label: string): number | string {
  const matches = columns.flatMap((column, index) => (column.label.trim() === label.trim() ? [index] : []));
  if (matches.length === 1) return matches[0]!;
  const known = columns.map((column) => `"${column.label}"`).join(', ');
  return matches.length === 0
    ? `no column is labelled "${label}" (the columns are ${known})`
    : `${matches.length} columns are labelled "${label}"; relabel one of them so the chart can name it`;
}

/** Every way the chart does not fit its table; empty when it can be drawn. */
export function chartProblems(columns: readonly ChartColumn[], chart: ChartSpec): ChartProblem[] {
  const problems: ChartProblem[] = [];
  const category = findColumn(columns, chart.categories);
  if (typeof category === 'string') problems.push({ path: ['categories'], message: `categories: ${category}` });

  const units = new Map<string, string>();
  const numeric = (label: string, path: (string | number)[], want?: CellType): number | undefined => {
    const index = findColumn(columns, label);
    if (typeof index === 'string') {
      problems.push({ path, message: index });
      return undefined;
    }
    const column = columns[index]!;
    if (want !== undefined && column.type !== want) {
      const kind = want === 'money' ? 'an amount of money' : 'a percentage';
      problems.push({ path, message: `column "${label}" must hold ${kind}, but its type is "${column.type}"` });
      return undefined;
    }
    if (column.currencies !== undefined) {
      problems.push({ path, message: `column "${label}" mixes currencies (${column.currencies.join(', ')}); one axis cannot show them, so it cannot be a series` });
      return undefined;
    }
    if (unitKey(column) === undefined) {
      problems.push({ path, message: `column "${label}" is of type "${column.type}": a bar needs money, a percentage or a number` });
      return undefined;
    }
    return index;
  };

  chart.series.forEach((series, at) => {
    if ('column' in series) {
      const index = numeric(series.column, ['series', at, 'column']);
      if (index !== undefined) units.set(`series ${at + 1} ("${series.column}")`, unitKey(columns[index]!)!);
    } else {
      const base = numeric(series.computed.base, ['series', at, 'computed', 'base'], 'money');
      numeric(series.computed.change, ['series', at, 'computed', 'change'], 'percent');
      if (base !== undefined) units.set(`series ${at + 1} ("${series.label}")`, unitKey(columns[base]!)!);
    }
  });
  const distinct = [...new Set(units.values())];
  if (distinct.length > 1) {
    const list = [...units].map(([name, key]) => `${name}: ${describeUnitKey(key)}`).join('; ');
    problems.push({ path: ['series'], message: `all series of a chart share one axis, so one unit; these differ (${list})` });
  }
  return problems;
}

/** `base x (1 + change)`, rounded to COMPUTED_DIGITS significant digits or the base's own. */
export function projectedValue(base: number, change: number): number {
  const digits = Math.max(COMPUTED_DIGITS, significantDigits(base));
  // toPrecision also removes the float residue of the product (49e9 * 1.1 = 53900000000.00001).
  return Number((base * (1 + change)).toPrecision(Math.min(digits, 15)));
}

function significantDigits(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return 1;
  const mantissa = Math.abs(value).toPrecision(15).split('e')[0]!.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, mantissa.length);
}

export interface ResolvedSeries {
  readonly label: string;
  /** The legend's label: a computed series says so. */
  readonly legend: string;
  readonly computed: boolean;
  /** One value per category; null where the cell is blank. */
  readonly values: readonly (number | null)[];
  /** The same values in words for the text alternative: the author's text, or a computed figure. */
  readonly texts: readonly (string | null)[];
}

export interface ResolvedChart {
  readonly type: 'bar';
  readonly title: string;
  readonly note?: string | undefined;
  readonly categoryLabel: string;
  readonly categories: readonly string[];
  /** How values and ticks are formatted. */
  readonly axis: { readonly type: CellType; readonly currency?: string | undefined };
  readonly series: readonly ResolvedSeries[];
  /** One sentence per computed series: how it was computed from the source's figures. */
  readonly computedNotes: readonly string[];
  /** The text alternative: what the chart shows and its extremes. */
  readonly description: string;
}

/** The chart's figures, read from the table. Throws, saying why, when the chart does not fit. */
export function resolveChart(table: ChartTable, chart: ChartSpec): ResolvedChart {
  const problems = chartProblems(table.columns, chart);
  if (problems.length > 0) throw new Error(`the chart does not fit its table: ${problems.map((p) => p.message).join('; ')}`);
  const index = (label: string) => findColumn(table.columns, label) as number;
  const cellValue = (row: readonly string[], column: number): number | null => {
    const cell = readColumnCell(row[column] ?? '', table.columns[column]?.label ?? '');
    return cell.type === 'text' ? null : cell.value;
  };

  const category = index(chart.categories);
  const categories = table.rows.map((row) => (row[category] ?? '').trim());
  let axis: ResolvedChart['axis'] = { type: 'number' };
  const computedNotes: string[] = [];
  const series = chart.series.map((spec): ResolvedSeries => {
    if ('column' in spec) {
      const column = index(spec.column);
      const { type, currency } = table.columns[column]!;
      axis = { type, currency };
      const label = spec.label ?? table.columns[column]!.label;
      return {
        label,
        legend: label,
        computed: false,
        values: table.rows.map((row) => cellValue(row, column)),
        texts: table.rows.map((row) => (isBlank(parseCell(row[column] ?? '')) ? null : (row[column] ?? '').trim())),
      };
    }
    const base = index(spec.computed.base);
    const change = index(spec.computed.change);
    const baseColumn = table.columns[base]!;
    axis = { type: 'money', currency: baseColumn.currency };
    let finer = false;
    const values = table.rows.map((row) => {
      const from = cellValue(row, base);
      const by = cellValue(row, change);
      if (from === null || by === null) return null;
      finer ||= significantDigits(from) > COMPUTED_DIGITS;
      return projectedValue(from, by);
    });
    const rounding = finer ? `the significant digits of ${baseColumn.label} (at least ${COMPUTED_DIGITS})` : `${COMPUTED_DIGITS} significant digits`;
    computedNotes.push(
      `${spec.label} is computed from the source's figures: ${baseColumn.label} \u00d7 (1 + ${table.columns[change]!.label}), rounded to ${rounding}.`,
    );
    return {
      label: spec.label,
      legend: spec.label.endsWith(')') ? `${spec.label}, computed` : `${spec.label} (computed)`,
      computed: true,
      values,
      texts: values.map((value) => (value === null ? null : spokenValue(value, axis))),
    };
  });

  const resolved = { type: chart.type, title: chart.title, note: chart.note, categoryLabel: table.columns[category]!.label, categories, axis, series, computedNotes };
  return { ...resolved, description: describeChart(resolved) };
}

/**
 * A value as a sentence says it: "$270 billion" rather than the axis's "$270B", which a screen
 * reader spells out letter by letter.
 */
export function spokenValue(value: number, column: { readonly type: CellType; readonly currency?: string | undefined }): string {
  if (column.type !== 'money' || Math.abs(value) < 1e6) return formatValue(value, column);
  const options = { notation: 'compact', maximumSignificantDigits: 15 } as const;
  const word = new Intl.NumberFormat('en', { ...options, compactDisplay: 'long' })
    .formatToParts(value)
    .filter((part) => part.type === 'compact')
    .map((part) => part.value)
    .join('');
  return new Intl.NumberFormat('en', { ...options, style: 'currency', currency: column.currency ?? 'USD' })
    .formatToParts(value)
    .map((part) => (part.type === 'compact' ? ` ${word}` : part.value))
    .join('');
}

function listOf(items: readonly string[], most = 8): string {
  const shown = items.length > most ? [...items.slice(0, most), `${items.length - most} more`] : [...items];
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** "Bar chart of A and B by Country: South Korea, Japan and China. Highest: ... Lowest: ..." */
export function describeChart(chart: Omit<ResolvedChart, 'description'>): string {
  const names = chart.series.map((series) => (series.computed ? `${series.label} (computed from the source's figures)` : series.label));
  const parts = [`Bar chart of ${listOf(names)} by ${chart.categoryLabel}: ${listOf(chart.categories)}.`];
  const points = chart.series.flatMap((series) =>
    series.values.flatMap((value, row) => (value === null ? [] : [{ value, text: series.texts[row] ?? '', series: series.label, category: chart.categories[row] ?? '' }])),
  );
  if (points.length > 1) {
    let high = points[0]!;
    let low = points[0]!;
    for (const point of points) {
      if (point.value > high.value) high = point;
      if (point.value < low.value) low = point;
    }
    const say = (point: typeof high) => (chart.series.length > 1 ? `${point.category}, ${point.series}, ${point.text}` : `${point.category}, ${point.text}`);
    parts.push(`Highest: ${say(high)}. Lowest: ${say(low)}.`);
  }
  parts.push('The figures are in the table the chart is drawn from.');
  return parts.join(' ');
}

/** "A, B and C by D": a title made of the table's own labels. */
function titleOf(series: readonly string[], category: string): string {
  return `${listOf(series, series.length)} by ${category}`;
}

/**
 * The label of a projection: "Current Exports (2022)" projected by "Forecast Growth (2025)" ->
 * "Forecast Exports (2025)". Without years to swap, it says what was applied.
 */
function projectionLabel(base: string, change: string): string {
  const baseYear = YEAR.exec(base)?.[0];
  const changeYear = YEAR.exec(change)?.[0];
  if (baseYear !== undefined && changeYear === undefined) return `${base} after ${change}`;
  const word = PROJECTION_WORD.exec(change.trim())?.[1] ?? 'Projected';
  let name = base.trim().replace(/^(?:current|actual|present|base)\s+/i, '');
  if (baseYear !== undefined && changeYear !== undefined) name = name.replace(baseYear, changeYear);
  else if (changeYear !== undefined) name = `${name} (${changeYear})`;
  return `${word[0]!.toUpperCase()}${word.slice(1).toLowerCase()} ${name}`;
}

export interface Proposal {
  readonly chart: ChartSpec;
  /** What was proposed, for the ingester's report. */
  readonly summary: string;
}

/**
 * The chart a table suits, if any: a column that names two or more rows, and either a money
 * column with a percentage-change column (grouped bars of the base and the computed projection)
 * or numeric columns of one unit (one series each). Only columns a chart can name are used.
 */
export function proposeChart(table: ChartTable): Proposal | undefined {
  const { columns, rows } = table;
  if (rows.length < 2 || rows.length > MAX_CATEGORIES) return undefined;
  const nameable = (index: number) => {
    const label = columns[index]!.label.trim();
    return label !== '' && columns.filter((column) => column.label.trim() === label).length === 1;
  };
  const filled = (index: number) => rows.filter((row) => !isBlank(parseCell(row[index] ?? '')));

  const category = columns.findIndex(
    (column, index) =>
      (column.type === 'text' || column.type === 'year' || column.type === 'date') &&
      nameable(index) &&
      filled(index).length === rows.length &&
      new Set(rows.map((row) => row[index]!.trim())).size === rows.length,
  );
  if (category === -1) return undefined;
  const categoryLabel = columns[category]!.label.trim();
  const chartable = columns.flatMap((column, index) =>
    index !== category && unitKey(column) !== undefined && nameable(index) && filled(index).length > 0 ? [index] : [],
  );
  if (chartable.length === 0) return undefined;

  const isChange = (index: number) =>
    columns[index]!.type === 'percent' &&
    (CHANGE_LABEL.test(columns[index]!.label) ||
      filled(index).every((row) => {
        const cell = parseCell(row[index]!);
        return cell.type === 'percent' && cell.explicitSign;
      }));
  const money = chartable.find((index) => columns[index]!.type === 'money');
  const change = chartable.find(isChange);
  if (money !== undefined && change !== undefined) {
    const base = columns[money]!.label.trim();
    const label = projectionLabel(base, columns[change]!.label.trim());
    return {
      chart: {
        type: 'bar',
        title: titleOf([base, label], categoryLabel),
        categories: categoryLabel,
        series: [{ column: base }, { computed: { base, change: columns[change]!.label.trim() }, label }],
      },
      summary: `proposed a grouped bar chart of "${base}" and "${label}" (computed from the source's figures: "${base}" \u00d7 (1 + "${columns[change]!.label.trim()}"))`,
    };
  }

  const unit = unitKey(columns[chartable[0]!]!);
  const series = chartable.filter((index) => unitKey(columns[index]!) === unit).map((index) => columns[index]!.label.trim());
  return {
    chart: { type: 'bar', title: titleOf(series, categoryLabel), categories: categoryLabel, series: series.map((column) => ({ column })) },
    summary: `proposed a ${series.length > 1 ? 'grouped ' : ''}bar chart of ${listOf(series.map((label) => `"${label}"`), series.length)} by "${categoryLabel}"`,
  };
}
