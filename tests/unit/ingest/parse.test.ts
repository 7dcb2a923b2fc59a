import { describe, expect, test } from 'vitest';
import { isImperative, isoDate, provisionalTitle } from '../../../src/ingest/document.ts';
import { classifyLine, judgeHeading, paragraphRole, parseBlocks, splitLabel, statedDate } from '../../../src/ingest/parse.ts';

describe('a bare line is a heading only when it reads like one', () => {
  test.each([
    ['Strategic Implications of the Russia-North Korea Security Alliance', true],
    ['Key Judgments', true],
    ['Implications', true],
    ['Where things stand today', true],
    ['Scenario 1: Managed Rivalry', true],
    ['Annex A: Sources', true],
    ['BOTTOM LINE UP FRONT', true],
    ['1. Background', true],
    ['Is Escalation Likely?', true],
    ['KEY JUDGMENTS', true],
    ['Ключевые выводы', true],
    ['Date: 3 May 2024', false],
    ['Report No. 24-117', false],
    ['Figure 2: Defense spending 2020-2024', false],
    ['Table 3: Budgets', false],
    ['Classification: UNCLASSIFIED', false],
    ['SECRET//NOFORN', false],
    ['Prepared by: Regional Analysis Unit', false],
    ['Key aspects of the treaty include:', false],
    ['The alliance will likely deepen over time', false],
    ['This sentence ends properly.', false],
    ['Is it likely that the alliance will hold?', false],
    ['See https://example.org', false],
    ['import x from "y"', false],
    ['北朝鮮とロシアの関係は深まっている。', false],
    ['---', false],
    ['A line that goes on and on without a final period and has far too many words for a heading', false],
  ])('%s -> heading: %s', (line, heading) => {
    expect(judgeHeading(line).heading).toBe(heading);
  });
});

describe('lines', () => {
  test('table rows: cells trimmed of spaces and tabs, pipes at either end optional', () => {
    expect(classifyLine('Item\t|\tCount\t|')).toEqual({ kind: 'tableRow', cells: ['Item', 'Count'] });
    expect(classifyLine('| a | b |')).toEqual({ kind: 'tableRow', cells: ['a', 'b'] });
    expect(classifyLine('a |  | c')).toEqual({ kind: 'tableRow', cells: ['a', '', 'c'] });
    expect(classifyLine('---\t|\t---\t|')).toEqual({ kind: 'tableSeparator' });
    expect(classifyLine('|:---|---:|')).toEqual({ kind: 'tableSeparator' });
  });

  test('bullets and their labels', () => {
    expect(classifyLine('- Label: text')).toEqual({ kind: 'bullet', marker: '-', body: 'Label: text' });
    expect(classifyLine('* * *')).toEqual({ kind: 'text', text: '* * *' });
    expect(splitLabel('Increased Military Presence: Expect more.')).toEqual({ label: 'Increased Military Presence', text: 'Expect more.' });
    expect(splitLabel('As noted above, the plan. It failed: badly')).toEqual({ text: 'As noted above, the plan. It failed: badly' });
    expect(splitLabel('Meet at 10:30 today')).toEqual({ text: 'Meet at 10:30 today' });
    expect(splitLabel('See https://example.org')).toEqual({ text: 'See https://example.org' });
  });

  test('metadata roles', () => {
    expect(paragraphRole('Date: 3 May 2024')).toBe('date');
    expect(paragraphRole('3 May 2024')).toBe('date');
    expect(paragraphRole('Report No. 24-117')).toBe('identifier');
    expect(paragraphRole('Reference: ABC/123')).toBe('identifier');
    expect(paragraphRole('UNCLASSIFIED')).toBe('classification');
    expect(paragraphRole('Source: SIPRI, 2024.')).toBe('caption');
    expect(paragraphRole('The report number is 24-117.')).toBeUndefined();
  });

  test('a table run accepts short rows and reports a missing separator', () => {
    const { blocks, notes } = parseBlocks('H | I |\na | b |\nc |\nText.');
    expect(blocks[0]).toMatchObject({ type: 'table', hasSeparator: false, header: { line: 1, cells: ['H', 'I'] }, rows: [{ line: 2 }, { line: 3, cells: ['c'] }] });
    expect(blocks[1]).toMatchObject({ type: 'paragraph', line: 4 });
    expect(notes[0]).toEqual({ line: 1, message: 'table without a "---|---|" separator row: took its first line as the header row' });
  });
});

describe('dates are used only when stated and unambiguous', () => {
  test.each([
    ['Date: 3 May 2024', { iso: '2024-05-03' }],
    ['Published: May 3, 2024', { iso: '2024-05-03' }],
    ['2024-05-03', { iso: '2024-05-03' }],
    ['Dated 21st June 2024', { iso: '2024-06-21' }],
    ['13/05/2024', { iso: '2024-05-13' }],
    ['03/05/2024', { problem: '"03/05/2024" could be day/month or month/day' }],
    ['May 2024', { problem: '"May 2024" names no day' }],
    ['31 February 2024', { problem: '"31 February 2024" is not a real date' }],
  ])('%s', (line, expected) => {
    expect(isoDate(statedDate(line)!.value)).toEqual(expected);
  });
});

test('recommendations: imperative openings', () => {
  for (const yes of ['Strengthen ties.', 'Enhance readiness.', 'Address the gap.', 'Focus on trade.', 'Assess risks.', '1. Tighten controls.']) {
    expect(isImperative(yes), yes).toBe(true);
  }
  for (const no of ['The alliance grows.', 'We recommend this.', 'Sanctions failed.', 'Strengthening ties helps.', 'Additionally, act.', 'Increased spending.']) {
    expect(isImperative(no), no).toBe(false);
  }
});

test('provisional titles come from the first sentence', () => {
  expect(provisionalTitle('In a significant geopolitical shift, Russia’s recent treaty with North Korea has set the stage for a new era of regional tensions in East Asia. More.')).toBe(
    'Russia’s recent treaty with North Korea has set the stage…',
  );
  expect(provisionalTitle('the pact was signed in June.')).toBe('The pact was signed in June');
});
