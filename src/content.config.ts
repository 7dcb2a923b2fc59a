import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** Lowercase words joined by hyphens: the shape of every id a URL carries. */
const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens (for example "north-korea")');

const section = z.object({
  id,
  title: z.string().min(1),
  countries: z.array(reference('countries')).default([]),
  topics: z.array(reference('topics')).default([]),
});

const assessments = defineCollection({
  loader: glob({ base: './content/assessments', pattern: '**/*.mdx' }),
  schema: z.object({
    title: z.string().min(1),
    /** True when the ingester derived the title from the text: an editor should confirm it. */
    titleProvisional: z.boolean().default(false),
    slug: id,
    kind: z.enum(['article', 'assessment']),
    summary: z.string().min(1).max(320, 'keep the summary to about 300 characters'),
    /** Only ever taken from the source; never invented. */
    published: z.coerce.date().optional(),
    reference: z.string().optional(),
    source: z.object({
      path: z.string().regex(/^content\/sources\/[^/]+\.txt$/, 'point at the original under content/sources/'),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256 of the original file'),
    }),
    countries: z.array(reference('countries')).default([]),
    topics: z.array(reference('topics')).default([]),
    sections: z.array(section).min(1),
    tables: z.array(reference('tables')).default([]),
  }),
});

const countries = defineCollection({
  loader: file('./content/countries.json'),
  schema: z.object({
    id,
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
  }),
});

const topics = defineCollection({
  loader: file('./content/topics.json'),
  schema: z.object({
    id,
    label: z.string().min(1),
    keywords: z.array(z.string().min(1)).min(1),
  }),
});

const tables = defineCollection({
  loader: glob({ base: './content/tables', pattern: '**/*.json' }),
  schema: z.object({
    title: z.string().min(1),
    caption: z.string().min(1),
    document: reference('assessments'),
    section: id,
    /** 1-based line of the header row in the original source, for error messages. */
    line: z.number().int().positive(),
    columns: z.array(z.object({ label: z.string() })).min(1),
    rows: z.array(z.array(z.string())),
  }),
});

export const collections = { assessments, countries, topics, tables };
