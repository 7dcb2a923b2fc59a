/** The order of document lists: newest first where dated, then undated ones, each by title. */

interface Listable {
  data: { title: string; published?: Date | undefined };
}

const byTitle = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function compareForListing(a: Listable, b: Listable): number {
  const aTime = a.data.published?.getTime();
  const bTime = b.data.published?.getTime();
  if (aTime !== undefined && bTime !== undefined && aTime !== bTime) return bTime - aTime;
  if (aTime !== undefined && bTime === undefined) return -1;
  if (aTime === undefined && bTime !== undefined) return 1;
  return byTitle.compare(a.data.title, b.data.title);
}

export function sortForListing<T extends Listable>(entries: readonly T[]): T[] {
  return [...entries].sort(compareForListing);
}
