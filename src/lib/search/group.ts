/**
 * A search hit as the results show it: the document (one Pagefind record per document, see
 * records.ts) with its matching sections under it, best first. Pagefind gives a record's
 * sub-results in page order, one for the text before the first section heading and one per
 * section with a match; this turns them into what the reader scans.
 */
import { decodePartTags, LEDE, partMatches, PART_TAGS_FILTER, selectsParts, type TaggedPart } from './part-tags.ts';
import type { Facet } from './state.ts';

/** What Pagefind returns of one matching region of a document (a sub-result). */
export interface SubResult {
  /** The section's heading, or the document title for the text before the first section. */
  title: string;
  /** As Pagefind returns it: `/assessments/x/?highlight=word#section`, or without `#section`. */
  url: string;
  /** Escaped text with `<mark>` around matched words. */
  excerpt: string;
  /** How well the region matched: the sum of its words' scores. */
  score: number;
}

/** What the UI needs of one loaded Pagefind result. */
export interface Hit {
  /** The document page, with the highlight parameter. */
  url: string;
  /** The document's title (the record's title meta) and kind (the `kind` filter). */
  title: string;
  kind: string;
  /** The document's date, YYYY-MM-DD (the `date` filter), when it states one. */
  date?: string | undefined;
  /** The short author line (the `authors` filter), when the document names authors. */
  authors?: string | undefined;
  /** Pagefind's excerpt of the whole record: shown when no region holds a match (a title match). */
  excerpt: string;
  subResults: readonly SubResult[];
  /** The titles and tags of the document's tagged parts, by section id (LEDE for the text before the first section), in page order. */
  parts: ReadonlyMap<string, TaggedPart>;
}

/** The parts of a loaded Pagefind result (`result.data()`) a hit is made of. */
export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: { title: string; url: string; excerpt: string; weighted_locations: { balanced_score: number }[] }[];
}

export function hitOfFragment(fragment: PagefindFragment): Hit {
  return {
    url: fragment.url,
    title: fragment.meta.title ?? '',
    kind: fragment.filters.kind?.[0] ?? '',
    date: fragment.filters.date?.[0],
    authors: fragment.filters.authors?.[0],
    excerpt: fragment.excerpt,
    subResults: fragment.sub_results.map((sub) => ({
      title: sub.title,
      url: sub.url,
      excerpt: sub.excerpt,
      score: sub.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0),
    })),
    parts: decodePartTags(fragment.filters[PART_TAGS_FILTER] ?? []),
  };
}

export interface SectionHit {
  title: string;
  url: string;
  /** Where the words matched; empty for a section listed for a filter alone. */
  excerpt: string;
}

export interface DocumentGroup {
  /** The document page without a section, keeping the highlight parameter. */
  url: string;
  title: string;
  kind: string;
  /** YYYY-MM-DD, when the document states a date. */
  date?: string | undefined;
  authors?: string | undefined;
  /** Where the document's own text matched (before its first section), or its title did. */
  excerpt?: string;
  sections: SectionHit[];
}

const sectionOf = (url: string): string => {
  const hashAt = url.indexOf('#');
  return hashAt === -1 ? LEDE : decodeURIComponent(url.slice(hashAt + 1));
};

/**
 * The document as the results show it, with its best `sectionsShown` sections (all by default).
 * With a country, topic, likelihood or confidence selected, only the parts tagged with it are
 * listed: the document matched the filter through them (facets.ts), and they are what the
 * reader filtered for. When none of them holds the words (or no words were typed, and Pagefind
 * returns no sub-results), those parts are listed in page order, without an excerpt.
 */
export function documentGroup(hit: Hit, selected: Partial<Record<Facet, readonly string[]>> = {}, sectionsShown = Infinity): DocumentGroup {
  const narrowed = selectsParts(selected);
  const shown = narrowed ? hit.subResults.filter((sub) => partMatches(hit.parts.get(sectionOf(sub.url)), selected)) : hit.subResults;
  const lede = shown.find((sub) => sectionOf(sub.url) === LEDE);
  const sections = (
    narrowed && shown.length === 0
      ? taggedSections(hit, selected)
      : shown
          .filter((sub) => sectionOf(sub.url) !== LEDE)
          // Best match first; the sort is stable, so equal scores keep the page's order.
          .sort((a, b) => b.score - a.score)
          .map((sub) => ({ title: sub.title, url: sub.url, excerpt: withoutHeading(sub.excerpt, sub.title) }))
  ).slice(0, sectionsShown);
  const excerpt = lede?.excerpt ?? (sections.length === 0 && !narrowed ? hit.excerpt : undefined);
  return {
    url: hit.url,
    title: hit.title,
    kind: hit.kind,
    ...(hit.date ? { date: hit.date } : {}),
    ...(hit.authors ? { authors: hit.authors } : {}),
    ...(excerpt ? { excerpt } : {}),
    sections,
  };
}

/** The sections of a document tagged with what is selected, in page order, as links. */
function taggedSections(hit: Hit, selected: Partial<Record<Facet, readonly string[]>>): SectionHit[] {
  const page = hit.url.split('#')[0];
  return [...hit.parts]
    .filter(([id, part]) => id !== LEDE && partMatches(part, selected))
    .map(([id, part]) => ({ title: part.title, url: `${page}#${encodeURIComponent(id)}`, excerpt: '' }));
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/**
 * A section's excerpt without the heading it may begin with. Pagefind indexes a section's heading
 * as its first words, so an excerpt of a match near the start begins with the heading, or with its
 * last words when the excerpt starts inside it, and a full stop: "Supporting <mark>Evidence.</mark>
 * Russia has...", right below the heading the result already shows. An excerpt that is nothing
 * but the heading is kept.
 */
export function withoutHeading(excerpt: string, heading: string): string {
  // The excerpt's text (marks left out, entities read), and where in the excerpt each character ends.
  let text = '';
  const ends: number[] = [];
  for (let at = 0; at < excerpt.length; ) {
    if (excerpt[at] === '<') {
      at = excerpt.indexOf('>', at) + 1 || excerpt.length;
      continue;
    }
    const entity = excerpt[at] === '&' ? /^&#?\w+;/.exec(excerpt.slice(at))?.[0] : undefined;
    text += entity ? (ENTITIES[entity] ?? entity) : excerpt[at];
    at += entity?.length ?? 1;
    ends.push(at);
  }
  const words = heading.trim().split(/\s+/).filter(Boolean);
  for (let first = 0; first < words.length; first += 1) {
    const start = words.slice(first).join(' ');
    if (!text.toLowerCase().startsWith(start.toLowerCase())) continue;
    let end = start.length;
    if (!/[.?!:]$/.test(start)) {
      if (text[end] !== '.') continue;
      end += 1;
    }
    if (end < text.length && !/\s/.test(text[end]!)) continue;
    while (end < text.length && /\s/.test(text[end]!)) end += 1;
    if (end === text.length) return excerpt;
    const cut = ends[end - 1]!;
    const before = excerpt.slice(0, cut);
    // Cut inside a mark: the rest of the marked words stay marked.
    const open = (before.match(/<mark>/g)?.length ?? 0) > (before.match(/<\/mark>/g)?.length ?? 0);
    return (open ? `<mark>${excerpt.slice(cut)}` : excerpt.slice(cut)).replace(/^<mark>\s*<\/mark>\s*/, '');
  }
  return excerpt;
}
