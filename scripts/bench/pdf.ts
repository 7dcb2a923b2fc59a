/**
 * The CPU cost of a document's PDF, model (reading the built page) and render (pdfkit) timed
 * apart, over a folder of built document pages (their PDF placeholder already replaced).
 *
 *   node_modules/.bin/node scripts/bench/pdf.ts <pages folder> [--out <folder>] [--repeat N]
 *
 * Warms up on the first 20 pages (font parsing, shaping caches, JIT), then times every page and
 * prints ms per document (median and total) for model and render, in wall time and in CPU time
 * (the process's, so the collector's threads count too; a busy machine inflates wall time more);
 * with --repeat, the best of N passes. --out writes each page's PDF as <page name>.pdf, for comparing two versions' output
 * (pdftotext, pdftoppm). Run it on an idle machine, or repeat: other work on the cores shows up
 * in the figures.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SITE_NAME } from '../../src/data/site.ts';
import { pdfDocumentFromHtml, type PdfDocument } from '../../src/lib/pdf/model.ts';
import { renderPdf } from '../../src/lib/pdf/render.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (value === undefined) throw new Error(`${name} needs a value`);
  args.splice(at, 2);
  return value;
};
const out = option('--out');
const repeat = Number(option('--repeat') ?? 1);
const folder = args[0];
if (folder === undefined || !Number.isInteger(repeat) || repeat < 1) {
  console.error('usage: node scripts/bench/pdf.ts <pages folder> [--out <folder>] [--repeat N]');
  process.exit(2);
}
const files = readdirSync(folder).filter((name) => name.endsWith('.html')).sort().map((name) => join(folder, name));
if (files.length === 0) throw new Error(`${folder}: no .html pages`);
const pages = files.map((file) => ({ file, html: readFileSync(file, 'utf8') }));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

for (const page of pages.slice(0, 20)) await renderPdf(pdfDocumentFromHtml(page.html, page.file), { date: undefined, siteName: SITE_NAME });

interface Pass { model: number[]; render: number[]; modelCpu: number[]; renderCpu: number[] }
const passes: Pass[] = [];
for (let pass = 0; pass < repeat; pass++) {
  const times: Pass = { model: [], render: [], modelCpu: [], renderCpu: [] };
  const cpu = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  for (const page of pages) {
    let start = performance.now();
    let startCpu = process.cpuUsage();
    const model: PdfDocument = pdfDocumentFromHtml(page.html, page.file);
    times.model.push(performance.now() - start);
    times.modelCpu.push(cpu(startCpu));
    start = performance.now();
    startCpu = process.cpuUsage();
    const { bytes } = await renderPdf(model, { date: model.date, siteName: SITE_NAME });
    times.render.push(performance.now() - start);
    times.renderCpu.push(cpu(startCpu));
    if (out !== undefined && pass === 0) {
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, `${basename(page.file, '.html')}.pdf`), bytes);
    }
  }
  passes.push(times);
}
const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
const best = (key: keyof Pass) => passes.reduce((a, b) => (total(a[key]) <= total(b[key]) ? a : b))[key];
for (const key of ['model', 'render', 'modelCpu', 'renderCpu'] as const) {
  const times = best(key);
  console.log(`${key.padEnd(9)} ${pages.length} documents: median ${median(times).toFixed(2)} ms, mean ${(total(times) / times.length).toFixed(2)} ms, total ${(total(times) / 1000).toFixed(2)} s${repeat > 1 ? ` (best of ${repeat})` : ''}`);
}
