/**
 * Typed table cells. Every cell keeps the author's `text` byte for byte: pages show that text,
 * and the typed `value` feeds sorting, charts and downloads.
 */

export type CellType = 'money' | 'percent' | 'integer' | 'number' | 'year' | 'date' | 'text';

/** An amount of money, in whole currency units (`$50 billion` -> 50_000_000_000). */
export interface MoneyCell {
  readonly type: 'money';
  readonly text: string;
  readonly value: number;
  /** ISO 4217 code, such as "USD". */
  readonly currency: string;
  /** The author wrote a sign (`+`, `-`, `−`) or accounting parentheses. */
  readonly explicitSign: boolean;
}

/** A percentage as a fraction (`+5%` -> 0.05). */
export interface PercentCell {
  readonly type: 'percent';
  readonly text: string;
  readonly value: number;
  /** The author wrote `+` or a minus, as change columns do; a renderer can then show "+5%". */
  readonly explicitSign: boolean;
}

/** A whole number (`12,500`, `-3`, `1.5 million`). */
export interface IntegerCell {
  readonly type: 'integer';
  readonly text: string;
  readonly value: number;
  readonly explicitSign: boolean;
}

/** A number with a fractional part (`3.75`). */
export interface NumberCell {
  readonly type: 'number';
  readonly text: string;
  readonly value: number;
  readonly explicitSign: boolean;
}

/** A calendar year 1800-2199 (`2023`) or a fiscal year (`FY2024`). */
export interface YearCell {
  readonly type: 'year';
  readonly text: string;
  readonly value: number;
  readonly fiscal: boolean;
}

/**
 * A month, quarter or day: `Feb 2025`, `February 2025`, `2025-02`, `Q3 2024`, `3Q 2024`,
 * `2024-01-05`. Fiscal years are `YearCell`s; `2023-24` stays text (a fiscal year, a season or
 * a range of years: the table alone cannot tell).
 */
export interface DateCell {
  readonly type: 'date';
  readonly text: string;
  /** The period's first moment, in milliseconds since 1970 (UTC): the sort key. */
  readonly value: number;
  /** ISO 8601 (`2025-02`, `2024-01-05`), or `2024-Q3` for a quarter: what downloads write. */
  readonly iso: string;
  readonly precision: 'day' | 'month' | 'quarter';
}

/** Anything else. `reason` says why a cell that looks like a number was not read as one. */
export interface TextCell {
  readonly type: 'text';
  readonly text: string;
  readonly reason?: string;
}

export type Cell = MoneyCell | PercentCell | IntegerCell | NumberCell | YearCell | DateCell | TextCell;
export type NumericCell = Exclude<Cell, TextCell | DateCell>;
/** A cell read as anything but text. */
export type TypedCell = Exclude<Cell, TextCell>;

/**
 * A cell that could not be read as its column's type. `row` and `column` are 0-based indexes
 * into the table's `rows` and `columns`; the ingester turns `row` into a source line.
 */
export interface CellIssue {
  readonly row: number;
  readonly column: number;
  readonly text: string;
  readonly reason: string;
}

/**
 * What a whole column holds. `currency` is set for money in one currency; a money column whose
 * cells mix currencies has `currencies` (sorted ISO codes) instead, and each cell keeps its own.
 * `unit` is what a header shows.
 */
export interface ColumnType {
  readonly type: CellType;
  readonly currency?: string;
  readonly currencies?: readonly string[];
  readonly unit?: string;
}
