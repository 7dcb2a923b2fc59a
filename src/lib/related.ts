/**
 * "Related in other assessments": for one section, up to three sections of other documents,
 * ranked by the countries and topics they share, with editors' pins and suppressions applied.
 *
 * Score of a candidate section b for a section a (weights from RELATED_DEFAULTS below):
 *
 *   sum over shared topics    of topic   * idf(tag) * salience_a(tag) * salience_b(tag)
 * + sum over shared countries of country * idf(tag) * salience_a(tag) * salience_b(tag)
 *
 * - idf(tag) = ln((N + 1) / (df + 1)), N sections in all, df sections carrying the tag. A tag on
 *   every section tells nothing and scores 0; a rare shared tag counts most.
 * - salience: tags are listed most-mentioned first (the tagger writes them so); the tag at
 *   position r counts 1 / (1 + salienceDecay * r). Sharing each other's main subject beats
 *   sharing a passing mention, so a short section about one thing is not outranked by long
 *   sections that mention everything once.
 *
 * Back matter (notes, references, authors...: src/lib/roles.ts) is never a candidate: it names
 * every subject of its document in passing and says nothing about any. A candidate must score
 * above zero. Ties: document slug, then the section's order in its
 * document. Pins come first in the order written (section's own, then the document's), then the
 * ranked links, up to the limit.
 */
import { z } from 'astro/zod';
import { FRAGMENT_SOURCE, SLUG_SOURCE } from './ids.ts';
import { isBackMatter, type Role } from './roles.ts';

/**
 * The ranking's defaults; createRelatedIndex takes others in its options.
 * - `limit`: links shown per section.
 * - `topic`, `country`: weight of a shared tag of each kind. Topics weigh five times countries:
 *   the sections of a collection concern the same few states, so countries mostly separate
 *   regions, while topics separate subjects.
 * - `salienceDecay`: how fast a tag counts less further down a section's list (see above); 1
 *   gives 1, 1/2, 1/3...
 */
export const RELATED_DEFAULTS = { limit: 3, topic: 1, country: 0.2, salienceDecay: 1 } as const;

const SECTION_REF = new RegExp(`^${SLUG_SOURCE}#${FRAGMENT_SOURCE}$`, 'u');
const TARGET = new RegExp(`^${SLUG_SOURCE}(?:#${FRAGMENT_SOURCE})?$`, 'u');

/**
 * Front matter for editors, per document (`related:` at the top) or per section
 * (`sections[].related`):
 *
 *   related:
 *     pin: [russia-north-korea-alliance#implications]   # always shown, first
 *     suppress: [some-doc#key-judgments, other-doc]      # never shown (a section, or a whole document)
 *
 * A section's own rules win over its document's: a section can pin what the document suppresses.
 */
export const relatedRulesSchema = z
  .strictObject({
    pin: z
      .array(z.string().regex(SECTION_REF, 'pin a section as "<document-slug>#<section-id>", for example "russia-north-korea#implications"'))
      .max(3, 'pin at most 3 sections: only 3 related links are shown')
      .default([]),
    suppress: z
      .array(z.string().regex(TARGET, 'suppress "<document-slug>#<section-id>" or a whole "<document-slug>"'))
      .default([]),
  })
  .refine((rules) => !rules.pin.some((ref) => covers(rules.suppress, ref)), {
    message: 'a section cannot be both pinned and suppressed here; remove it from one list',
  });

export type RelatedRules = z.output<typeof relatedRulesSchema>;

export interface RelatedSectionInput {
  id: string;
  title: string;
  /** Back matter is never offered as a related section. */
  role?: Role | undefined;
  /** Most salient first (the order the tagger writes). */
  countries: readonly string[];
  topics: readonly string[];
  related?: Partial<RelatedRules> | undefined;
}

/**
 * An assessment's front matter, reduced to what ranking needs. From a content entry, map the
 * `reference()` lists to their ids: `countries: section.countries.map((ref) => ref.id)`.
 */
export interface RelatedDocumentInput {
  slug: string;
  related?: Partial<RelatedRules> | undefined;
  sections: readonly RelatedSectionInput[];
}

export interface RelatedLink {
  docSlug: string;
  sectionId: string;
  title: string;
  /** "<slug>#<section-id>". */
  ref: string;
  pinned: boolean;
  /** 0 for a pinned link. */
  score: number;
  /** Shared tags, most salient (for the section asked about) first. */
  shared: { countries: string[]; topics: string[] };
}

export interface RelatedOptions {
  /** How many links to show; 3 unless told. */
  limit?: number;
  weights?: { topic?: number; country?: number; salienceDecay?: number };
  /** Where a document's front matter lives, for error messages. */
  fileFor?: (slug: string) => string;
}

export interface RelatedIndex {
  relatedTo(docSlug: string, sectionId: string): RelatedLink[];
}

