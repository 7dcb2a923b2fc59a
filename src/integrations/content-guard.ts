/**
 * Stops `astro build` (and `astro dev`, `astro check`) before anything is rendered or written
 * when a page under content/assessments/ breaks a rule of src/lib/contentGuard.ts, listing every
 * problem as `file:line: problem; fix`. The mdast plugin repeats the code check on each MDX file
 * as it is compiled, so a page edited while `astro dev` runs is refused too.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { MdastPluginDefinition } from 'satteri';
import { checkContent, formatProblems, mdxCodeProblems } from '../lib/contentGuard.ts';

export class ContentError extends Error {
  override name = 'ContentError';
}

function fail(problems: Parameters<typeof formatProblems>[0]): never {
  throw new ContentError(`content/assessments/ has ${problems.length} problem(s); nothing was built:\n${formatProblems(problems)}`);
}

export function contentGuard(): AstroIntegration {
  return {
    name: 'atlas-content-guard',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const problems = checkContent(fileURLToPath(config.root));
        if (problems.length > 0) fail(problems);
      },
    },
  };
}

export const contentCode: MdastPluginDefinition = {
  name: 'atlas-content-code',
  before: (_root, context) => {
    const url = context.fileURL;
    if (!url || url.protocol !== 'file:' || !/\/content\/assessments\/[^?#]+\.mdx$/.test(url.pathname)) return;
    const path = fileURLToPath(url);
    const shown = path.slice(path.lastIndexOf('/content/assessments/') + 1);
    const problems = mdxCodeProblems(shown, readFileSync(path, 'utf8'));
    if (problems.length > 0) fail(problems);
  },
};
