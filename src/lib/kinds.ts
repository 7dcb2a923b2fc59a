/**
 * Document kinds. Adding one is one entry here; the schema, the ingester's
 * `--kind` option, badges, citations and search filters all read this list.
 */
import { z } from 'astro/zod';

export const KIND_LABELS = {
  article: 'Article',
  assessment: 'Assessment',
  /** A short product of a few pages (a CRS "In Focus", a policy brief). */
  brief: 'Brief',
  /** A long, authored study (a think-tank report with an executive summary and findings). */
  report: 'Report',
} as const;

export const kindSchema = z.enum(Object.keys(KIND_LABELS) as [keyof typeof KIND_LABELS, ...(keyof typeof KIND_LABELS)[]]);
export type Kind = z.output<typeof kindSchema>;
export const KINDS = kindSchema.options;

export function kindLabel(kind: Kind): string {
  return KIND_LABELS[kind];
}
