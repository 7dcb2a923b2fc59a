/**
 * Atom 1.0 (RFC 4287) and RSS 2.0 documents of a list of documents, newest first. Which date
 * goes where is decided in documents.ts: Atom's `<published>` and RSS's `<pubDate>` only ever
 * carry a stated date and are left out without one.
 */
import type { Element, Root } from 'xast';
import { x } from 'xastscript';
import type { DocumentFacts } from './documents.ts';
import { isoDate, legal, xmlDocument } from './xml.ts';

export const FEED_LENGTH = 50;

export interface FeedMeta {
  title: string;
  subtitle: string;
  /** Absolute URL of the feed itself. */
  self: string;
  /** Absolute URL of the HTML page the feed belongs to. */
  page: string;
  siteName: string;
  /** Absolute URL of a document page. */
  documentUrl: (slug: string) => string;
  /** Labels of the document's countries and topics, for categories. */
  label: (kind: 'country' | 'topic', id: string) => string;
  /** Absolute URL of the index of countries or topics: the scheme of their categories. */
  scheme: (kind: 'country' | 'topic') => string;
}

export function feedEntries(documents: DocumentFacts[]): DocumentFacts[] {
  return documents.slice(0, FEED_LENGTH);
}

/** Children laid out one per line at `depth`, so the feed reads well in a text editor. */
function indented(depth: number, children: (Element | undefined | false)[]): Root['children'] {
  const pad = `\n${'  '.repeat(depth)}`;
  const present = children.filter((child): child is Element => Boolean(child));
  return [...present.flatMap((child) => [{ type: 'text' as const, value: pad }, child]), { type: 'text', value: `\n${'  '.repeat(depth - 1)}` }];
}

function atomEntry(meta: FeedMeta, doc: DocumentFacts): Element {
  const url = meta.documentUrl(doc.slug);
  const category = (kind: 'country' | 'topic', id: string) => x('category', { term: id, scheme: meta.scheme(kind), label: legal(meta.label(kind, id)) });
  return x(
    'entry',
    indented(3, [
      x('id', url),
      x('title', legal(doc.title)),
      x('link', { rel: 'alternate', type: 'text/html', href: url }),
      doc.published && x('published', isoDate(doc.published)),
      x('updated', isoDate(doc.updated)),
      ...doc.authors.map((name) => x('author', [x('name', legal(name))])),
      x('summary', { type: 'text' }, legal(doc.summary)),
      x('category', { term: doc.kind, label: doc.kindLabel }),
      ...doc.countries.map((id) => category('country', id)),
      ...doc.topics.map((id) => category('topic', id)),
    ]),
  );
}

export function atomFeed(meta: FeedMeta, documents: DocumentFacts[]): string {
  const entries = feedEntries(documents);
  // An empty feed still needs an `updated`; the epoch says "nothing yet" without a build clock.
  const updated = entries.reduce((max, doc) => Math.max(max, doc.updated.getTime()), 0);
  const feed = x(
    'feed',
    { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'en' },
    indented(1, [
      x('id', meta.self),
      x('title', legal(meta.title)),
      x('subtitle', legal(meta.subtitle)),
      x('updated', isoDate(new Date(updated))),
      x('link', { rel: 'self', type: 'application/atom+xml', href: meta.self }),
      x('link', { rel: 'alternate', type: 'text/html', href: meta.page }),
      x('author', [x('name', meta.siteName)]),
      x('generator', meta.siteName),
      ...entries.map((doc) => atomEntry(meta, doc)),
    ]),
  );
  return xmlDocument(x(null, [feed]));
}

/** RFC 822 dates as RSS 2.0 wants them ("Sat, 01 Jun 2024 00:00:00 GMT"). */
const rfc822 = (date: Date) => date.toUTCString();

function rssItem(meta: FeedMeta, doc: DocumentFacts): Element {
  const url = meta.documentUrl(doc.slug);
  // RSS's pubDate is optional: the item's own stated date, or none.
  const stated = doc.published ?? doc.stated;
  return x(
    'item',
    indented(3, [
      x('title', legal(doc.title)),
      x('link', url),
      x('guid', { isPermaLink: 'true' }, url),
      x('description', legal(doc.summary)),
      stated && x('pubDate', rfc822(stated)),
      ...doc.authors.map((name) => x('dc:creator', legal(name))),
      x('category', doc.kindLabel),
    ]),
  );
}

export function rssFeed(meta: FeedMeta, documents: DocumentFacts[]): string {
  const entries = feedEntries(documents);
  const channel = x(
    'channel',
    indented(2, [
      x('title', legal(meta.title)),
      x('link', meta.page),
      x('description', legal(meta.subtitle)),
      x('language', 'en'),
      x('atom:link', { rel: 'self', type: 'application/rss+xml', href: meta.self }),
      entries[0] && x('lastBuildDate', rfc822(entries[0].updated)),
      ...entries.map((doc) => rssItem(meta, doc)),
    ]),
  );
  const rss = x('rss', { version: '2.0', 'xmlns:atom': 'http://www.w3.org/2005/Atom', 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' }, indented(1, [channel]));
  return xmlDocument(x(null, [rss]));
}
