/**
 * Reads one table cell as money, a percentage, a whole or decimal number, a year, or text.
 *
 * The rule is to read only what is unambiguous and otherwise keep text: a cell that is read
 * gets an exact value, and a cell that almost looks like a number (`$50 bilion`, `1,00`, `5%%`)
 * stays text with a `reason` that the ingester reports with the source line. `parseCell` never
 * throws and never changes `text`.
 */
import { currencyCode, hasCurrencySymbol, leadingCurrency } from './currencies.ts';
import type { Cell, DateCell, TextCell } from './types.ts';

/** Scale words and their powers of ten, keyed in lower case: authors write `Billion` and `BN` too. */
const SCALE_WORDS: Readonly<Record<string, number>> = {
  thousand: 3,
  lakh: 5,
  million: 6,
  crore: 7,
  billion: 9,
  trillion: 12,
  // Unambiguous abbreviations, read with or without a currency.
  mn: 6,
  mln: 6,
  bn: 9,
  bln: 9,
  tn: 12,
  trn: 12,
};
/** Single letters read as scales only after a currency: alone, `5m` may be metres and `5k` a race. */
const SCALE_LETTERS: Readonly<Record<string, number>> = { k: 3, m: 6, b: 9, t: 12 };
const NEAR_MISS_TARGETS = ['thousand', 'million', 'billion', 'trillion', 'percent'];

const SIGNS = new Set(['+', '-', '\u2212']);
/** Characters a number may use between groups of three digits. Dots are always decimal points. */
const GROUP_SEPARATORS = new Set([',', ' ', '\u00a0', '\u202f', '\u2009', "'", '\u2019']);
/** A run of digits, separators and points that ends in a digit; `readDigits` checks its shape. */
const NUMBER_RUN = /^\d(?:[\d,.'\u2019 \u00a0\u202f\u2009]*\d)?/;
/** More significant digits than this may not survive a round trip through a float. */
const MAX_DIGITS = 15;

/** Two numbers joined by a dash, a slash or "to": a range or a date. */
const RANGE = /\d\s*(?:[-\u2013\u2014\u2212/]|to)\s*\D{0,3}\d/;

const GENERIC = 'not a number, amount of money, percentage or year in a form this site reads';

type Failure = { readonly reason: string; readonly certain: boolean };
type Digits = { readonly digits: string; readonly fractionDigits: number; readonly leadingZero: boolean };

export function parseCell(text: string): Cell {
  // Node and the tests pass strings, but data files are user input: never throw on anything.
  if (typeof text !== 'string') return { type: 'text', text: String(text) };
  const s = text.trim();
  if (s === '') return { type: 'text', text };
  const result = readDate(text, s) ?? readYear(text, s) ?? readAmount(text, s);
  if ('type' in result) return result;
  return textCell(text, s, result);
}

function textCell(text: string, s: string, failure: Failure): TextCell {
  // Only near misses get a reason; "south Korea" or "Minerals, textiles" are just text, and so
  // are ranges and dates ("$40-50 billion", "2023-24"), which are meant as written.
  if (RANGE.test(s)) return { type: 'text', text };
  const numberLike = !/\p{L}/u.test(s) && (/[\d%]/.test(s) || hasCurrencySymbol(s));
  return failure.certain || numberLike ? { type: 'text', text, reason: failure.reason } : { type: 'text', text };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The month number (1-12) of "Feb", "Feb.", "Sept" or "February", any case; else undefined. */
function monthOf(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/\.$/, '');
  const full = MONTH_NAMES.indexOf(lower);
  if (full >= 0) return full + 1;
  const short = MONTHS.indexOf(lower === 'sept' ? 'sep' : lower);
  return short >= 0 ? short + 1 : undefined;
}

const inYears = (year: number) => year >= 1800 && year <= 2199;
const pad = (n: number) => String(n).padStart(2, '0');

function dateCell(text: string, iso: string, value: number, precision: DateCell['precision']): DateCell {
  return { type: 'date', text, value, iso, precision };
}

/** `Feb 2025`, `February 2025`, `2025-02`, `Q3 2024`, `3Q 2024`, `2024-01-05`; anything else is not a date. */
function readDate(text: string, s: string): Cell | undefined {
  let match = /^([A-Za-z]{3,9}\.?)\s+(\d{4})$/.exec(s);
  if (match !== null) {
    const month = monthOf(match[1]!);
    const year = Number(match[2]);
    if (month !== undefined && inYears(year)) return dateCell(text, `${year}-${pad(month)}`, Date.UTC(year, month - 1), 'month');
    return undefined;
  }
  match = /^(?:Q([1-4])|([1-4])Q)\s*(\d{4})$/i.exec(s);
  if (match !== null) {
    const year = Number(match[3]);
    const quarter = Number(match[1] ?? match[2]);
    return inYears(year) ? dateCell(text, `${year}-Q${quarter}`, Date.UTC(year, (quarter - 1) * 3), 'quarter') : undefined;
  }
  match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
  if (match !== null) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), match[3] === undefined ? undefined : Number(match[3])];
    if (!inYears(year) || month < 1 || month > 12) return undefined;
    if (day === undefined) return dateCell(text, `${year}-${pad(month)}`, Date.UTC(year, month - 1), 'month');
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCDate() !== day) return undefined;
    return dateCell(text, `${year}-${pad(month)}-${pad(day)}`, date.getTime(), 'day');
  }
  return undefined;
}

