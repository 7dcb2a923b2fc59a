/**
 * What the search index needs to know about a document beyond its built page: kind, date, authors and
 * the country and topic tags and the role of each section. These live in the front matter (the
 * page does not print section tags), and a build hook runs outside Astro's content layer, so it
 * reads the files with the ingester's front matter reader (the one reader outside Astro).
 * Astro has validated the same files with the collection schemas before this runs; the schema
 * below picks the fields used here from the shared kind, role and id rules, so a surprise fails
 * with the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readExistingMdx } from '../ingest/frontmatter.ts';
import { loadCountries, loadTopics } from '../ingest/vocabulary.ts';
import { authorText, SHORT_AUTHORS } from '../lib/authors.ts';
import { isoDay, sortDate } from '../lib/dates.ts';
import { kindLabel } from '../lib/kinds.ts';
import { plainFrontMatterSchema } from '../lib/schemas.ts';
import type { SearchDocument } from '../lib/search/records.ts';

// What search needs of the front matter, checked by the schema every content file satisfies.
const matterSchema = plainFrontMatterSchema.pick({
  title: true,
  slug: true,
  kind: true,
  published: true,
  updated: true,
  authors: true,
  countries: true,
  topics: true,
  sections: true,
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
      // The date results sort and filter by: the Updated date when it is the only one (src/lib/dates.ts).
      published: (() => {
        const date = sortDate(matter);
        return date === undefined ? undefined : isoDay(date);
      })(),
      authors: authorText(matter.authors, SHORT_AUTHORS) || undefined,
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
