/**
 * "Related in other assessments", ranked once per build: every section of every page asks the
 * same index, which is rebuilt only when the collection changes (in `astro dev`).
 */
import { getCollection } from 'astro:content';
import { createRelatedIndex, type RelatedIndex } from '../lib/related.ts';

let cached: { key: string; index: RelatedIndex } | undefined;

export async function relatedIndex(): Promise<RelatedIndex> {
  const entries = await getCollection('assessments');
  const key = entries.map((entry) => `${entry.id}:${entry.digest ?? ''}`).join('\n');
  if (cached?.key !== key) {
    const index = createRelatedIndex(
      entries.map((entry) => ({
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
    );
    cached = { key, index };
  }
  return cached.index;
}
