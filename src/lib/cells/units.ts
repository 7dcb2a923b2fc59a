/**
 * Units written in a column header, as reports write them: "Budget (USD bn)", "($ millions)",
 * "Debt (% of GDP)", "Output (Mt)", "(bn)", "(thousands)". The header's unit applies to the
 * bare numbers under it: `12.5` under "(USD bn)" is 12,500,000,000 US dollars, and `2.1` under
 * "(% of GDP)" is 2.1 percent. A cell that states its own currency or scale keeps it.
 */
import { currencyCode, leadingCurrency } from './currencies.ts';
import { parseCell } from './parse.ts';
import type { Cell } from './types.ts';

export interface HeaderUnit {
  /** ISO 4217 code when the header names a currency. */
  readonly currency?: string;
  /** Power of ten the header's numbers are counted in: 9 for "bn". */
  readonly scale: number;
  /** The header says its numbers are percentages ("%", "% of GDP", "percent"). */
  readonly percent: boolean;
  /** What a reader sees as the unit: "USD bn", "% of GDP", "Mt". */
  readonly unit: string;
}

const SCALES: Readonly<Record<string, number>> = {
  thousand: 3, thousands: 3, k: 3, '000': 3, "'000": 3, '000s': 3,
  million: 6, millions: 6, mn: 6, mln: 6, m: 6,
  billion: 9, billions: 9, bn: 9, bln: 9, b: 9,
  trillion: 12, trillions: 12, tn: 12, trn: 12,
};

/** Parentheticals that qualify a figure rather than measure it: "(est.)", "(projected)". */
const QUALIFIERS = /^(?:est|estimated?|approx|approximate|projected|planned|forecast|nominal|real|current|constant|provisional|prelim|preliminary|latest|total|avg|average)\.?$/i;

/** The unit in a header's last parentheses, or undefined when it has none. */
export function headerUnit(label: string): HeaderUnit | undefined {
  const inner = /\(([^()]{1,40})\)\s*$/.exec(label.trim())?.[1]?.trim();
  if (inner === undefined || inner === '') return undefined;
  let rest = inner;
  let currency: string | undefined;
  const lead = leadingCurrency(rest);
  if (lead !== undefined) {
    currency = lead.code;
    rest = rest.slice(lead.length).trim();
  }
  const words = rest.split(/\s+/).filter((w) => w !== '');
  let scale = 0;
  const scaleWord = words[0]?.toLowerCase();
  if (scaleWord !== undefined && SCALES[scaleWord] !== undefined) {
    scale = SCALES[scaleWord]!;
    words.shift();
  }
  if (currency === undefined && words.length === 1 && currencyCode(words[0]!) !== undefined) currency = currencyCode(words.shift()!);
  const percent = /^(?:%|per\s?cent|percent)(?:\s|$)/i.test(words.join(' ')) && currency === undefined;
  // A currency or scale with words left over ("USD bn, 2024 prices") keeps them in the unit only.
  if (currency === undefined && scale === 0 && !percent && (!/^\p{L}[\p{L}\d/²³·.\s-]{0,15}$/u.test(inner) || QUALIFIERS.test(inner))) return undefined;
  return { ...(currency !== undefined ? { currency } : {}), scale, percent, unit: inner };
}

/** A bare number read with its header's unit; every other cell comes back as it was. */
export function applyHeaderUnit(cell: Cell, unit: HeaderUnit | undefined): Cell {
  if (unit === undefined || (cell.type !== 'integer' && cell.type !== 'number')) return cell;
  // The cell's text says nothing of scale when it is a bare figure; "1.5 million" already has one.
  const bare = /^[+\-\u2212]?[\d.,'\u2019 \u00a0\u202f\u2009]+$/.test(cell.text.trim());
  if (!bare) return cell;
  const value = Number(`${cell.value}e${unit.scale - (unit.percent ? 2 : 0)}`);
  if (unit.currency !== undefined) return { type: 'money', text: cell.text, value, currency: unit.currency, explicitSign: cell.explicitSign };
  if (unit.percent) return { type: 'percent', text: cell.text, value, explicitSign: cell.explicitSign };
  if (unit.scale === 0) return cell;
  return Number.isInteger(value) ? { type: 'integer', text: cell.text, value, explicitSign: cell.explicitSign } : { type: 'number', text: cell.text, value, explicitSign: cell.explicitSign };
}

/**
 * A cell of a column read as the column means it: with the unit of its header applied. Every
 * reader of a typed cell (data file checks, charts, downloads) uses this, so "12.5" under
 * "(USD bn)" is the same $12.5 billion everywhere.
 */
export function readColumnCell(text: string, label: string): Cell {
  return applyHeaderUnit(parseCell(text), headerUnit(label));
}
