import { describe, expect, it } from 'vitest';
import { excerpt, sentencesOf } from '../../../src/lib/excerpt.ts';
import { createTagger } from '../../../src/lib/tagging.ts';

const text = [
  'The recent treaty between Russia and North Korea marks a shift. The U.S. response is uncertain.',
  'China’s stance matters: Beijing has leverage over Pyongyang. Japan watches closely.',
  'Resource Exchange: Enhanced cooperation in energy could fortify the economy.',
].join('\n\n');

describe('sentencesOf', () => {
  it('splits paragraphs, then sentences, keeping abbreviations whole', () => {
    expect(sentencesOf(text)).toEqual([
      'The recent treaty between Russia and North Korea marks a shift.',
      'The U.S. response is uncertain.',
      'China’s stance matters: Beijing has leverage over Pyongyang.',
      'Japan watches closely.',
      'Resource Exchange: Enhanced cooperation in energy could fortify the economy.',
    ]);
  });
});

describe('excerpt', () => {
  const tagger = createTagger(
    [
      { id: 'china', name: 'China', aliases: ['Beijing'] },
      { id: 'japan', name: 'Japan', aliases: ['Tokyo'] },
      { id: 'united-states', name: 'United States', aliases: ['U.S.'] },
    ],
    [{ id: 'energy', label: 'Energy', keywords: ['energy'] }],
  );
  const mentioning = (kind: 'country' | 'topic', id: string) => (sentence: string) =>
    tagger.mentions(sentence).some((mention) => mention.kind === kind && mention.id === id);

  it('picks the first sentence that mentions the hub, through aliases', () => {
    expect(excerpt(text, mentioning('country', 'china'))).toBe('China’s stance matters: Beijing has leverage over Pyongyang.');
    expect(excerpt(text, mentioning('country', 'united-states'))).toBe('The U.S. response is uncertain.');
    expect(excerpt(text, mentioning('topic', 'energy'))).toBe('Resource Exchange: Enhanced cooperation in energy could fortify the economy.');
  });

  it('falls back to the first sentence when no sentence mentions it (a tag from a table cell) or no test is given', () => {
    expect(excerpt('The U.S. response is uncertain. Japan watches closely.', mentioning('country', 'china'))).toBe('The U.S. response is uncertain.');
    expect(excerpt(text)).toBe('The recent treaty between Russia and North Korea marks a shift.');
  });

  it('cuts a long sentence at a word boundary', () => {
    const long = `${'word '.repeat(80)}end.`;
    const cut = excerpt(long, undefined, 60);
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut).toMatch(/^word( word)*…$/);
  });

  it('gives an empty excerpt for an empty section', () => {
    expect(excerpt('')).toBe('');
    expect(excerpt('   \n\n  ', () => true)).toBe('');
  });
});
