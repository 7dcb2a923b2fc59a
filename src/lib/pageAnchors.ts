/**
 * The anchors a built document page publishes, read from its HTML: the target of every
 * permalink ("#" link of Permalink.astro) and every alias target that section-anchors placed.
 * The anchor lock compares these with content/anchors.lock.json.
 */
import { ALIAS_CLASS, ALIAS_FOR, PERMALINK_CLASS, REMOVED_CLASS } from './anchors.ts';
import { allElements, decodeFragment, getAttr, hasClassName, parseHtml } from './html.ts';

export interface PageAnchors {
  /** Ids with a permalink, in page order. */
  ids: string[];
  /** Old id -> the id it now leads to. */
  aliases: Record<string, string>;
}

export function anchorsInHtml(html: string): PageAnchors {
  const ids: string[] = [];
  const aliases: Record<string, string> = {};
  for (const element of allElements(parseHtml(html))) {
    if (element.tagName === 'a' && hasClassName(element, PERMALINK_CLASS)) {
      const href = getAttr(element, 'href') ?? '';
      const id = href.startsWith('#') ? decodeFragment(href.slice(1)) : undefined;
      if (id && !ids.includes(id)) ids.push(id);
    } else if (hasClassName(element, REMOVED_CLASS)) {
      const id = getAttr(element, 'id');
      if (id && !ids.includes(id)) ids.push(id);
    } else if (hasClassName(element, ALIAS_CLASS)) {
      const id = getAttr(element, 'id');
      const target = getAttr(element, ALIAS_FOR);
      if (id && target) aliases[id] = target;
    }
  }
  return { ids, aliases };
}
