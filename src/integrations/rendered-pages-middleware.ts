/**
 * Added by outputs.ts for `astro build` only: passes each rendered document page to the build's
 * listener (rendered-pages.ts) and returns the same page.
 */
import type { MiddlewareHandler } from 'astro';
import { documentSlugOfPath, sitePath } from '../lib/urls.ts';
import { renderedPageListener } from './rendered-pages.ts';

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const listener = renderedPageListener();
  if (listener === undefined || !context.isPrerendered) return response;
  const path = sitePath(context.url.pathname);
  const slug = path === undefined ? undefined : documentSlugOfPath(path);
  if (slug === undefined) return response;
  const html = await response.text();
  listener(slug, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
};
