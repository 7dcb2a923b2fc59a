/**
 * Social cards and PDFs, drawn at build time in worker threads (src/integrations/outputs-worker.ts)
 * so they run beside Astro's page rendering, which keeps to one thread:
 * - at build start, when the site's address is known, a card per document and per section from
 *   its front matter (content/assessments/*.mdx), staged outside dist/ and copied to dist/cards/
 *   at build end;
 * - a PDF per document from its finished page (src/lib/pdf/), so it holds exactly what the page
 *   shows: each document page is handed over as Astro renders it (rendered-pages.ts), while
 *   the worker keeps up; the rest, and pages Astro restored from its cache, are read from dist/
 *   at build end and drawn while the search index is built. Each page's placeholder
 *   (src/components/PdfDownload.astro) then becomes its link with the PDF's page count and size.
 *   A PDF that cannot be made is a warning naming the page and the reason, and that page has no
 *   link: one bad document does not fail the site.
 * Outputs are cached under node_modules/.astro by a hash of their content (src/integrations/build-cache.ts),
 * so a rebuild draws only what changed.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { PROJECT_FILES } from '../lib/cards/fonts.ts';
import { PDF_PLACEHOLDER } from '../lib/pdf/placeholder.ts';
import { assessmentPath, documentSlugOfPath } from '../lib/urls.ts';
import type { OutputResult, OutputTask } from './outputs-worker.ts';
import { listenToRenderedPages } from './rendered-pages.ts';

/**
 * Characters of rendered pages waiting for the worker, at most. Astro renders the document pages
 * first and faster than one worker draws their PDFs, so they wait; the worker then draws them
 * while Astro renders the listings. About 40 MB: every page of 1,000 documents; in a larger
 * archive about 1,100 pages at a time, more as the worker catches up. A page that arrives while
 * the budget is spent is read from dist/ at build end instead, so this heap never holds a queue
 * that grows with the archive.
 */
const RENDERED_PAGES_BUDGET = 40_000_000;

/** "120 kB", as the link states it: decimal kilobytes, rounded, never "0 kB". */
export function sizeLabel(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;
}

interface Job {
  task: OutputTask;
  resolve: (result: OutputResult) => void;
  reject: (error: Error) => void;
}

/** Worker threads, each given one task at a time from a shared queue. */
class Pool {
  private readonly queue: Job[] = [];
  private readonly idle: Worker[] = [];
  private readonly workers = new Set<Worker>();
  private closed = false;

  constructor(size: number) {
    this.grow(size);
  }

  private spawn(): void {
    const worker = new Worker(PROJECT_FILES('src/integrations/outputs-worker.ts'));
    this.workers.add(worker);
    this.idle.push(worker);
  }

  private pump(): void {
    while (!this.closed && this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      const onMessage = ({ result, error }: { result?: OutputResult; error?: string }) => done(error === undefined ? undefined : new Error(error), result);
      const onError = (error: Error) => done(error);
      // Only these two: Worker keeps listeners of its own (removeAllListeners would stop its port).
      const done = (error?: Error, result?: OutputResult) => {
        worker.off('message', onMessage).off('error', onError);
        if (error) job.reject(error);
        else job.resolve(result!);
        if (error) {
          // A worker that failed may be in any state: the next task gets a fresh one.
          this.workers.delete(worker);
          void worker.terminate();
          if (!this.closed) this.spawn();
        } else {
          this.idle.push(worker);
        }
        this.pump();
      };
      worker.on('message', onMessage).on('error', onError);
      worker.postMessage({ task: job.task });
    }
  }

  /** Adds workers until there are `size`. */
  grow(size: number): void {
    while (this.workers.size < size) this.spawn();
    this.pump();
  }

  run(task: OutputTask): Promise<OutputResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.pump();
    });
  }

  close(): Promise<unknown> {
    this.closed = true;
    return Promise.all([...this.workers].map((worker) => worker.terminate()));
  }
}

interface PdfOutcome {
  /** The built page, from the output root. */
  pathname: string;
  /** What replaces the page's placeholder: its PDF link, or nothing when no PDF could be made. */
  replacement: string;
  problem?: string | undefined;
}

/**
 * Two integrations around the search index: `draw` (listed before it) starts the PDFs, which the
 * workers draw while the index reads the pages; `link` (listed after it, before the anchor lock
 * and the link check, which must see every link) waits for the PDFs and puts each page's link
 * in. The index only ever sees the hidden placeholder, so what it reads does not depend on how
 * far the workers are.
 */
