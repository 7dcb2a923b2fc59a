/**
 * Keeping earlier versions of a document when a newer (or an older) version of its source is
 * ingested. The current page stays at content/assessments/<slug>.mdx; every earlier version
 * lives under content/revisions/<slug>/: <n>.mdx (front matter `version: n`, its own source and
 * tables), <n>.txt (the source, byte for byte) and <n>/tables/<id>.json.
 *
 * The planning functions are pure: given the versions on disk and the incoming one, they say
 * where each version goes (src/lib/revisions/order.ts decides the order), and they rewrite a page
 * into its stored form. Reading the versions and doing the switch belong to store.ts and cli.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { orderVersions, type VersionInput } from '../lib/revisions/order.ts';
import { readExistingMdx, sha256 } from './frontmatter.ts';
import type { PageSummary, UpdateTarget } from './updates.ts';

/** What ordering needs of one version: its bytes' digest and the dates it states. */
export interface VersionFacts {
  sha256: string;
  published?: string | undefined;
  updated?: string | undefined;
}

export type VersionPlan =
  /** The same bytes are already kept: `number` is the stored version, undefined for the current page. */
  | { kind: 'up-to-date'; number: number | undefined }
  | {
      kind: 'insert';
      /** The incoming version's number; when `current`, it becomes the current page instead. */
      number: number;
      current: boolean;
      /** Stored versions that move up one place to make room, highest first: from -> to. */
      renumber: { from: number; to: number }[];
      /** When the incoming version becomes current, the number the current page is stored under. */
      retireCurrentAs?: number | undefined;
    };

/**
 * Where an incoming version goes among `stored` (versions 1..k, in their present order) and the
 * current page. The stored versions and the current page keep their order among themselves (their
 * numbers only move up to make room), so a history already published never reshuffles; the
 * incoming one is placed by its stated date, else after everything ingested before it.
 */
export function planVersion(stored: readonly VersionFacts[], current: VersionFacts, incoming: VersionFacts): VersionPlan {
  const same = stored.findIndex((version) => version.sha256 === incoming.sha256);
  if (same >= 0) return { kind: 'up-to-date', number: same + 1 };
  if (current.sha256 === incoming.sha256) return { kind: 'up-to-date', number: undefined };
  const existing = [...stored, current];
  // The present position stands for the order of ingest of the versions already kept.
  const inputs: (VersionInput & { index: number })[] = [...existing, incoming].map((version, index) => ({
    sha256: version.sha256,
    ingested: index,
    index,
    ...(version.published === undefined ? {} : { published: version.published }),
    ...(version.updated === undefined ? {} : { updated: version.updated }),
  }));
  const ordered = orderVersions(inputs);
  // How many of the versions already kept come before it: its place in the kept sequence.
  const position = ordered.findIndex(({ version }) => version.index === existing.length);
  if (position >= existing.length) {
    return { kind: 'insert', number: existing.length + 1, current: true, renumber: [], retireCurrentAs: existing.length };
  }
  const renumber = [];
  for (let n = stored.length; n > position; n -= 1) renumber.push({ from: n, to: n + 1 });
  return { kind: 'insert', number: position + 1, current: false, renumber };
}

/** Paths of version `n` of `slug`, relative to the project root. */
export function revisionPaths(slug: string, n: number) {
  const dir = `content/revisions/${slug}`;
  return { mdx: `${dir}/${n}.mdx`, source: `${dir}/${n}.txt`, tables: `${dir}/${n}/tables` };
}

const TABLE_TAG = /<DataTable id="([^"]+)" \/>/g;
const tableName = (id: string) => id.split('/').at(-1)!;

/** js-yaml reads an unquoted date as a Date; front matter holds the ISO day. */
const isoDay = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

/**
 * A page (the current one as the ingester wrote it, or a stored version) rewritten as stored
 * version `n`: `version: n` after the slug, `source` pointing at <n>.txt, its tables and
 * `<DataTable>` ids at <slug>/<n>/tables/<id>, and no `generatedSha256` (a stored version is
 * not regenerated, so there is nothing to compare it with). Everything else stays as written,
 * editors' fields included.
 */
export function revisionPage(text: string, slug: string, n: number, sourceSha256: string): string {
  const match = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`the page of "${slug}" has no front matter block to keep as version ${n}`);
  const matter = yaml.load(match[1]!) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(matter)) {
    if (key === 'generatedSha256' || key === 'version') continue;
    if (key === 'source') out.source = { path: revisionPaths(slug, n).source, sha256: sourceSha256 };
    else if (key === 'tables') out.tables = (Array.isArray(value) ? value : []).map((id: string) => `${slug}/${n}/tables/${tableName(id)}`);
    else out[key] = isoDay(value);
    if (key === 'slug') out.version = n;
  }
  if (!('version' in out)) out.version = n;
  const body = match[2]!.replace(TABLE_TAG, (_, id: string) => `<DataTable id="${slug}/${n}/tables/${tableName(id)}" />`);
  return `---\n${yaml.dump(out, { lineWidth: -1, noRefs: true })}---\n${body}`;
}

/** One version on disk, as planning and the switch need it. */
export interface KeptVersion extends VersionFacts {
  /** Project-relative paths of its files. */
  mdx: string;
  source: string;
  /** Table file name -> project-relative path. */
  tables: Map<string, string>;
}