/** `2023`, `FY2024`, `FY 2024`. A year is four bare digits: `2,023` or `+2023` are integers. */
function readYear(text: string, s: string): Cell | Failure | undefined {
  const match = /^(FY\s?)?(\d+)$/.exec(s);
  if (match === null) return undefined;
  const [, fy, digits = ''] = match;
  const fiscal = fy !== undefined;
  if (digits.length === 4) {
    const value = Number(digits);
    if (value >= 1800 && value <= 2199) return { type: 'year', text, value, fiscal };
  }
  if (fiscal) return { reason: 'write a fiscal year with four digits from 1800 to 2199, like FY2024', certain: true };
  return undefined;
}

function readAmount(text: string, s: string): Cell | Failure {
  let rest = s;
  let accounting = false;
  if (rest.startsWith('(') && rest.endsWith(')')) {
    accounting = true;
    rest = rest.slice(1, -1).trim();
  }
  if (/^[\u2013\u2014]\s?[\d$€£¥￥₩₹₽₪₺₴₫₱₦]/u.test(rest)) {
    return { reason: 'a dash is not a minus sign: write - or \u2212', certain: true };
  }

  let sign = '';
  const takeSign = (): void => {
    const first = rest[0];
    if (sign === '' && first !== undefined && SIGNS.has(first)) {
      sign = first === '+' ? '+' : '-';
      rest = rest.slice(1);
    }
  };
  takeSign();
  let currency: string | undefined;
  const lead = leadingCurrency(rest);
  if (lead !== undefined) {
    currency = lead.code;
    rest = rest.slice(lead.length).trimStart();
    takeSign();
  }
  // A symbol makes a near miss certain; a code-like word (`TOP 10 exporters`) may be prose.
  const certain = lead?.symbol === true;

  const run = NUMBER_RUN.exec(rest)?.[0];
  if (run === undefined) {
    return { reason: currency !== undefined ? 'a currency without an amount' : GENERIC, certain };
  }
  const number = readDigits(run);
  if ('reason' in number) return { reason: number.reason, certain };
  rest = rest.slice(run.length).trimStart();

  // What may follow the number: a percent sign or word, or a scale, then a currency code.
  let percent = false;
  let scale = 0;
  const percentMatch = /^(?:%|per\s?cent\b)/i.exec(rest);
  if (percentMatch !== null) {
    percent = true;
    rest = rest.slice(percentMatch[0].length).trimStart();
  } else {
    const word = /^[A-Za-z]+/.exec(rest)?.[0];
    if (word !== undefined && currencyCode(word) === undefined) {
      const power = SCALE_WORDS[word.toLowerCase()] ?? (currency !== undefined ? SCALE_LETTERS[word.toLowerCase()] : undefined);
      if (power === undefined) return unknownWord(word, certain);
      scale = power;
      rest = rest.slice(word.length).trimStart();
    }
  }
  const suffix = /^[A-Z]{3}$/.exec(rest)?.[0];
  const suffixCode = suffix === undefined ? undefined : currencyCode(suffix);
  if (suffixCode !== undefined) {
    if (currency !== undefined && currency !== suffixCode) {
      return { reason: `two different currencies (${currency} and ${suffixCode})`, certain: true };
    }
    currency = suffixCode;
    rest = '';
  }
  if (rest !== '') {
    return { reason: `unexpected "${rest}" after the number`, certain };
  }

  if (percent && (currency !== undefined || accounting)) {
    const reason = currency !== undefined ? 'a percentage with a currency' : 'write a negative percentage as -5%, not (5%)';
    return { reason, certain };
  }
  if (accounting && currency === undefined) {
    return { reason: 'parentheses mark negative amounts of money only: write a minus sign', certain };
  }
  if (accounting && sign !== '') {
    return { reason: 'a sign inside accounting parentheses', certain: true };
  }
  const significant = number.digits.replace(/^0+/, '').replace(/0+$/, '');
  if (significant.length > MAX_DIGITS) {
    return { reason: `more than ${MAX_DIGITS} significant digits cannot be stored exactly`, certain: true };
  }

  const negative = sign === '-' || accounting;
  const exponent = scale - number.fractionDigits - (percent ? 2 : 0);
  // Exact decimal arithmetic: "0.8" and "e9" become 8e8, not 0.8 * 1e9 with its rounding error.
  const magnitude = Number(`${number.digits}e${exponent}`);
  const value = negative && magnitude !== 0 ? -magnitude : magnitude;
  const explicitSign = sign !== '' || accounting;

  if (currency !== undefined) return { type: 'money', text, value, currency, explicitSign };
  if (percent) return { type: 'percent', text, value, explicitSign };
  // "007" is a code, not seven: plain text, so nothing is lost and nothing is reported.
  if (number.leadingZero && scale === 0) return { type: 'text', text };
  if (Number.isInteger(value) && (number.fractionDigits === 0 || scale > 0)) {
    return { type: 'integer', text, value, explicitSign };
  }
  return { type: 'number', text, value, explicitSign };
}

