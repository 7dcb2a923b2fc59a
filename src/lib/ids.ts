/**
 * The two id rules every URL of the site follows. Schemas, the ingester, the anchor lock, related
 * links and search state all read them from here (the bare patterns live in idPatterns.ts, which
 * browser code imports so as not to bundle zod).
 */
import { z } from 'astro/zod';
import { FRAGMENT_PATTERN, SLUG_PATTERN } from './idPatterns.ts';

export { FRAGMENT_PATTERN, FRAGMENT_SOURCE, NOTE_ID_PATTERN, NOTE_REFERENCE_PATTERN, noteId, noteReferenceId, SLUG_PATTERN, SLUG_SOURCE } from './idPatterns.ts';

export const slugSchema = z
  .string()
  .regex(SLUG_PATTERN, 'use lowercase letters, digits and single hyphens (for example "north-korea")');

export const fragmentIdSchema = z
  .string()
  .regex(FRAGMENT_PATTERN, 'use the id as it appears after "#" in the page address (no spaces, no "#")');

