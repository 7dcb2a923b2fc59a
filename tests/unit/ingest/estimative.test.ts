/**
 * The ingester and estimative language: what it writes to front matter, the lint warnings it
 * prints with the source's own line numbers, that an editor's values survive a re-ingest, and
 * that its warnings are the ones `npm run check` gives the page it writes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ingestSource, type IngestResult, type Previous } from '../../../src/ingest/ingest.ts';
import { formatReport } from '../../../src/ingest/report.ts';
import { loadCountries, loadTopics } from '../../../src/ingest/vocabulary.ts';
import { lintMdxDocument } from '../../../src/lib/estimative/document.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const countries = loadCountries(FIXTURES);
const topics = loadTopics(FIXTURES);

/** A US-style brief whose second key judgment switches to the second row of ICD 203. */
const MIXED_ROWS = [
  "Iran's Nuclear Program: Outlook After the Snapback", // 1
  'Report No. NIC-2026-041', // 2
  'Date: 9 February 2026', // 3
  'Bottom Line Up Front', // 4
  '- Tehran is likely to resume enrichment to 60 percent within six months of the snapback.', // 5
  '- A return to talks before the Majlis elections is highly improbable. We have low confidence in this judgment, which rests on a single channel.', // 6
  '- The IAEA will almost certainly lose continuity of knowledge at Fordow.', // 7
  'Discussion', // 8
  'Iran has installed cascades of advanced centrifuges at Fordow since 2023, and the agency has had no access to the workshops that build them.', // 9
  'Tehran could possibly move material to an undeclared site; we have seen no sign of it.', // 10
].join('\n');

function ingest(text: string, previous?: Previous): Extract<IngestResult, { ok: true }> {
  const result = ingestSource({ bytes: new TextEncoder().encode(text), name: 'brief.txt', options: {}, countries, topics, previous });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const matterOf = (mdx: string) => yaml.load(/^---\n([\s\S]*?)\n---\n/.exec(mdx)![1]!) as Record<string, unknown>;

describe('ingesting estimative language', () => {
  it('prints the lint warnings at the lines of the source, worded as the check words them', () => {
    const lines = formatReport('brief.txt', ingest(MIXED_ROWS).report).filter((line) => line.includes(': warning: '));
    expect(lines).toEqual([
      'brief.txt:6: warning: "highly improbable" is from row 2 of ICD 203, "likely" (line 5) from row 1: use the terms of one row (almost no chance, very unlikely, unlikely, roughly even chance, likely, very likely, almost certain)',
      'brief.txt:10: warning: vague hedge "could possibly": say how likely with a term of ICD 203',
    ]);
  });

  it("writes each key judgment's band and confidence, and the standard, to front matter", () => {
    const { document } = ingest(MIXED_ROWS);
    expect(matterOf(document.mdx).estimative).toEqual({
      standard: 'icd-203',
      judgments: [
        { likelihood: 'icd-203-likely' },
        { likelihood: 'icd-203-very-unlikely', confidence: 'low' },
        { likelihood: 'icd-203-almost-certain' },
      ],
    });
    expect(document.frontMatter.estimative?.judgments).toHaveLength(3);
  });

  it('reads a UK assessment in the yardstick, and writes nothing for a text without estimative language', () => {
    const uk = ingest(readFileSync('tests/fixtures/estimative/uk-yardstick-assessment.txt', 'utf8'));
    expect(matterOf(uk.document.mdx).estimative).toEqual({
      standard: 'uk-yardstick',
      judgments: [{ likelihood: 'uk-yardstick-highly-likely' }, { likelihood: 'uk-yardstick-realistic-possibility' }, { likelihood: 'uk-yardstick-highly-unlikely', confidence: 'moderate' }],
    });
    const plain = ingest(['Port Visits in 2025', 'Key Judgments', 'The frigate called at Sasebo twice.', 'Background', 'An unlikely alliance of shipyards bid for the refit.'].join('\n'));
    expect(matterOf(plain.document.mdx)).not.toHaveProperty('estimative');
    expect(formatReport('plain.txt', plain.report).filter((line) => line.includes(': warning: '))).toEqual([
      'plain.txt:3: warning: key judgment states no likelihood and no confidence: add a term of ICD 203 or a confidence level (high, moderate, low)',
    ]);
  });

  it("keeps an editor's standard, strict flag and judgment entries on a re-ingest, and derives the rest in that standard", () => {
    const first = ingest(MIXED_ROWS);
    const matter = matterOf(first.document.mdx);
    const edited = { ...matter, estimative: { standard: 'icd-203', strict: true, judgments: [{}, { likelihood: 'icd-203-unlikely', confidence: 'low' }] } };
    const previous: Previous = { slug: first.document.slug, title: String(matter.title), titleProvisional: false, kind: 'assessment', matter: edited };
    const again = ingest(MIXED_ROWS, previous);
    expect(matterOf(again.document.mdx).estimative).toEqual({
      standard: 'icd-203',
      strict: true,
      judgments: [{}, { likelihood: 'icd-203-unlikely', confidence: 'low' }, { likelihood: 'icd-203-almost-certain' }],
    });
    expect(formatReport('brief.txt', again.report)).toContain('brief.txt: kept the estimative values an editor set on the earlier page (strict: true, judgment 1, judgment 2)');
  });

  it('an unedited earlier page changes nothing and reports nothing kept', () => {
    const first = ingest(MIXED_ROWS);
    const matter = matterOf(first.document.mdx);
    const again = ingest(MIXED_ROWS, { slug: first.document.slug, title: String(matter.title), titleProvisional: false, kind: 'assessment', matter });
    expect(again.document.mdx).toBe(first.document.mdx);
    expect(formatReport('brief.txt', again.report).join('\n')).not.toContain('estimative');
  });

  // The ingester reads the document model, the check the written page: the same warnings, in the same order.
  const sources = [
    'tests/fixtures/estimative/icd-203-assessment.txt',
    'tests/fixtures/estimative/uk-yardstick-assessment.txt',
    ...readdirSync(FIXTURES, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'source.txt')))
      .map((d) => join('tests/unit/ingest/fixtures', d.name, 'source.txt')),
  ];
  it.each(sources)('gives the warnings npm run check gives the page it writes from %s', (file) => {
    const dir = join(file, '..');
    const args = existsSync(join(dir, 'args.json')) ? JSON.parse(readFileSync(join(dir, 'args.json'), 'utf8')) : {};
    const result = ingestSource({ bytes: readFileSync(file), name: 'source.txt', options: args, countries, topics });
    if (!result.ok) return; // bad inputs write no page
    const withoutLines = (message: string) => message.replace(/ \(line \d+\)/g, '');
    const ingested = result.report.filter((entry) => entry.kind === 'lint').map((entry) => withoutLines(entry.message));
    const checked = lintMdxDocument('page.mdx', result.document.mdx).warnings.map((w) => withoutLines(w.message));
    expect(ingested).toEqual(checked);
  });
});
