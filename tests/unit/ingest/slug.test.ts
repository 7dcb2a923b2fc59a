import { expect, test } from 'vitest';
import { cutToLength, splitSentences } from '../../../src/lib/sentences.ts';
import { titleSlug, uniqueId } from '../../../src/lib/slug.ts';

test.each([
  ['Strategic Implications of the Russia-North Korea Security Alliance', 'russia-north-korea-security-alliance'],
  ['Russia’s Treaty with North Korea and a New Era of Regional Tensions in East Asia', 'russia-treaty-north-korea'],
  ['Pyongyang’s Missile Exports to Russia', 'pyongyang-missile-exports-russia'],
  ['Café Society in São Paulo', 'cafe-society-sao-paulo'],
  ['The Outlook', 'the-outlook'],
  ['Обзор', undefined],
])('slug of %s', (title, slug) => {
  expect(titleSlug(title)).toBe(slug);
});

test('unique ids get -2, -3', () => {
  const taken = new Set<string>();
  expect([uniqueId('count', taken), uniqueId('count', taken), uniqueId('count', taken)]).toEqual(['count', 'count-2', 'count-3']);
});

test('sentences: abbreviations, initials and decimals do not end one', () => {
  expect(splitSentences('The U.S. and Japan met. Growth was 9.5 percent, e.g. in Q1. Dr. Kim said so! Next?')).toEqual([
    'The U.S. and Japan met.',
    'Growth was 9.5 percent, e.g. in Q1.',
    'Dr. Kim said so!',
    'Next?',
  ]);
});

test('summaries are cut at a sentence boundary, else at a word boundary', () => {
  const first = 'A'.repeat(150) + ' ends here.';
  const second = 'Second sentence that would overflow the limit by a good margin ' + 'x'.repeat(150) + '.';
  expect(cutToLength(`${first} ${second}`, 300)).toBe(first);
  const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ') + '.';
  const cut = cutToLength(long, 300);
  expect(cut.length).toBeLessThanOrEqual(300);
  expect(cut.endsWith('…')).toBe(true);
  expect(long.startsWith(cut.slice(0, -1))).toBe(true);
  expect(long[cut.length - 1]).toBe(' ');
});
