/**
 * Whether money cells can share one chart axis: only when they are in one currency. A chart of
 * a column that mixes yen, won and dollars would draw ¥1.2 trillion forty times taller than
 * $28.4 billion; converting at some rate would put a figure on the page that the source never
 * gave. So a chart shows one currency, or none, and says why.
 */
import type { Cell } from './types.ts';

export type AxisVerdict =
  | { readonly ok: true; readonly currency?: string }
  | { readonly ok: false; readonly currencies: readonly string[]; readonly reason: string };

/** Row indexes of the money cells of each currency, currencies in code order. */
export function currencyGroups(cells: readonly Cell[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  cells.forEach((cell, row) => {
    if (cell.type !== 'money') return;
    groups.set(cell.currency, [...(groups.get(cell.currency) ?? []), row]);
  });
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Whether these cells (one or several columns' worth) can be drawn against one axis, and why not. */
export function canShareAxis(cells: readonly Cell[]): AxisVerdict {
  const groups = currencyGroups(cells);
  if (groups.size <= 1) {
    const currency = [...groups.keys()][0];
    return currency === undefined ? { ok: true } : { ok: true, currency };
  }
  const currencies = [...groups.keys()];
  const counts = [...groups].map(([code, rows]) => `${rows.length} in ${code}`).join(', ');
  return {
    ok: false,
    currencies,
    reason: `the amounts are in ${currencies.length} currencies (${counts}); one axis cannot show them without converting at a rate the source does not give, so chart one currency or none`,
  };
}
