/**
 * The content directory on disk: finding an earlier page of a source, refusing to overwrite an
 * editor's changes or another source's slug, and switching one document's files from old to new
 * so that a run killed at any moment leaves the document whole, old or new.
 *
 * Writes go through `content/.ingest-staging/`: every new file of a document is written there,
 * then a journal naming each move and removal is renamed into place (the commit point), then the
 * moves are done and the journal deleted. The next run completes a journal it finds (every
 * step can be repeated) and deletes staged files without one (the document stays old).
 *
 * `content/generated/<slug>.json` records the original file name of the page's source and a
 * digest of each table file as generated (without its `chart`, which editors may choose), so a
 * re-run can tell which table files an editor has changed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { kindSchema } from '../lib/kinds.ts';
import { readExistingMdx, sha256 } from './frontmatter.ts';
import type { PlannedDocument, Previous } from './ingest.ts';
import type { PageSummary } from './updates.ts';

export const STAGING = '.ingest-staging';
const JOURNAL = 'journal.json';

export function contentDir(root: string): string {
  return join(root, 'content');
}

export function paths(root: string, slug: string) {
  const content = contentDir(root);
  return {
    mdx: join(content, 'assessments', `${slug}.mdx`),
    source: join(content, 'sources', `${slug}.txt`),
    tables: join(content, 'tables', slug),
    manifest: join(content, 'generated', `${slug}.json`),
  };
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A table's data file as it is on disk, parsed; undefined when it is missing or not JSON. */
export function readExistingTable(root: string, slug: string, id: string): unknown {
  return parseJson(readText(join(paths(root, slug).tables, `${id}.json`)));
}

/** What the last run recorded about a page's generated files. */
export interface Manifest {
  /** The file name the source had when it was ingested (`report.txt`). */
  source: string;
  /** `tables/<slug>/<id>.json` -> digest of the file as generated (see tableDigest). */
  files: Record<string, string>;
}

export function readManifest(root: string, slug: string): Manifest | undefined {
  const data = parseJson(readText(paths(root, slug).manifest)) as Partial<Manifest> | undefined;
  if (!data || typeof data.source !== 'string' || typeof data.files !== 'object' || data.files === null) return undefined;
  return { source: data.source, files: data.files };
}

/**
 * A table file's digest, its chart left out (an editor's chart is kept by keepEditorChart, not
 * refused) and its layout ignored (re-indenting is not an edit). Undefined when it is not JSON.
 */
export function tableDigest(text: string): string | undefined {
  const data = parseJson(text);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const { chart: _chart, ...rest } = data as Record<string, unknown>;
  return sha256(JSON.stringify(rest));
}

function manifestText(doc: PlannedDocument, name: string): string {
  const files: Record<string, string> = {};
  for (const table of [...doc.tables].sort((a, b) => a.id.localeCompare(b.id))) {
    files[`tables/${doc.slug}/${table.id}.json`] = tableDigest(table.text)!;
  }
  return `${JSON.stringify({ source: name, files } satisfies Manifest, null, 2)}\n`;
}

function previousOf(file: string, matter: Record<string, unknown>): Previous & { file: string } {
  const kind = kindSchema.safeParse(matter.kind).data;
  return { file, slug: matter.slug as string, title: matter.title as string, titleProvisional: matter.titleProvisional === true, kind, matter };
}

/**
 * The page an earlier run made from this source: the page whose source has this sha256, or, when
 * `input` is a page's own copy under content/sources/ (edited there and ingested again), that page.
 */
export function findPrevious(root: string, sourceSha256: string, input?: string): (Previous & { file: string }) | undefined {
  const dir = join(contentDir(root), 'assessments');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.mdx')).sort();
  } catch {
    return undefined;
  }
  const copy = input === undefined ? undefined : relative(join(contentDir(root), 'sources'), resolve(input));
  let byCopy: (Previous & { file: string }) | undefined;
  for (const name of names) {
    const file = join(dir, name);
    const { matter } = readExistingMdx(readText(file) ?? '');
    if (typeof matter?.slug !== 'string' || typeof matter.title !== 'string') continue;
    const source = matter.source as { sha256?: unknown } | undefined;
    if (source?.sha256 === sourceSha256) return previousOf(file, matter);
    if (copy === `${matter.slug}.txt`) byCopy = previousOf(file, matter);
  }
  return byCopy;
}

const isoDay = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value : undefined);

/**
 * Every page's slug, source and stated facts, read once per run: the slugs other sources hold
 * (so a new slug avoids them) and the pages a newer version of a source would update.
 */
export function publishedPages(root: string): PageSummary[] {
  const dir = join(contentDir(root), 'assessments');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.mdx')).sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const { matter } = readExistingMdx(readText(join(dir, name)) ?? '');
    const source = matter?.source as { sha256?: unknown } | undefined;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return {
      slug: name.slice(0, -'.mdx'.length),
      sourceSha256: text(source?.sha256) ?? '',
      title: text(matter?.title) ?? '',
      identifier: text(matter?.identifier) ?? text(matter?.reference),
      published: isoDay(matter?.published),
      updated: isoDay(matter?.updated),
      sourceName: readManifest(root, name.slice(0, -'.mdx'.length))?.source,
    };
  });
}