/** Checks grouping (`1,000`, `12 500`) and returns the bare digits and the decimal places. */
function readDigits(run: string): Digits | { reason: string } {
  const [whole = '', fraction, extra] = run.split('.');
  if (extra !== undefined) return { reason: 'more than one decimal point' };
  if (fraction !== undefined && !/^\d+$/.test(fraction)) {
    return { reason: 'digits after the decimal point may not be grouped' };
  }
  let digits = whole;
  if (!/^\d+$/.test(whole)) {
    const separator = whole.replace(/\d/g, '')[0] ?? '';
    const groups = whole.split(separator);
    const valid =
      GROUP_SEPARATORS.has(separator) &&
      /^[1-9]\d{0,2}$/.test(groups[0] ?? '') &&
      groups.slice(1).every((group) => /^\d{3}$/.test(group));
    if (!valid) {
      return { reason: 'thousands separators must split the digits into groups of three (write decimals with a point: 9.5)' };
    }
    digits = groups.join('');
  }
  return {
    digits: digits + (fraction ?? ''),
    fractionDigits: fraction?.length ?? 0,
    leadingZero: digits.length > 1 && digits.startsWith('0'),
  };
}

function unknownWord(word: string, afterSymbol: boolean): Failure {
  const lower = word.toLowerCase();
  let guess: string | undefined;
  let best = 3; // two typing slips at most, so "bilion" and "millon" are caught but "km" is not
  for (const target of NEAR_MISS_TARGETS) {
    const distance = lower.length >= 4 ? editDistance(lower, target) : best;
    if (distance < best) [guess, best] = [target, distance];
  }
  if (guess !== undefined) {
    return { reason: `"${word}" is not a word this site reads; did you mean "${guess}"?`, certain: true };
  }
  return {
    reason: `"${word}" is not a scale this site reads: use thousand, million, billion or trillion (or k, m, bn)`,
    certain: afterSymbol,
  };
}

/** Levenshtein distance; the words compared are a few letters long. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
