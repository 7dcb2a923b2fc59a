/**
 * The feeds of this site, computed once per build from the collection: the site-wide feed and
 * one per country and topic hub, with absolute URLs from the configured site and base path.
 */
import { getCollection } from 'astro:content';
import { SITE_NAME } from '../../data/site.ts';
import { publishedHubIds } from '../../data/hubs.ts';
import { absoluteUrl, assessmentHref, countriesHref, countryHref, feedHref, homeHref, topicHref, topicsHref, type FeedFormat, type FeedScope } from '../urls.ts';
import { documentFacts, newestFirst, type DocumentFacts } from './documents.ts';
import { atomFeed, rssFeed, type FeedMeta } from './feed.ts';

let facts: Promise<DocumentFacts[]> | undefined;

/** Every document's facts, newest first. */
export function allDocumentFacts(): Promise<DocumentFacts[]> {
  facts ??= getCollection('assessments').then(async (entries) => newestFirst(await Promise.all(entries.map(documentFacts))));
  return facts;
}

let labels: Promise<{ country: Map<string, string>; topic: Map<string, string> }> | undefined;
function hubLabels() {
  labels ??= Promise.all([getCollection('countries'), getCollection('topics')]).then(([countries, topics]) => ({
    country: new Map(countries.map((entry) => [entry.id, entry.data.name])),
    topic: new Map(topics.map((entry) => [entry.id, entry.data.label])),
  }));
  return labels;
}

/** The hubs that have a feed: exactly those that have a page. */
export async function feedScopes(kind: 'country' | 'topic'): Promise<string[]> {
  const ids = await publishedHubIds();
  return [...(kind === 'country' ? ids.countries : ids.topics)].sort();
}

async function meta(format: FeedFormat, scope: FeedScope, site: URL): Promise<FeedMeta> {
  const names = await hubLabels();
  const name = scope.kind === 'all' ? undefined : (names[scope.kind].get(scope.id) ?? scope.id);
  return {
    title: name ? `${SITE_NAME}: ${name}` : SITE_NAME,
    subtitle: name ? `The newest assessments concerning ${name}.` : 'The newest assessments.',
    self: absoluteUrl(feedHref(format, scope), site),
    page: absoluteUrl(scope.kind === 'all' ? homeHref() : scope.kind === 'country' ? countryHref(scope.id) : topicHref(scope.id), site),
    siteName: SITE_NAME,
    documentUrl: (slug) => absoluteUrl(assessmentHref(slug), site),
    label: (kind, id) => names[kind].get(id) ?? id,
    scheme: (kind) => absoluteUrl(kind === 'country' ? countriesHref() : topicsHref(), site),
  };
}

async function documentsOf(scope: FeedScope): Promise<DocumentFacts[]> {
  const all = await allDocumentFacts();
  if (scope.kind === 'all') return all;
  return all.filter((doc) => (scope.kind === 'country' ? doc.countries : doc.topics).includes(scope.id));
}

/** Every feed the site publishes: site-wide Atom and RSS, and an Atom feed per published hub. */
export async function allFeeds(): Promise<{ format: FeedFormat; scope: FeedScope }[]> {
  const hubs = async (kind: 'country' | 'topic') => (await feedScopes(kind)).map((id) => ({ format: 'atom' as const, scope: { kind, id } }));
  return [{ format: 'atom', scope: { kind: 'all' } }, { format: 'rss', scope: { kind: 'all' } }, ...(await hubs('country')), ...(await hubs('topic'))];
}

export async function feedResponse(format: FeedFormat, scope: FeedScope, site: URL): Promise<Response> {
  const body = (format === 'atom' ? atomFeed : rssFeed)(await meta(format, scope, site), await documentsOf(scope));
  return new Response(body, { headers: { 'Content-Type': format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8' } });
}
