/** One tagger per build over content/countries.json and content/topics.json (compiling it is the costly part). */
import { getCollection } from 'astro:content';
import { createTagger, type Tagger } from '../lib/tagging.ts';
import { perBuild } from './memo.ts';

export const siteTagger: () => Promise<Tagger> = perBuild(['countries', 'topics'], async () =>
  createTagger(
    (await getCollection('countries')).map((entry) => entry.data),
    (await getCollection('topics')).map((entry) => entry.data),
  ),
);
