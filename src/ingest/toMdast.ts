/**
 * The document -> an mdast tree following the content contract: lede paragraphs, `##` sections,
 * labelled bullets and run-in headings as strong terms, figure captions in `<Figure>`, recommendations as an ordered list, and each table as
 * `<DataTable id="<slug>/<table-id>" />`. Source text only ever lands in `text` nodes, so the
 * serializer escapes every character of it.
 */
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import type { DocBlock, DocumentModel, RunIn } from './document.ts';

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
function blockToMdast(block: DocBlock, tableIds: Map<number, string>): RootContent {
  switch (block.type) {
    case 'heading':
      return { type: 'heading', depth: 2, children: [{ type: 'text', value: block.text }] };
    case 'paragraph': {
      const lead = (block as RunIn).lead;
      if (lead === undefined) return paragraph([{ type: 'text', value: block.text }]);
      // A run-in heading: the term in bold, the paragraph's text unchanged.
      return paragraph([
        { type: 'strong', children: [{ type: 'text', value: lead }] },
        { type: 'text', value: block.text.slice(lead.length) },
      ]);
    }
    case 'figure':
      // <Figure> says the image is not part of the source; the caption and credits are the text.
      return {
        type: 'mdxJsxFlowElement',
        name: 'Figure',
        attributes: [],
        children: [block.caption, ...block.credits].map((p) => paragraph([{ type: 'text', value: p.text }])),
      };
    case 'bullets': {
      const list: List = {
        type: 'list',
        ordered: false,
        spread: false,
        children: block.items.map((entry) =>
          entry.label === undefined
            ? item([{ type: 'text', value: entry.text }])
            : item([
                { type: 'strong', children: [{ type: 'text', value: `${entry.label}:` }] },
                { type: 'text', value: ` ${entry.text}` },
              ]),
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
        children: block.items.map((entry) => item([{ type: 'text', value: entry.text }])),
      };
    case 'table': {
      const id = tableIds.get(block.line);
      if (id === undefined) throw new Error(`no data file planned for the table on line ${block.line}`);
      return dataTable(id);
    }
  }
}

export function toMdast(doc: DocumentModel, tableIds: Map<number, string>): Root {
  const children: RootContent[] = doc.lede.map((block) => blockToMdast(block, tableIds));
  for (const section of doc.sections) {
    children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: section.title }] });
    for (const block of section.blocks) children.push(blockToMdast(block, tableIds));
  }
  return { type: 'root', children };
}
