/**
 * Every section the ingester accepts must have words: the search index makes one record per
 * section, and Pagefind indexes no record for text that is only punctuation (`---`, `* * *`, `…`),
 * which fails the whole site's build. Such a section is refused at ingest, where the editor can
 * still see the source line, rather than at build time.
 */
import { sectionText, type Section } from './document.ts';

const WORD = /[\p{L}\p{N}]/u;

/** The reason to refuse the document, naming the first section without words, or undefined. */
export function sectionWithoutWords(sections: readonly Section[]): string | undefined {
  for (const section of sections) {
    if (section.blocks.length === 0) continue;
    const body = sectionText({ ...section, title: '' }).trim();
    if (WORD.test(body)) continue;
    const shown = body.split('\n').filter(Boolean).slice(0, 2).join(' / ');
    return `line ${section.line}: the section "${section.title}" has no words, only punctuation ("${shown}"), and the search index cannot hold it. Give it its text, or delete that heading (line ${section.line}) so the line joins the section before, or delete the line`;
  }
  return undefined;
}
