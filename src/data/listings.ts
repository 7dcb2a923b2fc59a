/**
 * What the paginated listings show, derived once per build: the documents newest first (home),
 * every table in listing order (/data/) and each country's table rows (its hub). Pages read
 * slices of these (src/lib/pagination.ts), so a page costs its own entries, not the archive.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { countryRows, type CountryRowCell } from '../lib/countryRows.ts';
import { sortForListing } from '../lib/listing.ts';
import { COUNTRY_ROWS_PER_PAGE, DOCUMENTS_PER_PAGE, pageCount } from '../lib/pagination.ts';
import { hubs, type Hub, type HubKind } from './hubs.ts';

type Assessment = CollectionEntry<'assessments'>;
type Table = CollectionEntry<'tables'>;

/** A cache valid for one state of the collections: rebuilt when an entry is added, removed or changed. */
function perCollections<T>(compute: (documents: Assessment[], tables: Table[]) => T): () => Promise<T> {
  let cached: { key: string; value: T } | undefined;
  return async () => {
    const documents = await getCollection('assessments');
    const tables = await getCollection('tables');
    const key = [...documents, ...tables].map((entry) => `${entry.collection}:${entry.id}:${entry.digest ?? ''}`).join('\n');
    if (cached?.key !== key) cached = { key, value: compute(documents, tables) };
    return cached.value;
  };
}

/** Every document, in listing order (newest first: src/lib/listing.ts). */
export const listedDocuments = perCollections((documents) => sortForListing(documents));

export interface DataTableEntry {
  /** "<slug>/<table-id>". */
  readonly id: string;
  readonly title: string;
  readonly document: Assessment;
  readonly section: { readonly id: string; readonly title: string };
}

/** Every table: documents in listing order, each document's tables in reading order. */
export const dataTableEntries = perCollections((documents, tables): DataTableEntry[] => {
  const known = new Set(documents.map((document) => document.id));
  const byDocument = new Map<string, Table[]>();
  for (const table of tables) {
    const owner = table.data.document.id;
    if (!known.has(owner)) {
      throw new Error(`content/tables/${table.id}.json: its document "${owner}" does not exist in content/assessments/.`);
    }
    byDocument.set(owner, [...(byDocument.get(owner) ?? []), table]);
  }
  return sortForListing(documents).flatMap((document) => {
    // Reading order: the front matter's list of tables, then the source line for any not listed.
    const listed = new Map(document.data.tables.map((ref, index) => [ref.id, index]));
    const position = (table: Table) => listed.get(table.id) ?? document.data.tables.length;
    const own = [...(byDocument.get(document.id) ?? [])].sort((a, b) => position(a) - position(b) || a.data.line - b.data.line);
    return own.map((table) => {
      const section = document.data.sections.find((candidate) => candidate.id === table.data.section);
      if (!section) {
        throw new Error(
          `content/tables/${table.id}.json: section "${table.data.section}" is not a section of ${document.id}; use one of its sections[].id.`,
        );
      }
      return { id: table.id, title: table.data.title, document, section: { id: section.id, title: section.title } };
    });
  });
});

export interface CountryTableRow {
  /** The table: "<slug>/<table-id>". */
  readonly table: string;
  readonly tableTitle: string;
  readonly documentTitle: string;
  /** The country's cell as the table writes it. */
  readonly name: string;
  readonly cells: readonly CountryRowCell[];
}

/** Every country's rows across all tables (tables in id order), one pass over the tables per country. */
const allCountryRows = perCollections((documents, tables) => {
  const titles = new Map(documents.map((document) => [document.id, document.data.title]));
  const sorted = [...tables].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const cache = new Map<string, CountryTableRow[]>();
  return (country: string): CountryTableRow[] => {
    let rows = cache.get(country);
    if (!rows) {
      rows = countryRows(sorted, country).flatMap((table) =>
        table.rows.map((row) => ({
          table: table.id,
          tableTitle: table.title,
          documentTitle: titles.get(table.id.split('/')[0]!) ?? table.id.split('/')[0]!,
          name: row.name,
          cells: row.cells,
        })),
      );
      cache.set(country, rows);
    }
    return rows;
  };
});

/** The table rows about a country (a `countries` id), for its hub. */
export async function countryTableRows(country: string): Promise<CountryTableRow[]> {
  return (await allCountryRows())(country);
}

/**
 * How many pages a hub's list has: enough for its documents and, on a country hub, for its table
 * rows, which page along beside them.
 */
export async function hubPageCount(hub: Hub): Promise<number> {
  const rows = hub.kind === 'country' ? (await countryTableRows(hub.id)).length : 0;
  return Math.max(pageCount(hub.documents.length, DOCUMENTS_PER_PAGE), pageCount(rows, COUNTRY_ROWS_PER_PAGE));
}

/** The static paths of every hub's pages after the first: src/pages/{countries,topics}/[id]/page/[page].astro. */
export async function hubPagePaths(kind: HubKind) {
  const paths = await Promise.all(
    (await hubs(kind)).map(async (hub) =>
      Array.from({ length: (await hubPageCount(hub)) - 1 }, (_, i) => ({ params: { id: hub.id, page: String(i + 2) }, props: { hub, page: i + 2 } })),
    ),
  );
  return paths.flat();
}
