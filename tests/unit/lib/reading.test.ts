import { describe, expect, it } from 'vitest';
import { alreadySays, lede, readingMinutes, repeatsLede } from '../../../src/lib/reading.ts';

describe('reading time', () => {
  it('counts words at 230 a minute, at least one minute', () => {
    expect(readingMinutes(['Short text.'])).toBe(1);
    const words = Array.from({ length: 2300 }, (_, i) => `word${i}`).join(' ');
    expect(readingMinutes([words.slice(0, words.length / 2), words.slice(words.length / 2)])).toBe(10);
  });
  it('reads figures and hyphenated words as one word each', () => {
    expect(readingMinutes([Array(460).fill('U.S.-led 2,500').join(' ')])).toBe(4);
  });
});

describe('a summary that repeats the lede', () => {
  const body = "In a significant geopolitical shift, Russia\\'s treaty with North Korea has set the stage for tensions. As the two nations...\n\n## Implications\n\nText.";
  it('is recognised whatever the quotes, escapes and spacing', () => {
    expect(repeatsLede('In a significant geopolitical shift, Russia’s treaty with  North Korea has set the stage for tensions.', body)).toBe(true);
  });
  it('is not when the summary says something else', () => {
    expect(repeatsLede('Russia and North Korea sign a treaty.', body)).toBe(false);
  });
  it('is not when the body opens with a section heading (a CRS brief with a Summary section)', () => {
    expect(lede('## Summary\n\nThe same words.')).toBe('');
    expect(repeatsLede('The same words.', '## Summary\n\nThe same words.')).toBe(false);
  });
  it('an empty summary repeats nothing', () => {
    expect(repeatsLede('', body)).toBe(false);
  });
});

describe('a caption that copies the sentence introducing its table', () => {
  const body = 'Trade will shift. To illustrate the potential changes in trade networks, consider the following table highlighting key trade flows:\n\n<DataTable id="x/y" />';
  it('is found in the text, whatever the punctuation', () => {
    expect(alreadySays(body, 'To illustrate the potential changes in trade networks, consider the following table highlighting key trade flows')).toBe(true);
  });
  it('a short title from the header is not', () => {
    expect(alreadySays(body, 'Current major exports and potential trade impacts, by country')).toBe(false);
  });
});
