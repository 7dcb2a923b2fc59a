/**
 * npm run bench [-- N ...]     (default: 200 2000)
 *
 * For each N: generates N synthetic sources from the two seed documents (scripts/bench/
 * synthetic.ts), ingests them with the real pipeline into a scratch copy of the project under
 * .bench/site-<N>/ (node_modules linked, not copied), runs `astro build` there (which builds the
 * search index too) and measures it, then serves the result to chromium and measures a search.
 *
 * Prints: build time (astro build + index) and pages per second, peak memory of the build's
 * process tree (sampled from /proc), dist/ size, index size, the HTML size of one document page,
 * the bytes a browser fetches for one query and the time from the last keystroke to the first
 * rendered results, next to the targets (which are for 1,000 documents).
 *
 * Options: --prepare only makes the scratch copy and ingests (no build: it needs no build lock
 * on a shared machine); --reuse keeps the ingested content of an earlier run of the same N (only src/ and the
 * config are copied afresh, so a code change is measured on the same documents); --no-search
 * skips the browser; --twice builds a second time and compares dist/ byte for byte (the build
 * must be deterministic); --add-one then adds one document and measures the rebuild.
 * --search-in <dist> only measures the search of a site built elsewhere (for example the shared
 * harness's 10,000-document build), served at the root.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readExistingMdx } from '../src/ingest/frontmatter.ts';
import { ingestSource } from '../src/ingest/ingest.ts';
import { writeDocument } from '../src/ingest/store.ts';
import { loadCountries, loadTopics } from '../src/ingest/vocabulary.ts';
import { titleSlug } from '../src/lib/slug.ts';
import { launchBrowser, openSession } from '../tests/e2e/support/browser.ts';
import { startServer } from '../tests/e2e/support/server.ts';
import { linkPackages } from '../tests/site/support/fixtureSite.ts';
import { readSeeds, syntheticSource } from './bench/synthetic.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BENCH = join(ROOT, '.bench');
const SEED_SLUGS = { article: 'russia-treaty-north-korea', assessment: 'russia-north-korea-security-alliance' };
const TARGETS = { buildSeconds: 27, peakMb: 650, distMb: 28, firstResultsMs: 150, firstQueryKb: 300 };
const COPIED = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public'];
/** The site's own vocabularies under content/ (not ingested): copied afresh like the code, as the code reads them. */
const VOCABULARIES = ['countries.json', 'topics.json', 'roles.json', 'estimative'];

