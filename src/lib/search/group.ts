/**
 * Search hits (one per section, or one for a document's title and lede; see records.ts) grouped
 * into documents for display: each document once, in the order of its best hit, with its
 * matching sections as sub-results in the order Pagefind ranked them.
 */

/** What the UI needs of one loaded Pagefind hit. */
export interface Hit {
  /** As Pagefind returns it: `/assessments/x/?highlight=word#section`, or without `#section`. */
  url: string;
  /** Meta title: the section title, or the document title for the document's own record. */
  title: string;
  /** The document's title (the `document` filter) and kind (the `kind` filter). */
  documentTitle: string;
  kind: string;
  /** The document's date, YYYY-MM-DD (the `date` filter), when it states one. */
  date?: string | undefined;
  /** The short author line (the `authors` filter), when the document names authors. */
  authors?: string | undefined;
  /** Pagefind's excerpt: escaped text with `<mark>` around matched words. */
  excerpt: string;
}

export interface SectionHit {
  title: string;
  url: string;
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
  /** Set when the document's own record matched (its title or lede). */
  excerpt?: string;
  sections: SectionHit[];
}

function split(url: string): { page: string; path: string; section: string | undefined } {
  const hashAt = url.indexOf('#');
  const page = hashAt === -1 ? url : url.slice(0, hashAt);
  const section = hashAt === -1 ? undefined : url.slice(hashAt + 1);
  return { page, path: page.split('?')[0]!, section: section || undefined };
}

/**
 * Adds hits to the groups (a new array; `groups` is not changed), so a "show more" page of hits
 * joins the documents already shown.
 */
export function groupHits(hits: readonly Hit[], groups: readonly DocumentGroup[] = []): DocumentGroup[] {
  const out = groups.map((group) => ({ ...group, sections: [...group.sections] }));
  const byPath = new Map(out.map((group) => [split(group.url).path, group]));
  for (const hit of hits) {
    const { page, path, section } = split(hit.url);
    let group = byPath.get(path);
    if (!group) {
      group = { url: page, title: hit.documentTitle, kind: hit.kind, ...(hit.date ? { date: hit.date } : {}), ...(hit.authors ? { authors: hit.authors } : {}), sections: [] };
      byPath.set(path, group);
      out.push(group);
    }
    if (section === undefined) group.excerpt = hit.excerpt;
    else group.sections.push({ title: hit.title, url: hit.url, excerpt: hit.excerpt });
  }
  return out;
}
