/** One tagger per build over content/countries.json and content/topics.json (compiling it is the costly part). */
import { getCollection } from 'astro:content';
import { createTagger, type Tagger } from '../lib/tagging.ts';

let cached: { key: string; tagger: Tagger } | undefined;

export async function siteTagger(): Promise<Tagger> {
  const countries = await getCollection('countries');
  const topics = await getCollection('topics');
  const key = [...countries, ...topics].map((entry) => `${entry.id}:${entry.digest ?? ''}`).join('\n');
  if (cached?.key !== key) {
    cached = {
      key,
      tagger: createTagger(
        countries.map((entry) => entry.data),
        topics.map((entry) => entry.data),
      ),
    };
  }
  return cached.tagger;
}
