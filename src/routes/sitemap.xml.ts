/**
 * sitemap.xml: the pages a search engine should index, each document with the latest date it
 * states (no lastmod when it states none: the sitemap never guesses). Share pages (they only
 * redirect to a section), earlier versions and change pages (src/data/revisions.ts; the current
 * page is the one to index) and the search page are left out; hubs carry the newest date of the
 * documents they list. Injected by src/integrations/site-address.ts only when the site's address
 * is known: a sitemap lists absolute URLs.
 */
import type { APIRoute } from 'astro';
import { x } from 'xastscript';
import { allDocumentFacts, feedScopes } from '../lib/feeds/site.ts';
import { isoDate, xmlDocument } from '../lib/feeds/xml.ts';
import type { DocumentFacts } from '../lib/feeds/documents.ts';
import { absoluteUrl, assessmentHref, countriesHref, countryHref, dataHref, homeHref, topicHref, topicsHref } from '../lib/urls.ts';

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
  const entries = urls.flatMap(({ href, lastmod }) => [
    { type: 'text' as const, value: '\n  ' },
    x('url', [x('loc', absoluteUrl(href, site)), lastmod && x('lastmod', isoDate(lastmod))]),
  ]);
  const body = xmlDocument(x(null, [x('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' }, [...entries, { type: 'text', value: '\n' }])]));
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
