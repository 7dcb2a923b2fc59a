/**
 * Section roles as report shapes write them: a UK-style "Key Judgements", a numbered
 * "1. Key Judgments", a CRS-style brief with "Bottom Line Up Front", and a think-tank report whose
 * "Reviewing the Commission's Recommendations" is prose. Each page's front matter carries the
 * role, the summary comes from the summary section, and the MDX compiles with Sätteri.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingestSource } from '../../../src/ingest/ingest.ts';
import { loadCountries, loadTopics } from '../../../src/ingest/vocabulary.ts';
import { PROJECT_CONTENT_DIR } from '../../../src/ingest/vocabulary.ts';
import { forbiddenNodes, renderMdx } from './render.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const countries = loadCountries(PROJECT_CONTENT_DIR);
const topics = loadTopics(PROJECT_CONTENT_DIR);

function ingest(name: string, extra: Partial<Parameters<typeof ingestSource>[0]> = {}) {
  const bytes = readFileSync(join(FIXTURES, name, 'source.txt'));
  const result = ingestSource({ bytes, name: 'source.txt', options: {}, countries, topics, ...extra });
  if (!result.ok) throw new Error(result.reason);
  return result.document;
}

const roles = (doc: ReturnType<typeof ingest>) => doc.frontMatter.sections.map((s) => [s.title, s.role]);

describe.each([
  ['uk-key-judgements', 'Key Judgements', "Russia's economy has adapted to sanctions"],
  ['numbered-key-judgments', '1. Key Judgments', 'Iran will likely expand uranium enrichment'],
  ['bluf-brief', 'Bottom Line Up Front', 'Attacks on commercial shipping in the Red Sea'],
])('%s', (name, heading, opening) => {
  const doc = ingest(name);

  test(`"${heading}" is the summary section, as "Key Judgments" is`, () => {
    expect(doc.frontMatter.sections[0]).toMatchObject({ title: heading, role: 'summary' });
    expect(doc.frontMatter.summary.startsWith(opening)).toBe(true);
    expect(doc.frontMatter.kind).toBe('assessment');
  });

  test('compiles with Sätteri and shows the heading Astro sees', () => {
    expect(forbiddenNodes(doc.mdx)).toEqual([]);
    const rendered = renderMdx(doc.mdx, () => {
      throw new Error('no tables here');
    });
    expect(rendered.headings[0]).toMatchObject({ text: heading, slug: doc.frontMatter.sections[0]!.id });
  });
});

test('a brief: "Options for Congress" is a numbered list of recommendations, "About the Author" is untagged back matter', () => {
  const doc = ingest('bluf-brief');
  expect(roles(doc)).toEqual([
    ['Bottom Line Up Front', 'summary'],
    ['Background', undefined],
    ['Options for Congress', 'recommendations'],
    ['About the Author', 'authors'],
  ]);
  expect(doc.mdx).toContain('1. Authorize funding');
  const author = doc.frontMatter.sections.at(-1)!;
  expect([author.countries, author.topics]).toEqual([[], []]);
});

test('"Reviewing the Commission\'s Recommendations" stays prose; the real Recommendations become a list', () => {
  const doc = ingest('think-tank-recommendations');
  expect(roles(doc)).toEqual([
    ['Executive Summary', 'summary'],
    ["Reviewing the Commission's Recommendations", undefined],
    ['Recommendations', 'recommendations'],
    ['Endnotes', 'notes'],
  ]);
  expect(doc.mdx).toContain('\nConsider the objections raised by the Baltic states before adopting it.\n');
  expect(doc.mdx).not.toMatch(/^\d+\. Consider/m);
  expect(doc.mdx).toMatch(/^1\. Open talks/m);
  expect(doc.frontMatter.summary.startsWith('The collapse of the INF Treaty')).toBe(true);
  expect(forbiddenNodes(doc.mdx)).toEqual([]);
});

test('back matter is not tagged, even when it names countries and topics', () => {
  const doc = ingest('uk-key-judgements');
  const notes = doc.frontMatter.sections.find((s) => s.role === 'notes')!;
  expect(notes.title).toBe('Notes');
  expect([notes.countries, notes.topics]).toEqual([[], []]);
  expect(doc.frontMatter.sections[0]!.topics).toContain('sanctions');
});

describe('re-ingesting keeps what an editor added', () => {
  const first = ingest('uk-key-judgements');
  const edited = {
    ...first.frontMatter,
    published: new Date('2025-03-15T00:00:00Z'),
    related: { suppress: ['some-page'] },
    aliases: { 'old-outlook': 'outlook' },
    sections: first.frontMatter.sections.map((s) =>
      s.id === 'outlook' ? { ...s, role: 'scope' as const, related: { pin: ['other#part'] } } : s.id === 'background' ? { ...s, related: { pin: ['x#y'] } } : s,
    ),
  };
  const again = ingest('uk-key-judgements', {
    previous: { slug: first.slug, title: first.frontMatter.title, titleProvisional: false, kind: 'assessment', matter: edited },
  });

  test('pins, suppressions, aliases, a corrected date and a role set by hand', () => {
    expect(again.frontMatter.related).toEqual({ pin: [], suppress: ['some-page'] });
    expect(again.frontMatter.aliases).toEqual({ 'old-outlook': 'outlook' });
    expect(again.frontMatter.published?.toISOString().slice(0, 10)).toBe('2025-03-15');
    const outlook = again.frontMatter.sections.find((s) => s.id === 'outlook')!;
    expect(outlook.role).toBe('scope');
    expect(outlook.related?.pin).toEqual(['other#part']);
    expect(again.mdx).toMatch(/^ {6}pin:\n {8}- x#y$/m);
  });

  test('the source-made fields are made afresh', () => {
    expect(again.frontMatter.summary).toBe(first.frontMatter.summary);
    expect(again.frontMatter.sections.find((s) => s.id === 'key-judgements')!.role).toBe('summary');
  });
});
