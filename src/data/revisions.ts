/**
 * The history of each document, computed once per build: its versions (the earlier ones from
 * the `revisions` collection, the current page last), the diff of every pair of consecutive
 * versions, the key judgments of the current page that are new or changed, and the section ids
 * an earlier version published that the current page no longer has. Pages and components read
 * it from here, never from the collections directly.
 */
import { fileURLToPath } from 'node:url';
import { root } from 'astro:config/server';
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { numberedKind, numberedId } from '../lib/anchors.ts';
import { hasRevisionFiles, REVISION_PAGES } from '../lib/revisions/files.ts';
import { diffDocuments, type DocumentDiff, type VersionDocument, type VersionTable } from '../lib/revisions/diff.ts';

export type DocumentEntry = CollectionEntry<'assessments'> | CollectionEntry<'revisions'>;

export interface Version {
  number: number;
  entry: DocumentEntry;
  /** The date the version states: its update, else its publication. */
  date: Date | undefined;
  current: boolean;
}

export interface Change {
  from: Version;
  to: Version;
  diff: DocumentDiff;
}

export interface RemovedAnchor {
  id: string;
  title: string;
  /** The version that no longer had it. */
  removedIn: number;
  /** Set when the diff matched the section to one of the next version under another heading. */
  renamedTo?: { id: string; title: string } | undefined;
}

export interface History {
  slug: string;
  /** Oldest first; the last is the current page. */
  versions: Version[];
  /** From version 1 -> 2 onwards, oldest first. */
  changes: Change[];
  /** kj-N ids of the current page -> "changed" or "added" since the previous version. */
  judgmentMarks: Map<string, 'changed' | 'added'>;
  removedAnchors: RemovedAnchor[];
}

let histories: Promise<Map<string, History>> | undefined;

/** The history of a document; undefined when it has no earlier versions. */
export async function documentHistory(slug: string): Promise<History | undefined> {
  histories ??= buildHistories();
  return (await histories).get(slug);
}

/** Every document that has earlier versions. */
export async function allHistories(): Promise<History[]> {
  histories ??= buildHistories();
  return [...(await histories).values()];
}

async function buildHistories(): Promise<Map<string, History>> {
  // No earlier version anywhere is the usual case; getCollection would warn on every build that
  // the collection "does not exist or is empty". The same files decide as for the loader
  // (src/content.config.ts), so a folder with files is always read, and its errors reported.
  if (!hasRevisionFiles(fileURLToPath(root), REVISION_PAGES)) return new Map();
  const revisions = await getCollection('revisions');
  const bySlug = Map.groupBy(revisions, (entry) => entry.data.slug);
  const out = new Map<string, History>();
  for (const slug of [...bySlug.keys()].sort()) {
    const earlier = bySlug.get(slug)!.sort((a, b) => a.data.version - b.data.version);
    const current = await getEntry('assessments', slug);
    if (!current) {
      throw new Error(`content/revisions/${slug}/: earlier versions of "${slug}" but no content/assessments/${slug}.mdx. Restore the current page, or remove the folder.`);
    }
    earlier.forEach((entry, index) => {
      const file = `content/revisions/${entry.id}.mdx`;
      if (entry.id !== `${slug}/${entry.data.version}`) {
        throw new Error(`${file}: front matter says slug "${slug}", version ${entry.data.version}; the file must be content/revisions/${slug}/${entry.data.version}.mdx.`);
      }
      if (entry.data.version !== index + 1) {
        throw new Error(`${file}: versions of "${slug}" must be numbered 1, 2, 3... without gaps; expected version ${index + 1} here.`);
      }
    });
    const versions: Version[] = [
      ...earlier.map((entry) => ({ number: entry.data.version, entry, date: entry.data.updated ?? entry.data.published, current: false })),
      { number: earlier.length + 1, entry: current, date: current.data.updated ?? current.data.published, current: true },
    ];
    const documents = await Promise.all(versions.map((version) => versionDocument(version.entry)));
    const changes = versions.slice(1).map((to, index) => ({ from: versions[index]!, to, diff: diffDocuments(documents[index]!, documents[index + 1]!) }));
    out.set(slug, { slug, versions, changes, judgmentMarks: judgmentMarks(changes.at(-1)!), removedAnchors: removedAnchors(versions, changes) });
  }
  return out;
}

/** A version as the diff compares it: its sections' paragraphs (as rendered) and tables. */
async function versionDocument(entry: DocumentEntry): Promise<VersionDocument> {
  const { remarkPluginFrontmatter } = await render(entry);
  const blocks = (remarkPluginFrontmatter as { sectionBlocks?: Record<string, string[]> }).sectionBlocks ?? {};
  const tables: { section: string; table: VersionTable }[] = [];
  for (const ref of entry.data.tables) {
    const id = typeof ref === 'string' ? ref : ref.id;
    const table = entry.collection === 'revisions' ? await getEntry('revisionTables', id) : await getEntry('tables', id);
    if (!table) throw new Error(`content/${entry.collection}/${entry.id}.mdx: front matter lists the table "${id}", which has no data file.`);
    tables.push({ section: table.data.section, table: { id: id.split('/').at(-1)!, title: table.data.title, columns: table.data.columns.map((c) => c.label), rows: table.data.rows } });
  }
  return {
    sections: entry.data.sections.map((section) => {
      const { role } = section;
      return {
        id: section.id,
        title: section.title,
        ...(role ? { role } : {}),
        paragraphs: blocks[section.id] ?? [],
        tables: tables.filter((t) => t.section === section.id).map((t) => t.table),
      };
    }),
  };
}

function judgmentMarks(last: Change): Map<string, 'changed' | 'added'> {
  const marks = new Map<string, 'changed' | 'added'>();
  for (const section of last.diff.sections) {
    if (!section.after || numberedKind(section.after.role) !== 'kj') continue;
    section.paragraphStatus.forEach((status, index) => {
      if (status === 'changed' || status === 'added') marks.set(numberedId('kj', index + 1), status);
    });
  }
  return marks;
}

/** Section ids of earlier versions that the current page lacks and no alias keeps: the latest removal of each. */
function removedAnchors(versions: Version[], changes: Change[]): RemovedAnchor[] {
  const current = versions.at(-1)!.entry;
  const present = new Set([...current.data.sections.map((s) => s.id), ...Object.keys(current.data.aliases)]);
  const found = new Map<string, RemovedAnchor>();
  for (const change of changes) {
    for (const section of change.diff.sections) {
      const before = section.before;
      if (!before || present.has(before.id) || before.id === section.after?.id) continue;
      found.set(before.id, {
        id: before.id,
        title: before.title,
        removedIn: change.to.number,
        renamedTo: section.after && { id: section.after.id, title: section.after.title },
      });
    }
  }
  return [...found.values()].sort((a, b) => a.removedIn - b.removedIn || (a.id < b.id ? -1 : 1));
}
