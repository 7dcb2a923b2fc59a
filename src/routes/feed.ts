/**
 * Every feed of the site (src/lib/feeds/site.ts): the site-wide Atom and RSS feeds and an Atom
 * feed per country and topic hub. Injected by src/integrations/site-address.ts only when the
 * site's address is known: a feed's ids and links must be absolute URLs.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allFeeds, feedResponse } from '../lib/feeds/site.ts';
import { feedPath, type FeedFormat, type FeedScope } from '../lib/urls.ts';

export const getStaticPaths = (async () =>
  (await allFeeds()).map(({ format, scope }) => ({ params: { feed: feedPath(format, scope) }, props: { format, scope } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ format: FeedFormat; scope: FeedScope }> = ({ props, site }) => feedResponse(props.format, props.scope, site!);
