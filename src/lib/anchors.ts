/**
 * The fragment ids a document page publishes, besides its section headings: one per Key
 * Judgment (`kj-1`, `kj-2`, ...), per Recommendation (`rec-1`, ...) and per table
 * (`table-<table-id>`). The numbers follow document order, so an edit that inserts a judgment
 * renumbers the ones after it; the anchor lock (anchorLock.ts) then asks for aliases.
 */

/** Which sections number their paragraphs or items, recognised by the heading's text. */
export type NumberedKind = 'kj' | 'rec';

const KEY_JUDGMENTS = /^key\s+judg(?:e)?ments?$/i;
const RECOMMENDATIONS = /\brecommendations?\b/i;

export function numberedKind(headingText: string): NumberedKind | undefined {
  const text = headingText.trim();
  if (KEY_JUDGMENTS.test(text)) return 'kj';
  if (RECOMMENDATIONS.test(text)) return 'rec';
  return undefined;
}

export function numberedId(kind: NumberedKind, n: number): string {
  return `${kind}-${n}`;
}

/** How the permalink controls name the target: "Link to key judgment 2", "Copy link to recommendation 3". */
export function numberedName(kind: NumberedKind, n: number): string {
  return `${kind === 'kj' ? 'key judgment' : 'recommendation'} ${n}`;
}

/**
 * The fragment id of a table, from its collection id ("<slug>/<table-id>"). DataTable.astro gives
 * the table this id; the link checker fails the build if the two ever disagree.
 */
export function tableAnchorId(tableId: string): string {
  return `table-${tableId.split('/').at(-1)}`;
}

/** Class and attribute names shared by the markup, the script, the lock and the tests. */
export const PERMALINK_CLASS = 'permalink-anchor';
export const ALIAS_CLASS = 'alias-target';
export const ALIAS_FOR = 'data-alias-for';

/**
 * The class of an element on a current page that stands in for a section an earlier version had
 * and this one removed (src/components/RemovedSections.astro): its id is still published, and it
 * leads to the "What changed" entry that says so.
 */
export const REMOVED_CLASS = 'removed-anchor';
