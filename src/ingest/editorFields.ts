/**
 * Fields an editor adds to a page that no source can produce: related-link pins and
 * suppressions, anchor aliases, a corrected date or reference. Re-ingesting the same source
 * (also with --force) carries them from the earlier page into the new one, and says which it
 * kept and which it could not place. Roles are carried by the document step (`previousRoles`),
 * because a role also shapes the body; the title and kind by `Previous`.
 */
import { z } from 'astro/zod';
import { aliasesSchema } from '../lib/anchorLock.ts';
import { relatedRulesSchema } from '../lib/related.ts';
import { roleSchema, type Role } from '../lib/roles.ts';
import type { FrontMatterInput } from '../lib/schemas.ts';

/** A value kept as the editor wrote it (no defaults added), once the schema accepts it. */
const asWritten = <T extends z.ZodType>(schema: T) =>
  z.custom<z.input<T>>((value) => value !== undefined && schema.safeParse(value).success).optional().catch(undefined);

/** The earlier page's front matter as parsed from YAML, checked field by field. */
const previousSchema = z.object({
  published: z.union([z.date(), z.string()]).optional().catch(undefined),
  reference: z.string().optional().catch(undefined),
  related: asWritten(relatedRulesSchema),
  aliases: asWritten(aliasesSchema),
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

export interface Kept {
  matter: FrontMatterInput;
  /** One message per field carried over, or left behind because the page no longer has its place. */
  messages: string[];
}

/** js-yaml reads an unquoted date as a Date; front matter holds the ISO day. */
function isoDay(value: Date | string): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

export function keepEditorFields(generated: FrontMatterInput, previous: unknown): Kept {
  const before = read(previous);
  const messages: string[] = [];
  const matter: FrontMatterInput = { ...generated };

  if (before.published !== undefined && isoDay(before.published) !== isoDay(generated.published as Date | string | undefined ?? '')) {
    matter.published = isoDay(before.published);
    messages.push(`kept "published: ${matter.published}" from the earlier page (the source gives ${generated.published === undefined ? 'no date' : `"${isoDay(generated.published as Date | string)}"`})`);
  }
  if (before.reference !== undefined && before.reference !== generated.reference) {
    matter.reference = before.reference;
    messages.push(`kept "reference: ${before.reference}" from the earlier page`);
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
