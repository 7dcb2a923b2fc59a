/** The social card of a document page (its og:image). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { cardResponse } from '../../lib/cards/site.ts';

export const getStaticPaths = (async () =>
  (await getCollection('assessments')).map((entry) => ({ params: { slug: entry.data.slug }, props: { entry } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => cardResponse((props as { entry: CollectionEntry<'assessments'> }).entry);
