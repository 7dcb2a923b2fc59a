/**
 * The line that names a document's authors, in one form for every place a reader meets it: the
 * document header and print ("By Maria Okafor, Daniel Reyes and Ann Lee", each with the role the
 * source gives), and the short form of cards and search results ("Maria Okafor and Daniel Reyes",
 * "Maria Okafor and 2 others"), where a long byline would push the summary away.
 */
import type { Author } from './schemas.ts';

/** Authors a card or a search result names in full; with more, the first and a count. */
export const SHORT_AUTHORS = 2;

export interface AuthorPart {
  /** What comes before the name: '' for the first, ', ' or ' and '. */
  before: string;
  author: Pick<Author, 'name'> & Partial<Author>;
}

export interface AuthorLine {
  parts: AuthorPart[];
  /** " and 2 others" when names were left out, else ''. */
  rest: string;
}

/**
 * The authors as parts of a line, in the source's order. With `shown`: when there are more
 * authors than that, the first is named and the others counted ("Maria Okafor and 2 others").
 */
export function authorLine(authors: readonly AuthorPart['author'][] | undefined, shown = Infinity): AuthorLine {
  const list = authors ?? [];
  const keep = list.length > shown ? list.slice(0, 1) : list;
  const others = list.length - keep.length;
  const parts = keep.map((author, index) => ({ before: index === 0 ? '' : index === keep.length - 1 ? ' and ' : ', ', author }));
  return { parts, rest: others > 0 ? ` and ${others} ${others === 1 ? 'other' : 'others'}` : '' };
}

/** The line as plain text ("Maria Okafor and 2 others"); '' without authors. */
export function authorText(authors: readonly AuthorPart['author'][] | undefined, shown = Infinity): string {
  const { parts, rest } = authorLine(authors, shown);
  return parts.map((part) => part.before + part.author.name).join('') + rest;
}
