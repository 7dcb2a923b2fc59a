import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatBrokenLinks } from '../lib/linkCheck.ts';
import { builtPages, forgetBuiltPages } from './built-pages.ts';

/**
 * Fails the build when a link of the site leads nowhere: a page that is not built, a fragment
 * that no element of the target page has (checked across pages), a folder without its final
 * "/", a path outside the base path. It reads the finished output, so it covers every page and
 * every link, including those editors write in MDX. List it last in `integrations`: files that
 * other integrations add at build end (a search index) then exist when it runs.
 */
export function linkCheck(): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        // The anchor lock may have scanned the output already; this is the last reader.
        const { broken, pages } = await builtPages(dir, { base, site });
        forgetBuiltPages(dir);
        if (broken.length > 0) throw new Error(formatBrokenLinks(broken, relative(process.cwd(), root).split(sep).join('/') || '.'));
        logger.info(`every internal link of ${pages} pages resolves`);
      },
    },
  };
}
