/**
 * The fragment ids a document page publishes, besides its section headings: one per judgment of
 * the summary section (`kj-1`, `kj-2`, ...), per recommendation (`rec-1`, ...) and per table
 * (`table-<table-id>`). The numbers follow document order, so an edit that inserts a judgment
 * renumbers the ones after it; the anchor lock (anchorLock.ts) then asks for aliases.
 */
import type { Role } from './roles.ts';

/** Which sections number their paragraphs or items. */
export type NumberedKind = 'kj' | 'rec';

/**
 * Sections number their parts by role (src/lib/roles.ts), whatever the heading says: a summary
 * headed "Key Judgements" or "Bottom Line Up Front" gets `kj-N` like "Key Judgments".
 */
const NUMBERED_BY_ROLE: Partial<Record<Role, NumberedKind>> = { summary: 'kj', recommendations: 'rec' };

export function numberedKind(role: Role | undefined): NumberedKind | undefined {
  return role === undefined ? undefined : NUMBERED_BY_ROLE[role];
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
