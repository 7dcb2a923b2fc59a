/**
 * What a country or topic hub lists: for every document (newest first) that concerns the
 * country or topic, each section tagged with it, with an excerpt that mentions it and a deep
 * link. A document tagged as a whole but in none of its sections (a mention in the lede only)
 * is listed without sections.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { excerpt } from '../lib/excerpt.ts';
import { hubIds, hubSections, type HubIds } from '../lib/hubs.ts';
import { sortForListing } from '../lib/listing.ts';
import { sectionTexts } from './sections.ts';
import { siteTagger } from './tagger.ts';

export type HubKind = 'country' | 'topic';

export interface HubSection {
  id: string;
  title: string;
  excerpt: string;
}

export interface HubDocument {
  entry: CollectionEntry<'assessments'>;
  sections: HubSection[];
}

export interface Hub {
  kind: HubKind;
  id: string;
  name: string;
  documents: HubDocument[];
  sectionCount: number;
}

const field = (kind: HubKind) => (kind === 'country' ? 'countries' : 'topics');

export async function publishedHubIds(): Promise<HubIds> {
  return hubIds((await getCollection('assessments')).map((entry) => entry.data));
}

/** Every hub of a kind, by name, with its documents and sections. */
export async function hubs(kind: HubKind): Promise<Hub[]> {
  const ids = (await publishedHubIds())[field(kind)];
  const names =
    kind === 'country'
      ? new Map((await getCollection('countries')).map((entry) => [entry.id, entry.data.name]))
      : new Map((await getCollection('topics')).map((entry) => [entry.id, entry.data.label]));
  const entries = sortForListing(await getCollection('assessments'));
  const tagger = await siteTagger();
  const texts = new Map(await Promise.all(entries.map(async (entry) => [entry.id, await sectionTexts(entry)] as const)));

  const list = [...ids].map((id): Hub => {
    const mentions = (sentence: string) => tagger.mentions(sentence).some((mention) => mention.kind === kind && mention.id === id);
    const documents = entries.flatMap((entry): HubDocument[] => {
      const sections = hubSections(entry.data.sections)
        .filter((section) => section[field(kind)].some((ref) => ref.id === id))
        .map((section) => ({ id: section.id, title: section.title, excerpt: excerpt(texts.get(entry.id)?.[section.id] ?? '', mentions) }));
      const tagged = entry.data[field(kind)].some((ref) => ref.id === id);
      return sections.length > 0 || tagged ? [{ entry, sections }] : [];
    });
    return {
      kind,
      id,
      name: names.get(id) ?? id,
      documents,
      sectionCount: documents.reduce((sum, doc) => sum + doc.sections.length, 0),
    };
  });
  const byName = new Intl.Collator('en', { sensitivity: 'base' });
  return list.sort((a, b) => byName.compare(a.name, b.name));
}

/** One static path per hub of a kind: src/pages/countries/[id].astro and topics/[id].astro. */
export async function hubPaths(kind: HubKind) {
  return (await hubs(kind)).map((hub) => ({ params: { id: hub.id }, props: { hub } }));
}
