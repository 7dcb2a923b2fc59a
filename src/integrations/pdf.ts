/**
 * PDFs of every document, drawn after the build from the finished pages (src/lib/pdf/), so they
 * hold exactly what the page shows. Each page's placeholder (src/components/PdfDownload.astro)
 * becomes its link with the PDF's page count and size. A PDF that cannot be made is a warning
 * naming the page and the reason, and that page simply has no link: one bad document does not
 * fail the site. List this before the search index and the link check, which read the pages.
 * PDFs are cached on disk by a hash of the page's content (src/lib/cards/cache.ts).
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheKey, cached } from '../lib/cards/cache.ts';
import { FONT_FILES, PROJECT_FILES } from '../lib/cards/fonts.ts';
import { pdfDocumentFromHtml } from '../lib/pdf/model.ts';
import { renderPdf } from '../lib/pdf/render.ts';
import { SITE_NAME } from '../data/site.ts';

const PLACEHOLDER = /<p class="pdf-download" data-pdf-download="([^"]*)" hidden(?:="")?><\/p>/;
const VERSION = cacheKey(
  readFileSync(PROJECT_FILES('src/lib/pdf/render.ts')),
  readFileSync(PROJECT_FILES('src/lib/pdf/model.ts')),
  readFileSync(FONT_FILES.regular),
  readFileSync(FONT_FILES.bold),
  readFileSync(FONT_FILES.italic),
);

/** "120 kB", as the link states it: decimal kilobytes, rounded up so a tiny file is not "0 kB". */
export function sizeLabel(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;
}

/** Pages in a PDF, as readers see it: count stored in its page tree root. */
function pageCountOf(bytes: Buffer): number {
  const match = /\/Type \/Pages\s*\/Count (\d+)/.exec(bytes.toString('latin1'));
  if (!match) throw new Error('no page count in the cached PDF');
  return Number(match[1]);
}

export function pdfOutputs(): AstroIntegration {
  let base = '/';
  return {
    name: 'pdf-outputs',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        let made = 0;
        let failed = 0;
        for (const { pathname } of pages) {
          if (!/^assessments\/[^/]+\/$/.test(pathname)) continue;
          const file = join(root, pathname, 'index.html');
          const html = await readFile(file, 'utf8');
          const placeholder = PLACEHOLDER.exec(html);
          if (!placeholder) continue;
          const href = placeholder[1]!;
          let replacement = '';
          try {
            if (!href.startsWith(base)) throw new Error(`the PDF link ${href} is outside the base path ${base}`);
            const model = pdfDocumentFromHtml(html, `dist/${pathname}index.html`);
            const bytes = await cached('pdf', cacheKey(VERSION, JSON.stringify(model)), async () => (await renderPdf(model, { date: model.date, siteName: SITE_NAME })).bytes);
            const pages = pageCountOf(bytes);
            const target = join(root, href.slice(base.length));
            await mkdir(dirname(target), { recursive: true });
            await writeFile(target, bytes);
            replacement =
              `<p class="pdf-download"><a href="${href}" type="application/pdf" download>` +
              `Download PDF, ${pages} ${pages === 1 ? 'page' : 'pages'}, ${sizeLabel(bytes.length)}</a></p>`;
            made++;
          } catch (error) {
            failed++;
            logger.warn(`${pathname}: no PDF (${error instanceof Error ? error.message : String(error)}); the page is published without its PDF link.`);
          }
          await writeFile(file, html.replace(PLACEHOLDER, replacement));
        }
        logger.info(`${made} PDFs in ${((performance.now() - started) / 1000).toFixed(1)} s${failed ? `, ${failed} documents without one` : ''}`);
      },
    },
  };
}
