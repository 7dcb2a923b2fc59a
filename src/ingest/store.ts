/**
 * The content directory on disk: finding an earlier page of a source, refusing to overwrite an
 * editor's changes or another source's slug, and writing one document's files all together.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { kindSchema } from '../lib/kinds.ts';
import { readExistingMdx } from './frontmatter.ts';
import type { PlannedDocument, Previous } from './ingest.ts';
import type { PageSummary } from './updates.ts';

export function contentDir(root: string): string {
  return join(root, 'content');
}

export function paths(root: string, slug: string) {
  const content = contentDir(root);
  return {
    mdx: join(content, 'assessments', `${slug}.mdx`),
    source: join(content, 'sources', `${slug}.txt`),
    tables: join(content, 'tables', slug),
  };
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** A table's data file as it is on disk, parsed; undefined when it is missing or not JSON. */
export function readExistingTable(root: string, slug: string, id: string): unknown {
  const text = readText(join(paths(root, slug).tables, `${id}.json`));
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The page an earlier run made from a source with this sha256, if any. */
export function findPrevious(root: string, sourceSha256: string): (Previous & { file: string }) | undefined {
  const dir = join(contentDir(root), 'assessments');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.mdx')).sort();
  } catch {
    return undefined;
  }
  for (const name of names) {
    const file = join(dir, name);
    const { matter } = readExistingMdx(readText(file) ?? '');
    const source = matter?.source as { sha256?: unknown } | undefined;
    if (source?.sha256 !== sourceSha256 || typeof matter?.slug !== 'string' || typeof matter.title !== 'string') continue;
    const kind = kindSchema.safeParse(matter.kind).data;
    return { file, slug: matter.slug, title: matter.title, titleProvisional: matter.titleProvisional === true, kind, matter };
  }
  return undefined;
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
    };
  });
}

/** The slugs a new page of the source with this sha256 must not take. */
export function takenSlugs(pages: readonly PageSummary[], sourceSha256: string, thisRun: Iterable<string>): Set<string> {
  return new Set([...pages.filter((page) => page.sourceSha256 !== sourceSha256).map((page) => page.slug), ...thisRun]);
}

export type Verdict = { ok: true; notes: string[] } | { ok: false; reason: string };

/**
 * Whether the planned document may be written: an edited page, or a page of a different source
 * under the same slug, is only replaced with --force.
 */
export function checkTarget(root: string, doc: PlannedDocument, force: boolean, relative: (p: string) => string): Verdict {
  const target = paths(root, doc.slug).mdx;
  const existing = readText(target);
  if (existing === undefined) return { ok: true, notes: [] };
  const { matter, untouched } = readExistingMdx(existing);
  const notes: string[] = [];
  const source = matter?.source as { sha256?: unknown; path?: unknown } | undefined;
  if (source?.sha256 !== doc.sourceSha256) {
    if (!force) {
      return {
        ok: false,
        reason: `the slug "${doc.slug}" is already used by another source (${relative(target)}, from ${String(source?.path ?? 'an unknown source')}); choose another with --slug, or replace that page with --force`,
      };
    }
    notes.push(`replaced ${relative(target)}, which came from another source (--force)`);
  }
  if (!untouched && existing !== doc.mdx) {
    if (!force) {
      return {
        ok: false,
        reason: `${relative(target)} was changed by hand since it was generated, so it was not overwritten (skipped this file). Move the edits into the source, or pass --force to replace the page`,
      };
    }
    notes.push(`replaced ${relative(target)}, which had been edited by hand (--force)`);
  }
  return { ok: true, notes };
}

/**
 * Removes the page, source copy and tables of an earlier page of the same source whose title was
 * provisional, once the document has been written under the slug of its real title.
 */
export function retire(root: string, slug: string): string[] {
  const p = paths(root, slug);
  const removed: string[] = [];
  for (const file of [p.mdx, p.source]) {
    if (existsSync(file)) {
      unlinkSync(file);
      removed.push(file);
    }
  }
  if (existsSync(p.tables)) {
    for (const name of readdirSync(p.tables)) {
      unlinkSync(join(p.tables, name));
      removed.push(join(p.tables, name));
    }
    rmSync(p.tables, { recursive: true });
  }
  return removed;
}

/** Whether the page at `file` is exactly as the ingester wrote it. */
export function isUntouched(file: string): boolean {
  return readExistingMdx(readText(file) ?? '').untouched;
}

export interface Written {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/**
 * Writes the source copy, the table files and the page. Every file goes to a temporary name
 * first; only when all of them are on disk are they renamed into place, page last, so a failure
 * leaves the previous version of the document whole. Table files the document no longer has are
 * removed afterwards.
 */
export function writeDocument(root: string, doc: PlannedDocument): Written {
  const p = paths(root, doc.slug);
  const planned: { file: string; data: string | Uint8Array }[] = [
    { file: p.source, data: doc.source },
    ...doc.tables.map((t) => ({ file: join(p.tables, `${t.id}.json`), data: t.text })),
    { file: p.mdx, data: doc.mdx },
  ];
  const result: Written = { written: [], unchanged: [], removed: [] };
  const pending: { file: string; temp: string }[] = [];
  try {
    for (const { file, data } of planned) {
      const current = existsSync(file) ? readFileSync(file) : undefined;
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
      if (current && current.equals(bytes)) {
        result.unchanged.push(file);
        continue;
      }
      mkdirSync(dirname(file), { recursive: true });
      const temp = join(dirname(file), `.${process.pid}.${pending.length}.ingest-tmp`);
      writeFileSync(temp, bytes);
      pending.push({ file, temp });
    }
  } catch (error) {
    for (const { temp } of pending) rmSync(temp, { force: true });
    throw error;
  }
  for (const { file, temp } of pending) {
    renameSync(temp, file);
    result.written.push(file);
  }
  const keep = new Set(doc.tables.map((t) => `${t.id}.json`));
  if (existsSync(p.tables)) {
    for (const name of readdirSync(p.tables)) {
      if (name.endsWith('.json') && !keep.has(name)) {
        unlinkSync(join(p.tables, name));
        result.removed.push(join(p.tables, name));
      }
    }
  }
  return result;
}