/** The slugs a new page of the source with this sha256 must not take. */
export function takenSlugs(pages: readonly PageSummary[], sourceSha256: string, thisRun: Iterable<string>): Set<string> {
  return new Set([...pages.filter((page) => page.sourceSha256 !== sourceSha256).map((page) => page.slug), ...thisRun]);
}

export type Verdict = { ok: true; notes: string[] } | { ok: false; reason: string };

export interface TargetOptions {
  force: boolean;
  /** The source's file name (`report.txt`). */
  name: string;
  /** The source's path as given, resolved. */
  input: string;
  relative: (p: string) => string;
}

/** Table files of `slug` an editor has changed since the last run wrote them, beyond the chart. */
function editedTables(root: string, doc: PlannedDocument, manifest: Manifest | undefined, sameSource: boolean): string[] {
  const dir = paths(root, doc.slug).tables;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const planned = new Map(doc.tables.map((t) => [`${t.id}.json`, t.text]));
  const edited: string[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const digest = tableDigest(readText(file) ?? '');
    const recorded = manifest?.files[`tables/${doc.slug}/${name}`];
    if (recorded !== undefined) {
      if (digest !== recorded) edited.push(file);
    } else if (digest === undefined) {
      edited.push(file);
    } else if (manifest === undefined && sameSource) {
      // Written before digests were recorded: the same source gives the same table, so any other
      // difference is an editor's.
      const fresh = planned.get(name);
      if (fresh === undefined || tableDigest(fresh) !== digest) edited.push(file);
    } else if (manifest !== undefined) {
      // Not written by the ingester at all: an editor added it.
      edited.push(file);
    }
  }
  return edited;
}

/**
 * Whether the planned document may be written: a page or table file edited by hand, or a page of
 * a different source under the same slug, is only replaced with --force. A changed source of the
 * same page (same slug, title and file name, or its own copy under content/sources/) updates it.
 */
export function checkTarget(root: string, doc: PlannedDocument, options: TargetOptions): Verdict {
  const { force, relative: rel } = options;
  const p = paths(root, doc.slug);
  const existing = readText(p.mdx);
  if (existing === undefined) return { ok: true, notes: [] };
  const { matter, untouched } = readExistingMdx(existing);
  const manifest = readManifest(root, doc.slug);
  const notes: string[] = [];
  const source = matter?.source as { sha256?: unknown; path?: unknown } | undefined;
  const sameSource = source?.sha256 === doc.sourceSha256;
  if (!sameSource) {
    const ownCopy = resolve(options.input) === p.source;
    // Fixtures and exports are often all called "report.txt": a name alone does not make a page
    // the same, the title has to match too.
    const sameTitle = typeof matter?.title === 'string' && matter.title === doc.frontMatter.title;
    const sameName = manifest === undefined || manifest.source === options.name;
    if (ownCopy || (sameTitle && sameName)) {
      notes.push(`the source changed since ${rel(p.mdx)} was generated: updating that page from the new text`);
    } else if (!force) {
      return {
        ok: false,
        reason: `the slug "${doc.slug}" is already used by another source (${rel(p.mdx)}, from ${String(source?.path ?? 'an unknown source')}); choose another with --slug, or replace that page with --force`,
      };
    } else {
      notes.push(`replaced ${rel(p.mdx)}, which came from another source (--force)`);
    }
  }
  const edited = [...(!untouched && existing !== doc.mdx ? [p.mdx] : []), ...editedTables(root, doc, manifest, sameSource)];
  if (edited.length > 0) {
    if (!force) {
      return {
        ok: false,
        reason: `changed by hand since they were generated, so nothing was overwritten: ${edited.map(rel).join(', ')}. Move the edits into the source and ingest it again, or pass --force to replace these files`,
      };
    }
    for (const file of edited) notes.push(`replaced ${rel(file)}, which had been edited by hand (--force)`);
  }
  return { ok: true, notes };
}

/** Whether the page at `file` is exactly as the ingester wrote it. */
export function isUntouched(file: string): boolean {
  return readExistingMdx(readText(file) ?? '').untouched;
}

/** Every file of a page: what retiring it removes. */
function filesOf(root: string, slug: string): string[] {
  const p = paths(root, slug);
  const files = [p.mdx, p.source, p.manifest].filter((f) => existsSync(f));
  if (existsSync(p.tables)) files.push(...readdirSync(p.tables).sort().map((n) => join(p.tables, n)));
  return files;
}

export interface Written {
  written: string[];
  unchanged: string[];
  removed: string[];
}

interface Journal {
  slug: string;
  /** Paths relative to content/: staged file -> its place. */
  moves: { from: string; to: string }[];
  removes: string[];
}