const argv = process.argv.slice(2);
const searchInAt = argv.indexOf('--search-in');
const searchIn = searchInAt >= 0 ? argv[searchInAt + 1] : undefined;
if (searchInAt >= 0 && (!searchIn || !existsSync(join(searchIn, 'index.html')))) {
  console.error(`bench: --search-in needs a built site (a folder with index.html), got ${searchIn ?? 'nothing'}`);
  process.exit(2);
}
const args = searchInAt >= 0 ? argv.filter((_, i) => i !== searchInAt && i !== searchInAt + 1) : argv;
const flags = new Set(args.filter((arg) => arg.startsWith('--')));
for (const flag of flags) {
  if (!['--prepare', '--reuse', '--no-search', '--twice', '--add-one'].includes(flag)) {
    console.error(`bench: unknown option ${flag}; options: --prepare --reuse --no-search --twice --add-one`);
    process.exit(2);
  }
}
const counts = args.filter((arg) => !arg.startsWith('--')).map(Number);
for (const n of counts) {
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench: "${n}" is not a document count; usage: npm run bench -- 200 2000`);
    process.exit(2);
  }
}

// ---------- scratch project ----------

function scratchProject(n: number, reuse: boolean): string {
  const site = join(BENCH, `site-${n}`);
  if (reuse && existsSync(join(site, 'content', 'assessments'))) {
    for (const name of [...COPIED, 'dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(site, name), { recursive: true, force: true });
    for (const name of COPIED) cpSync(join(ROOT, name), join(site, name), { recursive: true });
    for (const name of VOCABULARIES) cpSync(join(ROOT, 'content', name), join(site, 'content', name), { recursive: true });
    return site;
  }
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'content'), { recursive: true });
  for (const name of COPIED) cpSync(join(ROOT, name), join(site, name), { recursive: true });
  for (const name of VOCABULARIES) cpSync(join(ROOT, 'content', name), join(site, 'content', name), { recursive: true });
  linkPackages(ROOT, site);
  return site;
}

function ingestSynthetic(site: string, n: number): { seconds: number; failed: string[] } {
  const started = performance.now();
  const contentDir = join(ROOT, 'content');
  const countries = loadCountries(contentDir);
  const topics = loadTopics(contentDir);
  const seedText = (slug: string) => readFileSync(join(contentDir, 'sources', `${slug}.txt`), 'utf8');
  const headings = new Set<string>();
  for (const slug of Object.values(SEED_SLUGS)) {
    const { matter } = readExistingMdx(readFileSync(join(contentDir, 'assessments', `${slug}.mdx`), 'utf8'));
    for (const section of (matter?.sections as { title: string }[] | undefined) ?? []) headings.add(section.title);
  }
  const seeds = readSeeds(seedText(SEED_SLUGS.article), seedText(SEED_SLUGS.assessment), headings);
  // Countries with plain names, so titles and slugs stay readable.
  const cast = countries.filter((country) => /^[A-Z][a-z]+(?: [A-Z][a-z]+)?$/.test(country.name));

  const failed: string[] = [];
  mkdirSync(join(site, 'sources-in'));
  for (let i = 0; i < n; i += 1) {
    const { title, text } = syntheticSource(i, seeds, cast);
    const name = `synthetic-${String(i).padStart(5, '0')}.txt`;
    writeFileSync(join(site, 'sources-in', name), text);
    const slug = `${titleSlug(title) ?? 'document'}-${i}`;
    const result = ingestSource({ bytes: Buffer.from(text, 'utf8'), name, options: { slug }, countries, topics });
    if (!result.ok) {
      failed.push(`${name}: ${result.reason}`);
      continue;
    }
    writeDocument(site, result.document, { name });
  }
  return { seconds: (performance.now() - started) / 1000, failed };
}

// ---------- build, with memory sampled over the process tree ----------

/** Resident memory of a process and all its descendants, by command name, from /proc. */
function treeRss(rootPid: number): Map<string, number> {
  const parents = new Map<number, { parent: number; name: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the fields start after the last ")".
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), { parent: Number(fields[1]), name });
    } catch {
      // the process ended while we looked
    }
  }
  const tree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, { parent }] of parents) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  const byName = new Map<string, number>();
  for (const pid of tree) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      const name = parents.get(pid)?.name ?? '?';
      if (match) byName.set(name, (byName.get(name) ?? 0) + Number(match[1]) * 1024);
    } catch {
      // ended
    }
  }
  return byName;
}

interface BuildFigures {
  seconds: number;
  indexSeconds: number | undefined;
  /** The index's own phases, as the build logs them. */
  indexPhases: string | undefined;
  /** Highest sum over the process tree at one moment. */
  peakBytes: number;
  /** Highest value per process name (node for Astro, pagefind for the indexer). */
  peakByName: Map<string, number>;
  pages: number;
  /** Files Astro's routes wrote (pages, endpoints) and how many of them it kept from the last build instead of rendering them (its incremental build). */
  routes: { written: number; kept: number };
  /** user + system CPU seconds of the build and everything it started (GNU time). */
  cpuSeconds: number;
}

function build(site: string): Promise<BuildFigures> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const timeFile = join(site, '.build-time');
    // GNU time counts the CPU of the whole tree (Astro and Pagefind's binary): on a machine shared
    // with other work, wall time varies, CPU time much less.
    // The build as `npm run build` runs it (scripts/build.ts: its environment), in the scratch project.
    const child = spawn('/usr/bin/time', ['-o', timeFile, '-f', '%U %S', process.execPath, join(ROOT, 'scripts', 'build.ts')], { cwd: site, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let peak = 0;
    const peakByName = new Map<string, number>();
    const sampler = setInterval(() => {
      const sample = treeRss(child.pid!);
      peak = Math.max(peak, [...sample.values()].reduce((sum, bytes) => sum + bytes, 0));
      for (const [name, bytes] of sample) peakByName.set(name, Math.max(peakByName.get(name) ?? 0, bytes));
    }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        reject(new Error(`astro build in ${site} failed (exit ${code}):\n${output.slice(-4000)}`));
        return;
      }
      const indexed = /indexed \d+ documents in ([\d.]+) s(?: \(([^)]*)\))?/.exec(output);
      const pages = /(\d+) page\(s\) built/.exec(output);
      const [user, system] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
      rmSync(timeFile);
      const cpuSeconds = (user ?? 0) + (system ?? 0);
      const routes = { written: output.match(/[├└]─ \//g)?.length ?? 0, kept: output.match(/ \((?:cached|restored)\)/g)?.length ?? 0 };
      resolve({ seconds, cpuSeconds, indexSeconds: indexed ? Number(indexed[1]) : undefined, indexPhases: indexed?.[2], peakBytes: peak, peakByName, pages: pages ? Number(pages[1]) : 0, routes });
    });
  });
}

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

// ---------- one query in chromium ----------

interface Fetched {
  requests: number;
  bytes: number;
  gzipBytes: number;
}

interface SearchFigures {
  dialogCold: Fetched & { ms: number };
  dialogWarm: Fetched & { ms: number };
  pageCold: Fetched & { ms: number };
}

async function measureSearch(dist: string): Promise<SearchFigures> {
  const server = await startServer(dist, '/');
  const browser = await launchBrowser();
  try {
    const session = await openSession(browser, server.url);
    const { page } = session;
    let log: { url: string; body: Promise<Buffer | null> }[] = [];
    page.on('response', (response) => log.push({ url: response.url(), body: response.body().catch(() => null) }));
    const collect = async (): Promise<Fetched> => {
      const bodies = await Promise.all(log.map((entry) => entry.body));
      const sizes = bodies.filter((body): body is Buffer => body !== null);
      const out = { requests: log.length, bytes: sizes.reduce((s, b) => s + b.length, 0), gzipBytes: sizes.reduce((s, b) => s + gzipSync(b).length, 0) };
      log = [];
      return out;
    };
    // Time from the last keystroke to the moment results for this query are in the page, typing
    // at 60 ms a key (a fast typist); the search runs on every keystroke.
    const timeQuery = async (query: string) => {
      await page.evaluate(() => {
        const w = window as unknown as { lastKey: number };
        addEventListener('keydown', () => (w.lastKey = performance.now()), { capture: true });
      });
      await page.keyboard.type(query, { delay: 60 });
      const handle = await page.waitForFunction(
        (q) => {
          const status = document.querySelector('dialog[open] .search-status');
          return status?.textContent?.includes(`“${q}”`) && document.querySelector('dialog[open] .search-groups') ? performance.now() : false;
        },
        query,
        { polling: 'raf', timeout: 30_000 },
      );
      const rendered = (await handle.jsonValue()) as number;
      const lastKey = await page.evaluate(() => (window as unknown as { lastKey: number }).lastKey);
      await page.waitForTimeout(300);
      return rendered - lastKey;
    };

    await page.goto(server.url, { waitUntil: 'load' });
    await collect();
    await page.keyboard.press('/');
    await page.waitForSelector('dialog[open]');
    const coldMs = await timeQuery('sanctions');
    const dialogCold = { ...(await collect()), ms: coldMs };
    await page.keyboard.press('Control+A');
    const warmMs = await timeQuery('arms race');
    const dialogWarm = { ...(await collect()), ms: warmMs };
    await session.context.close();

    const fresh = await openSession(browser, server.url);
    let pageLog: { body: Promise<Buffer | null> }[] = [];
    fresh.page.on('response', (response) => pageLog.push({ body: response.body().catch(() => null) }));
    const started = Date.now();
    await fresh.page.goto(`${server.url}search/?q=sanctions`);
    await fresh.page.waitForSelector('.search-groups', { timeout: 30_000 });
    const pageMs = Date.now() - started;
    await fresh.page.waitForTimeout(300);
    const bodies = (await Promise.all(pageLog.map((entry) => entry.body))).filter((body): body is Buffer => body !== null);
    pageLog = [];
    const pageCold = {
      requests: bodies.length,
      bytes: bodies.reduce((s, b) => s + b.length, 0),
      gzipBytes: bodies.reduce((s, b) => s + gzipSync(b).length, 0),
      ms: pageMs,
    };
    if (session.problems.length || fresh.problems.length) console.warn('browser problems:', [...session.problems, ...fresh.problems]);
    await fresh.context.close();
    return { dialogCold, dialogWarm, pageCold };
  } finally {
    await browser.close();
    await server.close();
  }
}

// ---------- report ----------

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Every file under dir, relative, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(dir, join(prefix, entry.name)) : [join(prefix, entry.name)]))
    .sort();
}

/** The files that differ between two builds (missing on one side counts). */
function distDifferences(a: string, b: string): string[] {
  const left = filesUnder(a);
  const right = new Set(filesUnder(b));
  const differ = left.filter((file) => !right.has(file) || !readFileSync(join(a, file)).equals(readFileSync(join(b, file))));
  const only = [...right].filter((file) => !left.includes(file));
  return [...differ, ...only];
}

function largestHtml(dist: string): { path: string; bytes: number; total: number } {
  let largest = { path: '', bytes: 0, total: 0 };
  for (const file of filesUnder(dist)) {
    if (!file.endsWith('.html')) continue;
    const bytes = statSync(join(dist, file)).size;
    largest.total += bytes;
    if (bytes > largest.bytes) largest = { ...largest, path: file, bytes };
  }
  return largest;
}

async function bench(n: number): Promise<void> {
  console.log(`\n== N = ${n} synthetic documents`);
  const reuse = flags.has('--reuse') && existsSync(join(BENCH, `site-${n}`, 'content', 'assessments'));
  const site = scratchProject(n, reuse);
  if (reuse) {
    rmSync(join(site, 'content', 'assessments', 'bench-added-document.mdx'), { force: true });
    rmSync(join(site, 'content', 'tables', 'bench-added-document'), { recursive: true, force: true });
    // Written by the earlier builds (with the added document): each measured build starts without.
    rmSync(join(site, 'content', 'anchors.lock.json'), { force: true });
    console.log('reusing the ingested content of an earlier run');
  } else {
    const ingest = ingestSynthetic(site, n);
    console.log(`ingested in ${ingest.seconds.toFixed(1)} s${ingest.failed.length ? `; ${ingest.failed.length} failed:\n  ${ingest.failed.slice(0, 5).join('\n  ')}` : ''}`);
  }
  const documents = existsSync(join(site, 'content', 'assessments')) ? readdirSync(join(site, 'content', 'assessments')).length : 0;
  if (flags.has('--prepare')) {
    console.log(`${documents} documents in ${site}; build them with --reuse`);
    return;
  }

  const built = await build(site);
  const dist = join(site, 'dist');
  const slugs = readdirSync(join(dist, 'assessments')).sort();
  const samplePage = readFileSync(join(dist, 'assessments', slugs[0]!, 'index.html'));
  const html = largestHtml(dist);
  const per1000 = (seconds: number) => (seconds * 1000) / documents;

  const rows: [string, string, string][] = [
    ['documents', String(documents), ''],
    ['build time (astro build + index)', `${built.seconds.toFixed(1)} s (${per1000(built.seconds).toFixed(1)} s per 1,000 docs)`, `< ${TARGETS.buildSeconds} s for 1,000 docs`],
    ['build CPU (user + sys, whole tree)', `${built.cpuSeconds.toFixed(1)} s`, ''],
    ['  of which the search index', `${built.indexSeconds?.toFixed(1) ?? '?'} s (${built.indexPhases ?? ''})`, ''],
    ['pages per second', `${(built.pages / built.seconds).toFixed(0)} (${built.pages} pages; ${(documents / built.seconds).toFixed(0)} documents/s)`, ''],
    [
      'peak memory (build process tree)',
      `${mb(built.peakBytes)} (peaks per process: ${[...built.peakByName].map(([name, bytes]) => `${name} ${mb(bytes)}`).join(', ')})`,
      `< ${TARGETS.peakMb} MB`,
    ],
    ['dist/ size', mb(sizeOf(dist)), `< ${TARGETS.distMb} MB for 1,000 docs`],
    ['HTML, all pages', mb(html.total), ''],
    ['largest page', `${kb(html.bytes)} ${html.path}`, ''],
    ['index size (dist/pagefind)', mb(sizeOf(join(dist, 'pagefind'))), ''],
    ['HTML of one document page', `${kb(samplePage.length)} (${kb(gzipSync(samplePage).length)} gzip) ${slugs[0]}`, ''],
  ];
  if (!flags.has('--no-search')) rows.push(...searchRows(await measureSearch(dist)));
  if (flags.has('--twice')) {
    const first = join(site, 'dist-first');
    rmSync(first, { recursive: true, force: true });
    cpSync(dist, first, { recursive: true });
    for (const name of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(site, name), { recursive: true, force: true });
    const again = await build(site);
    const differ = distDifferences(first, dist);
    rows.push(['second cold build', `${again.seconds.toFixed(1)} s, ${again.cpuSeconds.toFixed(1)} s CPU; ${differ.length === 0 ? 'dist/ byte-identical' : `${differ.length} files differ: ${differ.slice(0, 5).join(', ')}`}`, 'identical']);
    rmSync(first, { recursive: true, force: true });
  }
  if (flags.has('--add-one')) {
    const added = addOneDocument(site);
    const rebuilt = await build(site);
    const share = (100 * rebuilt.seconds) / built.seconds;
    // Newest first, undated last: the added document (undated, like its seed) is on a later page of the listing.
    const listing = ['index.html', ...readdirSync(join(site, 'dist', 'page')).map((page) => join('page', page, 'index.html'))];
    const mentioned = listing.some((file) => readFileSync(join(site, 'dist', file), 'utf8').includes(`/assessments/${added}/`));
    rows.push([
      'rebuild after adding one document',
      `${rebuilt.seconds.toFixed(1)} s (${share.toFixed(0)}% of the cold build), ${rebuilt.cpuSeconds.toFixed(1)} s CPU, ${rebuilt.routes.kept} of the ${rebuilt.routes.written} files of Astro's routes kept; the home listing has it: ${mentioned ? 'yes' : 'NO'}`,
      '< 30% of a cold build',
    ]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value, target] of rows) console.log(`${label.padEnd(width)}  ${value}${target ? `   [target ${target}]` : ''}`);
}

