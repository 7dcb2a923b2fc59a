import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { type BuiltFile, checkLinks, formatBrokenLinks } from '../lib/linkCheck.ts';

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
        const files = await listFiles(root);
        const built: BuiltFile[] = await Promise.all(
          files.map(async (file) => ({ file, html: file.endsWith('.html') ? await readFile(join(root, file), 'utf8') : undefined })),
        );
        const broken = checkLinks(built, { base, site });
        if (broken.length > 0) throw new Error(formatBrokenLinks(broken, relative(process.cwd(), root).split(sep).join('/') || '.'));
        logger.info(`every internal link of ${built.filter((file) => file.html !== undefined).length} pages resolves`);
      },
    },
  };
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
