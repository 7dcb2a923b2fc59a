/**
 * The search engine in the browser: Pagefind's JS API over the index in dist/pagefind/, loaded
 * on first use only (this module is itself loaded only when search opens). It runs a query and
 * loads the first page of hits: documents, with their matching sections (group.ts). With facets
 * (the search page) it also loads the facet table and filters, counts and sorts Pagefind's
 * results with it (src/lib/search/facets.ts says why not with Pagefind's own filters).
 *
 * Why not Pagefind's Component UI: its filter pane uses Pagefind's own filter counts (too slow
 * at this scale, see facets.ts), it shows sub-results in page order rather than best first, and
 * it is 180 kB of script and 44 kB of CSS. The API and the few hundred lines here do what the
 * site needs.
 */
import { applyFacets, facetIndex, type FacetCounts, type FacetIndex, type FacetTable } from '../../lib/search/facets.ts';
import { FACETS_FILE } from '../../lib/search/facets-file.ts';
import { documentGroup, hitOfFragment, type DocumentGroup, type PagefindFragment } from '../../lib/search/group.ts';
import { HIGHLIGHT_PARAM } from '../../lib/search/highlight-param.ts';
import { FACETS, type Facet, type Sort } from '../../lib/search/state.ts';
import { href } from '../../lib/urls.ts';

interface PagefindResult {
  id: string;
  data(): Promise<PagefindFragment>;
}
interface PagefindResponse {
  results: PagefindResult[];
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindResponse | null>;
}

export interface Query {
  text: string;
  /** Selected values per facet, by name ("Japan", "Assessment"). */
  filters: Record<Facet, string[]>;
  sort: Sort;
  /** Filter, sort and count with the facet table (the search page); the dialog does not. */
  facets: boolean;
  /** Hits loaded at once: each costs a request, and the first few are what people read. */
  pageSize: number;
  /** Sections listed under each document, best first (all when not given). */
  sectionsShown?: number;
}

export interface Outcome {
  /** Matching documents. */
  total: number;
  groups: DocumentGroup[];
  /** Per facet, value name -> matching documents (search page only). */
  facets: FacetCounts | undefined;
  /** Hits not loaded yet; `more()` loads the next page into a new outcome. */
  remaining: number;
  more(): Promise<Outcome>;
}

let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ href('pagefind/pagefind.js'))) as Pagefind;
    // On the main thread: the worker would fetch a second copy of Pagefind's code (43 kB) and
    // buys little for queries that take milliseconds. Excerpts of about 24 words fit a result.
    await pagefind.options({ highlightParam: HIGHLIGHT_PARAM, excerptLength: 24, noWorker: true });
    return pagefind;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

let facetsLoading: Promise<FacetIndex> | undefined;

/** The facet table: revalidated with the server each time the page loads it, so it never lags the index. */
export function loadFacets(): Promise<FacetIndex> {
  facetsLoading ??= (async () => {
    const response = await fetch(href(`pagefind/${FACETS_FILE}`), { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
    let bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
      bytes = new Uint8Array(await new Response(inflated).arrayBuffer());
    }
    return facetIndex(JSON.parse(new TextDecoder().decode(bytes)) as FacetTable);
  })();
  facetsLoading.catch(() => {
    facetsLoading = undefined;
  });
  return facetsLoading;
}

/** The hits of one query, and how to show them: loaded a page at a time, each hit one document. */
interface Hits {
  results: PagefindResult[];
  pageSize: number;
  sectionsShown: number | undefined;
  /** The filters, which choose the sections listed under each document (group.ts). */
  filters: Query['filters'] | undefined;
  facets: FacetCounts | undefined;
}

async function nextPage(hits: Hits, loaded: number): Promise<DocumentGroup[]> {
  const fragments = await Promise.all(hits.results.slice(loaded, loaded + hits.pageSize).map((result) => result.data()));
  return fragments.map((fragment) => documentGroup(hitOfFragment(fragment), hits.filters, hits.sectionsShown));
}

function outcome(hits: Hits, groups: DocumentGroup[]): Outcome {
  return {
    total: hits.results.length,
    groups,
    facets: hits.facets,
    remaining: hits.results.length - groups.length,
    async more() {
      return outcome(hits, [...groups, ...(await nextPage(hits, groups.length))]);
    },
  };
}

const none = (facets?: FacetCounts): Outcome => outcome({ results: [], pageSize: 0, sectionsShown: undefined, filters: undefined, facets }, []);

async function firstPage(hits: Hits): Promise<Outcome> {
  return outcome(hits, await nextPage(hits, 0));
}

/**
 * Runs a query. With no words and no filter there are no results, but facet counts (when asked
 * for) are the totals, so the search page can show what there is to filter by. Resolves to
 * undefined when `superseded()` says a newer query is waiting before the hits are loaded.
 */
export async function runQuery(query: Query, superseded: () => boolean = () => false): Promise<Outcome | undefined> {
  const term = query.text.trim();
  if (!query.facets) {
    if (!term) return none();
    const response = await (await loadPagefind()).search(term);
    if (!response) throw new Error('Pagefind returned no response');
    return superseded() ? undefined : firstPage({ results: response.results, pageSize: query.pageSize, sectionsShown: query.sectionsShown, filters: undefined, facets: undefined });
  }

  const [pagefind, facets] = await Promise.all([loadPagefind(), loadFacets()]);
  const filtered = FACETS.some((facet) => query.filters[facet].length > 0);
  if (!term && !filtered) return none(applyFacets(facets, [...facets.byId.keys()], query.filters, 'relevance').counts);
  // No words: every document, for the filters to choose from.
  const response = await pagefind.search(term || null);
  if (!response) throw new Error('Pagefind returned no response');
  if (superseded()) return undefined;
  const faceted = applyFacets(facets, response.results.map((result) => result.id), query.filters, query.sort);
  const byId = new Map(response.results.map((result) => [result.id, result]));
  return firstPage({ results: faceted.ids.map((id) => byId.get(id)!), pageSize: query.pageSize, sectionsShown: query.sectionsShown, filters: query.filters, facets: faceted.counts });
}
