/**
 * The facet table's file in the index bundle (dist/pagefind/): gzipped JSON of a FacetTable.
 * The extension is Pagefind's style on purpose: a host that sees `.gz` or `.json` may serve it
 * with its own Content-Encoding, and the browser would then hand the page already-inflated
 * bytes. The reader checks the gzip signature and inflates only when it is there.
 */
export const FACETS_FILE = 'atlas-facets.pf_facets';
