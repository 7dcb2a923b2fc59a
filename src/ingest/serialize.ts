/**
 * mdast -> MDX text, only through mdast-util-to-markdown and mdast-util-mdx: the serializer
 * escapes whatever source text would otherwise become markup, JSX, an expression or ESM.
 */
import type { Root } from 'mdast';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown, type Unsafe } from 'mdast-util-to-markdown';

/** Escapes the MDX extension does not make, checked by compiling the output with Sätteri. */
const UNSAFE: Unsafe[] = [
  // MDX reads a line that starts with `import` or `export` as an ES module statement
  // ("import x from 'y'", "export{a}"); `&#x69;mport` is the same text and no statement.
  { atBreak: true, character: 'i', after: 'mport(?![A-Za-z0-9_$])' },
  { atBreak: true, character: 'e', after: 'xport(?![A-Za-z0-9_$])' },
  // GFM strikethrough would turn `~~word~~` or `~word~` into deleted text and drop the tildes.
  { character: '~', inConstruct: 'phrasing' },
];

export function serializeBody(root: Root): string {
  return toMarkdown(root, {
    extensions: [mdxToMarkdown()],
    bullet: '-',
    listItemIndent: 'one',
    unsafe: UNSAFE,
  });
}
