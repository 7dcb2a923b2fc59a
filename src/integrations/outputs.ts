/**
 * Social cards and PDFs, drawn at build time in worker threads (src/integrations/outputs-worker.ts)
 * so they run beside Astro's page rendering, which keeps to one thread:
 * - at build start, a card per document from its front matter (content/assessments/*.mdx),
 *   staged outside dist/ and copied to dist/cards/ at build end;
 * - at build end, a PDF per document from its finished page (src/lib/pdf/), so it holds exactly
 *   what the page shows. Each page's placeholder (src/components/PdfDownload.astro) becomes its
 *   link with the PDF's page count and size. A PDF that cannot be made is a warning naming the
 *   page and the reason, and that page has no link: one bad document does not fail the site.
 * List this before the search index and the link check, which read the pages. Outputs are cached
 * on disk by a hash of their content (src/lib/cards/cache.ts), so a rebuild draws only what changed.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { PROJECT_FILES } from '../lib/cards/fonts.ts';
import { cardPath } from '../lib/urls.ts';
import type { OutputResult, OutputTask } from './outputs-worker.ts';

const PLACEHOLDER = /<p class="pdf-download" data-pdf-download="([^"]*)" hidden(?:="")?><\/p>/;

/** "120 kB", as the link states it: decimal kilobytes, rounded, never "0 kB". */
export function sizeLabel(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;
}

/** Worker threads taking tasks in turn; a task's failure is its promise's rejection. */
class Pool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, { resolve: (result: OutputResult) => void; reject: (error: Error) => void }>();
  private next = 0;
  private turn = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(PROJECT_FILES('src/integrations/outputs-worker.ts'));
      worker.on('message', ({ id, result, error }: { id: number; result?: OutputResult; error?: string }) => {
        const task = this.pending.get(id)!;
        this.pending.delete(id);
        if (error !== undefined) task.reject(new Error(error));
        else task.resolve(result!);
      });
      worker.on('error', (error) => {
        for (const task of this.pending.values()) task.reject(error);
        this.pending.clear();
      });
      this.workers.push(worker);
    }
  }

  run(task: OutputTask): Promise<OutputResult> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[this.turn++ % this.workers.length]!.postMessage({ id, task });
    });
  }

  close(): Promise<unknown> {
    return Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

export function outputs(): AstroIntegration {
  let base = '/';
  let root = '';
  let pool: Pool | undefined;
  let stage = '';
  let cards: Promise<{ made: number; seconds: number }> | undefined;
  return {
    name: 'outputs',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
        root = fileURLToPath(config.root);
      },
      'astro:build:start': ({ logger }) => {
        // One worker per core: Astro's rendering keeps to one thread, the cards take the rest.
        pool = new Pool(Math.max(1, availableParallelism()));
        stage = mkdtempSync(join(tmpdir(), 'atlas-cards-'));
        const started = performance.now();
        const dir = join(root, 'content/assessments');
        const files = readdirSync(dir).filter((name) => name.endsWith('.mdx')).sort();
        cards = Promise.all(
          files.map(async (name) => {
            const result = await pool!.run({ kind: 'card', source: join(dir, name), target: join(stage, cardPath(name.slice(0, -4))) }).catch((error: Error) => {
              logger.warn(`content/assessments/${name}: no social card (${error.message}).`);
              return undefined;
            });
            if (result?.kind === 'card' && result.warning) logger.warn(result.warning);
            return result?.kind === 'card' && result.slug ? 1 : 0;
          }),
        ).then((made) => ({ made: made.reduce((a: number, b) => a + b, 0), seconds: (performance.now() - started) / 1000 }));
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        try {
          const drawn = await cards!;
          cpSync(stage, out, { recursive: true });
          logger.info(`${drawn.made} social cards in ${drawn.seconds.toFixed(1)} s (beside page rendering)`);

          const started = performance.now();
          let made = 0;
          let failed = 0;
          await Promise.all(
            pages
              .filter(({ pathname }) => /^assessments\/[^/]+\/$/.test(pathname))
              .map(async ({ pathname }) => {
                const file = join(out, pathname, 'index.html');
                const html = await readFile(file, 'utf8');
                const placeholder = PLACEHOLDER.exec(html);
                if (!placeholder) return;
                const href = placeholder[1]!;
                let replacement = '';
                try {
                  if (!href.startsWith(base)) throw new Error(`the PDF link ${href} is outside the base path ${base}`);
                  const result = await pool!.run({ kind: 'pdf', page: file, target: join(out, href.slice(base.length)) });
                  if (result.kind !== 'pdf') throw new Error('the worker answered with a card');
                  replacement =
                    `<p class="pdf-download"><a href="${href}" type="application/pdf" download>` +
                    `Download PDF, ${result.pages} ${result.pages === 1 ? 'page' : 'pages'}, ${sizeLabel(result.bytes)}</a></p>`;
                  made++;
                } catch (error) {
                  failed++;
                  logger.warn(`${pathname}: no PDF (${error instanceof Error ? error.message : String(error)}); the page is published without its PDF link.`);
                }
                await writeFile(file, html.replace(PLACEHOLDER, replacement));
              }),
          );
          logger.info(`${made} PDFs in ${((performance.now() - started) / 1000).toFixed(1)} s${failed ? `, ${failed} documents without one` : ''}`);
        } finally {
          rmSync(stage, { recursive: true, force: true });
          await pool?.close();
        }
      },
    },
  };
}
