/**
 * The title and tags of each part of a document (the text before its first section, and each
 * section), carried with its search record so the results can list, under a document kept by a
 * filter, only the sections that filter is about, and list them even when no words were typed
 * (Pagefind then returns no sub-results). The facet table (facets.ts) decides which documents
 * match and counts them; this decides which of their sections are shown.
 *
 * They travel as a Pagefind filter because filter values come back with a hit but, unlike meta,
 * never match query words; the search never filters on it, so Pagefind never loads its index.
 */
import { passesFacet } from './facets.ts';
import type { Facet } from './state.ts';

/** The facets a part has tags of; kind and date belong to the whole document. */
export const PART_FACETS = ['country', 'topic', 'likelihood', 'confidence'] as const satisfies readonly Facet[];
export type PartFacet = (typeof PART_FACETS)[number];
export type PartTags = Record<PartFacet, readonly string[]>;
/** A part as its filter value carries it: its heading (empty for the lede) and its tags. */
export type TaggedPart = PartTags & { readonly title: string };

/** The Pagefind filter of the records: one value per tagged part. */
export const PART_TAGS_FILTER = 'parts';

/** The id of the part before the first section (sections go by their heading ids). */
export const LEDE = '';

/** One part's filter value: its id, title and tags by name, as JSON. */
export function encodePartTags(id: string, part: TaggedPart): string {
  return JSON.stringify([id, part.title, ...PART_FACETS.map((facet) => part[facet])]);
}

/** The parts by id, in page order, from the filter's values; a value not in this form is skipped. */
export function decodePartTags(values: readonly string[]): Map<string, TaggedPart> {
  const parts = new Map<string, TaggedPart>();
  for (const value of values) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      continue;
    }
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') continue;
    const lists = parsed.slice(2) as unknown[];
    const names = (list: unknown): string[] => (Array.isArray(list) ? list.filter((name): name is string => typeof name === 'string') : []);
    const [country, topic, likelihood, confidence] = PART_FACETS.map((_, i) => names(lists[i]));
    parts.set(parsed[0], { title: parsed[1], country: country!, topic: topic!, likelihood: likelihood!, confidence: confidence! });
  }
  return parts;
}

/** Whether a part is about what is selected, by the rule documents are filtered by (facets.ts). */
export function partMatches(tags: PartTags | undefined, selected: Partial<Record<Facet, readonly string[]>>): boolean {
  return PART_FACETS.every((facet) => {
    const wanted = selected[facet] ?? [];
    return passesFacet(wanted.length > 0 ? new Set(wanted) : undefined, tags?.[facet] ?? []);
  });
}

/** Whether a selection narrows parts at all (a kind or date alone keeps every part of a kept document). */
export function selectsParts(selected: Partial<Record<Facet, readonly string[]>>): boolean {
  return PART_FACETS.some((facet) => (selected[facet] ?? []).length > 0);
}
