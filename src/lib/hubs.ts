/**
 * Which country and topic hubs exist. A hub is published for every country and topic that at
 * least one assessment is tagged with, so a link to a hub (a tag chip, a country cell in a table)
 * never points at an empty or missing page.
 */
interface Tagged {
  countries: readonly { id: string }[];
  topics: readonly { id: string }[];
}

export interface HubIds {
  countries: ReadonlySet<string>;
  topics: ReadonlySet<string>;
}

export function hubIds(documents: readonly Tagged[]): HubIds {
  return {
    countries: new Set(documents.flatMap((doc) => doc.countries.map((ref) => ref.id))),
    topics: new Set(documents.flatMap((doc) => doc.topics.map((ref) => ref.id))),
  };
}
