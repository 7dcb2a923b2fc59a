/**
 * Paginated listings (home, hubs, /data/): how many entries a page holds and which entries are
 * on which page. Pages have a fixed size so no page grows with the archive; a list's first page
 * is its own URL, later ones `<list>/page/<n>/` (urls.ts).
 */

/** Documents per page of the home page and of a hub: keeps each page well under 100 KB of HTML. */
export const DOCUMENTS_PER_PAGE = 25;
/** Tables per page of /data/ (a line each: title, document, links). */
export const TABLES_PER_PAGE = 50;
/** Table rows about a country per page of its hub. */
export const COUNTRY_ROWS_PER_PAGE = 20;

export interface PageOf<T> {
  /** 1-based. */
  readonly number: number;
  /** How many pages the list has (at least 1: an empty list still has its first page). */
  readonly count: number;
  readonly items: readonly T[];
  /** The 0-based position of the first item in the whole list. */
  readonly start: number;
  /** The whole list's length. */
  readonly total: number;
}

export function pageCount(total: number, size: number): number {
  if (!Number.isInteger(size) || size < 1) throw new Error(`pagination: page size must be a positive integer, got ${size}.`);
  return Math.max(1, Math.ceil(total / size));
}

/** Page `number` (1-based) of `items`; past the last page, an empty page. */
export function pageOf<T>(items: readonly T[], size: number, number: number, count = pageCount(items.length, size)): PageOf<T> {
  const start = (number - 1) * size;
  return { number, count, items: items.slice(start, start + size), start, total: items.length };
}

/** Every page of `items`, first to last. */
export function pages<T>(items: readonly T[], size: number): PageOf<T>[] {
  const count = pageCount(items.length, size);
  return Array.from({ length: count }, (_, i) => pageOf(items, size, i + 1, count));
}

/**
 * The page numbers a navigation shows: the first, the last, and the current page with a neighbour
 * each side; `null` where numbers are left out ("1 … 4 5 6 … 40").
 */
export function pageWindow(current: number, count: number): (number | null)[] {
  const shown = [...new Set([1, current - 1, current, current + 1, count])].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of shown) {
    const previous = out.at(-1);
    if (typeof previous === 'number' && n - previous === 2) out.push(previous + 1);
    else if (typeof previous === 'number' && n - previous > 2) out.push(null);
    out.push(n);
  }
  return out;
}