interface Node {
  /** Position in the index, for the dense score array. */
  index: number;
  docSlug: string;
  order: number;
  section: RelatedSectionInput;
  ref: string;
}

function covers(suppress: readonly string[], ref: string): boolean {
  return suppress.includes(ref) || suppress.includes(ref.slice(0, ref.indexOf('#')));
}

const EPSILON = 1e-9;

/**
 * Indexes every section once. Throws, naming each front matter file and field, when a pin or a
 * suppression points at a section that does not exist, or a pin at the section's own document.
 */
export function createRelatedIndex(documents: readonly RelatedDocumentInput[], options: RelatedOptions = {}): RelatedIndex {
  const limit = options.limit ?? RELATED_DEFAULTS.limit;
  const topicWeight = options.weights?.topic ?? RELATED_DEFAULTS.topic;
  const countryWeight = options.weights?.country ?? RELATED_DEFAULTS.country;
  const decay = options.weights?.salienceDecay ?? RELATED_DEFAULTS.salienceDecay;
  const salienceAt = (rank: number) => 1 / (1 + decay * rank);
  const fileFor = options.fileFor ?? ((slug: string) => `content/assessments/${slug}.mdx`);

  const nodes = new Map<string, Node>();
  const slugs = new Set<string>();
  for (const document of documents) {
    slugs.add(document.slug);
    document.sections.forEach((section, order) => {
      const ref = `${document.slug}#${section.id}`;
      nodes.set(ref, { index: nodes.size, docSlug: document.slug, order, section, ref });
    });
  }

  const problems: string[] = [];
  const check = (document: RelatedDocumentInput, where: string, rules: Partial<RelatedRules> | undefined) => {
    for (const ref of rules?.pin ?? []) {
      if (!nodes.has(ref)) problems.push(`${fileFor(document.slug)}: ${where}.pin lists "${ref}", which is not a section of any document; point it at a current "<slug>#<section-id>" or remove it.`);
      else if (ref.startsWith(`${document.slug}#`)) problems.push(`${fileFor(document.slug)}: ${where}.pin lists "${ref}", a section of the same document; related links point at other documents, so remove it.`);
    }
    for (const target of rules?.suppress ?? []) {
      const exists = target.includes('#') ? nodes.has(target) : slugs.has(target);
      if (!exists) problems.push(`${fileFor(document.slug)}: ${where}.suppress lists "${target}", which does not exist; update or remove it.`);
    }
  };
  for (const document of documents) {
    check(document, 'related', document.related);
    document.sections.forEach((section, index) => check(document, `sections[${index}].related`, section.related));
  }
  if (problems.length > 0) throw new Error(`Related links:\n${problems.map((p) => `  - ${p}`).join('\n')}`);

  // Sections with the same tags at the same places score the same against any section, and in
  // a collection about a few states and subjects many do: they are indexed once, as a profile,
  // so ranking walks profiles, not every section sharing a common tag (quadratic as the
  // collection grows). A profile's sections are kept in tie order (document slug, then order).
  const total = nodes.size;
  interface Profile {
    index: number;
    nodes: Node[];
  }
  const profiles = new Map<string, Profile>();
  const tagsOf = new Map<Profile, Map<string, number>>();
  const key = (kind: 'c' | 't', id: string) => `${kind}:${id}`;
  for (const node of nodes.values()) {
    if (isBackMatter(node.section.role)) continue;
    // A tag listed twice counts once, at its first (most salient) place.
    const own = new Map<string, number>();
    const add = (tag: string, rank: number) => {
      if (!own.has(tag)) own.set(tag, rank);
    };
    node.section.countries.forEach((id, rank) => add(key('c', id), rank));
    node.section.topics.forEach((id, rank) => add(key('t', id), rank));
    const signature = [...own].map(([tag, rank]) => `${tag}@${rank}`).join(' ');
    let profile = profiles.get(signature);
    if (!profile) {
      profile = { index: profiles.size, nodes: [] };
      profiles.set(signature, profile);
      tagsOf.set(profile, own);
    }
    profile.nodes.push(node);
  }
  // Inverted index per tag: which profiles carry it, at what salience, and how many sections.
  const postings = new Map<string, { profile: Profile; salience: number }[]>();
  const df = new Map<string, number>();
  for (const profile of profiles.values()) {
    profile.nodes.sort((a, b) => (a.docSlug < b.docSlug ? -1 : a.docSlug > b.docSlug ? 1 : 0) || a.order - b.order);
    for (const [tag, rank] of tagsOf.get(profile)!) {
      const list = postings.get(tag) ?? [];
      list.push({ profile, salience: salienceAt(rank) });
      postings.set(tag, list);
      df.set(tag, (df.get(tag) ?? 0) + profile.nodes.length);
    }
  }
  const idfs = new Map([...df].map(([tag, count]) => [tag, Math.log((total + 1) / (count + 1))]));
  const idf = (tag: string) => idfs.get(tag) ?? 0;

  /** Sorts better candidates first: higher score, then document slug, then document order. */
  const better = (a: { node: Node; score: number }, b: { node: Node; score: number }) =>
    (Math.abs(b.score - a.score) > EPSILON ? b.score - a.score : 0) ||
    (a.node.docSlug < b.node.docSlug ? -1 : a.node.docSlug > b.node.docSlug ? 1 : 0) ||
    a.node.order - b.node.order;

  const byIndex = [...profiles.values()];
  const scores = new Float64Array(profiles.size);

  /** The best `count` candidates that `accept` lets through, best first. */
  function ranked(source: Node, count: number, accept: (node: Node) => boolean): { node: Node; score: number }[] {
    const touched: number[] = [];
    const visit = (kind: 'c' | 't', ids: readonly string[], weight: number) => {
      const seen = new Set<string>();
      ids.forEach((id, rank) => {
        if (seen.has(id)) return;
        seen.add(id);
        const tag = key(kind, id);
        const weightOfTag = weight * idf(tag) * salienceAt(rank);
        if (weightOfTag <= 0) return; // on every section: says nothing
        for (const { profile, salience } of postings.get(tag) ?? []) {
          if (scores[profile.index] === 0) touched.push(profile.index);
          scores[profile.index]! += weightOfTag * salience;
        }
      });
    };
    visit('t', source.section.topics, topicWeight);
    visit('c', source.section.countries, countryWeight);
    // Keep only the best few while resetting the shared array: no full sort of the corpus.
    const best: { node: Node; score: number }[] = [];
    for (const index of touched) {
      const score = scores[index]!;
      scores[index] = 0;
      if (score <= EPSILON) continue;
      // Most profiles score below the worst of a full list: none of their sections can enter.
      if (best.length === count && score < best[count - 1]!.score - EPSILON) continue;
      // A profile's sections come in tie order: once one cannot enter, none after it can.
      for (const node of byIndex[index]!.nodes) {
        if (node.docSlug === source.docSlug || !accept(node)) continue;
        const candidate = { node, score };
        if (best.length === count && better(candidate, best.at(-1)!) >= 0) break;
        let at = best.length;
        while (at > 0 && better(candidate, best[at - 1]!) < 0) at -= 1;
        best.splice(at, 0, candidate);
        if (best.length > count) best.pop();
      }
    }
    return best;
  }

  /** The tags two sections share, in the order of the first one's lists. */
  const shared = (a: RelatedSectionInput, b: RelatedSectionInput) => ({
    countries: [...new Set(a.countries)].filter((id) => b.countries.includes(id) && idf(key('c', id)) > 0),
    topics: [...new Set(a.topics)].filter((id) => b.topics.includes(id) && idf(key('t', id)) > 0),
  });

  const documentRules = new Map(documents.map((document) => [document.slug, document.related]));

  // A document page and its cache key (src/data/pageKeys.ts) both ask for each section's links.
  const answered = new Map<string, RelatedLink[]>();
  return {
    relatedTo(docSlug, sectionId) {
      const asked = `${docSlug}#${sectionId}`;
      let links = answered.get(asked);
      if (!links) {
        links = linksOf(docSlug, sectionId);
        answered.set(asked, links);
      }
      return links;
    },
  };

  function linksOf(docSlug: string, sectionId: string): RelatedLink[] {
    const source = nodes.get(`${docSlug}#${sectionId}`);
    if (!source) throw new Error(`Related links: no section "${sectionId}" in document "${docSlug}".`);
    const own = source.section.related;
    const inherited = documentRules.get(docSlug);
    const ownPins = own?.pin ?? [];
    const ownSuppress = own?.suppress ?? [];
    const pins = [...ownPins, ...(inherited?.pin ?? []).filter((ref) => !covers(ownSuppress, ref))];
    const suppressed = (ref: string) =>
      !ownPins.includes(ref) && (covers(ownSuppress, ref) || covers(inherited?.suppress ?? [], ref));

    const links: RelatedLink[] = [];
    const taken = new Set<string>();
    for (const ref of pins) {
      if (taken.has(ref)) continue;
      taken.add(ref);
      const node = nodes.get(ref)!;
      const tags = shared(source.section, node.section);
      links.push(toLink(node, true, 0, tags.countries, tags.topics));
    }
    const room = Math.max(0, limit - links.length);
    const accept = (node: Node) => !taken.has(node.ref) && !suppressed(node.ref);
    for (const { node, score } of room > 0 ? ranked(source, room, accept) : []) {
      const tags = shared(source.section, node.section);
      links.push(toLink(node, false, score, tags.countries, tags.topics));
    }
    return links;
  }
}

function toLink(node: Node, pinned: boolean, score: number, countries: string[], topics: string[]): RelatedLink {
  return {
    docSlug: node.docSlug,
    sectionId: node.section.id,
    title: node.section.title,
    ref: node.ref,
    pinned,
    score,
    shared: { countries, topics },
  };
}
