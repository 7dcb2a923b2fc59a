/**
 * A search as the address bar holds it, so it can be bookmarked, sent and restored by back and
 * forward: `/search/?q=sanctions&kind=assessment&country=japan&country=china&sort=newest`.
 *
 * - `q`: the query text.
 * - `kind`, `country`, `topic`: ids (as in content/*.json and hub URLs), one parameter per value;
 *   a repeated parameter adds a value (several values of one filter widen the search).
 * - `likelihood`, `confidence`: a key judgment's band ("icd-203-likely") or confidence level
 *   ("moderate"), as src/lib/estimative/ names them.
 * - `sort`: `newest` or `oldest`; left out for relevance.
 * Unknown parameters and values are ignored rather than reported: a hand-edited or old link
 * still opens a search.
 */
import { SLUG_PATTERN } from '../idPatterns.ts';

export const FACETS = ['kind', 'country', 'topic', 'likelihood', 'confidence'] as const;
export type Facet = (typeof FACETS)[number];
export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchState {
  q: string;
  filters: Record<Facet, string[]>;
  sort: Sort;
}

export function emptyState(): SearchState {
  return { q: '', filters: { kind: [], country: [], topic: [], likelihood: [], confidence: [] }, sort: 'relevance' };
}

export function parseState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state = emptyState();
  state.q = (params.get('q') ?? '').trim();
  for (const facet of FACETS) {
    state.filters[facet] = [...new Set(params.getAll(facet).filter((value) => SLUG_PATTERN.test(value)))];
  }
  const sort = params.get('sort');
  state.sort = (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'relevance';
  return state;
}

/** The query string for a state, with its leading "?" (or "" for an empty search). */
export function formatState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of FACETS) for (const value of state.filters[facet]) params.append(facet, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return formatState(a) === formatState(b);
}

export function hasFilters(state: SearchState): boolean {
  return FACETS.some((facet) => state.filters[facet].length > 0);
}

/** A copy of the state without one filter value (for "remove this filter"). */
export function withoutFilter(state: SearchState, facet: Facet, value: string): SearchState {
  return { ...state, filters: { ...state.filters, [facet]: state.filters[facet].filter((v) => v !== value) } };
}