export function outputs(): { draw: AstroIntegration; link: AstroIntegration } {
  let base = '/';
  let root = '';
  let out = '';
  let siteKnown = false;
  let pool: Pool | undefined;
  let stage = '';
  let cards: Promise<{ made: number; seconds: number }> | undefined;
  let pdfs: Promise<{ outcomes: PdfOutcome[]; started: number; whileRendering: number }> | undefined;
  /** PDFs started from pages as Astro rendered them, by slug. */
  const rendered = new Map<string, Promise<PdfOutcome | undefined>>();
  const cleanUp = async () => {
    listenToRenderedPages(undefined);
    if (stage) rmSync(stage, { recursive: true, force: true });
    await pool?.close();
  };
  /** A document's PDF, from its page's HTML when given, else from its file in dist/. */
  const drawPdf = async (workers: Pool, pathname: string, html?: string): Promise<PdfOutcome | undefined> => {
    try {
      const result = await workers.run({ kind: 'pdf', page: join(out, pathname, 'index.html'), html, out, base });
      if (result.kind !== 'pdf') throw new Error('the worker answered with a card');
      // A page without the placeholder (PdfDownload) asks for no PDF and is left as it is.
      if (result.href === undefined) return undefined;
      return {
        pathname,
        replacement:
          `<p class="pdf-download"><a href="${result.href}" type="application/pdf" download>` +
          `Download PDF, ${result.pages} ${result.pages === 1 ? 'page' : 'pages'}, ${sizeLabel(result.bytes)}</a></p>`,
      };
    } catch (error) {
      return { pathname, replacement: '', problem: error instanceof Error ? error.message : String(error) };
    }
  };
  const draw: AstroIntegration = {
    name: 'outputs',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command === 'build') addMiddleware({ entrypoint: new URL('./rendered-pages-middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
        root = fileURLToPath(config.root);
        out = fileURLToPath(config.outDir);
        siteKnown = config.site !== undefined;
      },
      'astro:build:start': ({ logger }) => {
        // One worker while Astro renders pages on the other core; one per core once it is done.
        const early = (pool = new Pool(1));
        rendered.clear();
        let waiting = 0;
        listenToRenderedPages((slug, html) => {
          if (waiting + html.length > RENDERED_PAGES_BUDGET) return;
          waiting += html.length;
          rendered.set(
            slug,
            drawPdf(early, assessmentPath(slug), html).finally(() => {
              waiting -= html.length;
            }),
          );
        });
        // Pages name their cards only by absolute URL (og:image), so without the site's address
        // nothing would show them (src/integrations/site-address.ts).
        if (!siteKnown) return;
        stage = mkdtempSync(join(tmpdir(), 'atlas-cards-'));
        const started = performance.now();
        const dir = join(root, 'content/assessments');
        const files = readdirSync(dir).filter((name) => name.endsWith('.mdx')).sort();
        cards = Promise.all(
          files.map(async (name) => {
            const result = await pool!.run({ kind: 'cards', source: join(dir, name), root: stage }).catch((error: Error) => {
              logger.warn(`content/assessments/${name}: no social cards (${error.message}).`);
              return undefined;
            });
            if (result?.kind !== 'cards') return 0;
            if (result.warning) logger.warn(result.warning);
            return result.count;
          }),
        ).then((made) => ({ made: made.reduce((a, b) => a + b, 0), seconds: (performance.now() - started) / 1000 }));
      },
      'astro:build:done': async ({ pages, logger }) => {
        listenToRenderedPages(undefined);
        if (cards) {
          try {
            const drawn = await cards;
            cpSync(stage, out, { recursive: true });
            logger.info(`${drawn.made} social cards in ${drawn.seconds.toFixed(1)} s (beside page rendering)`);
          } catch (error) {
            await cleanUp();
            throw error;
          }
        }
        const all = pool!;
        all.grow(availableParallelism());
        const started = performance.now();
        const documentPages = pages.flatMap(({ pathname }) => {
          const slug = documentSlugOfPath(pathname);
          return slug === undefined ? [] : [{ pathname, slug }];
        });
        const whileRendering = documentPages.filter(({ slug }) => rendered.has(slug)).length;
        pdfs = Promise.all(
          // The worker reads each remaining page (for its placeholder and its content), so the
          // pages are not all read at once here, in Astro's heap.
          documentPages.map(({ pathname, slug }) => rendered.get(slug) ?? drawPdf(all, pathname)),
        ).then((outcomes) => ({ outcomes: outcomes.filter((outcome) => outcome !== undefined), started, whileRendering }));
      },
    },
  };
  const link: AstroIntegration = {
    name: 'outputs-links',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        try {
          const { outcomes, started, whileRendering } = await pdfs!;
          for (const { pathname, replacement, problem } of outcomes) {
            if (problem) logger.warn(`${pathname}: no PDF (${problem}); the page is published without its PDF link.`);
            const file = join(out, pathname, 'index.html');
            await writeFile(file, (await readFile(file, 'utf8')).replace(PDF_PLACEHOLDER, replacement));
          }
          const failed = outcomes.filter((outcome) => outcome.problem).length;
          logger.info(
            `${outcomes.length - failed} PDFs, ${whileRendering} of them started while pages were rendered; ${((performance.now() - started) / 1000).toFixed(1)} s after rendering (beside the search index)${failed ? `; ${failed} documents without one` : ''}`,
          );
        } finally {
          await cleanUp();
        }
      },
    },
  };
  return { draw, link };
}
