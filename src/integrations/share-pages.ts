/**
 * Writes the share pages (src/lib/sharePage.ts) at the end of `astro build`, from the list the
 * SHARE_MANIFEST route built, then removes the list. List it before the anchor lock and the link
 * check: they read the finished output, share pages included. The pages are not in Astro's
 * `pages`, so a sitemap built from those leaves them out, as it should (they only redirect).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SHARE_MANIFEST, SHARE_PAGE_BUDGET, shareManifestSchema, sharePageHtml, type SharePage } from '../lib/sharePage.ts';

/** Files written at once. */
const IN_FLIGHT = 32;

/** What was written: how many pages, and those over SHARE_PAGE_BUDGET, by file. */
export interface WrittenSharePages {
  count: number;
  overBudget: string[];
}

export async function writeSharePages(out: string): Promise<WrittenSharePages> {
  const manifest = join(out, SHARE_MANIFEST);
  const parsed = shareManifestSchema.safeParse(JSON.parse(await readFile(manifest, 'utf8')));
  if (!parsed.success) throw new Error(`${manifest}: not a list of share pages (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}); is src/pages/s/share-pages.json.ts the route that builds it?`);
  const pages = parsed.data;
  let next = 0;
  const overBudget: string[] = [];
  const write = async (page: SharePage) => {
    const file = join(out, page.file);
    const html = sharePageHtml(page);
    if (Buffer.byteLength(html) > SHARE_PAGE_BUDGET) overBudget.push(page.file);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, html);
  };
  const worker = async () => {
    while (next < pages.length) await write(pages[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, pages.length) }, worker));
  await rm(manifest);
  return { count: pages.length, overBudget: overBudget.sort() };
}

export function sharePages(): AstroIntegration {
  return {
    name: 'share-pages',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { count, overBudget } = await writeSharePages(fileURLToPath(dir));
        logger.info(`wrote ${count} share pages in ${((performance.now() - started) / 1000).toFixed(2)} s`);
        if (overBudget.length > 0) {
          const listed = overBudget.slice(0, 5).join(', ') + (overBudget.length > 5 ? ` and ${overBudget.length - 5} more` : '');
          logger.warn(`${overBudget.length} share pages are over ${SHARE_PAGE_BUDGET} bytes even with a short description, as their section and document titles are long: ${listed}`);
        }
      },
    },
  };
}
