/**
 * What a country or topic hub lists: for every document (newest first) that concerns the
 * country or topic, each section tagged with it, with an excerpt that mentions it and a deep
 * link. A document tagged as a whole but in none of its sections (a mention in the lede only)
 * is listed without sections.
 *
 * Computed once per build for both kinds (src/data/memo.ts), in one pass over the sections:
 * each section's sentences are split and tagged once, not once per hub it appears on.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { cutToLength } from '../lib/sentences.ts';
import { EXCERPT_LENGTH, sentencesOf } from '../lib/excerpt.ts';
import { hubIds, hubSections, type HubIds } from '../lib/hubs.ts';
import { sortForListing } from '../lib/listing.ts';
import { perBuild } from './memo.ts';
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

/** The hubs the site publishes (src/lib/hubs.ts); tables and chips link only to these. */
export const publishedHubIds: () => Promise<HubIds> = perBuild(['assessments'], async () =>
  hubIds((await getCollection('assessments')).map((entry) => entry.data)),
);

/** Every country id of content/countries.json. */
export const knownCountries: () => Promise<ReadonlySet<string>> = perBuild(['countries'], async () =>
  new Set((await getCollection('countries')).map((country) => country.id)),
);

/**
 * For one section, the excerpt for each of its tags: the first sentence that mentions the tag,
 * else the first sentence, cut to length. Sentences are tagged lazily, only until every tag of
 * the section has found its sentence.
 */
function excerptsOf(text: string, wanted: readonly { kind: HubKind; id: string }[], mentions: (sentence: string) => { kind: string; id: string }[]): Map<string, string> {
  const sentences = sentencesOf(text);
  const found = new Map<string, string>();
  const open = new Set(wanted.map((tag) => `${tag.kind}:${tag.id}`));
  for (const sentence of sentences) {
    if (open.size === 0) break;
    for (const mention of mentions(sentence)) {
      const tag = `${mention.kind}:${mention.id}`;
      if (open.delete(tag)) found.set(tag, cutToLength(sentence, EXCERPT_LENGTH));
    }
  }
  const fallback = cutToLength(sentences[0] ?? '', EXCERPT_LENGTH);
  for (const tag of open) found.set(tag, fallback);
  return found;
}

const allHubs = perBuild(['assessments', 'countries', 'topics'], async (): Promise<Record<HubKind, Hub[]>> => {
  const published = await publishedHubIds();
  const names: Record<HubKind, Map<string, string>> = {
    country: new Map((await getCollection('countries')).map((entry) => [entry.id, entry.data.name])),
    topic: new Map((await getCollection('topics')).map((entry) => [entry.id, entry.data.label])),
  };
  const entries = sortForListing(await getCollection('assessments'));
  const tagger = await siteTagger();
  const lists: Record<HubKind, Map<string, HubDocument[]>> = { country: new Map(), topic: new Map() };
  for (const kind of ['country', 'topic'] as const) for (const id of published[field(kind)]) lists[kind].set(id, []);

  for (const entry of entries) {
    const texts = await sectionTexts(entry);
    const perHub: Record<HubKind, Map<string, HubSection[]>> = { country: new Map(), topic: new Map() };
    for (const section of hubSections(entry.data.sections)) {
      const wanted = (['country', 'topic'] as const).flatMap((kind) => section[field(kind)].map((ref) => ({ kind, id: ref.id })));
      if (wanted.length === 0) continue;
      const excerpts = excerptsOf(texts[section.id] ?? '', wanted, (sentence) => tagger.mentions(sentence));
      for (const { kind, id } of wanted) {
        const sections = perHub[kind].get(id) ?? [];
        // A tag listed twice on a section lists the section once.
        if (!sections.some((listed) => listed.id === section.id)) sections.push({ id: section.id, title: section.title, excerpt: excerpts.get(`${kind}:${id}`)! });
        perHub[kind].set(id, sections);
      }
    }
    for (const kind of ['country', 'topic'] as const) {
      for (const [id, documents] of lists[kind]) {
        const sections = perHub[kind].get(id) ?? [];
        if (sections.length > 0 || entry.data[field(kind)].some((ref) => ref.id === id)) documents.push({ entry, sections });
      }
    }
  }

  const byName = new Intl.Collator('en', { sensitivity: 'base' });
  const build = (kind: HubKind) =>
    [...lists[kind]]
      .map(([id, documents]): Hub => ({
        kind,
        id,
        name: names[kind].get(id) ?? id,
        documents,
        sectionCount: documents.reduce((sum, doc) => sum + doc.sections.length, 0),
      }))
      .sort((a, b) => byName.compare(a.name, b.name));
  return { country: build('country'), topic: build('topic') };
});

/** Every hub of a kind, by name, with its documents and sections. */
export async function hubs(kind: HubKind): Promise<Hub[]> {
  return (await allHubs())[kind];
}
