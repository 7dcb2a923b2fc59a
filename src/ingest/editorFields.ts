/**
 * Fields an editor adds to a page that no source can produce: related-link pins and
 * suppressions, anchor aliases, a corrected date, identifier, author list or classification.
 * Re-ingesting the same source
 * (also with --force) carries them from the earlier page into the new one, and says which it
 * kept and which it could not place. Roles are carried by the document step (`previousRoles`),
 * because a role also shapes the body; the title and kind by `Previous`; the `estimative` value
 * by src/ingest/estimative.ts (`previousEstimative`), because it is derived from the text in the
 * standard an editor may have set.
 *
 * A new version of the document (src/ingest/revisions.ts) carries the same fields from the page it
 * supersedes, except the facts each edition states for itself: its `updated` date is its own (it
 * orders the versions), and its identifier, authors and classification are the earlier page's
 * only where the new source states none. `published`, the first publication of the document, is
 * kept when the new source states only an update.
 */
import { z } from 'astro/zod';
import { aliasesSchema } from '../lib/anchorLock.ts';
import { estimativeSchema, type Estimative } from '../lib/estimative/frontmatter.ts';
import { relatedRulesSchema } from '../lib/related.ts';
import { roleSchema, type Role } from '../lib/roles.ts';
import { authorSchema, type FrontMatterInput } from '../lib/schemas.ts';

/** A value kept as the editor wrote it (no defaults added), once the schema accepts it. */
const asWritten = <T extends z.ZodType>(schema: T) =>
  z.custom<z.input<T>>((value) => value !== undefined && schema.safeParse(value).success).optional().catch(undefined);

/** The earlier page's front matter as parsed from YAML, checked field by field. */
const previousSchema = z.object({
  published: z.union([z.date(), z.string()]).optional().catch(undefined),
  updated: z.union([z.date(), z.string()]).optional().catch(undefined),
  identifier: z.string().min(1).optional().catch(undefined),
  /** The field's name before `identifier`: a page written then still carries an editor's value. */
  reference: z.string().min(1).optional().catch(undefined),
  authors: z.array(authorSchema).optional().catch(undefined),
  classification: z.string().min(1).optional().catch(undefined),
  related: asWritten(relatedRulesSchema),
  aliases: asWritten(aliasesSchema),
  estimative: estimativeSchema.optional().catch(undefined),
  sections: z
    .array(z.object({ id: z.string(), role: roleSchema.optional().catch(undefined), related: asWritten(relatedRulesSchema) }).catch({ id: '' }))
    .optional()
    .catch(undefined),
});

type PreviousMatter = z.output<typeof previousSchema>;

function read(previous: unknown): PreviousMatter {
  return previousSchema.parse(previous ?? {});
}

/** Roles the earlier page gives its sections, by section id. */
export function previousRoles(previous: unknown): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const section of read(previous).sections ?? []) if (section.role !== undefined && section.id !== '') roles.set(section.id, section.role);
  return roles;
}

/** The earlier page's `estimative` value, when it has a valid one. */
export function previousEstimative(previous: unknown): Estimative | undefined {
  return read(previous).estimative;
}

export interface Kept {
  matter: FrontMatterInput;
  /** One message per field carried over, or left behind because the page no longer has its place. */
  messages: string[];
}

/** js-yaml reads an unquoted date as a Date; front matter holds the ISO day. */
function isoDay(value: Date | string): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

export function keepEditorFields(generated: FrontMatterInput, previous: unknown, options: { newVersion?: boolean } = {}): Kept {
  const before = read(previous);
  const messages: string[] = [];
  const matter: FrontMatterInput = { ...generated };
  const newVersion = options.newVersion === true;
  if (newVersion) {
    // Facts of the earlier edition: kept only where the new one states nothing of its own.
    if (generated.identifier !== undefined) {
      delete before.identifier;
      delete before.reference;
    }
    if (generated.authors !== undefined) delete before.authors;
    if (generated.classification !== undefined) delete before.classification;
    if (generated.published !== undefined || generated.updated === undefined) delete before.published;
    delete before.updated;
  }

  for (const field of ['published', 'updated'] as const) {
    const was = before[field];
    const now = generated[field] as Date | string | undefined;
    if (was !== undefined && isoDay(was) !== isoDay(now ?? '')) {
      matter[field] = isoDay(was);
      messages.push(`kept "${field}: ${matter[field]}" from the earlier page (the source gives ${now === undefined ? 'no date' : `"${isoDay(now)}"`})`);
    }
  }
  const identifier = before.identifier ?? before.reference;
  if (identifier !== undefined && identifier !== generated.identifier) {
    matter.identifier = identifier;
    messages.push(
      before.identifier === undefined
        ? `kept "reference: ${identifier}" from the earlier page as "identifier" (the field was renamed)`
        : `kept "identifier: ${identifier}" from the earlier page`,
    );
  }
  if (before.classification !== undefined && before.classification !== generated.classification) {
    matter.classification = before.classification;
    messages.push(`kept "classification: ${before.classification}" from the earlier page`);
  }
  if (before.authors !== undefined && JSON.stringify(before.authors) !== JSON.stringify(generated.authors)) {
    matter.authors = before.authors;
    messages.push(`kept the ${before.authors.length} authors of the earlier page (${before.authors.map((a) => a.name).join(', ')})`);
  }

  const ids = new Set(generated.sections.map((section) => section.id));
  const sectionRules = new Map<string, NonNullable<PreviousMatter['related']>>();
  for (const section of before.sections ?? []) {
    if (section.related === undefined) continue;
    if (ids.has(section.id)) {
      sectionRules.set(section.id, section.related);
      messages.push(`kept the related-link rules of section "${section.id}" from the earlier page`);
    } else {
      messages.push(`could not keep the related-link rules of section "${section.id}": the page no longer has that section; add them where they belong`);
    }
  }
  matter.sections = generated.sections.map((section) => {
    const related = sectionRules.get(section.id);
    return related === undefined ? section : { ...section, related };
  });

  if (before.related !== undefined) {
    matter.related = before.related;
    messages.push('kept the page\'s related-link rules from the earlier page');
  }
  if (before.aliases !== undefined && Object.keys(before.aliases).length > 0) {
    matter.aliases = before.aliases;
    messages.push(`kept ${Object.keys(before.aliases).length} anchor ${Object.keys(before.aliases).length === 1 ? 'alias' : 'aliases'} from the earlier page`);
  }
  return { matter, messages };
}
