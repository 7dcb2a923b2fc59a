/**
 * What the search index needs to know about a document beyond its built page: kind, date and
 * the country and topic tags and the role of each section. These live in the front matter (the
 * page does not print section tags), and a build hook runs outside Astro's content layer, so it
 * reads the files with the ingester's front matter reader (the one reader outside Astro).
 * Astro has validated the same files with the collection schemas before this runs; the schema
 * below picks the fields used here from the shared kind, role and id rules, so a surprise fails
 * with the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { readExistingMdx } from '../ingest/frontmatter.ts';
import { loadCountries, loadTopics } from '../ingest/vocabulary.ts';
import { fragmentIdSchema, slugSchema } from '../lib/ids.ts';
import { kindLabel, kindSchema } from '../lib/kinds.ts';
import { roleSchema } from '../lib/roles.ts';
import type { SearchDocument } from '../lib/search/records.ts';

const ids = z.array(slugSchema).default([]);
const matterSchema = z.object({
  title: z.string().min(1),
  slug: slugSchema,
  kind: kindSchema,
  published: z.coerce.date().optional(),
  countries: ids,
  topics: ids,
  sections: z.array(z.object({ id: fragmentIdSchema, title: z.string().min(1), role: roleSchema.optional(), countries: ids, topics: ids })).min(1),
});

export class SearchContentError extends Error {}

/** Reads the vocabularies once and then the front matter of each document asked for. */
export function searchDocumentReader(contentDir: string): (slug: string) => SearchDocument {
  const countryNames = new Map(loadCountries(contentDir).map((country) => [country.id, country.name]));
  const topicLabels = new Map(loadTopics(contentDir).map((topic) => [topic.id, topic.label]));

  return (slug) => {
    const file = join(contentDir, 'assessments', `${slug}.mdx`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new SearchContentError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)}); the search index needs its front matter`);
    }
    const parsed = matterSchema.safeParse(readExistingMdx(text.replace(/\r\n/g, '\n')).matter);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new SearchContentError(`${file}: front matter ${issue.path.join('.') || '(missing)'}: ${issue.message}`);
    }
    const matter = parsed.data;
    const names = (list: string[], vocabulary: Map<string, string>, what: string) =>
      list.map((id) => {
        const name = vocabulary.get(id);
        if (!name) throw new SearchContentError(`${file}: unknown ${what} "${id}" (not in content/${what === 'country' ? 'countries' : 'topics'}.json)`);
        return name;
      });

    return {
      slug: matter.slug,
      title: matter.title,
      kind: kindLabel(matter.kind),
      published: matter.published?.toISOString().slice(0, 10),
      countries: names(matter.countries, countryNames, 'country'),
      topics: names(matter.topics, topicLabels, 'topic'),
      sections: matter.sections.map((section) => ({
        id: section.id,
        title: section.title,
        role: section.role,
        countries: names(section.countries, countryNames, 'country'),
        topics: names(section.topics, topicLabels, 'topic'),
      })),
    };
  };
}
