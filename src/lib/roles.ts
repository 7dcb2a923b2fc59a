/**
 * Section roles: what a section is for in a report (its summary, its recommendations, its back
 * matter), decided once by the ingester from the heading and written to front matter, where an
 * editor may correct it. Every consumer (summary box, numbered anchors, search weight, tagging,
 * related links, print) reads `section.role`, never the heading text or id.
 *
 * The heading names of each role live in content/roles.json, so a newly met wording ("Key
 * Takeaways", "Options for Congress") is one line of data.
 */
import { z } from 'astro/zod';
import roleFile from '../../content/roles.json' with { type: 'json' };

export const ROLES = ['summary', 'recommendations', 'scope', 'authors', 'notes', 'references', 'disclaimer', 'acknowledgments'] as const;

export const roleSchema = z.enum(ROLES);
export type Role = z.output<typeof roleSchema>;

const roleEntrySchema = z.object({
  id: roleSchema,
  /** What the site calls such a section when it names the role (print, search, screen readers). */
  label: z.string().min(1),
  /** Back matter is published after the body, is not tagged, never offered as related, and ranks low in search. */
  backMatter: z.boolean().default(false),
  /** Headings that give a section this role, matched whole (case, numbering and final punctuation aside). */
  headings: z.array(z.string().min(1)).min(1),
  /** Those of `headings` that only intelligence-style assessments use: the ingester guesses the kind from them. */
  assessmentHeadings: z.array(z.string().min(1)).default([]),
});

export const roleEntries = z.array(roleEntrySchema).parse(roleFile);

/** Heading text as compared with the names: numbering ("1.", "IV.", "A)"), final punctuation and case dropped. */
export function bareHeading(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .replace(/^(?:\d+(?:\.\d+)*|[IVXLC]+|[A-Za-z])[.):]\s+|^\d+\s+/, '')
    .replace(/[\s.:;,!?—–-]+$/u, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const roleByHeading = new Map<string, Role>(roleEntries.flatMap((entry) => entry.headings.map((heading) => [bareHeading(heading), entry.id] as const)));

/** The role a heading gives its section, or undefined for an ordinary section. */
export function roleOfHeading(heading: string): Role | undefined {
  return roleByHeading.get(bareHeading(heading));
}

const assessmentHeadings = new Set(roleEntries.flatMap((entry) => entry.assessmentHeadings.map(bareHeading)));

/** Whether a heading is one only assessments have ("Key Judgments", "BLUF", "Scope Note"). */
export function marksAssessment(heading: string): boolean {
  return assessmentHeadings.has(bareHeading(heading));
}

const backMatterRoles = new Set<Role>(roleEntries.filter((entry) => entry.backMatter).map((entry) => entry.id));

export function isBackMatter(role: Role | undefined): boolean {
  return role !== undefined && backMatterRoles.has(role);
}

export function roleLabel(role: Role): string {
  return roleEntries.find((entry) => entry.id === role)!.label;
}
