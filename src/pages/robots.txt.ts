/**
 * robots.txt names the sitemap. It only takes effect at the host's root: below a base path
 * (BASE_PATH), copy it there or add the Sitemap line to the host's own robots.txt.
 */
import type { APIRoute } from 'astro';
import { absoluteUrl, sitemapHref } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(sitemapHref(), site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
