/**
 * A section whose text is only a divider (`* * *`, `---`, `…`) as PDF exports and think-tank
 * reports print between parts: the build once stopped with "no fragment for
 * /assessments/<slug>/#divider". Such a section is part of its document's record, found by its
 * heading; a document Pagefind still drops is reported with the MDX file and the fix.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { expect, it } from 'vitest';
import { missingFragment, resultIds } from '../../../../src/integrations/pagefind.ts';
import { documentRecord, INDEX_OPTIONS, type SearchDocument } from '../../../../src/lib/search/records.ts';
import { openBundle } from '../../../site/support/pagefind.ts';

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

it('indexes sections of only punctuation as part of their document, found by their headings', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-dividers-'));
  try {
    const record = documentRecord(page, doc, '/assessments/baltic-outlook/', 'dist/assessments/baltic-outlook/index.html');
    const { index } = await pagefind.createIndex(INDEX_OPTIONS);
    expect((await index!.addHTMLFile({ url: record.url, content: record.html })).errors).toEqual([]);
    expect((await index!.writeFiles({ outputPath: dir })).errors).toEqual([]);
    await pagefind.close();
    expect([...resultIds(dir).keys()]).toEqual([record.url]);
    const bundle = await openBundle(dir);
    try {
      const [hit] = await bundle.search('part');
      expect(hit!.subResults.map((sub) => sub.url)).toEqual(DIVIDERS.map((_, i) => `/assessments/baltic-outlook/#divider-${i}`));
    } finally {
      bundle.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it('names the MDX file and the fix when Pagefind drops a document', () => {
  expect(missingFragment('/assessments/baltic-outlook/')).toBe(
    'content/assessments/baltic-outlook.mdx: Pagefind indexed no words for the page (/assessments/baltic-outlook/); give the page text with letters or digits, then build again',
  );
});
