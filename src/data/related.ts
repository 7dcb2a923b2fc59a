/**
 * "Related in other assessments", ranked once per build: every section of every page asks the
 * same index (src/data/memo.ts).
 */
import { getCollection } from 'astro:content';
import { createRelatedIndex, type RelatedIndex } from '../lib/related.ts';
import { perBuild } from './memo.ts';

export const relatedIndex: () => Promise<RelatedIndex> = perBuild(['assessments'], async () =>
  createRelatedIndex(
    (await getCollection('assessments')).map((entry) => ({
      slug: entry.data.slug,
      related: entry.data.related,
      sections: entry.data.sections.map((section) => ({
        id: section.id,
        title: section.title,
        role: section.role,
        countries: section.countries.map((ref) => ref.id),
        topics: section.topics.map((ref) => ref.id),
        related: section.related,
      })),
    })),
  ),
);

/** Each document's title by slug, for naming the documents related links lead to. */
export const documentTitles: () => Promise<ReadonlyMap<string, string>> = perBuild(['assessments'], async () =>
  new Map((await getCollection('assessments')).map((entry) => [entry.data.slug, entry.data.title])),
);
