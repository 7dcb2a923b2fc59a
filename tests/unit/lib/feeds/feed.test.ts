import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { DocumentFacts } from '../../../../src/lib/feeds/documents.ts';
import { atomFeed, FEED_LENGTH, rssFeed, type FeedMeta } from '../../../../src/lib/feeds/feed.ts';

const meta: FeedMeta = {
  title: 'Assessment Atlas',
  subtitle: 'The newest assessments.',
  self: 'https://atlas.example.org/feeds/atom.xml',
  page: 'https://atlas.example.org/',
  siteName: 'Assessment Atlas',
  documentUrl: (slug) => `https://atlas.example.org/assessments/${slug}/`,
  label: (_kind, id) => (id === 'north-korea' ? 'North Korea' : id),
  scheme: (kind) => `https://atlas.example.org/${kind === 'country' ? 'countries' : 'topics'}/`,
};

/** A CRS brief with an update date and two authors, and an undated think-tank report. */
const brief: DocumentFacts = {
  slug: 'north-korea-russia-brief',
  title: 'North Korea–Russia Relations: Issues for Congress',
  kind: 'brief',
  kindLabel: 'Brief',
  summary: 'Pyongyang & Moscow signed a "comprehensive" treaty <in 2024>.',
  authors: ['Mark E. Manyin', 'Emma Chanlett-Avery'],
  identifier: 'IF12760',
  published: new Date('2024-07-01T00:00:00Z'),
  stated: new Date('2026-09-18T00:00:00Z'),
  updated: new Date('2026-09-18T00:00:00Z'),
  countries: ['north-korea', 'russia'],
  topics: ['alliances'],
};
const undated: DocumentFacts = {
  slug: 'deterrence-under-strain',
  // Text exported from PDFs carries control characters that XML 1.0 forbids even escaped.
  title: 'Deterrence\u0007 under Strain',
  kind: 'report',
  kindLabel: 'Report',
  summary: 'Allied missile defence.',
  authors: [],
  updated: new Date('2025-01-02T00:00:00Z'),
  countries: [],
  topics: [],
};

const parser = new XMLParser({ ignoreAttributes: false, htmlEntities: true, attributeNamePrefix: '@', isArray: (name) => ['entry', 'item', 'author', 'category', 'link', 'dc:creator'].includes(name) });
function parsed(text: string) {
  expect(XMLValidator.validate(text)).toBe(true);
  return parser.parse(text);
}

describe('atomFeed', () => {
  it('writes each document as an entry with its URL as id, its authors and only the dates it states', () => {
    const feed = parsed(atomFeed(meta, [brief, undated])).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.updated).toBe('2026-09-18T00:00:00Z');
    const [first, second] = feed.entry;
    expect(first.id).toBe('https://atlas.example.org/assessments/north-korea-russia-brief/');
    expect(first.published).toBe('2024-07-01T00:00:00Z');
    expect(first.updated).toBe('2026-09-18T00:00:00Z');
    expect(first.author.map((author: { name: string }) => author.name)).toEqual(['Mark E. Manyin', 'Emma Chanlett-Avery']);
    expect(first.summary['#text']).toBe(brief.summary);
    expect(first.category.map((c: Record<string, string>) => [c['@term'], c['@label']])).toEqual([
      ['brief', 'Brief'],
      ['north-korea', 'North Korea'],
      ['russia', 'russia'],
      ['alliances', 'alliances'],
    ]);
    expect(second.published).toBeUndefined();
    expect(second.author).toBeUndefined();
    expect(second.title).toBe('Deterrence under Strain');
  });

  it('escapes markup in text so it stays text', () => {
    const text = atomFeed(meta, [brief]);
    expect(text).toContain('treaty &#x3C;in 2024>');
    expect(text).not.toContain('<in 2024>');
  });

  it('keeps the newest FEED_LENGTH documents, and an empty feed states the epoch as its update', () => {
    const many = Array.from({ length: FEED_LENGTH + 5 }, (_, i) => ({ ...undated, slug: `doc-${i}` }));
    expect(parsed(atomFeed(meta, many)).feed.entry).toHaveLength(FEED_LENGTH);
    const empty = parsed(atomFeed(meta, [])).feed;
    expect(empty.entry).toBeUndefined();
    expect(empty.updated).toBe('1970-01-01T00:00:00Z');
  });
});

describe('rssFeed', () => {
  it('writes items with a permalink guid, creators and a pubDate only when a date is stated', () => {
    const channel = parsed(rssFeed(meta, [brief, undated])).rss.channel;
    const [first, second] = channel.item;
    expect(first.guid).toMatchObject({ '#text': 'https://atlas.example.org/assessments/north-korea-russia-brief/', '@isPermaLink': 'true' });
    expect(first.pubDate).toBe('Mon, 01 Jul 2024 00:00:00 GMT');
    expect(first['dc:creator']).toEqual(['Mark E. Manyin', 'Emma Chanlett-Avery']);
    expect(second.pubDate).toBeUndefined();
    expect(channel.lastBuildDate).toBe('Fri, 18 Sep 2026 00:00:00 GMT');
  });
});
