/**
 * Where the earlier versions of documents are kept (src/ingest/revisions.ts writes them): the
 * folder and the files the `revisions` and `revisionTables` collections load, read by
 * src/content.config.ts and src/data/revisions.ts.
 */
import { globSync } from 'node:fs';
import { join } from 'node:path';

/** Relative to the project root. */
export const REVISIONS_DIR = 'content/revisions';
/** <slug>/<n>.mdx, relative to REVISIONS_DIR. */
export const REVISION_PAGES = '*/*.mdx';
/** <slug>/<n>/tables/<id>.json, relative to REVISIONS_DIR. */
export const REVISION_TABLES = '*/*/tables/*.json';

/**
 * Whether any file matches `pattern` in the revisions folder of the project at `root`. An
 * archive where no report has been reissued yet has none, or no folder at all: that is the
 * usual case, not a mistake.
 */
export function hasRevisionFiles(root: string, pattern: string): boolean {
  return globSync(pattern, { cwd: join(root, REVISIONS_DIR) }).length > 0;
}
