import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { fragmentIdSchema } from './lib/ids.ts';
import { revisionFields } from './lib/revisions/schema.ts';
import { countrySchema, frontMatterSchema, tableSchema, topicSchema } from './lib/schemas.ts';

// The schemas live in src/lib/schemas.ts; here they only get Astro's references.
const assessmentSchema = frontMatterSchema({ country: reference('countries'), topic: reference('topics'), table: reference('tables') });
const assessments = defineCollection({
  loader: glob({ base: './content/assessments', pattern: '**/*.mdx' }),
  schema: assessmentSchema,
});

// Earlier versions of a document (src/data/revisions.ts): content/revisions/<slug>/<n>.mdx, its
// source <n>.txt beside it and its tables under <n>/tables/; ids are "<slug>/<n>" and "<slug>/<n>/tables/<id>".
const revisionId = ({ entry }: { entry: string }) => entry.replace(/\.(?:mdx|json)$/, '');
const revisions = defineCollection({
  loader: glob({ base: './content/revisions', pattern: '*/*.mdx', generateId: revisionId }),
  schema: assessmentSchema.extend(revisionFields),
});
const revisionTables = defineCollection({
  loader: glob({ base: './content/revisions', pattern: '*/*/tables/*.json', generateId: revisionId }),
  schema: tableSchema({ document: reference('assessments'), country: reference('countries'), section: fragmentIdSchema }),
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

export const collections = { assessments, countries, topics, tables, revisions, revisionTables };
