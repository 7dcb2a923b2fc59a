import { describe, expect, it } from 'vitest';
import { authorLine, authorText, SHORT_AUTHORS } from '../../../src/lib/authors.ts';

const people = (...names: string[]) => names.map((name) => ({ name }));

describe('the author line', () => {
  it('names everyone in the full form, in the source order, with commas and a final "and"', () => {
    expect(authorText(people('Maria Okafor'))).toBe('Maria Okafor');
    expect(authorText(people('Maria Okafor', 'Daniel Reyes'))).toBe('Maria Okafor and Daniel Reyes');
    expect(authorText(people('Maria Okafor', 'Daniel Reyes', 'Ann Lee'))).toBe('Maria Okafor, Daniel Reyes and Ann Lee');
  });

  it('in the short form names two authors, and counts the others after the first beyond that', () => {
    expect(authorText(people('Maria Okafor', 'Daniel Reyes'), SHORT_AUTHORS)).toBe('Maria Okafor and Daniel Reyes');
    expect(authorText(people('Maria Okafor', 'Daniel Reyes', 'Ann Lee'), SHORT_AUTHORS)).toBe('Maria Okafor and 2 others');
    expect(authorText(people('A', 'B', 'C', 'D', 'E'), SHORT_AUTHORS)).toBe('A and 4 others');
  });

  it('says nothing without authors, and keeps each author whole for a header that shows roles', () => {
    expect(authorText(undefined)).toBe('');
    expect(authorText([], SHORT_AUTHORS)).toBe('');
    const line = authorLine([{ name: 'Maria Okafor', role: 'Senior Fellow' }, { name: 'Daniel Reyes' }]);
    expect(line.parts.map((part) => [part.before, part.author.name, part.author.role])).toEqual([
      ['', 'Maria Okafor', 'Senior Fellow'],
      [' and ', 'Daniel Reyes', undefined],
    ]);
    expect(line.rest).toBe('');
  });
});
