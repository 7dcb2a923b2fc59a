/**
 * sitemap.xml: the pages a search engine should index, each document with the latest date it
 * states (no lastmod when it states none: the sitemap never guesses). Share pages (they only
 * redirect to a section), earlier versions and change pages (src/data/revisions.ts; the current
 * page is the one to index) and the search page are left out; hubs carry the newest date of the
 * documents they list.
 */
import type { APIRoute } from 'astro';
import { allDocumentFacts, feedScopes } from '../lib/feeds/site.ts';
import { isoDate, xml } from '../lib/feeds/xml.ts';
import { absoluteUrl, assessmentHref, countriesHref, countryHref, dataHref, homeHref, topicHref, topicsHref } from '../lib/urls.ts';
import type { DocumentFacts } from '../lib/feeds/documents.ts';

const newest = (documents: DocumentFacts[]) =>
  documents.reduce<Date | undefined>((max, doc) => (doc.stated && (!max || doc.stated > max) ? doc.stated : max), undefined);

export const GET: APIRoute = async ({ site }) => {
  const documents = await allDocumentFacts();
  const urls: { href: string; lastmod?: Date | undefined }[] = [
    { href: homeHref(), lastmod: newest(documents) },
    ...documents.map((doc) => ({ href: assessmentHref(doc.slug), lastmod: doc.stated })),
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
