/**
 * Links that survive edits. The committed lock file records, per page, every fragment id ever
 * published. A build compares it with the ids the pages have now: an id that disappeared must be
 * mapped by an alias in the page's front matter (`aliases: { old-id: new-id }`), which keeps the
 * old link working by sending it to the new section. Ids are never removed from the lock, so an
 * alias can never be dropped later either.
 *
 * Pure logic: reading and writing the file, and failing the build, belong to the caller.
 */
import { z } from 'astro/zod';
import { FRAGMENT_PATTERN } from './ids.ts';

/** Front matter `aliases`: old id -> current id, each written as it appears after "#" in the URL. */
export const aliasesSchema = z
  .record(z.string(), z.string().regex(FRAGMENT_PATTERN, 'point the alias at a current id of this page, as it appears after "#" (no spaces, no "#")'))
  // Checked here rather than in the key schema, whose failures zod reports only as "Invalid key".
  .superRefine((aliases, ctx) => {
    for (const old of Object.keys(aliases)) {
      if (!FRAGMENT_PATTERN.test(old)) ctx.addIssue({ code: 'custom', path: [old], message: `write the old id "${old}" as it appeared after "#" in the URL (no spaces, no "#")` });
    }
  });

/** Page key (usually the document slug) -> every id ever published on it, sorted. */
export type AnchorLock = Record<string, string[]>;

export const anchorLockSchema = z.record(z.string().min(1), z.array(z.string().min(1)));

export interface LockViolation {
  page: string;
  kind: 'lost-ids' | 'alias-to-missing-id' | 'alias-shadows-current-id' | 'page-removed';
  /** The ids concerned (lost ids, or the old ids of the faulty aliases). */
  ids: string[];
  message: string;
}

export interface LockResult {
  /** The lock to write: the old one plus every current id. Keys and ids sorted. */
  lock: AnchorLock;
  violations: LockViolation[];
  /** True when `lock` differs from the committed one (new ids or pages to commit). */
  changed: boolean;
}

export interface LockOptions {
  /** Where the lock file lives, for messages. */
  lockFile?: string;
  /** The front matter file of a page, for messages. */
  fileFor?: (page: string) => string;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort(compare);
const list = (ids: string[]) => ids.map((id) => `#${id}`).join(', ');

/**
 * Checks the current pages against the committed lock and returns the updated lock.
 * `current`: page -> the ids it has now. `aliases`: page -> { old id: current id }.
 */
export function updateAnchorLock(
  committed: AnchorLock,
  current: Record<string, readonly string[]>,
  aliases: Record<string, Record<string, string> | undefined> = {},
  options: LockOptions = {},
): LockResult {
  const lockFile = options.lockFile ?? 'anchors.lock.json';
  const fileFor = options.fileFor ?? ((page: string) => `content/assessments/${page}.mdx`);
  const violations: LockViolation[] = [];
  const lock: AnchorLock = {};

  for (const page of sorted([...Object.keys(committed), ...Object.keys(current)])) {
    const published = committed[page] ?? [];
    const now = current[page];
    if (now === undefined) {
      // Keep the page in the lock: deleting its entry must be a deliberate, reviewed edit.
      lock[page] = sorted(published);
      violations.push({
        page,
        kind: 'page-removed',
        ids: sorted(published),
        message: `${page}: the page is gone but it was published with the anchors ${list(sorted(published))}. Restore ${fileFor(page)}, or, if removing it is intended, delete "${page}" from ${lockFile} in the same commit.`,
      });
      continue;
    }
    const nowSet = new Set(now);
    const pageAliases = aliases[page] ?? {};
    const file = fileFor(page);

    const badTargets = Object.entries(pageAliases).filter(([, target]) => !nowSet.has(target));
    if (badTargets.length > 0) {
      violations.push({
        page,
        kind: 'alias-to-missing-id',
        ids: sorted(badTargets.map(([old]) => old)),
        message: `${page}: ${badTargets
          .sort(([a], [b]) => compare(a, b))
          .map(([old, target]) => `the alias ${old} -> ${target}`)
          .join(', ')} ${badTargets.length === 1 ? 'points' : 'point'} at an id this page does not have. In the front matter of ${file}, point each alias at a current id: ${list(sorted(now))}.`,
      });
    }

    const shadowing = Object.keys(pageAliases).filter((old) => nowSet.has(old));
    if (shadowing.length > 0) {
      violations.push({
        page,
        kind: 'alias-shadows-current-id',
        ids: sorted(shadowing),
        message: `${page}: ${list(sorted(shadowing))} ${shadowing.length === 1 ? 'is' : 'are'} still ${shadowing.length === 1 ? 'an id' : 'ids'} of the page, so an alias for ${shadowing.length === 1 ? 'it' : 'them'} would never apply. Remove ${shadowing.length === 1 ? 'that alias' : 'those aliases'} from the front matter of ${file}.`,
      });
    }

    const lost = sorted(published.filter((id) => !nowSet.has(id) && !(id in pageAliases)));
    if (lost.length > 0) {
      const example = `aliases: { ${lost.map((id) => `${id}: <new-id>`).join(', ')} }`;
      violations.push({
        page,
        kind: 'lost-ids',
        ids: lost,
        message: `${page}: ${lost.length === 1 ? 'the published anchor' : 'the published anchors'} ${list(lost)} ${lost.length === 1 ? 'is' : 'are'} gone, so links to ${lost.length === 1 ? 'it' : 'them'} would break. Add \`${example}\` to the front matter of ${file}, replacing <new-id> with the id of the section that now holds that content (current ids: ${list(sorted(now))}).`,
      });
    }

    lock[page] = sorted([...published, ...now]);
  }

  const changed = JSON.stringify(lock) !== JSON.stringify(normalise(committed));
  return { lock, violations, changed };
}

function normalise(lock: AnchorLock): AnchorLock {
  const out: AnchorLock = {};
  for (const page of sorted(Object.keys(lock))) out[page] = sorted(lock[page] ?? []);
  return out;
}

/** The lock as committed: sorted keys and ids, two-space indent, final newline (stable diffs). */
export function serializeAnchorLock(lock: AnchorLock): string {
  return `${JSON.stringify(normalise(lock), null, 2)}\n`;
}

/** Parses the committed lock; a broken file fails with its name and the reason. */
export function parseAnchorLock(text: string, lockFile = 'anchors.lock.json'): AnchorLock {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${lockFile}: not valid JSON (${(error as Error).message}). Restore it from version control; it is written by the build.`);
  }
  const result = anchorLockSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const at = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new Error(`${lockFile}${at}: ${issue.message}. It should map each page to the list of its ids, for example { "my-page": ["intro", "key-judgments"] }.`);
  }
  return normalise(result.data);
}

/** Where an id of a page leads now: itself, its alias target, or nothing. */
export function resolveAnchor(id: string, currentIds: readonly string[], pageAliases: Record<string, string> = {}): string | undefined {
  if (currentIds.includes(id)) return id;
  const target = pageAliases[id];
  return target !== undefined && currentIds.includes(target) ? target : undefined;
}
