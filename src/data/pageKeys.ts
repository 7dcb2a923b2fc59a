/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild` in
 * astro.config.mjs): a page whose key, and whose template code, are as in the last build is not
 * rendered again; its earlier output is kept. So a key must change whenever anything the page
 * shows changes, including what it shows of *other* documents. It lists those inputs here, in
 * one place, next to the pages that read them:
 *
 * - a document page: its own entry (front matter and body), its tables, the related links of
 *   each of its sections with the titles of the documents they lead to (a new document elsewhere
 *   changes them), the published hubs (tag chips and table cells link only to those), and the
 *   country and topic names, and the site's address and base path, which every absolute URL and
 *   link on the page holds (Astro's own cache does not tell builds for different addresses apart).
 *
 * - a hub page: what it lists (src/data/listings.ts hubPageContent: its documents, by digest, with
 *   their sections and excerpts, its table rows, its place in the list) and the hub's counts, so a
 *   new document re-renders only the pages of its own countries and topics;
 * - a table's CSV and JSON: the table, and its document, whose title and section the JSON names;
 * - a source text: the digest of the file's bytes as they are now and the one the front matter
 *   records (the endpoint checks that they agree whenever it renders).
 *
 * The other listings (home, /data/, the hub indexes, search) show the newest documents first, so
 * any new document changes them: they have no key and are rendered every build.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { getCollection, type CollectionEntry } from 'astro:content';
import { publishedHubIds, type Hub } from './hubs.ts';
import type { HubPageContent } from './listings.ts';
import { perBuild } from './memo.ts';
import { documentTitles, relatedIndex } from './related.ts';

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

const address = { site: import.meta.env.SITE, base: import.meta.env.BASE_URL };

/** An entry's digest (Astro's hash of its data and body), which stands for the whole entry in a key. */
const digestOf = (entry: { digest?: string | number | undefined; data: unknown }) => entry.digest ?? hash(entry.data);

/** What every document page shows of the whole site: published hubs, country and topic names. */
const siteWide = perBuild(['assessments', 'countries', 'topics'], async () => {
  const hubs = await publishedHubIds();
  const vocabulary = [...(await getCollection('countries')), ...(await getCollection('topics'))].map((entry) => [entry.id, digestOf(entry)]);
  return hash({ countries: [...hubs.countries].sort(), topics: [...hubs.topics].sort(), vocabulary });
});

/** The digests of each document's tables, by document slug. */
const tableDigests = perBuild(['tables'], async () => {
  const byDocument = new Map<string, [string, string | number][]>();
  for (const table of await getCollection('tables')) {
    const slug = table.id.split('/')[0]!;
    byDocument.set(slug, [...(byDocument.get(slug) ?? []), [table.id, digestOf(table)]]);
  }
  return byDocument;
});

export async function documentPageKey(entry: CollectionEntry<'assessments'>): Promise<string> {
  const index = await relatedIndex();
  const titles = await documentTitles();
  const related = entry.data.sections.map((section) =>
    index.relatedTo(entry.data.slug, section.id).map((link) => [link.ref, link.title, titles.get(link.docSlug), link.shared]),
  );
  const tables = (await tableDigests()).get(entry.data.slug) ?? [];
  return hash({ entry: digestOf(entry), tables, related, site: await siteWide(), address });
}

export async function hubPageKey(hub: Hub, content: HubPageContent): Promise<string> {
  const { count, documents, rows } = content;
  return hash({
    hub: [hub.kind, hub.id, hub.name, hub.documents.length, hub.sectionCount],
    count,
    documents: [documents.start, documents.items.map(({ entry, sections }) => [digestOf(entry), sections])],
    rows: rows && [rows.start, rows.total, rows.items],
    site: await siteWide(),
    address,
  });
}

/** The digest of each document, by id. */
const documentDigests = perBuild(['assessments'], async () => new Map((await getCollection('assessments')).map((entry) => [entry.id, digestOf(entry)])));

export async function tableDownloadKey(table: CollectionEntry<'tables'>): Promise<string> {
  return hash({ table: digestOf(table), document: (await documentDigests()).get(table.data.document.id), address });
}

export async function sourceKey(entry: CollectionEntry<'assessments'>): Promise<string | undefined> {
  // No key for a file that cannot be read: the endpoint then renders, and its error names the file.
  const bytes = await readFile(entry.data.source.path).catch(() => undefined);
  return bytes && hash({ bytes: createHash('sha256').update(bytes).digest('hex'), recorded: entry.data.source.sha256 });
}
