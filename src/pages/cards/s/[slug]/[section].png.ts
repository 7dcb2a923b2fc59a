/** The social card of a section's share page (its og:image): the section title over the document's. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { cardResponse } from '../../../../lib/cards/site.ts';

export const getStaticPaths = (async () =>
  (await getCollection('assessments')).flatMap((entry) =>
    entry.data.sections.map((section) => ({ params: { slug: entry.data.slug, section: section.id }, props: { entry, section: section.id } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { entry, section } = props as { entry: CollectionEntry<'assessments'>; section: string };
  return cardResponse(entry, section);
};
