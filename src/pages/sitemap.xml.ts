/**
 * sitemap.xml: the pages a search engine should index, each document with the date it last
 * changed. Share pages (they only redirect to a section) and the search page are left out;
 * hubs carry the newest date of the documents they list.
 */
import type { APIRoute } from 'astro';
import { allDocumentFacts, feedScopes } from '../lib/feeds/site.ts';
import { isoDate, xml } from '../lib/feeds/xml.ts';
import { absoluteUrl, assessmentHref, countriesHref, countryHref, dataHref, homeHref, topicHref, topicsHref } from '../lib/urls.ts';
import type { DocumentFacts } from '../lib/feeds/documents.ts';

const newest = (documents: DocumentFacts[]) => documents.find((doc) => doc.updated)?.updated;

export const GET: APIRoute = async ({ site }) => {
  const documents = await allDocumentFacts();
  const urls: { href: string; lastmod?: Date | undefined }[] = [
    { href: homeHref(), lastmod: newest(documents) },
    ...documents.map((doc) => ({ href: assessmentHref(doc.slug), lastmod: doc.updated })),
    { href: countriesHref(), lastmod: newest(documents) },
    ...(await feedScopes('country')).map((id) => ({ href: countryHref(id), lastmod: newest(documents.filter((doc) => doc.countries.includes(id))) })),
    { href: topicsHref(), lastmod: newest(documents) },
    ...(await feedScopes('topic')).map((id) => ({ href: topicHref(id), lastmod: newest(documents.filter((doc) => doc.topics.includes(id))) })),
    { href: dataHref(), lastmod: newest(documents) },
  ];
  const body = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map(
      ({ href, lastmod }) => `  <url><loc>${xml(absoluteUrl(href, site))}</loc>${lastmod ? `<lastmod>${isoDate(lastmod)}</lastmod>` : ''}</url>`,
    ),
    '</urlset>',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
