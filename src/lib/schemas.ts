/**
 * The zod schemas of everything under content/: a page's front matter and its sections, a table
 * data file and its chart, the country and topic vocabularies. The content config, the ingester
 * (which validates what it is about to write) and scripts all read them from here, and every
 * TypeScript shape of these files is `z.output` of one of them.
 *
 * Astro's `reference()` exists only inside astro:content, so the schemas that point at other
 * entries take the reference schemas as parameters: the content config passes `reference(...)`,
 * the ingester and scripts pass `plainRefs` (the ids as written).
 */
import { z } from 'astro/zod';
import { aliasesSchema } from './anchorLock.ts';
import { estimativeSchema } from './estimative/frontmatter.ts';
import { fragmentIdSchema, SLUG_SOURCE, slugSchema } from './ids.ts';
import { kindSchema } from './kinds.ts';
import { relatedRulesSchema } from './related.ts';
import { roleSchema } from './roles.ts';
import { chartSchema, tableSchema } from './tableData.ts';

export { chartSchema, tableSchema };
export type { ChartSpec, TableFile } from './tableData.ts';

const words = z.array(z.string().min(1));

export const countrySchema = z.object({
  id: slugSchema,
  name: z.string().min(1),
  aliases: words.default([]),
  /** Adjectives that tag the state ("North Korean"); demonyms are not aliases. */
  adjectives: words.optional(),
  /** Phrases containing a name that do not mean the state ("New Mexico", "Paris Agreement"). */
  exclude: words.optional(),
});
export type Country = z.output<typeof countrySchema>;

export const topicSchema = z.object({
  id: slugSchema,
  label: z.string().min(1),
  keywords: words.min(1),
});
export type Topic = z.output<typeof topicSchema>;

export const SUMMARY_MAX = 300;

export const authorSchema = z.object({
  name: z.string().min(1),
  /** A title or position as stated ("Senior Fellow", "Analyst in Asian Affairs"). */
  role: z.string().min(1).optional(),
  /** An institution as stated. */
  affiliation: z.string().min(1).optional(),
});
export type Author = z.output<typeof authorSchema>;

export interface EntryRefs<C extends z.ZodType, T extends z.ZodType, B extends z.ZodType> {
  /** A country id (Astro: reference('countries')). */
  readonly country: C;
  /** A topic id (Astro: reference('topics')). */
  readonly topic: T;
  /** A table entry id, "<slug>/<table-id>" (Astro: reference('tables')). */
  readonly table: B;
}

export function sectionSchema<C extends z.ZodType, T extends z.ZodType, B extends z.ZodType>(refs: EntryRefs<C, T, B>) {
  return z.object({
    /** The heading's fragment id, computed once by the ingester. */
    id: fragmentIdSchema,
    title: z.string().min(1),
    /** What the section is for (summary, recommendations, back matter...): see src/lib/roles.ts. */
    role: roleSchema.optional(),
    countries: z.array(refs.country).default([]),
    topics: z.array(refs.topic).default([]),
    /** Editors' pins and suppressions of this section's "Related in other assessments" links. */
    related: relatedRulesSchema.optional(),
  });
}

export function frontMatterSchema<C extends z.ZodType, T extends z.ZodType, B extends z.ZodType>(refs: EntryRefs<C, T, B>) {
  return z.object({
    title: z.string().min(1),
    /** True when the ingester derived the title from the text: an editor should confirm it. */
    titleProvisional: z.boolean().default(false),
    slug: slugSchema,
    kind: kindSchema,
    summary: z.string().min(1).max(SUMMARY_MAX + 20, `keep the summary to about ${SUMMARY_MAX} characters`),
    /** Only ever taken from the source (or set by an editor); never invented. */
    published: z.coerce.date().optional(),
    /** An "Updated ..." or "As of ..." date the source states; listings sort by it when it is the only date. */
    updated: z.coerce.date().optional(),
    /** The report number as the source writes it ("IF12760", "CRS Report R45153", "Report No. 24-117"). */
    identifier: z.string().min(1).optional(),
    /** The people the source names as its authors, in the source's order. */
    authors: z.array(authorSchema).optional(),
    /** The classification banner as written ("UNCLASSIFIED", "OFFICIAL-SENSITIVE", "SECRET//NOFORN"). */
    classification: z.string().min(1).optional(),
    source: z.object({
      path: z.string().regex(/^content\/sources\/[^/]+\.txt$/, 'point at the original under content/sources/'),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256 of the original file'),
    }),
    countries: z.array(refs.country).default([]),
    topics: z.array(refs.topic).default([]),
    sections: z.array(sectionSchema(refs)).min(1),
    tables: z.array(refs.table).default([]),
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
  });
}

/** The references as plain ids, for code outside astro:content (the ingester, scripts, tests). */
export const plainRefs = {
  country: slugSchema,
  topic: slugSchema,
  table: z.string().regex(new RegExp(`^${SLUG_SOURCE}/${SLUG_SOURCE}$`), 'a table id is "<document-slug>/<table-id>"'),
  document: slugSchema,
  section: fragmentIdSchema,
} as const;

export const plainFrontMatterSchema = frontMatterSchema(plainRefs);
export const plainSectionSchema = sectionSchema(plainRefs);
export const plainTableSchema = tableSchema({ document: plainRefs.document, country: plainRefs.country, section: plainRefs.section });

/** Front matter as a reader sees it (defaults filled in). */
export type FrontMatter = z.output<typeof plainFrontMatterSchema>;
/** Front matter as written: what the ingester puts in a file (defaults may be left out). */
export type FrontMatterInput = z.input<typeof plainFrontMatterSchema>;
export type SectionMatter = z.output<typeof plainSectionSchema>;
export type SectionMatterInput = z.input<typeof plainSectionSchema>;
export type TableData = z.output<typeof plainTableSchema>;

/** "sections.2.id: ..." for the first problem a schema finds, so an error names the field. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || '(top level)'}: ${issue.message}`;
}
