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
 * Listing pages (home, hubs, /data/, search) read the whole collection and have no key: they are
 * rendered every build.
 */
import { createHash } from 'node:crypto';
import { getCollection, type CollectionEntry } from 'astro:content';
import { publishedHubIds } from './hubs.ts';
import { perBuild } from './memo.ts';
import { documentTitles, relatedIndex } from './related.ts';

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

const address = { site: import.meta.env.SITE, base: import.meta.env.BASE_URL };

/** What every document page shows of the whole site: published hubs, country and topic names. */
const siteWide = perBuild(['assessments', 'countries', 'topics'], async () => {
  const hubs = await publishedHubIds();
  const vocabulary = [...(await getCollection('countries')), ...(await getCollection('topics'))].map((entry) => [entry.id, entry.digest ?? entry.data]);
  return hash({ countries: [...hubs.countries].sort(), topics: [...hubs.topics].sort(), vocabulary });
});

/** The digests of each document's tables, by document slug. */
const tableDigests = perBuild(['tables'], async () => {
  const byDocument = new Map<string, [string, string | number][]>();
  for (const table of await getCollection('tables')) {
    const slug = table.id.split('/')[0]!;
    byDocument.set(slug, [...(byDocument.get(slug) ?? []), [table.id, table.digest ?? hash(table.data)]]);
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
  return hash({ entry: entry.digest ?? entry.data, tables, related, site: await siteWide(), address });
}