function applyJournal(content: string, journal: Journal): void {
  for (const { from, to } of journal.moves) {
    const staged = join(content, from);
    if (!existsSync(staged)) continue; // moved before the interruption
    mkdirSync(dirname(join(content, to)), { recursive: true });
    renameSync(staged, join(content, to));
  }
  for (const file of journal.removes) rmSync(join(content, file), { force: true });
  // A page's table folder goes once it holds nothing.
  for (const dir of new Set(journal.removes.map((f) => dirname(join(content, f))))) {
    if (dir.startsWith(join(content, 'tables') + '/') && existsSync(dir) && readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
  }
}

/**
 * Finishes what an interrupted run left: completes a committed switch, drops staged files that
 * were never committed, and deletes the temporary files of earlier versions of the ingester.
 * Returns one line per thing done. Call it holding the lock.
 */
export function recover(root: string): string[] {
  const content = contentDir(root);
  const staging = join(content, STAGING);
  const notes: string[] = [];
  const journalFile = join(staging, JOURNAL);
  const journal = parseJson(readText(journalFile)) as Journal | undefined;
  if (journal && Array.isArray(journal.moves) && Array.isArray(journal.removes)) {
    applyJournal(content, journal);
    notes.push(`completed the interrupted write of "${journal.slug}" (an earlier run was stopped while switching its files)`);
  }
  if (existsSync(staging)) {
    const left = readdirSync(staging).filter((n) => n !== JOURNAL && n !== `${JOURNAL}.tmp`);
    if (left.length > 0 && !journal) notes.push(`removed ${left.length} unfinished file(s) of an interrupted run from ${STAGING}/; the pages they were for are unchanged`);
    rmSync(staging, { recursive: true, force: true });
  }
  // Versions before the staging folder wrote `.PID.N.ingest-tmp` beside each file.
  const stray: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ingest-tmp')) stray.push(path);
    }
  };
  if (existsSync(content)) walk(content);
  for (const file of stray) rmSync(file, { force: true });
  if (stray.length > 0) notes.push(`removed ${stray.length} temporary file(s) (*.ingest-tmp) an interrupted run left in content/`);
  return notes;
}

export interface WriteOptions {
  /** The source's file name, recorded in the manifest. */
  name: string;
  /** The slug of an earlier page of this source that this document replaces (provisional title). */
  retire?: string | undefined;
}

/**
 * Writes the source copy, the table files, the manifest and the page, and removes the table files
 * the document no longer has (and the retired page), as one switch: see the top of this file.
 */
export function writeDocument(root: string, doc: PlannedDocument, options: WriteOptions): Written {
  const content = contentDir(root);
  const staging = join(content, STAGING);
  const p = paths(root, doc.slug);
  const planned: { file: string; data: string | Uint8Array }[] = [
    { file: p.source, data: doc.source },
    ...doc.tables.map((t) => ({ file: join(p.tables, `${t.id}.json`), data: t.text })),
    { file: p.manifest, data: manifestText(doc, options.name) },
    { file: p.mdx, data: doc.mdx },
  ];
  const result: Written = { written: [], unchanged: [], removed: [] };
  const journal: Journal = { slug: doc.slug, moves: [], removes: [] };
  // A switch that failed midway still needs its staged files: never write over them.
  if (existsSync(join(staging, JOURNAL))) throw new Error('an earlier switch of this run could not be completed; fix its cause and run the ingester again, which completes it first');
  mkdirSync(staging, { recursive: true });
  try {
    for (const { file, data } of planned) {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
      const current = existsSync(file) && statSync(file).size === bytes.length ? readFileSync(file) : undefined;
      if (current && current.equals(bytes)) {
        result.unchanged.push(file);
        continue;
      }
      const staged = join(staging, `${journal.moves.length}.new`);
      writeFileSync(staged, bytes);
      journal.moves.push({ from: relative(content, staged), to: relative(content, file) });
      result.written.push(file);
    }
    const keep = new Set(planned.map((f) => f.file));
    const stale = existsSync(p.tables) ? readdirSync(p.tables).sort().map((n) => join(p.tables, n)).filter((f) => f.endsWith('.json') && !keep.has(f)) : [];
    if (options.retire !== undefined && options.retire !== doc.slug) stale.push(...filesOf(root, options.retire));
    journal.removes = stale.map((f) => relative(content, f));
    result.removed = stale;
    if (journal.moves.length === 0 && journal.removes.length === 0) return result;
    // The commit point: once journal.json exists the document is new, whatever happens next.
    writeFileSync(join(staging, `${JOURNAL}.tmp`), JSON.stringify(journal));
    renameSync(join(staging, `${JOURNAL}.tmp`), join(staging, JOURNAL));
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  applyJournal(content, journal);
  rmSync(join(staging, JOURNAL));
  return result;
}

/**
 * Removes the staging folder at the end of a run, unless a committed journal is still in it (a
 * switch failed midway, say on a full disk): the next run must complete that one.
 */
export function finish(root: string): void {
  const staging = join(contentDir(root), STAGING);
  if (!existsSync(join(staging, JOURNAL))) rmSync(staging, { recursive: true, force: true });
}
