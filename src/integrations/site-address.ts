/**
 * What depends on knowing the site's address (SITE_URL). With it, the feeds and the sitemap are
 * published (src/routes/): both are lists of absolute URLs. Without it no host is guessed: pages
 * link relatively and leave out what needs an absolute URL (canonical, og:url, preview images),
 * the feeds and the sitemap are not written, and the build says so once.
 */
import type { AstroIntegration } from 'astro';

const route = (file: string) => new URL(`../routes/${file}`, import.meta.url);

export function siteAddress(): AstroIntegration {
  let known = false;
  return {
    name: 'site-address',
    hooks: {
      'astro:config:setup': ({ config, injectRoute }) => {
        known = config.site !== undefined;
        if (!known) return;
        injectRoute({ pattern: '/feeds/[...feed]', entrypoint: route('feed.ts'), prerender: true });
        injectRoute({ pattern: '/sitemap.xml', entrypoint: route('sitemap.xml.ts'), prerender: true });
      },
      'astro:build:start': ({ logger }) => {
        if (known) return;
        logger.warn(
          'SITE_URL is not set: pages carry no canonical link, og:url or preview image, citations and print show paths without a host, and no feeds or sitemap are written. Set SITE_URL=https://your.host to publish absolute URLs.',
        );
      },
    },
  };
}
