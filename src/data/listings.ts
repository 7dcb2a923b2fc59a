/**
 * What the paginated listings show, derived once per build: the documents newest first (home),
 * every table in listing order (/data/) and each country's table rows (its hub). Pages read
 * slices of these (src/lib/pagination.ts), so a page costs its own entries, not the archive.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { countryRowsByCountry, type CountryRowCell } from '../lib/countryRows.ts';
import { sortForListing } from '../lib/listing.ts';
import { COUNTRY_ROWS_PER_PAGE, DOCUMENTS_PER_PAGE, pageCount, pageOf, type PageOf } from '../lib/pagination.ts';
import { hubs, type Hub, type HubDocument, type HubKind } from './hubs.ts';
import { perBuild } from './memo.ts';
import { hubPageKey } from './pageKeys.ts';

type Assessment = CollectionEntry<'assessments'>;
type Table = CollectionEntry<'tables'>;

/** Derived once per build from both collections (src/data/memo.ts; recomputed in dev when they change). */
function perCollections<T>(compute: (documents: Assessment[], tables: Table[]) => T): () => Promise<T> {
  return perBuild(['assessments', 'tables'], async () => compute(await getCollection('assessments'), await getCollection('tables')));
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

/** Every country's rows across all tables (tables in id order), from one pass over the tables. */
const allCountryRows = perCollections((documents, tables) => {
  const titles = new Map(documents.map((document) => [document.id, document.data.title]));
  const sorted = [...tables].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = new Map<string, CountryTableRow[]>();
  for (const [country, found] of countryRowsByCountry(sorted)) {
    rows.set(
      country,
      found.flatMap((table) =>
        table.rows.map((row) => ({
          table: table.id,
          tableTitle: table.title,
          documentTitle: titles.get(table.id.split('/')[0]!) ?? table.id.split('/')[0]!,
          name: row.name,
          cells: row.cells,
        })),
      ),
    );
  }
  return (country: string): CountryTableRow[] => rows.get(country) ?? [];
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

export interface HubPageContent {
  /** How many pages the hub's list has. */
  readonly count: number;
  readonly documents: PageOf<HubDocument>;
  /** On a country hub, its table rows on this page. */
  readonly rows?: PageOf<CountryTableRow> | undefined;
}

/** The props of a hub's page (src/components/HubPage.astro), from hubPaths. */
export interface HubPageProps {
  readonly hub: Hub;
  /** Which page of the hub's list (1-based). */
  readonly page: number;
  readonly content: HubPageContent;
}

/** What page `page` (1-based) of a hub lists. */
export async function hubPageContent(hub: Hub, page: number): Promise<HubPageContent> {
  const count = await hubPageCount(hub);
  const documents = pageOf(hub.documents, DOCUMENTS_PER_PAGE, page, count);
  const rows = hub.kind === 'country' ? pageOf(await countryTableRows(hub.id), COUNTRY_ROWS_PER_PAGE, page, count) : undefined;
  return { count, documents, rows };
}

/**
 * The static paths of a kind's hubs: their first pages (src/pages/{countries,topics}/[id].astro)
 * or the pages after the first (.../[id]/page/[page].astro). Each has a cache key of what it
 * lists (src/data/pageKeys.ts): a new document re-renders the pages of its own hubs only.
 */
export async function hubPaths(kind: HubKind, which: 'first' | 'rest') {
  const paths = await Promise.all(
    (await hubs(kind)).map(async (hub) => {
      const count = await hubPageCount(hub);
      const numbers = which === 'first' ? [1] : Array.from({ length: count - 1 }, (_, i) => i + 2);
      return Promise.all(
        numbers.map(async (page) => {
          const content = await hubPageContent(hub, page);
          const props: HubPageProps = { hub, page, content };
          return { params: which === 'first' ? { id: hub.id } : { id: hub.id, page: String(page) }, props, cacheKey: await hubPageKey(hub, content) };
        }),
      );
    }),
  );
  return paths.flat();
}
