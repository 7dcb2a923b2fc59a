/**
 * Reading built HTML pages: parse5 parses them as browsers do (the WHATWG algorithm), and these
 * few helpers walk the result (the search records). The link check and the anchor lock need no
 * tree: they scan pages with parse5's tokenizer (src/lib/pageScan.ts).
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

export type HtmlElement = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

export function parseHtml(html: string): DefaultTreeAdapterTypes.Document {
  return parse(html);
}

/** Every element of the document in document order, template contents included. */
export function* allElements(root: Node): Generator<HtmlElement> {
  const children =
    root.nodeName === 'template'
      ? (root as DefaultTreeAdapterTypes.Template).content.childNodes
      : 'childNodes' in root
        ? (root as DefaultTreeAdapterTypes.ParentNode).childNodes
        : [];
  for (const child of children) {
    if ('tagName' in child) {
      yield child;
      yield* allElements(child);
    }
  }
}

export function getAttr(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

export function hasClassName(element: HtmlElement, name: string): boolean {
  return (getAttr(element, 'class') ?? '').split(/\s+/).includes(name);
}

/** A fragment as it appears after "#" in an href, decoded; undefined when it is not valid percent-encoding. */
export function decodeFragment(fragment: string): string | undefined {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
}
