/**
 * The order of document lists: newest first where dated (by `sortDate`), then undated ones, each
 * by title, and by slug when titles tie, so pages of a paginated list never swap entries between
 * builds.
 */
import { sortDate, type Dated } from './dates.ts';

interface Listable {
  data: { title: string; slug?: string } & Dated;
}

const byTitle = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareForListing(a: Listable, b: Listable): number {
  const aTime = sortDate(a.data)?.getTime();
  const bTime = sortDate(b.data)?.getTime();
  if (aTime !== undefined && bTime !== undefined && aTime !== bTime) return bTime - aTime;
  if (aTime !== undefined && bTime === undefined) return -1;
  if (aTime === undefined && bTime !== undefined) return 1;
  return byTitle.compare(a.data.title, b.data.title) || byCode(a.data.slug ?? '', b.data.slug ?? '');
}

export function sortForListing<T extends Listable>(entries: readonly T[]): T[] {
  return [...entries].sort(compareForListing);
}
