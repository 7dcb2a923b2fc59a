import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixSource } from '../../../src/ingest/fixes.ts';
import { loadCountries } from '../../../src/ingest/vocabulary.ts';

const countries = loadCountries(join(import.meta.dirname, 'fixtures'));
const fix = (text: string) => fixSource(text, countries);

describe('fixes that are made', () => {
  test.each([
    ['Furthermore,this holds.', 'Furthermore, this holds.', 'missing-space'],
    ['It rose;then it fell.', 'It rose; then it fell.', 'missing-space'],
    ['In East asia.The treaty holds.', 'In East asia. The treaty holds.', 'missing-space'],
    ['In 2024,the talks failed.', 'In 2024, the talks failed.', 'missing-space'],
    ['The talks failed in July.however, they resumed.', 'The talks failed in July. However, they resumed.', 'missing-space sentence-case'],
    ['the recent treaty holds.', 'The recent treaty holds.', 'sentence-case'],
    ['It holds. the alliance grows.', 'It holds. The alliance grows.', 'sentence-case'],
    ['Does it hold? perhaps not.', 'Does it hold? Perhaps not.', 'sentence-case'],
    ['Talks with china stalled.', 'Talks with China stalled.', 'country-case'],
    ['Officials in south Korea met.', 'Officials in South Korea met.', 'country-case'],
    ['Officials in South korea met.', 'Officials in South Korea met.', 'country-case'],
    ['Envoys from russia arrived.', 'Envoys from Russia arrived.', 'country-case'],
  ])('%s', (input, output, rule) => {
    const result = fix(input);
    expect(result.text).toBe(output);
    expect(result.fixes.map((f) => f.rule)).toEqual(rule.split(' '));
  });

  test('each fix names its line and the words before and after', () => {
    const result = fix('Title Line\nHeading\nFirst line.\nSecond,line here. the end in china.');
    expect(result.fixes).toEqual([
      { line: 4, rule: 'missing-space', before: 'Second,line', after: 'Second, line' },
      { line: 4, rule: 'sentence-case', before: 'the end in', after: 'The end in' },
      { line: 4, rule: 'country-case', before: 'china', after: 'China' },
    ]);
  });

  test('a bullet starts a sentence after its marker; the text after its label does not', () => {
    expect(fix('Title\nHeading\n- lower: the rest\n- item,two').text).toBe('Title\nHeading\n- Lower: the rest\n- Item, two');
  });

  test('table cells get country names fixed but no sentence case', () => {
    expect(fix('Title\nHeading\nCountry | Note |\n---|---|\njapan | lowercase note |').text).toBe(
      'Title\nHeading\nCountry | Note |\n---|---|\nJapan | lowercase note |',
    );
  });

  test('line count and line endings are kept', () => {
    const text = 'A title\n\nHeading\nthe text,here.\n';
    expect(fix(text).text.split('\n').length).toBe(text.split('\n').length);
  });
});

describe('things that look like mistakes but are not are left alone', () => {
  test.each([
    'The U.S. and its allies met.',
    'U.S.-South Korea ties grew.',
    'Use tools, e.g. radar, and i.e. sonar.',
    'The meeting at 9 a.m. ended early.',
    'Growth was 9.5 percent.',
    'About 1,000 troops moved.',
    'See https://example.org/a.b,c and www.example.com/x,y now.',
    'Mail press@example.org for details.',
    'The site example.com went down.',
    'The sites example.it and example.in went down.',
    'Built with Node.js and ASP.NET today.',
    'Entities like &amp;x stay.',
    'Points x,y and a;b stay.',
    'And so on... the list goes on.',
    'NORTH KOREA and CHINA in capitals stay.',
    'A turkey dinner followed.',
    'The iPhone and eBay stay.',
    'Talks with Dr. smith continued.',
    'Japanese and Russian officials met.',
  ])('%s', (input) => {
    expect(fix(input)).toEqual({ text: input, fixes: [] });
  });
});

test('fixSource defaults to the repository country list (as the site tests call it)', () => {
  const result = fixSource('Talks with china stalled.');
  expect(result.text).toBe('Talks with China stalled.');
});