function searchRows(search: SearchFigures): [string, string, string][] {
  return [
    [
      'first query in the dialog ("sanctions")',
      `${kb(search.dialogCold.bytes)} in ${search.dialogCold.requests} requests (${kb(search.dialogCold.gzipBytes)} gzip); results ${search.dialogCold.ms.toFixed(0)} ms after the last keystroke`,
      `< ${TARGETS.firstQueryKb} kB, < ${TARGETS.firstResultsMs} ms`,
    ],
    [
      'next query ("arms race")',
      `${kb(search.dialogWarm.bytes)} in ${search.dialogWarm.requests} requests; results ${search.dialogWarm.ms.toFixed(0)} ms after the last keystroke`,
      `< ${TARGETS.firstResultsMs} ms`,
    ],
    [
      '/search/?q=sanctions opened cold',
      `${kb(search.pageCold.bytes)} in ${search.pageCold.requests} requests (${kb(search.pageCold.gzipBytes)} gzip), page included; results ${search.pageCold.ms} ms after navigation`,
      '',
    ],
  ];
}

/** Ingests one more synthetic source into a built site, as an editor adding a report would. */
function addOneDocument(site: string): string {
  const contentDir = join(ROOT, 'content');
  const countries = loadCountries(contentDir);
  const topics = loadTopics(contentDir);
  const name = 'bench-added.txt';
  const text = readFileSync(join(contentDir, 'sources', `${SEED_SLUGS.assessment}.txt`), 'utf8').replace(/^[^\n]*/, 'Bench Added Document on Alliance Commitments');
  const result = ingestSource({ bytes: Buffer.from(text, 'utf8'), name, options: { slug: 'bench-added-document' }, countries, topics });
  if (!result.ok) throw new Error(`bench: the added document failed to ingest: ${result.reason}`);
  writeDocument(site, result.document, { name });
  return 'bench-added-document';
}

if (searchIn) {
  for (const [label, value, target] of searchRows(await measureSearch(searchIn))) console.log(`${label}  ${value}${target ? `   [target ${target}]` : ''}`);
} else {
  for (const n of counts.length > 0 ? counts : [200, 2000]) await bench(n);
}
