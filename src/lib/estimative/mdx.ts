/**
 * The blocks of a generated MDX page as the lint reads them: each paragraph and list item with
 * its line in the file, marked as a key judgment when it is in the section whose role is
 * `summary` (front matter `sections[].role`, or the heading's role when none is written).
 * Generated pages hold one block per line (content/README.md); MDX escapes are undone so the
 * text is the author's.
 */
import { roleOfHeading, type Role } from '../roles.ts';
import type { Block } from './lint.ts';

interface SectionMatter {
  title?: unknown;
  role?: unknown;
}

/** Strong and emphasis markers the ingester writes (`**Label:**`) dropped, then escapes undone. */
const unescape = (text: string) =>
  text
    .replace(/(?<!\\)\*\*(.+?)(?<!\\)\*\*/g, '$1')
    .replace(/\\([\\`*_{}\[\]()#+\-.!<>|~&])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#123;/g, '{')
    .replace(/&#125;/g, '}')
    .replace(/&amp;/g, '&');

export function mdxBlocks(source: string, sections: readonly SectionMatter[] = []): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let index = 0;
  if (lines[0] === '---') {
    index = lines.indexOf('---', 1) + 1;
    if (index === 0) return [];
  }
  const blocks: Block[] = [];
  let heading = -1;
  let role: Role | undefined;
  for (; index < lines.length; index += 1) {
    const line = lines[index]!;
    const h2 = /^## (.+)$/.exec(line);
    if (h2) {
      heading += 1;
      const matter = sections[heading];
      const title = unescape(h2[1]!.trim());
      role = typeof matter?.role === 'string' ? (matter.role as Role) : roleOfHeading(typeof matter?.title === 'string' ? matter.title : title);
      continue;
    }
    if (/^\s*$/.test(line) || /^#{1,6} /.test(line) || /^\s*</.test(line) || /^(?:import|export) /.test(line)) continue;
    const text = unescape(line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim());
    if (text) blocks.push({ text, line: index + 1, judgment: role === 'summary' });
  }
  return blocks;
}
