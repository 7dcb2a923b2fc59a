/**
 * Atom 1.0 (RFC 4287) and RSS 2.0 documents of a list of documents, newest first. Which date
 * goes where is decided in documents.ts: Atom's `<published>` and RSS's `<pubDate>` only ever
 * carry a stated date and are left out without one.
 */
import type { DocumentFacts } from './documents.ts';
import { isoDate, xml } from './xml.ts';

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

export function atomFeed(meta: FeedMeta, documents: DocumentFacts[]): string {
  const entries = feedEntries(documents);
  // An empty feed still needs an `updated`; the epoch says "nothing yet" without a build clock.
  const updated = entries.reduce((max, doc) => Math.max(max, doc.updated.getTime()), 0);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `  <id>${xml(meta.self)}</id>`,
    `  <title>${xml(meta.title)}</title>`,
    `  <subtitle>${xml(meta.subtitle)}</subtitle>`,
    `  <updated>${isoDate(new Date(updated))}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(meta.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(meta.page)}"/>`,
    `  <author><name>${xml(meta.siteName)}</name></author>`,
    `  <generator>${xml(meta.siteName)}</generator>`,
  ];
  for (const doc of entries) {
    const url = meta.documentUrl(doc.slug);
    lines.push(
      '  <entry>',
      `    <id>${xml(url)}</id>`,
      `    <title>${xml(doc.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      ...(doc.published ? [`    <published>${isoDate(doc.published)}</published>`] : []),
      `    <updated>${isoDate(doc.updated)}</updated>`,
      ...doc.authors.map((name) => `    <author><name>${xml(name)}</name></author>`),
      `    <summary type="text">${xml(doc.summary)}</summary>`,
      `    <category term="${xml(doc.kind)}" label="${xml(doc.kindLabel)}"/>`,
      ...doc.countries.map((id) => `    <category term="${xml(id)}" scheme="${xml(meta.scheme('country'))}" label="${xml(meta.label('country', id))}"/>`),
      ...doc.topics.map((id) => `    <category term="${xml(id)}" scheme="${xml(meta.scheme('topic'))}" label="${xml(meta.label('topic', id))}"/>`),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** RFC 822 dates as RSS 2.0 wants them ("Sat, 01 Jun 2024 00:00:00 GMT"). */
const rfc822 = (date: Date) => date.toUTCString();

export function rssFeed(meta: FeedMeta, documents: DocumentFacts[]): string {
  const entries = feedEntries(documents);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    `    <title>${xml(meta.title)}</title>`,
    `    <link>${xml(meta.page)}</link>`,
    `    <description>${xml(meta.subtitle)}</description>`,
    '    <language>en</language>',
    `    <atom:link rel="self" type="application/rss+xml" href="${xml(meta.self)}"/>`,
    ...(entries[0] ? [`    <lastBuildDate>${rfc822(entries[0].updated)}</lastBuildDate>`] : []),
  ];
  for (const doc of entries) {
    const url = meta.documentUrl(doc.slug);
    lines.push(
      '    <item>',
      `      <title>${xml(doc.title)}</title>`,
      `      <link>${xml(url)}</link>`,
      `      <guid isPermaLink="true">${xml(url)}</guid>`,
      `      <description>${xml(doc.summary)}</description>`,
      // RSS's pubDate is optional: the item's own stated date, or none.
      ...(doc.published || doc.stated ? [`      <pubDate>${rfc822((doc.published ?? doc.stated)!)}</pubDate>`] : []),
      ...doc.authors.map((name) => `      <dc:creator>${xml(name)}</dc:creator>`),
      `      <category>${xml(doc.kindLabel)}</category>`,
      '    </item>',
    );
  }
  lines.push('  </channel>', '</rss>', '');
  return lines.join('\n');
}
