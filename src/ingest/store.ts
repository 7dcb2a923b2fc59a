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
import type { DerivedCaption } from './tables.ts';
import type { PlannedFile } from './revisions.ts';
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
  /** `tables/<slug>/<id>.json` -> the title and caption the ingester derived, to tell an editor's from them. */
  captions?: Record<string, DerivedCaption>;
}

export function readManifest(root: string, slug: string): Manifest | undefined {
  const data = parseJson(readText(paths(root, slug).manifest)) as Partial<Manifest> | undefined;
  if (!data || typeof data.source !== 'string' || typeof data.files !== 'object' || data.files === null) return undefined;
  const captions = typeof data.captions === 'object' && data.captions !== null ? data.captions : undefined;
  return { source: data.source, files: data.files, ...(captions ? { captions } : {}) };
}

/**
 * A table file's digest, its chart, title and caption left out (an editor's are kept by
 * keepEditorChart and keepEditorCaption, not refused) and its layout ignored (re-indenting is not
 * an edit). Undefined when it is not JSON. `legacy`: the digest manifests recorded before titles
 * and captions were kept, which left out only the chart.
 */
export function tableDigest(text: string, legacy = false): string | undefined {
  const data = parseJson(text);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const { chart: _chart, title, caption, ...rest } = data as Record<string, unknown>;
  return sha256(JSON.stringify(legacy ? { title, caption, ...rest } : rest));
}

function manifestText(doc: PlannedDocument, name: string): string {
  const files: Record<string, string> = {};
  for (const table of [...doc.tables].sort((a, b) => a.id.localeCompare(b.id))) {
    files[`tables/${doc.slug}/${table.id}.json`] = tableDigest(table.text)!;
  }
  const captions: Record<string, DerivedCaption> = {};
  for (const table of [...doc.tables].sort((a, b) => a.id.localeCompare(b.id))) captions[`tables/${doc.slug}/${table.id}.json`] = table.derived;
  return `${JSON.stringify({ source: name, files, captions } satisfies Manifest, null, 2)}\n`;
}

function previousOf(file: string, matter: Record<string, unknown>): Previous & { file: string } {
  const kind = kindSchema.safeParse(matter.kind).data;
  return { file, slug: matter.slug as string, title: matter.title as string, titleProvisional: matter.titleProvisional === true, kind, matter };
}

const isoDay = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value : undefined);

/**
 * The pages already published, read once per run: every page's slug, source and stated facts
 * (the slugs other sources hold, so a new slug avoids them, and the pages a newer version of a
 * source would update), and an index to find the page an earlier run made from a source. A run
 * of many files asks it once per file; reading every page again each time would make a run's
 * cost grow with the square of the archive.
 */
export interface Archive {
  pages: PageSummary[];
  /**
   * The page an earlier run made from this source: the page whose source has this sha256, or,
   * when `input` is a page's own copy under content/sources/ (edited there and ingested again),
   * that page.
   */
  previous(sourceSha256: string, input?: string): (Previous & { file: string }) | undefined;
  /** Records a page this run wrote (and the one it retired), so later files of the run see it. */
  wrote(page: PageSummary, retired?: string | undefined): void;
}

