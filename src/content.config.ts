import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { aliasesSchema } from './lib/anchorLock.ts';
import { estimativeSchema } from './lib/estimative/frontmatter.ts';
import { roleSchema } from './lib/roles.ts';
import { relatedRulesSchema } from './lib/related.ts';
import { tableSchema } from './lib/tableData.ts';

/** Lowercase words joined by hyphens: the shape of every id a URL carries. */
const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens (for example "north-korea")');

/**
 * A heading's id as Astro makes it: github-slugger over the heading text. That keeps letters of
 * every script and can double a hyphen ("Outlook — 2025" -> "outlook--2025"), so it cannot use
 * `id` above; it only has to be non-empty and free of white space.
 */
const headingId = z.string().regex(/^\S+$/, 'use the id github-slugger gives the heading (no spaces)');

const section = z.object({
  id: headingId,
  title: z.string().min(1),
  /** What the section is for (summary, recommendations, back matter...): see src/lib/roles.ts. */
  role: roleSchema.optional(),
  countries: z.array(reference('countries')).default([]),
  topics: z.array(reference('topics')).default([]),
  /** Editors' pins and suppressions of this section's "Related in other assessments" links. */
  related: relatedRulesSchema.optional(),
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
    /**
     * Written by the ingester: sha256 of this file without this line. When it no longer matches,
     * an editor has changed the page, and re-ingesting the source will not overwrite it.
     */
    generatedSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    /** Pins and suppressions of related links for every section of this document. */
    related: relatedRulesSchema.optional(),
    /** Old anchor id -> current id, so links published before a heading was renamed still land. */
    aliases: aliasesSchema.default({}),
    /** Likelihood standard, strict lint, and per key judgment its band and confidence: src/lib/estimative/frontmatter.ts. */
    estimative: estimativeSchema.optional(),
  }),
});

const countries = defineCollection({
  loader: file('./content/countries.json'),
  schema: z.object({
    id,
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    /** Adjectives that tag the state ("North Korean"); demonyms are not aliases. */
    adjectives: z.array(z.string().min(1)).optional(),
    /** Phrases containing a name that do not mean the state ("New Mexico", "Paris Agreement"). */
    exclude: z.array(z.string().min(1)).optional(),
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
  // Typed columns, country ids and an optional chart; src/lib/tableData.ts checks every cell.
  schema: tableSchema({ document: reference('assessments'), country: reference('countries'), section: headingId }),
});

export const collections = { assessments, countries, topics, tables };
