/**
 * Numbers for charts and tooltips. Tables show the author's own text; these functions format
 * a typed value (or a chart's tick) in the reader's locale without losing digits.
 */
import type { Cell, CellType } from './types.ts';

/** Every value `parseCell` accepts has at most 15 significant digits; showing 15 keeps them all. */
const DIGITS = 15;
/** From a million up, money reads like the sources write it: "$50B" rather than "$50,000,000,000". */
const COMPACT_FROM = 1e6;

export interface FormatOptions {
  /** Show "+" on positive values, as the author did in a change column. */
  readonly explicitSign?: boolean;
}

/** Formats a number as a column of the given type shows it, for example a chart axis tick. */
export function formatValue(
  value: number,
  column: { readonly type: CellType; readonly currency?: string },
  locale = 'en',
  options: FormatOptions = {},
): string {
  if (!Number.isFinite(value)) return String(value);
  const signDisplay = options.explicitSign === true ? 'exceptZero' : 'auto';
  switch (column.type) {
    case 'money':
      return numberFormat(locale, {
        style: 'currency',
        currency: column.currency ?? 'USD',
        notation: Math.abs(value) >= COMPACT_FROM ? 'compact' : 'standard',
        maximumSignificantDigits: DIGITS,
        signDisplay,
      }).format(value);
    case 'percent':
      return numberFormat(locale, { style: 'percent', maximumSignificantDigits: DIGITS, signDisplay }).format(value);
    case 'year':
      return String(value);
    default:
      return numberFormat(locale, { maximumSignificantDigits: DIGITS, signDisplay }).format(value);
  }
}

/** A cell's value in the reader's locale; text cells, and years, come back as written. */
export function formatCell(cell: Cell, locale = 'en'): string {
  if (cell.type === 'text' || cell.type === 'date') return cell.text;
  if (cell.type === 'year') return cell.fiscal ? `FY${cell.value}` : String(cell.value);
  return formatValue(cell.value, cell, locale, { explicitSign: cell.explicitSign });
}

const formats = new Map<string, Intl.NumberFormat>();

/** Cached formatter; an unknown locale falls back to English rather than failing a build. */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(locale, options);
    } catch {
      format = new Intl.NumberFormat('en', options);
    }
    formats.set(key, format);
  }
  return format;
}
