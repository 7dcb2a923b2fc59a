/**
 * Facets (kind, country, topic, and the likelihood and confidence of key judgments) and date sorting for search results, computed here rather than
 * by Pagefind.
 *
 * Why: Pagefind 1.6 counts filter values by comparing every filter entry with every result
 * (quadratic). On 2,000 documents (11,700 records, one per section as the index then had) a
 * search that returns counts took 0.6 to 6 seconds, and a date sort is quadratic too. So the
 * build writes this small table of each document's kind, date and tags, keyed by Pagefind's
 * result id, and the search page filters, counts and sorts Pagefind's plain results with it in
 * a few milliseconds.
 *
 * A document's tags are its own and its sections' together (records.ts): a country filter
 * keeps every document that has a section about that country, and the counts are documents.
 *
 * Semantics: several values of one facet widen the search (OR), facets narrow each other (AND).
 * A facet's counts ignore that facet's own selection ("disjunctive" counts), so each count says
 * how many results ticking that value would add or keep.
 */
import { FACETS, type Facet, type Sort } from './state.ts';

/** One document's tags, by name. */
export interface FacetRow {
  kind: string;
  /** YYYY-MM-DD, or undefined when the document states no date. */
  published?: string | undefined;
  countries: readonly string[];
  topics: readonly string[];
  /** Bands and confidence levels the document's key judgments state (src/lib/estimative/), by name. */
  likelihood?: readonly string[];
  confidence?: readonly string[];
}

/** The table as written to the index bundle: values listed once, rows refer to them by position. */
export interface FacetTable {
  version: 1;
  values: Record<Facet, string[]>;
  dates: string[];
  /** [Pagefind result id, kind, date (index into dates, -1 for none), countries, topics, likelihood, confidence]; the last two only on documents that have them. */
  rows: ([string, number, number, number[], number[]] | [string, number, number, number[], number[], number[], number[]])[];
}

const rowValues = (row: FacetRow): Record<Facet, readonly string[]> => ({
  kind: [row.kind],
  country: row.countries,
  topic: row.topics,
  likelihood: row.likelihood ?? [],
  confidence: row.confidence ?? [],
});

export function buildFacetTable(rows: readonly (readonly [string, FacetRow])[]): FacetTable {
  const values = {} as Record<Facet, string[]>;
  for (const facet of FACETS) {
    values[facet] = [...new Set(rows.flatMap(([, row]) => rowValues(row)[facet]))].sort((a, b) => a.localeCompare(b, 'en'));
  }
  const dates = [...new Set(rows.flatMap(([, row]) => row.published ?? []))].sort();
  const position = (list: string[]) => new Map(list.map((value, index) => [value, index]));
  const at = Object.fromEntries(FACETS.map((facet) => [facet, position(values[facet])])) as Record<Facet, Map<string, number>>;
  const dateAt = position(dates);
  return {
    version: 1,
    values,
    dates,
    rows: rows.map(([id, row]) => {
      const base: [string, number, number, number[], number[]] = [
        id,
        at.kind.get(row.kind)!,
        row.published === undefined ? -1 : dateAt.get(row.published)!,
        row.countries.map((name) => at.country.get(name)!),
        row.topics.map((name) => at.topic.get(name)!),
      ];
      const likelihood = (row.likelihood ?? []).map((name) => at.likelihood.get(name)!);
      const confidence = (row.confidence ?? []).map((name) => at.confidence.get(name)!);
      return likelihood.length + confidence.length > 0 ? [...base, likelihood, confidence] : base;
    }),
  };
}

/** The table ready for lookups. */
export interface FacetIndex {
  values: Record<Facet, string[]>;
  /** Per id: value positions per facet, and the date ('' when none). */
  byId: Map<string, { tags: Record<Facet, readonly number[]>; date: string }>;
}

export function facetIndex(table: FacetTable): FacetIndex {
  if (table.version !== 1) throw new Error(`unknown facet table version ${String(table.version)}`);
  const byId: FacetIndex['byId'] = new Map();
  for (const [id, kind, date, countries, topics, likelihood = [], confidence = []] of table.rows) {
    byId.set(id, { tags: { kind: [kind], country: countries, topic: topics, likelihood, confidence }, date: date === -1 ? '' : table.dates[date]! });
  }
  // A table written before the estimative facets has none of their values.
  return { values: { ...Object.fromEntries(FACETS.map((facet) => [facet, []])), ...table.values } as Record<Facet, string[]>, byId };
}

export type FacetCounts = Record<Facet, Record<string, number>>;

export interface Faceted {
  /** The ids that pass every facet, in result order (or date order when sorted). */
  ids: string[];
  counts: FacetCounts;
}

/**
 * The filter rule: a facet with values selected keeps what has one of them at least (values of
 * one facet are alternatives; facets narrow one another). Documents (applyFacets) and the
 * sections listed under them (part-tags.ts) both follow it.
 */
export function passesFacet<T>(wanted: ReadonlySet<T> | undefined, values: readonly T[]): boolean {
  return wanted === undefined || values.some((value) => wanted.has(value));
}

/**
 * Filters result ids (in Pagefind's relevance order) by the selected values (names), counts
 * each facet's values, and sorts by date when asked; ties keep the relevance order. Ids missing
 * from the table (an index and table from different builds) pass no filter and are dropped.
 */
export function applyFacets(index: FacetIndex, ids: readonly string[], selected: Partial<Record<Facet, readonly string[]>>, sort: Sort): Faceted {
  const wanted = {} as Record<Facet, Set<number> | undefined>;
  for (const facet of FACETS) {
    const positions = (selected[facet] ?? []).map((name) => index.values[facet].indexOf(name));
    wanted[facet] = positions.length > 0 ? new Set(positions) : undefined;
  }
  const tallies = {} as Record<Facet, number[]>;
  for (const facet of FACETS) tallies[facet] = new Array<number>(index.values[facet].length).fill(0);

  const kept: { id: string; date: string; order: number }[] = [];
  ids.forEach((id, order) => {
    const record = index.byId.get(id);
    if (!record) return;
    const passes = {} as Record<Facet, boolean>;
    for (const facet of FACETS) passes[facet] = passesFacet(wanted[facet], record.tags[facet]);
    for (const facet of FACETS) {
      if (!FACETS.every((other) => other === facet || passes[other])) continue;
      for (const value of record.tags[facet]) tallies[facet][value]! += 1;
    }
    if (FACETS.every((facet) => passes[facet])) kept.push({ id, date: record.date, order });
  });

  if (sort !== 'relevance') {
    const direction = sort === 'newest' ? -1 : 1;
    kept.sort((a, b) => {
      if (a.date !== b.date) {
        if (!a.date) return 1; // undated last, both ways
        if (!b.date) return -1;
        return (a.date < b.date ? -1 : 1) * direction;
      }
      return a.order - b.order;
    });
  }

  const counts = {} as FacetCounts;
  for (const facet of FACETS) {
    counts[facet] = {};
    index.values[facet].forEach((name, position) => {
      if (tallies[facet][position]! > 0) counts[facet][name] = tallies[facet][position]!;
    });
  }
  return { ids: kept.map((entry) => entry.id), counts };
}
