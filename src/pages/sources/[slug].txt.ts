import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { sourceKey } from '../../data/pageKeys.ts';

/** Serves each document's original source text, byte for byte, at /sources/<slug>.txt. */
export const getStaticPaths = (async () => {
  const entries = await getCollection('assessments');
  return Promise.all(entries.map(async (entry) => ({ params: { slug: entry.data.slug }, props: { entry }, cacheKey: await sourceKey(entry) })));
}) satisfies GetStaticPaths;

interface Props {
  entry: CollectionEntry<'assessments'>;
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const { path, sha256 } = props.entry.data.source;
  const bytes = await readFile(path).catch((error: unknown) => {
    throw new Error(`content/assessments/${props.entry.id}.mdx: cannot read its source ${path} (${String(error)}).`);
  });
  // The page claims to be published from this exact text: refuse to serve a different one.
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256) {
    throw new Error(
      `${path}: its SHA-256 is ${actual} but content/assessments/${props.entry.id}.mdx records ${sha256}. ` +
        'The source changed after ingestion: ingest it again.',
    );
  }
  return new Response(bytes, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
