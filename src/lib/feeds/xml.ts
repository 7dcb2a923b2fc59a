/**
 * XML documents as xast trees (xastscript), serialised by xast-util-to-xml, which escapes text
 * and attributes. Source text may hold control characters XML 1.0 forbids even escaped (text
 * exported from PDFs does), so every string goes through `legal` before it enters a tree.
 */
import type { Root } from 'xast';
import { toXml } from 'xast-util-to-xml';

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A string without the characters XML 1.0 forbids. */
export function legal(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** An XML document: the declaration, then the tree, one element per line as written. */
export function xmlDocument(tree: Root): string {
  const declaration = { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' } as const;
  return `${toXml({ type: 'root', children: [declaration, { type: 'text', value: '\n' }, ...tree.children] }, { closeEmptyElements: true })}\n`;
}

/** RFC 3339 without milliseconds, as Atom and sitemaps write dates. */
export function isoDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
