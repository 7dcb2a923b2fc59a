import { describe, expect, it } from 'vitest';
import { captionLineTitle, tableCaption } from '../../../src/ingest/caption.ts';

describe('tableCaption', () => {
  it('makes a short title from the header, naming the row key last', () => {
    expect(tableCaption(['Country', 'Current major exports', 'Potential trade impacts'])).toBe('Current major exports and potential trade impacts, by country');
    expect(tableCaption(['Donor', 'Announced package', 'Share of GDP'])).toBe('Announced package and share of GDP, by donor');
    expect(tableCaption(['Quarter', 'Missiles'])).toBe('Missiles, by quarter');
  });

  it('leaves units out, merges year variants of one measure, and keeps acronyms and names', () => {
    expect(tableCaption(['Country', 'Defense budget (USD bn)', 'Spending (% of GDP)'])).toBe('Defense budget and spending, by country');
    expect(tableCaption(['Country', 'Spending (2023)', 'Spending (2024)'])).toBe('Spending (2023 and 2024), by country');
    expect(tableCaption(['Year', 'GDP growth', 'Japan', 'South Korea'], { isName: (l) => ['Japan', 'South Korea'].includes(l) })).toBe('GDP growth, Japan and South Korea, by year');
    expect(tableCaption(['Indicator', 'North Korea', 'Russia'], { isName: (l) => l !== 'Indicator' })).toBe('North Korea and Russia, by indicator');
  });

  it('sums up a wide table and handles tables without a key column', () => {
    expect(tableCaption(['Country', 'Troops', 'Tanks', 'Aircraft', 'Ships', 'Submarines'])).toBe('Troops, tanks and 3 more, by country');
    expect(tableCaption(['Imports', 'Exports'], { keyColumn: null })).toBe('Imports and exports');
    expect(tableCaption(['Country'])).toBe('Country');
  });

  it('takes the title of a caption line when the source gives one', () => {
    expect(tableCaption(['Country', 'Budget'], { captionLine: 'Table 2: Defense budgets, 2023-2024.' })).toBe('Defense budgets, 2023-2024');
    expect(captionLineTitle('Exhibit 3. Arms transfers by year')).toBe('Arms transfers by year');
    expect(captionLineTitle('The following table highlights key trade flows:')).toBeUndefined();
  });

  it('is never the sentence that introduces the table', () => {
    const intro = 'Consider the following table highlighting key trade flows and their potential impacts:';
    const caption = tableCaption(['Country', 'Current major exports', 'Potential trade impacts'], { captionLine: intro });
    expect(caption).not.toContain('Consider');
    expect(caption).toBe('Current major exports and potential trade impacts, by country');
  });

  it('lists labels in another script instead of joining them with English words', () => {
    expect(tableCaption(['国', '輸出'])).toBe('国, 輸出');
  });
});
