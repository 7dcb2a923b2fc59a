/**
 * Which of a document's stated dates stands for it. Listings, search sorting, cards and
 * citations all ask here, so "an Updated date is the date when it is the only one" is one rule.
 */

export interface Dated {
  published?: Date | undefined;
  updated?: Date | undefined;
}

/** The date a document sorts by: the latest it states (an update is newer news than the first edition). */
export function sortDate(data: Dated): Date | undefined {
  const { published, updated } = data;
  if (published && updated) return updated.getTime() > published.getTime() ? updated : published;
  return updated ?? published;
}

export interface DisplayDate {
  /** "Published" or "Updated": what the source calls the date. */
  label: 'Published' | 'Updated';
  date: Date;
}

/** The dates to print, in the order a reader expects them (first edition, then update). */
export function displayDates(data: Dated): DisplayDate[] {
  const out: DisplayDate[] = [];
  if (data.published) out.push({ label: 'Published', date: data.published });
  if (data.updated && data.updated.getTime() !== data.published?.getTime()) out.push({ label: 'Updated', date: data.updated });
  return out;
}

/** Calendar day YYYY-MM-DD (front matter dates are UTC days). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Front matter dates are calendar days: shown in UTC so no time zone shifts the day. */
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A date as readers write it ("1 June 2024"), for pages and search results alike. */
export function readableDay(date: Date): string {
  return DAY_FORMAT.format(date);
}