export function readArchive(root: string): Archive {
  const dir = join(contentDir(root), 'assessments');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.mdx')).sort();
  } catch {
    names = [];
  }
  // By source digest and by the slug the front matter gives: file names, kept in name order.
  const bySha = new Map<string, Set<string>>();
  const bySlug = new Map<string, Set<string>>();
  const add = (index: Map<string, Set<string>>, key: string, name: string) => index.set(key, (index.get(key) ?? new Set()).add(name));
  const pages = names.flatMap((name): PageSummary[] => {
    const { matter } = readExistingMdx(readText(join(dir, name)) ?? '');
    const source = matter?.source as { sha256?: unknown } | undefined;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    if (typeof matter?.slug === 'string' && typeof matter.title === 'string') {
      if (typeof source?.sha256 === 'string') add(bySha, source.sha256, name);
      add(bySlug, matter.slug, name);
    }
    return [
      {
        slug: name.slice(0, -'.mdx'.length),
        sourceSha256: text(source?.sha256) ?? '',
        title: text(matter?.title) ?? '',
        identifier: text(matter?.identifier) ?? text(matter?.reference),
        published: isoDay(matter?.published),
        updated: isoDay(matter?.updated),
        sourceName: readManifest(root, name.slice(0, -'.mdx'.length))?.source,
      },
    ];
  });
  /** The page's front matter as it is now (a page of this run was written since the index was read). */
  const read = (name: string) => {
    const file = join(dir, name);
    const { matter } = readExistingMdx(readText(file) ?? '');
    return typeof matter?.slug === 'string' && typeof matter.title === 'string' ? previousOf(file, matter) : undefined;
  };
  const sorted = (set: Set<string> | undefined) => [...(set ?? [])].sort();
  return {
    pages,
    previous(sourceSha256, input) {
      for (const name of sorted(bySha.get(sourceSha256))) {
        const found = read(name);
        if (found && (found.matter as { source?: { sha256?: unknown } } | undefined)?.source?.sha256 === sourceSha256) return found;
      }
      const copy = input === undefined ? undefined : relative(join(contentDir(root), 'sources'), resolve(input));
      if (copy === undefined || !copy.endsWith('.txt')) return undefined;
      // The last page (in name order) whose slug the copy is named after.
      for (const name of sorted(bySlug.get(copy.slice(0, -'.txt'.length))).reverse()) {
        const found = read(name);
        if (found && `${found.slug}.txt` === copy) return found;
      }
      return undefined;
    },
    wrote(page, retired) {
      const name = `${page.slug}.mdx`;
      if (retired !== undefined && retired !== page.slug) {
        for (const index of [bySha, bySlug]) for (const set of index.values()) set.delete(`${retired}.mdx`);
        const at = pages.findIndex((other) => other.slug === retired);
        if (at >= 0) pages.splice(at, 1);
      }
      for (const index of [bySha, bySlug]) for (const set of index.values()) set.delete(name);
      add(bySha, page.sourceSha256, name);
      add(bySlug, page.slug, name);
      const at = pages.findIndex((other) => other.slug === page.slug);
      if (at >= 0) pages[at] = page;
      else pages.push(page);
    },
  };
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
      if (digest !== recorded && tableDigest(readText(file) ?? '', true) !== recorded) edited.push(file);
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
  // A page's table folder goes once it holds nothing; so does a renumbered version's (<n>/tables, <n>).
  for (const dir of new Set(journal.removes.map((f) => dirname(join(content, f))))) {
    if (dir.startsWith(join(content, 'tables') + '/') && existsSync(dir) && readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
    if (dir.startsWith(join(content, 'revisions') + '/') && dir.endsWith('/tables')) {
      for (const empty of [dir, dirname(dir)]) if (existsSync(empty) && readdirSync(empty).length === 0) rmSync(empty, { recursive: true });
    }
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
  /** More files of the same switch (project-relative): the earlier versions kept under content/revisions/. */
  alsoWrite?: readonly PlannedFile[] | undefined;
}

/**
 * Writes the source copy, the table files, the manifest and the page, and removes the table files
 * the document no longer has (and the retired page), as one switch: see the top of this file.
 */
export function writeDocument(root: string, doc: PlannedDocument, options: WriteOptions): Written {
  const p = paths(root, doc.slug);
  const planned: { file: string; data: string | Uint8Array }[] = [
    ...(options.alsoWrite ?? []).map(({ file, data }) => ({ file: join(root, file), data })),
    { file: p.source, data: doc.source },
    ...doc.tables.map((t) => ({ file: join(p.tables, `${t.id}.json`), data: t.text })),
    { file: p.manifest, data: manifestText(doc, options.name) },
    { file: p.mdx, data: doc.mdx },
  ];
  const keep = new Set(planned.map((f) => f.file));
  const stale = existsSync(p.tables) ? readdirSync(p.tables).sort().map((n) => join(p.tables, n)).filter((f) => f.endsWith('.json') && !keep.has(f)) : [];
  if (options.retire !== undefined && options.retire !== doc.slug) stale.push(...filesOf(root, options.retire));
  return switchFiles(root, doc.slug, planned, stale);
}

/**
 * Writes `planned` (absolute paths) and removes `remove` (absolute; a path also written is kept) as
 * one switch of the document `slug`: see the top of this file. A file whose bytes are already on
 * disk is left alone.
 */
export function switchFiles(root: string, slug: string, planned: readonly { file: string; data: string | Uint8Array }[], remove: readonly string[]): Written {
  const content = contentDir(root);
  const staging = join(content, STAGING);
  const result: Written = { written: [], unchanged: [], removed: [] };
  const journal: Journal = { slug, moves: [], removes: [] };
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
    const stale = [...new Set(remove)].filter((f) => !keep.has(f) && existsSync(f));
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
