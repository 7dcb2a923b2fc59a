/**
 * The lint of one MDX document from its file text: what `npm run check` runs on every page and
 * what the ingester can run on the page it has just written (same warnings, same wording).
 */
import { readExistingMdx } from '../../ingest/frontmatter.ts';
import { estimativeSchema } from './frontmatter.ts';
import { lintEstimative, type EstimativeWarning } from './lint.ts';
import { mdxBlocks } from './mdx.ts';

export interface DocumentLint {
  warnings: EstimativeWarning[];
  /** Front matter asks for `estimative: { strict: true }`: warnings fail the check. */
  strict: boolean;
}

export function lintMdxDocument(file: string, text: string): DocumentLint {
  const matter = readExistingMdx(text.replace(/\r\n/g, '\n')).matter ?? {};
  const parsed = estimativeSchema.safeParse(matter.estimative ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: front matter estimative.${issue.path.join('.')}: ${issue.message}`);
  }
  const sections = Array.isArray(matter.sections) ? (matter.sections as { title?: unknown; role?: unknown }[]) : [];
  const warnings = lintEstimative({ file, blocks: mdxBlocks(text, sections), standard: parsed.data.standard });
  return { warnings, strict: parsed.data.strict };
}
