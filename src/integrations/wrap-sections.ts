import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { HastPluginDefinition } from 'satteri';

/**
 * Wraps each `h2` and everything up to the next `h2` in a `<section class="doc-section">`.
 *
 * The content contract makes every section a plain `## Heading`; the page needs the section as
 * one element to style the summary section as a box (`.doc-section[data-role="summary"]`,
 * marked by section-anchors), to keep a heading with its text when printing, and to end each
 * section with related links. Heading ids are not touched here: section-anchors gives them the
 * ids of front matter. Text before the first `h2` (an article's lede) stays unwrapped. Search indexes each
 * section as a record: whatever is added to a section that is not the document's own text must
 * be an `aside` or `nav` or carry `data-pagefind-ignore` (see src/lib/search/records.ts).
 */
export const wrapSections: HastPluginDefinition = {
  name: 'wrap-sections',
  after(root, ctx) {
    const children: RootContent[] = [];
    let section: Element | undefined;
    for (const child of (root as Root).children) {
      if (child.type === 'element' && child.tagName === 'h2') {
        section = { type: 'element', tagName: 'section', properties: { className: ['doc-section'] }, children: [child] };
        children.push(section);
      } else if (section && child.type !== 'doctype') {
        section.children.push(child as ElementContent);
      } else {
        children.push(child);
      }
    }
    if (section) ctx.replaceNode(root, { type: 'root', children });
  },
};
