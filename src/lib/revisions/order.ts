/**
 * The order of the versions of one document. A version's date is the one it states (its
 * "Updated ..." date, else its publication date); versions without a stated date keep the
 * order they were ingested in. So an older version ingested after a newer one takes its place
 * in the history instead of becoming current, and the same sources give the same numbers
 * whatever order a batch lists them in, as long as they state dates. A byte-identical source
 * (same sha256) is one version, however often it is ingested.
 */
import { z } from 'astro/zod';

const isoDate = z.iso.date().or(z.iso.datetime({ offset: true }));

export const versionInputSchema = z.object({
  /** sha256 of the source text: two sources with the same hash are the same version. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256 of the source'),
  /** Position in the order of ingest, from 0; earlier ingests have lower numbers. */
  ingested: z.number().int().min(0),
  published: isoDate.optional(),
  updated: isoDate.optional(),
});

export type VersionInput = z.output<typeof versionInputSchema>;

export interface OrderedVersion<T extends VersionInput> {
  /** 1 for the oldest; the current version has the highest number. */
  number: number;
  version: T;
}

/** The date a version states for itself: its update, else its publication; undefined when it states none. */
export function statedDate(version: VersionInput): string | undefined {
  return (version.updated ?? version.published)?.slice(0, 10);
}

/**
 * Versions oldest first, numbered from 1. Dated versions are ordered by date (a tie keeps
 * ingest order); an undated version stays right after the version ingested before it.
 */
export function orderVersions<T extends VersionInput>(versions: readonly T[]): OrderedVersion<T>[] {
  const byIngest = [...versions].sort((a, b) => a.ingested - b.ingested);
  const unique: T[] = [];
  const seen = new Set<string>();
  for (const version of byIngest) {
    if (seen.has(version.sha256)) continue; // the first ingest of identical bytes is the one kept
    seen.add(version.sha256);
    unique.push(version);
  }

  const ordered: T[] = [];
  for (const version of unique) {
    const date = statedDate(version);
    if (date === undefined) {
      ordered.push(version);
      continue;
    }
    // Insert before the first dated version that is later; undated ones keep their neighbours.
    let at = ordered.length;
    for (let k = 0; k < ordered.length; k += 1) {
      const other = statedDate(ordered[k]!);
      if (other !== undefined && other > date) {
        at = k;
        break;
      }
    }
    ordered.splice(at, 0, version);
  }
  return ordered.map((version, index) => ({ number: index + 1, version }));
}

/** The current version: the last in order. */
export function currentVersion<T extends VersionInput>(versions: readonly T[]): OrderedVersion<T> | undefined {
  return orderVersions(versions).at(-1);
}
