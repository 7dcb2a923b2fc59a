/**
 * The two id rules every URL of the site follows. Schemas, the ingester, the anchor lock, related
 * links and search state all read them from here.
 */
import { z } from 'astro/zod';

/** Slugs and vocabulary ids: lowercase ASCII words joined by single hyphens ("north-korea"). */
export const SLUG_SOURCE = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const SLUG_PATTERN = new RegExp(`^${SLUG_SOURCE}$`);

export const slugSchema = z
  .string()
  .regex(SLUG_PATTERN, 'use lowercase letters, digits and single hyphens (for example "north-korea")');

/**
 * A fragment id on a page (a heading, `kj-2`, `table-budget`): github-slugger's output over the
 * heading text, which keeps letters of every script and may double a hyphen ("outlook--2025").
 * It only has to be non-empty and free of white space and "#".
 */
export const FRAGMENT_SOURCE = '[^\\s#]+';
export const FRAGMENT_PATTERN = new RegExp(`^${FRAGMENT_SOURCE}$`);

export const fragmentIdSchema = z
  .string()
  .regex(FRAGMENT_PATTERN, 'use the id as it appears after "#" in the page address (no spaces, no "#")');
