import { describe, expect, it } from 'vitest';
import { groupHits, type Hit } from '../../../../src/lib/search/group.ts';

const hit = (url: string, title: string, documentTitle: string, excerpt = `…${title}…`): Hit => ({ url, title, documentTitle, kind: 'Assessment', excerpt });

describe('groupHits', () => {
  const hits = [
    hit('/assessments/a/?highlight=icbm#evidence', 'Supporting Evidence', 'Doc A'),
    hit('/assessments/b/?highlight=icbm#outlook', 'Outlook', 'Doc B'),
    hit('/assessments/a/?highlight=icbm', 'Doc A', 'Doc A', 'title match'),
    hit('/assessments/a/?highlight=icbm#implications', 'Implications', 'Doc A'),
  ];

  it('lists each document once, in the order of its best hit, sections in ranked order', () => {
    const groups = groupHits(hits);
    expect(groups.map((group) => [group.title, group.url, group.sections.map((s) => s.title)])).toEqual([
      ['Doc A', '/assessments/a/?highlight=icbm', ['Supporting Evidence', 'Implications']],
      ['Doc B', '/assessments/b/?highlight=icbm', ['Outlook']],
    ]);
  });

  it('gives each document the date and author line its hits carry', () => {
    const dated = { ...hit('/assessments/c/#findings', 'Findings', 'Doc C'), date: '2026-03-04', authors: 'Maria Okafor and Daniel Reyes' };
    const [a, c] = groupHits([hits[0]!, dated]);
    expect([c!.date, c!.authors]).toEqual(['2026-03-04', 'Maria Okafor and Daniel Reyes']);
    expect(a).not.toHaveProperty('authors');
  });

  it('keeps the section links and puts the document record excerpt on the document', () => {
    const [a, b] = groupHits(hits);
    expect(a!.excerpt).toBe('title match');
    expect(b!.excerpt).toBeUndefined();
    expect(a!.sections[0]!.url).toBe('/assessments/a/?highlight=icbm#evidence');
  });

  it('adds a later page of hits to the documents already shown, without changing them', () => {
    const first = groupHits(hits.slice(0, 2));
    const more = groupHits([hit('/assessments/b/#risks', 'Risks', 'Doc B'), hit('/assessments/c/#x', 'X', 'Doc C')], first);
    expect(more.map((group) => [group.title, group.sections.length])).toEqual([
      ['Doc A', 1],
      ['Doc B', 2],
      ['Doc C', 1],
    ]);
    expect(first[1]!.sections).toHaveLength(1);
  });
});
