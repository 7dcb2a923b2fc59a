/**
 * The two id rules as bare patterns, without zod, so browser code (search state) can check ids
 * without bundling a schema library. src/lib/ids.ts builds the schemas from these; import from
 * there everywhere else.
 */

/** Slugs and vocabulary ids: lowercase ASCII words joined by single hyphens ("north-korea"). */
export const SLUG_SOURCE = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const SLUG_PATTERN = new RegExp(`^${SLUG_SOURCE}$`);

/**
 * A fragment id on a page (a heading, `kj-2`, `table-budget`): github-slugger's output over the
 * heading text, which keeps letters of every script and may double a hyphen ("outlook--2025").
 * It only has to be non-empty and free of white space and "#".
 */
export const FRAGMENT_SOURCE = '[^\\s#]+';
export const FRAGMENT_PATTERN = new RegExp(`^${FRAGMENT_SOURCE}$`);

/**
 * Endnote anchors (src/ingest/notes.ts writes them, the content guard admits only these): a note
 * is `note-3`, the first citation of it `note-ref-3`, a further one `note-ref-3-2`.
 */
export const noteId = (number: number) => `note-${number}`;
export const noteReferenceId = (number: number, count: number) => (count === 1 ? `note-ref-${number}` : `note-ref-${number}-${count}`);
export const NOTE_ID_PATTERN = /^note-[1-9]\d{0,2}$/;
export const NOTE_REFERENCE_PATTERN = /^note-ref-[1-9]\d{0,2}(?:-[1-9]\d{0,2})?$/;
