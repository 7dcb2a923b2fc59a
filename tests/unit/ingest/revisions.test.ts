/**
 * Where an incoming version of a document goes among the versions already kept, and how a page
 * is rewritten as a stored version (src/ingest/revisions.ts).
 */
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { isNewVersion, planVersion, revisionPage } from '../../../src/ingest/revisions.ts';

const sha = (c: string) => c.repeat(64);
/** The plan of an insert; fails the test when the version was found up to date instead. */
function inserted(...args: Parameters<typeof planVersion>) {
  const plan = planVersion(...args);
  if (plan.kind !== 'insert') throw new Error(`expected an insert, got ${JSON.stringify(plan)}`);
  return plan;
}
const v = (c: string, updated?: string, published?: string) => ({ sha256: sha(c), updated, published });

describe('planVersion', () => {
  test('a later version becomes current; the current page is stored after the others', () => {
    expect(planVersion([v('a', '2026-03-04')], v('b', '2026-06-10'), v('c', '2026-09-18'))).toEqual({ kind: 'insert', number: 3, current: true, renumber: [], retireCurrentAs: 2 });
  });

  test('an older version ingested late is inserted by its date, the later stored ones renumbered, the current page untouched', () => {
    expect(planVersion([], v('a', '2026-03-04'), v('b', '2026-01-10'))).toEqual({ kind: 'insert', number: 1, current: false, renumber: [] });
    expect(planVersion([v('a', '2026-03-04'), v('b', '2026-06-10')], v('c', '2026-09-18'), v('d', '2026-04-01'))).toEqual({
      kind: 'insert',
      number: 2,
      current: false,
      renumber: [{ from: 2, to: 3 }],
    });
    expect(inserted([v('a', '2026-03-04'), v('b', '2026-06-10')], v('c', '2026-09-18'), v('d', '2025-12-01')).renumber).toEqual([
      { from: 2, to: 3 },
      { from: 1, to: 2 },
    ]);
  });

  test('bytes already kept, as the current page or any stored version, are up to date', () => {
    expect(planVersion([v('a', '2026-03-04'), v('b')], v('c'), v('b', '2030-01-01'))).toEqual({ kind: 'up-to-date', number: 2 });
    expect(planVersion([v('a')], v('c'), v('c'))).toEqual({ kind: 'up-to-date', number: undefined });
  });

  test('without stated dates the order of ingest decides: the incoming version is current', () => {
    expect(inserted([v('a')], v('b'), v('c')).current).toBe(true);
    // An undated version placed between dated ones stays; a dated newcomer goes by its date.
    expect(planVersion([v('a', '2026-01-01'), v('b')], v('c', '2026-09-01'), v('d', '2026-05-01'))).toMatchObject({ number: 3, current: false, renumber: [] });
  });

  test('a publication date counts when no update is stated; a tie keeps ingest order', () => {
    expect(inserted([], v('a', undefined, '2026-03-04'), v('b', undefined, '2026-02-01')).current).toBe(false);
    expect(inserted([], v('a', '2026-03-04'), v('b', '2026-03-04')).current).toBe(true);
  });

  test('the same inputs give the same plan', () => {
    const args = [[v('a', '2026-03-04'), v('b', '2026-06-10')], v('c', '2026-09-18'), v('d', '2026-04-01')] as const;
    expect(planVersion(...args)).toEqual(planVersion(...args));
  });
});

describe('revisionPage', () => {
  const page = [
    '---',
    'title: Brief',
    'slug: brief',
    'kind: brief',
    "updated: '2026-03-04'",
    'published: 2026-01-02',
    'source:',
    '  path: content/sources/brief.txt',
    `  sha256: ${sha('e')}`,
    'tables:',
    '  - brief/figures',
    'aliases:',
    '  old: background',
    `generatedSha256: ${sha('f')}`,
    '---',
    '',
    '## Figures',
    '',
    '<DataTable id="brief/figures" />',
    '',
  ].join('\n');

  test('points the source, tables and DataTable ids at version n, numbers it and drops the digest; keeps the rest', () => {
    const stored = revisionPage(page, 'brief', 2, sha('a'));
    const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(stored)!;
    const data = yaml.load(front!) as Record<string, unknown>;
    expect(Object.keys(data).slice(0, 3)).toEqual(['title', 'slug', 'version']);
    expect(data).toMatchObject({ version: 2, source: { path: 'content/revisions/brief/2.txt', sha256: sha('a') }, tables: ['brief/2/tables/figures'], aliases: { old: 'background' }, published: '2026-01-02', updated: '2026-03-04' });
    expect(data).not.toHaveProperty('generatedSha256');
    expect(body).toContain('<DataTable id="brief/2/tables/figures" />');
    expect(body).not.toContain('"brief/figures"');
  });

  test('a stored version renumbered keeps its body and only moves its ids', () => {
    const once = revisionPage(page, 'brief', 1, sha('a'));
    const moved = revisionPage(once, 'brief', 2, sha('a'));
    expect(moved).toBe(revisionPage(page, 'brief', 2, sha('a')));
  });
});

describe('isNewVersion', () => {
  const page = { slug: 'brief', sourceSha256: sha('a'), title: 'Arctic Posture', identifier: 'R123', updated: '2026-03-01', sourceName: 'arctic.txt' };
  const base = { page, update: false, slugGiven: false, ownCopy: false };

  test('an update found by report number or later date is a version; a corrected source is not', () => {
    const planned = { slug: '', sourceSha256: sha('b'), title: 'Arctic Posture', updated: '2026-06-01', sourceName: 'arctic-june.txt' };
    expect(isNewVersion({ ...base, planned, updateOf: { slug: 'brief', reason: '', kind: 'version' } })).toBe(true);
    expect(isNewVersion({ ...base, planned, updateOf: { slug: 'brief', reason: '', kind: 'correction' } })).toBe(false);
  });

  test('--slug naming the page: the same title or report number is a version, the same title and file name without a later date a correction, another document not', () => {
    const q = { ...base, slugGiven: true };
    expect(isNewVersion({ ...q, planned: { slug: '', sourceSha256: sha('b'), title: 'Arctic posture', updated: '2025-01-01', sourceName: 'old.txt' } })).toBe(true);
    expect(isNewVersion({ ...q, planned: { slug: '', sourceSha256: sha('b'), title: 'Other', identifier: 'r123', sourceName: 'x.txt' } })).toBe(true);
    expect(isNewVersion({ ...q, planned: { slug: '', sourceSha256: sha('b'), title: 'Arctic Posture', updated: '2026-03-01', sourceName: 'arctic.txt' } })).toBe(false);
    expect(isNewVersion({ ...q, planned: { slug: '', sourceSha256: sha('b'), title: 'Baltic Drills', sourceName: 'x.txt' } })).toBe(false);
  });

  test('--update says so outright; the same bytes or the page\'s own copy never are', () => {
    const planned = { slug: '', sourceSha256: sha('b'), title: 'Baltic Drills', sourceName: 'arctic.txt' };
    expect(isNewVersion({ ...base, update: true, planned })).toBe(true);
    expect(isNewVersion({ ...base, update: true, ownCopy: true, planned })).toBe(false);
    expect(isNewVersion({ ...base, update: true, planned: { ...planned, sourceSha256: sha('a') } })).toBe(false);
  });
});
