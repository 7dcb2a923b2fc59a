import type { APIRoute, GetStaticPaths } from 'astro';
import { tableDownloadPaths, type TableDownloadProps } from '../../../data/tableDownloads.ts';
import { getEntry } from 'astro:content';
import { tableJson } from '../../../lib/downloads.ts';
import { absoluteUrl, assessmentHref, sectionHref, sourceHref, tableHref } from '../../../lib/urls.ts';

/** Each table as JSON at /data/<slug>/<table-id>.json: cells, values, country ids and chart. */
export const getStaticPaths = tableDownloadPaths satisfies GetStaticPaths;

export const GET: APIRoute<TableDownloadProps> = async ({ props, site }) => {
  const { entry } = props;
  const document = await getEntry(entry.data.document);
  if (!document) throw new Error(`content/tables/${entry.id}.json: its document "${entry.data.document.id}" does not exist.`);
  const section = document.data.sections.find((candidate) => candidate.id === entry.data.section);
  if (!section) {
    throw new Error(`content/tables/${entry.id}.json: section "${entry.data.section}" is not a section of ${document.id}; use one of its sections[].id.`);
  }
  const url = (href: string) => absoluteUrl(href, site);
  const json = tableJson(entry.data, {
    id: entry.id,
    url: url(tableHref(entry.id)),
    document: { slug: document.data.slug, title: document.data.title, url: url(assessmentHref(document.data.slug)) },
    section: { id: section.id, title: section.title, url: url(sectionHref(document.data.slug, section.id)) },
    source: { url: url(sourceHref(document.data.slug)) },
  });
  return new Response(`${JSON.stringify(json, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