function facts(root: string, mdx: string, source: string, tablesDir: string): KeptVersion | undefined {
  let text: string;
  let bytes: Buffer;
  try {
    text = readFileSync(join(root, mdx), 'utf8');
    bytes = readFileSync(join(root, source));
  } catch {
    return undefined;
  }
  const matter = readExistingMdx(text).matter ?? {};
  const day = (value: unknown) => {
    const iso = isoDay(value);
    return typeof iso === 'string' ? iso : undefined;
  };
  const tables = new Map<string, string>();
  if (existsSync(join(root, tablesDir))) {
    for (const name of readdirSync(join(root, tablesDir)).filter((n) => n.endsWith('.json')).sort()) tables.set(name, `${tablesDir}/${name}`);
  }
  return { sha256: sha256(bytes), published: day(matter.published), updated: day(matter.updated), mdx, source, tables };
}

/**
 * The stored versions of `slug`, 1..k (a gap in the numbers is an error an editor must resolve,
 * since the site numbers versions the same way), and the current page, if there is one.
 */
export function keptVersions(root: string, slug: string): { stored: KeptVersion[]; current: KeptVersion | undefined } {
  const dir = join(root, 'content/revisions', slug);
  const numbers = existsSync(dir)
    ? readdirSync(dir)
        .map((name) => /^([1-9]\d*)\.mdx$/.exec(name)?.[1])
        .filter((n): n is string => n !== undefined)
        .map(Number)
        .sort((a, b) => a - b)
    : [];
  const stored: KeptVersion[] = [];
  for (const [index, n] of numbers.entries()) {
    const p = revisionPaths(slug, n);
    if (n !== index + 1) throw new Error(`content/revisions/${slug}/ has version ${n} but no version ${index + 1}; versions are numbered 1, 2, 3 ... without gaps: rename the files`);
    const version = facts(root, p.mdx, p.source, p.tables);
    if (!version) throw new Error(`${p.mdx} has no source ${p.source} beside it; restore it from version control`);
    stored.push(version);
  }
  const current = facts(root, `content/assessments/${slug}.mdx`, `content/sources/${slug}.txt`, `content/tables/${slug}`);
  return { stored, current };
}

/** A file to write (project-relative path -> bytes). */
export interface PlannedFile {
  file: string;
  data: string | Uint8Array;
}

/**
 * The files that renumbering the stored versions writes, and those it leaves behind (to remove
 * unless written again): version `from` rewritten as `to`, with its source and tables.
 */
export function renumberFiles(root: string, slug: string, stored: readonly KeptVersion[], moves: VersionPlan & { kind: 'insert' }): { write: PlannedFile[]; vacated: string[] } {
  const write: PlannedFile[] = [];
  const vacated: string[] = [];
  for (const { from, to } of moves.renumber) {
    const version = stored[from - 1]!;
    write.push(...storedFiles(root, slug, to, version));
    vacated.push(version.mdx, version.source, ...version.tables.values());
  }
  return { write, vacated };
}

/** The files of `version` (on disk) stored as version `n`. */
export function storedFiles(root: string, slug: string, n: number, version: KeptVersion): PlannedFile[] {
  const p = revisionPaths(slug, n);
  return [
    { file: p.mdx, data: revisionPage(readFileSync(join(root, version.mdx), 'utf8'), slug, n, version.sha256) },
    { file: p.source, data: readFileSync(join(root, version.source)) },
    ...[...version.tables].map(([name, path]) => ({ file: `${p.tables}/${name}`, data: readFileSync(join(root, path)) })),
  ];
}

/** The incoming version's own files, as the ingester planned them for the current page, stored as version `n`. */
export function incomingStoredFiles(slug: string, n: number, doc: { mdx: string; source: Uint8Array; sourceSha256: string; tables: readonly { id: string; text: string }[] }): PlannedFile[] {
  const p = revisionPaths(slug, n);
  return [
    { file: p.mdx, data: revisionPage(doc.mdx, slug, n, doc.sourceSha256) },
    { file: p.source, data: doc.source },
    ...doc.tables.map((table) => ({ file: `${p.tables}/${table.id}.json`, data: table.text })),
  ];
}

const normal = (text: string | undefined) => text?.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const latest = (facts: { published?: string | undefined; updated?: string | undefined }) =>
  [facts.published, facts.updated].filter((d): d is string => d !== undefined).sort().at(-1);

export interface VersionQuestion {
  /** The page now under the slug the source is aimed at. */
  page: PageSummary;
  /** The incoming source's facts (its file name as `sourceName`). */
  planned: PageSummary;
  /** What findUpdateTarget made of the source. */
  updateOf?: UpdateTarget | undefined;
  /** `--update <slug>` named this page. */
  update: boolean;
  /** `--slug` named this page. */
  slugGiven: boolean;
  /** The source is the page's own copy under content/sources/, edited. */
  ownCopy: boolean;
}

/**
 * Whether a source aimed at an existing page is another version of its document (kept beside
 * it) rather than the same source, a correction of the current version (which replaces it, as
 * before versions were kept) or a different document (refused). `--update` says so outright; a
 * report number or title shared with the page says so for the page found by findUpdateTarget or
 * named with --slug; the same title from a file of the same name, not dated later, is a correction.
 */
export function isNewVersion(q: VersionQuestion): boolean {
  if (q.page.sourceSha256 === q.planned.sourceSha256 || q.ownCopy) return false;
  if (q.update) return true;
  if (q.updateOf?.slug === q.page.slug) return q.updateOf.kind === 'version';
  if (!q.slugGiven) return false;
  const sameTitle = normal(q.page.title) === normal(q.planned.title);
  const later = latest(q.planned) !== undefined && (latest(q.page) === undefined || latest(q.planned)! > latest(q.page)!);
  if (sameTitle && q.page.sourceName !== undefined && q.page.sourceName === q.planned.sourceName && !later) return false;
  return sameTitle || (q.page.identifier !== undefined && normal(q.page.identifier) === normal(q.planned.identifier));
}
