import { getCollection, type CollectionEntry } from 'astro:content';
import { tableDownloadKey } from './pageKeys.ts';

/** The props of a table download endpoint (src/pages/data/[document]/[table].*.ts). */
export interface TableDownloadProps {
  entry: CollectionEntry<'tables'>;
}

/** One path per table: entry "<slug>/<table-id>" is served at /data/<slug>/<table-id>.<format>. */
export async function tableDownloadPaths() {
  return Promise.all(
    (await getCollection('tables')).map(async (entry) => {
      const [document, table] = entry.id.split('/');
      return { params: { document, table }, props: { entry } satisfies TableDownloadProps, cacheKey: await tableDownloadKey(entry) };
    }),
  );
}
