/**
 * A section whose text is only a divider (`* * *`, `---`, `…`) as PDF exports and think-tank
 * reports print between parts: Pagefind makes no fragment for it, and the build used to stop
 * with "no fragment for /assessments/<slug>/#divider". Its record now falls back to the heading,
 * and a record Pagefind still drops is reported with the MDX file and the fix.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { expect, it } from 'vitest';
import { missingFragment, resultIds } from '../../../../src/integrations/pagefind.ts';
import { documentRecords, INDEX_OPTIONS, type SearchDocument } from '../../../../src/lib/search/records.ts';

const DIVIDERS = ['---', '...', '…', '—', '* * *'];

const page = `<!doctype html><html lang="en"><body><main><h1>Baltic Outlook</h1><div class="doc-body">
<section class="doc-section"><h2 id="summary">Summary</h2><p>Estonia expects more drills.</p></section>
${DIVIDERS.map((d, i) => `<section class="doc-section"><h2 id="divider-${i}">Part ${i}</h2><p>${d}</p></section>`).join('\n')}
</div></main></body></html>`;

const doc: SearchDocument = {
  slug: 'baltic-outlook',
  title: 'Baltic Outlook',
  kind: 'Assessment',
  published: undefined,
  countries: [],
  topics: [],
  sections: [{ id: 'summary', title: 'Summary', countries: [], topics: [] }, ...DIVIDERS.map((_, i) => ({ id: `divider-${i}`, title: `Part ${i}`, countries: [], topics: [] }))],
};

it('indexes a section of only punctuation under its heading, so every record has a fragment', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-dividers-'));
  try {
    const records = documentRecords(page, doc, '/assessments/baltic-outlook/', 'dist/assessments/baltic-outlook/index.html');
    const { index } = await pagefind.createIndex(INDEX_OPTIONS);
    for (const record of records) expect((await index!.addHTMLFile({ url: record.url, content: record.html })).errors).toEqual([]);
    expect((await index!.writeFiles({ outputPath: dir })).errors).toEqual([]);
    await pagefind.close();
    const ids = resultIds(dir);
    expect(records.map((r) => r.url).filter((url) => !ids.has(url))).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it('names the MDX file, the section and the fix when Pagefind drops a record', () => {
  expect(missingFragment('/assessments/baltic-outlook/#divider-2')).toBe(
    'content/assessments/baltic-outlook.mdx: Pagefind indexed no words for the section "divider-2" (/assessments/baltic-outlook/#divider-2): its text is only punctuation or markup. Give the section words, or remove its heading and its sections[] entry so its text joins the section before, then build again',
  );
});
