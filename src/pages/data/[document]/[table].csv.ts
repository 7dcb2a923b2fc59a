import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { tableCsv } from '../../../lib/downloads.ts';

/** Each table as CSV at /data/<slug>/<table-id>.csv (src/lib/downloads.ts says how). */
export const getStaticPaths = (async () => {
  const tables = await getCollection('tables');
  return tables.map((entry) => {
    const [document, table] = entry.id.split('/');
    return { params: { document, table }, props: { entry } };
  });
}) satisfies GetStaticPaths;

interface Props {
  entry: CollectionEntry<'tables'>;
}

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(tableCsv(props.entry.data), { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
