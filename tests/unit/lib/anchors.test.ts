/** The numbered ids of a document page: which sections number their parts, and the ids' names. */
import { describe, expect, it } from 'vitest';
import { numberedId, numberedKind, numberedName, tableAnchorId } from '../../../src/lib/anchors.ts';
import { roleOfHeading } from '../../../src/lib/roles.ts';

describe('numbered parts and tables', () => {
  it.each([
    ['Key Judgments', 'kj'],
    ['Key Judgements', 'kj'],
    ['key judgment', 'kj'],
    ['1. Key Judgments', 'kj'],
    ['Bottom Line Up Front', 'kj'],
    ['Recommendations', 'rec'],
    ['Policy Recommendations', 'rec'],
    ['Recommendation', 'rec'],
    ["Reviewing the Commission's Recommendations", undefined],
    ['Judgments and Outlook', undefined],
    ['Supporting Evidence', undefined],
    ['Endnotes', undefined],
  ])('a section headed "%s" (by the role the heading gives it) numbers its parts as %s', (heading, kind) => {
    expect(numberedKind(roleOfHeading(heading))).toBe(kind);
  });

  it('goes by the role an editor set, whatever the heading', () => {
    expect(numberedKind('summary')).toBe('kj');
    expect(numberedKind('recommendations')).toBe('rec');
    expect(numberedKind('notes')).toBeUndefined();
    expect(numberedKind(undefined)).toBeUndefined();
  });

  it('names ids and targets', () => {
    expect([numberedId('kj', 2), numberedId('rec', 10)]).toEqual(['kj-2', 'rec-10']);
    expect([numberedName('kj', 2), numberedName('rec', 3)]).toEqual(['key judgment 2', 'recommendation 3']);
    expect(tableAnchorId('russia-treaty-north-korea/defense-budget')).toBe('table-defense-budget');
  });
});
