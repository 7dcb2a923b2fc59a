/** The build-end scan of the output: read by one thread or split between two, scanned or taken from the build cache, the same findings. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, readPages, scanOutput } from '../../../src/integrations/built-pages.ts';

let root: string;
const page = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'built-pages-'));
  const files: Record<string, string> = {
    'index.html': page('<a href="/assessments/iran-oil-exports-2025/#key-judgments">Key Judgments</a> <a href="/countries/iran/">Iran</a>'),
    'assessments/iran-oil-exports-2025/index.html': page('<h2 id="key-judgments">Key Judgments</h2><a href="#scope-note">Scope</a><a href="/pdf/iran-oil-exports-2025.pdf">PDF</a>'),
    'assessments/crs-defense-budget-fy2026/index.html': page('<h2 id="summary">Summary</h2><a href="/assessments/iran-oil-exports-2025/#implications">Implications</a>'),
    'countries/iran/index.html': page('<a href="/topics/energy/">Energy</a>'),
    's/iran-oil-exports-2025/key-judgments/index.html': page('<a href="/assessments/iran-oil-exports-2025/#key-judgments">Read</a>'),
    'pdf/iran-oil-exports-2025.pdf': '%PDF-1.7',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the scan of the built pages', () => {
  it('finds the same broken links and document anchors with a second thread reading every other page', async () => {
    const files = await listFiles(root);
    const alone = await scanOutput(root, files, {});
    const { port1, port2 } = new MessageChannel();
    const html = files.filter((file) => file.endsWith('.html'));
    const [split] = await Promise.all([scanOutput(root, files, {}, port2), readPages(root, html.filter((_, index) => index % 2 === 1), port1)]);
    port1.close();
    // In file order, whichever thread read the page.
    expect(alone.broken.map((broken) => `${broken.page} ${broken.link}`)).toEqual([
      'assessments/crs-defense-budget-fy2026/index.html <a href="/assessments/iran-oil-exports-2025/#implications">',
      'assessments/iran-oil-exports-2025/index.html <a href="#scope-note">',
      'countries/iran/index.html <a href="/topics/energy/">',
    ]);
    expect(split).toEqual(alone);
    expect([...split.anchors.keys()].sort()).toEqual(['crs-defense-budget-fy2026', 'iran-oil-exports-2025']);
    expect(split.pages).toBe(5);
  });

  it('takes the scan of an unchanged page from the build cache, and scans a changed page anew', async () => {
    const files = await listFiles(root);
    const first = await scanOutput(root, files, {});
    // The second scan finds every page's scan kept: the same findings, ids as a set again.
    expect(await scanOutput(root, files, {})).toEqual(first);
    const hub = join(root, 'countries/iran/index.html');
    writeFileSync(hub, page('<a href="/countries/iran/">Iran</a>'));
    try {
      const changed = await scanOutput(root, files, {});
      expect(changed.broken.map((broken) => broken.page)).toEqual(['assessments/crs-defense-budget-fy2026/index.html', 'assessments/iran-oil-exports-2025/index.html']);
    } finally {
      writeFileSync(hub, page('<a href="/topics/energy/">Energy</a>'));
    }
  });
});
