/**
 * A summary is a summary by its role, whatever its heading says: a UK-style assessment headed
 * "Key Judgements" is built like one headed "Key Judgments" (boxed, `#kj-N` ids, summary search
 * weight) and does not repeat its text in a separate Summary box.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite, FIXTURE_SLUG, type FixtureSite } from './support/fixtureSite.ts';
import { attr, elements, hasClass } from './support/dist.ts';
import { openBundle } from './support/pagefind.ts';
import { parse } from 'parse5';

const WORD = 'quokkagram';
// Makes the summary much longer than the other section: without its weight, the longer record
// would rank below the shorter one for the same single mention.
const FILLER = Array.from({ length: 30 }, (_, n) => `Regional partners will watch the exercises of season ${n + 1} closely.`).join(' ');
let site: FixtureSite;
let built: { ok: boolean; output: string };

beforeAll(async () => {
  site = createFixtureSite();
  site.editDocument((doc) => {
    const sections = doc.data.sections as { id: string; title: string; role?: string }[];
    const summary = sections.find((section) => section.role === 'summary')!;
    const other = sections.find((section) => section.role === undefined)!;
    doc.body = doc.body
      .replace(`## ${summary.title}\n\n`, `## Key Judgements\n\nThe ${WORD} judgment.\n\n${FILLER}\n\n`)
      .replace(`## ${other.title}\n\n`, `## ${other.title}\n\nThe ${WORD} evidence.\n\n`);
    summary.id = 'key-judgements';
    summary.title = 'Key Judgements';
  });
  built = await site.build();
}, 180_000);
afterAll(() => site?.remove());

describe('a summary headed "Key Judgements"', { timeout: 120_000 }, () => {
  const page = () => elements(parse(readFileSync(join(site.dist, 'assessments', FIXTURE_SLUG, 'index.html'), 'utf8')));

  it('builds', () => {
    expect(built.ok, built.output).toBe(true);
  });

  it('is boxed as the summary section and numbers its judgments kj-N', () => {
    const all = page();
    const section = all.find((element) => element.tagName === 'section' && attr(element, 'data-role') === 'summary');
    expect(section && elements(section).find((element) => element.tagName === 'h2') && attr(elements(section).find((element) => element.tagName === 'h2')!, 'id')).toBe('key-judgements');
    const ids = elements(section!).map((element) => attr(element, 'id')).filter((id) => id?.startsWith('kj-'));
    expect(ids).toEqual(['kj-1', 'kj-2', 'kj-3']);
  });

  it('shows no separate Summary box', () => {
    expect(page().some((element) => hasClass(element, 'summary-box'))).toBe(false);
  });

  it('ranks a word of the summary above the same word elsewhere (summary search weight)', async () => {
    const search = await openBundle(join(site.dist, 'pagefind'));
    try {
      const [hit, ...others] = await search.search(WORD);
      expect(others).toEqual([]);
      expect(hit!.group.sections.map((section) => section.url.replace(/^.*#/, '#'))).toEqual(['#key-judgements', expect.stringMatching(/^#/)]);
    } finally {
      search.close();
    }
  });
});
