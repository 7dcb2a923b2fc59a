import type { APIRoute, GetStaticPaths } from 'astro';
import { tableDownloadPaths, type TableDownloadProps } from '../../../data/tableDownloads.ts';
import { tableCsv } from '../../../lib/downloads.ts';

/** Each table as CSV at /data/<slug>/<table-id>.csv (src/lib/downloads.ts says how). */
export const getStaticPaths = tableDownloadPaths satisfies GetStaticPaths;

export const GET: APIRoute<TableDownloadProps> = ({ props }) =>
  new Response(tableCsv(props.entry.data), { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
