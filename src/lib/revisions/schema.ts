/**
 * What an earlier version's front matter adds to, or changes in, the assessments schema: its
 * number, its own source text beside it, and its own frozen tables (the current ones may have
 * changed or gone). Shared by src/content.config.ts and the code that writes revisions.
 */
import { z } from 'astro/zod';

/** content/revisions/<slug>/<n>.txt: the source of version n, byte for byte. */
export const REVISION_SOURCE = /^content\/revisions\/[^/]+\/[1-9]\d*\.txt$/;

export const revisionFields = {
  /** 1 for the oldest; the current page is the version after the highest. */
  version: z.number().int().min(1),
  source: z.object({
    path: z.string().regex(REVISION_SOURCE, 'point at the original beside it: content/revisions/<slug>/<n>.txt'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256 of the original file'),
  }),
  /** Ids in the revisionTables collection: "<slug>/<n>/tables/<table-id>". */
  tables: z.array(z.string().regex(/^[^/]+\/[1-9]\d*\/tables\/[^/]+$/, 'use "<slug>/<n>/tables/<table-id>"')).default([]),
};
