/**
 * Whether a source is a newer version of a page already published: the same report number, or
 * the same title with a later date. Pure, so the CLI, the revisions feature and tests share one
 * rule. A newer (or older) version is kept beside the page (src/ingest/revisions.ts); a corrected
 * source replaces it.
 */
import { sortDate } from '../lib/dates.ts';

export interface PageSummary {
  slug: string;
  sourceSha256: string;
  title: string;
  identifier?: string | undefined;
  /** ISO days as in front matter. */
  published?: string | undefined;
  updated?: string | undefined;
  /** The file name the page's source had when it was ingested (`report.txt`). */
  sourceName?: string | undefined;
}

export interface UpdateTarget {
  slug: string;
  reason: string;
  /**
   * `version`: another edition of the document, kept as a version of the page. `correction`: the
   * same edition with its text corrected (same title, a file of the same name, no later date),
   * which replaces the current page and is not kept as a version.
   */
  kind: 'version' | 'correction';
}

const normal = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
// Each file of a run is compared with every published page: normalise a page's title and
// report number once, not once per file.
const normalised = new WeakMap<PageSummary, { title: string; identifier: string | undefined }>();
const keysOf = (page: PageSummary) => {
  let keys = normalised.get(page);
  if (!keys) {
    keys = { title: normal(page.title), identifier: page.identifier === undefined ? undefined : normal(page.identifier) };
    normalised.set(page, keys);
  }
  return keys;
};
const day = (page: PageSummary) => {
  const toDate = (iso: string | undefined) => (iso === undefined ? undefined : new Date(`${iso}T00:00:00Z`));
  return sortDate({ published: toDate(page.published), updated: toDate(page.updated) });
};

export function findUpdateTarget(planned: PageSummary, existingPages: readonly PageSummary[]): UpdateTarget | undefined {
  const others = existingPages.filter((page) => page.sourceSha256 !== planned.sourceSha256);
  if (planned.identifier !== undefined) {
    const wanted = normal(planned.identifier);
    const same = others.find((page) => keysOf(page).identifier === wanted);
    if (same) {
      const later = day(planned) !== undefined && (day(same) === undefined || day(planned)!.getTime() > day(same)!.getTime());
      const corrected = !later && normal(same.title) === normal(planned.title) && planned.sourceName !== undefined && same.sourceName === planned.sourceName;
      return { slug: same.slug, reason: `the same report number "${planned.identifier}"${corrected ? `, title and file name "${planned.sourceName}": a corrected source` : ''}`, kind: corrected ? 'correction' : 'version' };
    }
  }
  const title = normal(planned.title);
  const sameTitle = others.filter((page) => keysOf(page).title === title);
  const plannedDay = day(planned);
  const candidates = sameTitle
    .map((page) => ({ page, at: day(page) }))
    .filter((c): c is { page: PageSummary; at: Date } => plannedDay !== undefined && c.at !== undefined && c.at.getTime() < plannedDay.getTime())
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const newest = candidates[0];
  if (newest) {
    return { slug: newest.page.slug, reason: `the same title with a later date (${plannedDay!.toISOString().slice(0, 10)}, the page has ${newest.at.toISOString().slice(0, 10)})`, kind: 'version' };
  }
  // Fixtures and exports are often all called "report.txt": the name alone does not make a page
  // the same, the title has to match too.
  const corrected = planned.sourceName === undefined ? undefined : sameTitle.find((page) => page.sourceName === planned.sourceName);
  return corrected && { slug: corrected.slug, reason: `the same title, from a file of the same name "${planned.sourceName}": a corrected source`, kind: 'correction' };
}
