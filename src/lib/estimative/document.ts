/**
 * The lint of one MDX document from its file text: what `npm run check` runs on every page and
 * what the ingester can run on the page it has just written (same warnings, same wording).
 */
import yaml from 'js-yaml';
import { estimativeSchema } from './frontmatter.ts';
import { lintEstimative, type EstimativeWarning } from './lint.ts';
import { mdxBlocks } from './mdx.ts';

export interface DocumentLint {
  warnings: EstimativeWarning[];
  /** Front matter asks for `estimative: { strict: true }`: warnings fail the check. */
  strict: boolean;
}

export function lintMdxDocument(file: string, text: string): DocumentLint {
  const block = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(text.replace(/\r\n/g, '\n'))?.[1];
  let matter: Record<string, unknown> = {};
  try {
    const parsed = block === undefined ? undefined : yaml.load(block);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) matter = parsed as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${file}: the front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const parsed = estimativeSchema.safeParse(matter.estimative ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: front matter estimative.${issue.path.join('.')}: ${issue.message}`);
  }
  const sections = Array.isArray(matter.sections) ? (matter.sections as { title?: unknown; role?: unknown }[]) : [];
  const warnings = lintEstimative({ file, blocks: mdxBlocks(text, sections), standard: parsed.data.standard });
  return { warnings, strict: parsed.data.strict };
}
