/**
 * What feeds, the sitemap, cards and PDFs need to know of a document, read once from its front
 * matter. `authors`, `updated` and `identifier` are read defensively: the shared schema does not
 * have them yet.
 * MERGE: when src/content.config.ts gains these fields, drop `LaterFields` and read them typed.
 */
import { execFileSync } from 'node:child_process';
import type { CollectionEntry } from 'astro:content';
import { kindLabel, type Kind } from '../kinds.ts';

/** MERGE: front-matter fields other helpers are adding (issue "Real reports in"); optional here. */
interface LaterFields {
  authors?: unknown;
  updated?: unknown;
  identifier?: unknown;
}

export interface DocumentFacts {
  slug: string;
  title: string;
  kind: Kind;
  kindLabel: string;
  summary: string;
  authors: string[];
  identifier?: string | undefined;
  /** The date the document gives itself, if any. */
  published?: Date | undefined;
  /**
   * When it last changed: the front matter's `updated`, else the last commit of its content
   * file, else `published`. Absent only for an undated document outside version control.
   */
  updated?: Date | undefined;
  /** Countries and topics of the document and of any of its sections. */
  countries: string[];
  topics: string[];
}

function asDate(value: unknown): Date | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return undefined;
}

function asAuthors(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list
    .map((author) => (typeof author === 'string' ? author : typeof author === 'object' && author && 'name' in author ? String(author.name) : ''))
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

let commitDates: Map<string, Date> | undefined;

/**
 * The date of the last commit of every file under content/assessments/, from one `git log`: the
 * same commit always gives the same dates, so the output stays deterministic, and no file is
 * dated by the build's clock. Empty outside a git checkout.
 */
function lastCommitDates(): Map<string, Date> {
  if (commitDates) return commitDates;
  commitDates = new Map();
  let log = '';
  try {
    log = execFileSync('git', ['log', '--format=%x00%cI', '--name-only', '--no-renames', '--', 'content/assessments'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return commitDates;
  }
  let current: Date | undefined;
  for (const line of log.split('\n')) {
    if (line.startsWith('\0')) current = new Date(line.slice(1));
    else if (line.trim() !== '' && current && !commitDates.has(line.trim())) commitDates.set(line.trim(), current);
  }
  return commitDates;
}

export function documentFacts(entry: CollectionEntry<'assessments'>): DocumentFacts {
  const data = entry.data;
  const later = data as typeof data & LaterFields;
  const published = data.published;
  const committed = lastCommitDates().get(`content/assessments/${entry.id}.mdx`);
  const identifier = typeof later.identifier === 'string' && later.identifier.trim() !== '' ? later.identifier.trim() : data.reference;
  const union = (field: 'countries' | 'topics') =>
    [...new Set([...data[field].map((ref) => ref.id), ...data.sections.flatMap((section) => section[field].map((ref) => ref.id))])].sort();
  return {
    slug: data.slug,
    title: data.title,
    kind: data.kind,
    kindLabel: kindLabel(data.kind),
    summary: data.summary,
    authors: asAuthors(later.authors),
    identifier,
    published,
    updated: asDate(later.updated) ?? committed ?? published,
    countries: union('countries'),
    topics: union('topics'),
  };
}

/** Newest first (by last change, then by title), the order of every feed. */
export function newestFirst(documents: DocumentFacts[]): DocumentFacts[] {
  return [...documents].sort(
    (a, b) => (b.updated?.getTime() ?? 0) - (a.updated?.getTime() ?? 0) || a.title.localeCompare(b.title, 'en') || a.slug.localeCompare(b.slug),
  );
}

/** A calendar day as readers write it ("1 June 2024"), as the pages show dates. */
export function readableDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
