import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { fragmentIdSchema } from './lib/ids.ts';
import { countrySchema, frontMatterSchema, tableSchema, topicSchema } from './lib/schemas.ts';

// The schemas live in src/lib/schemas.ts; here they only get Astro's references.
const assessments = defineCollection({
  loader: glob({ base: './content/assessments', pattern: '**/*.mdx' }),
  schema: frontMatterSchema({ country: reference('countries'), topic: reference('topics'), table: reference('tables') }),
});

const countries = defineCollection({
  loader: file('./content/countries.json'),
  schema: countrySchema,
});

const topics = defineCollection({
  loader: file('./content/topics.json'),
  schema: topicSchema,
});

const tables = defineCollection({
  loader: glob({ base: './content/tables', pattern: '**/*.json' }),
  // Typed columns, country ids and an optional chart; src/lib/tableData.ts checks every cell.
  schema: tableSchema({ document: reference('assessments'), country: reference('countries'), section: fragmentIdSchema }),
});

export const collections = { assessments, countries, topics, tables };
