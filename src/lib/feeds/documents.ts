/**
 * What feeds, the sitemap, cards and PDFs need to know of a document, read once from its front
 * matter (src/lib/schemas.ts) and its history (src/data/revisions.ts).
 *
 * Dates: only stated dates are the document's dates (src/lib/dates.ts). Atom's `<published>`
 * is the first edition's stated publication date and is left out when no version states one;
 * `<updated>` (which Atom requires) is `sortDate`, the latest stated date. A document that
 * states no date at all is still a new assessment readers want in their feed, so its
 * `<updated>` falls back to when the publisher last changed its page: the last commit of its
 * content file (Atom's own meaning of `updated`), the same on every build of that commit, and
 * the Unix epoch outside a git checkout. That fallback is never shown as the document's date:
 * cards, the sitemap's lastmod, RSS pubDate and the PDF leave the date out instead.
 */
import { execFileSync } from 'node:child_process';
import type { CollectionEntry } from 'astro:content';
import { documentHistory } from '../../data/revisions.ts';
import { sortDate } from '../dates.ts';
import { kindLabel, type Kind } from '../kinds.ts';

export interface DocumentFacts {
  slug: string;
  title: string;
  kind: Kind;
  kindLabel: string;
  summary: string;
  authors: string[];
  identifier?: string | undefined;
  /** The first edition's stated publication date. */
  published?: Date | undefined;
  /** The latest date the current version states (sortDate); undefined for an undated document. */
  stated?: Date | undefined;
  /** Atom's `updated`: `stated`, else the fallback above. */
  updated: Date;
  /** Countries and topics of the document and of any of its sections. */
  countries: string[];
  topics: string[];
}

let commitDates: Map<string, Date> | undefined;

/** The date of the last commit of every file under content/assessments/, from one `git log`. */
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

export async function documentFacts(entry: CollectionEntry<'assessments'>): Promise<DocumentFacts> {
  const data = entry.data;
  const history = await documentHistory(data.slug);
  const published = history ? history.versions.find((version) => version.entry.data.published)?.entry.data.published : data.published;
  const stated = sortDate(data);
  const union = (field: 'countries' | 'topics') =>
    [...new Set([...data[field].map((ref) => ref.id), ...data.sections.flatMap((section) => section[field].map((ref) => ref.id))])].sort();
  return {
    slug: data.slug,
    title: data.title,
    kind: data.kind,
    kindLabel: kindLabel(data.kind),
    summary: data.summary,
    authors: (data.authors ?? []).map((author) => author.name),
    identifier: data.identifier,
    published,
    stated,
    updated: stated ?? lastCommitDates().get(`content/assessments/${entry.id}.mdx`) ?? new Date(0),
    countries: union('countries'),
    topics: union('topics'),
  };
}

/** Newest first (by `updated`, then by title), the order of every feed. */
export function newestFirst(documents: DocumentFacts[]): DocumentFacts[] {
  return [...documents].sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.title.localeCompare(b.title, 'en') || a.slug.localeCompare(b.slug));
}
