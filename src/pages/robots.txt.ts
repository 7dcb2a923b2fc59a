/**
 * robots.txt names the sitemap when there is one (SITE_URL set: src/integrations/site-address.ts).
 * It only takes effect at the host's root: below a base path (BASE_PATH), copy it there or add
 * the Sitemap line to the host's own robots.txt.
 */
import type { APIRoute } from 'astro';
import { absoluteUrl, sitemapHref } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Allow: /', ...(site ? ['', `Sitemap: ${absoluteUrl(sitemapHref(), site)}`] : [])];
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
