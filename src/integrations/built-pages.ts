/**
 * One read of the built pages for every build-end check. The link check and the anchor lock
 * each need every page's ids, links or permalinks; rather than each reading and parsing the
 * whole output, the first of them to ask reads each HTML file once and scans it (src/lib/
 * pageScan.ts), or takes the scan of an unchanged page from the build cache, and both get the
 * result. Only what the checks need is kept: a page's ids, and the anchors of document pages.
 *
 * The scan runs in worker threads (built-pages-worker.ts). By build end Astro's own heap is
 * large (at 10,000 documents, GBs of compiled modules and content), and the scan's millions of
 * short-lived strings made every collection of that heap slow: 7 minutes in the build against
 * 69 s in a thread of its own, which only sends back the result. It is the last step of the
 * build, with nothing beside it, so a second thread reads every other page and sends each
 * page's scan to the first, which checks all of them in file order.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinkChecker, type BrokenLink, type LinkCheckOptions } from '../lib/linkCheck.ts';
import { anchorsOfScan, type PageAnchors } from '../lib/pageAnchors.ts';
import { cacheKey, codeVersion, fromCache, toCache } from './build-cache.ts';
import { scanPage, type PageScan } from '../lib/pageScan.ts';
import { documentSlugOfPath } from '../lib/urls.ts';

export interface BuiltPages {
  /** HTML pages read. */
  pages: number;
  broken: BrokenLink[];
  /** The anchors of each document page (assessments/<slug>/index.html), by slug. */
  anchors: Map<string, PageAnchors>;
}

/** Files read at once: enough to overlap reading with scanning. */
const IN_FLIGHT = 8;

const scans = new Map<string, Promise<BuiltPages>>();

/** Scans the output folder once per build, whoever asks first; later calls share the result. */
export function builtPages(dir: URL, options: LinkCheckOptions): Promise<BuiltPages> {
  let scan = scans.get(dir.href);
  if (!scan) {
    scan = scanInWorker(fileURLToPath(dir), options);
    scans.set(dir.href, scan);
  }
  return scan;
}

/** Forgets a build's scan (the next build in the same process reads its own output). */
export function forgetBuiltPages(dir: URL): void {
  scans.delete(dir.href);
}

/** What each worker thread of the scan is given (built-pages-worker.ts). */
export type ScanTask =
  | { role: 'check'; root: string; files: string[]; options: LinkCheckOptions; helper?: MessagePort | undefined }
  | { role: 'read'; root: string; files: string[]; to: MessagePort };

/** With two threads, each reads every other page: the checking thread the first, `part` 0. */
const half = (html: string[], part: 0 | 1) => html.filter((_, index) => index % 2 === part);
/** What the reading thread sends: a page's scan, then that it is done. */
type ReadMessage = { file: string; scan: PageScan } | { done: true };

async function scanInWorker(root: string, options: LinkCheckOptions): Promise<BuiltPages> {
  const files = await listFiles(root);
  // Resolves with the worker's one message: the result of a checking thread, nothing of a reading one.
  const start = (task: ScanTask, transfer: MessagePort[]) =>
    new Promise<BuiltPages | undefined>((resolve, reject) => {
      const worker = new Worker(new URL('./built-pages-worker.ts', import.meta.url), { workerData: task, transferList: transfer });
      worker.once('message', (result: BuiltPages | undefined) => resolve(result));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the scan of the built pages stopped before it finished (exit code ${code})`)));
    });
  if (availableParallelism() < 2) return (await start({ role: 'check', root, files, options }, []))!;
  const { port1, port2 } = new MessageChannel();
  const reading = start({ role: 'read', root, files: half(files.filter((file) => file.endsWith('.html')), 1), to: port1 }, [port1]);
  const [result] = await Promise.all([start({ role: 'check', root, files, options, helper: port2 }, [port2]), reading]);
  return result!;
}

/** Reads `files` (HTML pages) and sends each one's scan to `to`, in no particular order. */
export async function readPages(root: string, files: string[], to: MessagePort): Promise<void> {
  const send = (message: ReadMessage) => to.postMessage(message);
  let next = 0;
  const reader = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      send({ file, scan: await scanFile(join(root, file)) });
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, reader));
  send({ done: true });
}

/**
 * Reads every page of the output folder once and checks them, in file order. With a `helper`
 * port, every other page is read by another thread (`readPages`) and its scan arrives there.
 */
export async function scanOutput(root: string, files: string[], options: LinkCheckOptions, helper?: MessagePort): Promise<BuiltPages> {
  const html = files.filter((file) => file.endsWith('.html'));
  const checker = createLinkChecker(files, options);
  const anchors = new Map<string, PageAnchors>();
  const scanned = new Map<string, PageScan>();
  // Pages are checked in file order, whatever order their reads finish in, so messages are stable.
  let nextToCheck = 0;
  const flush = () => {
    while (nextToCheck < html.length && scanned.has(html[nextToCheck]!)) {
      const file = html[nextToCheck++]!;
      const scan = scanned.get(file)!;
      scanned.delete(file);
      checker.page(file, scan);
      const slug = documentSlugOfPath(file);
      if (slug !== undefined) anchors.set(slug, anchorsOfScan(scan));
    }
  };
  const own = helper ? half(html, 0) : html;
  const helped = helper
    ? new Promise<void>((resolve) => {
        helper.on('message', (message: ReadMessage) => {
          if ('done' in message) return resolve();
          scanned.set(message.file, message.scan);
          flush();
        });
      })
    : Promise.resolve();
  let next = 0;
  const reader = async () => {
    while (next < own.length) {
      const file = own[next++]!;
      scanned.set(file, await scanFile(join(root, file)));
      flush();
    }
  };
  await Promise.all([helped, ...Array.from({ length: Math.min(IN_FLIGHT, own.length) }, reader)]);
  helper?.close();
  if (nextToCheck < html.length) throw new Error(`the scan of the built pages lost ${html[nextToCheck]}: no thread read it`);
  return { pages: html.length, broken: checker.finish(), anchors };
}

/** The scanner's code and the installed packages (parse5's tokenizer) are part of each page's key: a change to either scans every page anew. */
const SCAN_VERSION = codeVersion([...['pageScan', 'anchors', 'html'].map((name) => `src/lib/${name}.ts`), ...(existsSync('package-lock.json') ? ['package-lock.json'] : [])]);

/** A page's scan, kept in the build cache (src/integrations/build-cache.ts) by the page's bytes: a rebuild scans only the pages that changed. */
async function scanFile(path: string): Promise<PageScan> {
  const html = await readFile(path, 'utf8');
  const key = cacheKey(await SCAN_VERSION, html);
  const kept = fromCache('page-scans', key);
  if (kept) {
    const { ids, ...scan } = JSON.parse(kept.toString('utf8')) as Omit<PageScan, 'ids'> & { ids: string[] };
    return { ...scan, ids: new Set(ids) };
  }
  const scan = scanPage(html);
  toCache('page-scans', key, Buffer.from(JSON.stringify({ ...scan, ids: [...scan.ids] })));
  return scan;
}

export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
