import { defineCollection, reference } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { fragmentIdSchema } from './lib/ids.ts';
import { hasRevisionFiles, REVISION_PAGES, REVISION_TABLES, REVISIONS_DIR } from './lib/revisions/files.ts';
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

/**
 * glob() over the revisions folder, which an archive with no reissued report has empty or not at
 * all: then this loads nothing, and says nothing, where glob() would warn on every build that no
 * files were found (src/data/revisions.ts does not ask for the empty collection either). Any file
 * present goes through glob() and the schema as usual, so a broken one still fails the build. In
 * dev glob() runs even on an empty folder, as it watches the folder for the first file to arrive.
 */
function revisionsGlob(pattern: string): Loader {
  const loader = glob({ base: `./${REVISIONS_DIR}`, pattern, generateId: revisionId });
  return {
    name: 'revisions-glob',
    load: async (context) => {
      if (context.watcher || hasRevisionFiles(fileURLToPath(context.config.root), pattern)) return loader.load(context);
      // Entries of an earlier build whose files have since gone (the data store is cached).
      context.store.clear();
    },
  };
}
const revisions = defineCollection({
  loader: revisionsGlob(REVISION_PAGES),
  schema: assessmentSchema.extend(revisionFields),
});
const revisionTables = defineCollection({
  loader: revisionsGlob(REVISION_TABLES),
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
