/**
 * The document -> an mdast tree following the content contract: lede paragraphs, `##` sections,
 * labelled bullets and run-in headings as strong terms, figure captions in `<Figure>`, recommendations as an ordered list, and each table as
 * `<DataTable id="<slug>/<table-id>" />`. Source text only ever lands in `text` nodes, so the
 * serializer escapes every character of it.
 */
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import type { DocBlock, DocumentModel, RunIn } from './document.ts';
import { findNotes, linkNoteEntry, linkNoteMarkers, type NotesFound, type Passage } from './notes.ts';

/** How a passage of text becomes phrasing content: with its note markers, or its note number, linked. */
type Phrase = (passage: Passage) => PhrasingContent[];
const plain: Phrase = (passage) => [{ type: 'text', value: passage.text }];

/** The prose passages of blocks (paragraphs, list items, figure captions) in order, as notes.ts reads them. */
export function passagesOf(blocks: readonly DocBlock[]): Passage[] {
  return blocks.flatMap((block): Passage[] => {
    switch (block.type) {
      case 'paragraph':
        return [{ line: block.line, text: block.text }];
      case 'bullets':
        // A labelled item's text follows its bold label after a space, as blockToMdast writes it.
        return block.items.map((entry) => ({ line: entry.line, text: entry.label === undefined ? entry.text : ` ${entry.text}` }));
      case 'recommendations':
        return block.items.map((entry) => ({ line: entry.line, text: entry.text }));
      case 'figure':
        return [block.caption, ...block.credits].map((p) => ({ line: p.line, text: p.text }));
      default:
        return [];
    }
  });
}

/** The endnotes of a document: markers in the body and lede, entries in the sections with role `notes`. */
export function documentNotes(doc: DocumentModel): NotesFound {
  const body = [doc.lede, ...doc.sections.filter((s) => s.role !== 'notes').map((s) => s.blocks)];
  const entries = doc.sections.filter((s) => s.role === 'notes').map((s) => s.blocks);
  return findNotes(body.flatMap(passagesOf), entries.flatMap(passagesOf));
}

function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

function item(children: PhrasingContent[]): ListItem {
  return { type: 'listItem', spread: false, children: [paragraph(children)] };
}

export function dataTable(id: string): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name: 'DataTable',
    attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }],
    children: [],
  };
}

/** The MDX tree of one block; `tableIds` maps a table's source line to its entry id. */
function blockToMdast(block: DocBlock, tableIds: Map<number, string>, phrase: Phrase = plain): RootContent {
  switch (block.type) {
    case 'heading':
      return { type: 'heading', depth: 2, children: [{ type: 'text', value: block.text }] };
    case 'paragraph': {
      const lead = (block as RunIn).lead;
      const children = phrase({ line: block.line, text: block.text });
      const first = children[0];
      if (lead === undefined || first?.type !== 'text' || !first.value.startsWith(lead)) return paragraph(children);
      // A run-in heading: the term in bold, the paragraph's text unchanged.
      return paragraph([
        { type: 'strong', children: [{ type: 'text', value: lead }] },
        ...(first.value.length > lead.length ? [{ type: 'text' as const, value: first.value.slice(lead.length) }] : []),
        ...children.slice(1),
      ]);
    }
    case 'figure':
      // <Figure> says the image is not part of the source; the caption and credits are the text.
      return {
        type: 'mdxJsxFlowElement',
        name: 'Figure',
        attributes: [],
        children: [block.caption, ...block.credits].map((p) => paragraph(phrase({ line: p.line, text: p.text }))),
      };
    case 'bullets': {
      const list: List = {
        type: 'list',
        ordered: false,
        spread: false,
        children: block.items.map((entry) =>
          entry.label === undefined
            ? item(phrase({ line: entry.line, text: entry.text }))
            : item([{ type: 'strong', children: [{ type: 'text', value: `${entry.label}:` }] }, ...phrase({ line: entry.line, text: ` ${entry.text}` })]),
        ),
      };
      return list;
    }
    case 'recommendations':
      return {
        type: 'list',
        ordered: true,
        start: block.start,
        spread: false,
        children: block.items.map((entry) => item(phrase({ line: entry.line, text: entry.text }))),
      };
    case 'table': {
      const id = tableIds.get(block.line);
      if (id === undefined) throw new Error(`no data file planned for the table on line ${block.line}`);
      return dataTable(id);
    }
  }
}

/** `notes`: the document's endnotes (`documentNotes`), whose markers and entries become links. */
export function toMdast(doc: DocumentModel, tableIds: Map<number, string>, notes?: NotesFound): Root {
  const markers: Phrase = notes === undefined || notes.references.length === 0 ? plain : (passage) => linkNoteMarkers(passage, notes);
  const entries: Phrase = notes === undefined || notes.entries.length === 0 ? plain : (passage) => linkNoteEntry(passage, notes);
  const children: RootContent[] = doc.lede.map((block) => blockToMdast(block, tableIds, markers));
  for (const section of doc.sections) {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: section.title }] });
    const phrase = section.role === 'notes' ? entries : markers;
    for (const block of section.blocks) children.push(blockToMdast(block, tableIds, phrase));
  }
  return { type: 'root', children };
}
