/**
 * Which country and topic hubs exist. A hub is published for every country and topic that at
 * least one assessment, or one of its sections, is tagged with, so a link to a hub (a tag chip,
 * a country cell in a table) never points at an empty or missing page. Back matter (notes,
 * references...: src/lib/roles.ts) mentions subjects in passing and makes no hub.
 */
import { isBackMatter, type Role } from './roles.ts';

interface TaggedSection {
  role?: Role | undefined;
  countries: readonly { id: string }[];
  topics: readonly { id: string }[];
}

interface Tagged {
  countries: readonly { id: string }[];
  topics: readonly { id: string }[];
  /** Sections are tagged on their own; an editor may tag a section with more than its document. */
  sections?: readonly TaggedSection[];
}

/** The sections of a document that hubs list: every one but back matter. */
export function hubSections<S extends TaggedSection>(sections: readonly S[]): S[] {
  return sections.filter((section) => !isBackMatter(section.role));
}

export interface HubIds {
  countries: ReadonlySet<string>;
  topics: ReadonlySet<string>;
}

export function hubIds(documents: readonly Tagged[]): HubIds {
  const tagged = documents.flatMap((doc) => [doc, ...hubSections(doc.sections ?? [])]);
  return {
    countries: new Set(tagged.flatMap((item) => item.countries.map((ref) => ref.id))),
    topics: new Set(tagged.flatMap((item) => item.topics.map((ref) => ref.id))),
  };
}
