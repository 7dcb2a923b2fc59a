import { expect, test } from 'vitest';
import { isBackMatter, marksAssessment, roleOfHeading } from '../../../src/lib/roles.ts';

test.each([
  ['Key Judgments', 'summary'],
  ['Key Judgements', 'summary'],
  ['1. Key Judgments', 'summary'],
  ['KEY JUDGMENTS:', 'summary'],
  ['Bottom Line Up Front', 'summary'],
  ['BLUF', 'summary'],
  ['Executive Summary', 'summary'],
  ['IV. Recommendations', 'recommendations'],
  ['Options for Congress', 'recommendations'],
  ['Scope Note', 'scope'],
  ['About the Authors', 'authors'],
  ['Endnotes', 'notes'],
  ['Bibliography', 'references'],
  ["Reviewing the Commission's Recommendations", undefined],
  ['Summary of Russian Force Posture', undefined],
  ['Implications', undefined],
])('"%s" -> %s', (heading, role) => {
  expect(roleOfHeading(heading)).toBe(role);
});

test('back matter is authors, notes, references, disclaimer and acknowledgments only', () => {
  expect(['authors', 'notes', 'references', 'disclaimer', 'acknowledgments'].every((r) => isBackMatter(r as never))).toBe(true);
  expect(['summary', 'recommendations', 'scope', undefined].some((r) => isBackMatter(r as never))).toBe(false);
});

test('only intelligence-style headings mark a document as an assessment', () => {
  expect(['Key Judgements', '1. Key Judgments', 'BLUF', 'Scope Note'].every(marksAssessment)).toBe(true);
  expect(['Executive Summary', 'Summary', 'Recommendations'].some(marksAssessment)).toBe(false);
});
