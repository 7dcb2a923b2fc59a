/**
 * `npm run check` runs this after `astro check`: the estimative-language lint of every document
 * (src/lib/estimative/lint.ts says what it reports), printed as `file:line: warning: ...`.
 * Exit code 1 only when a document whose front matter sets `estimative: { strict: true }` has
 * warnings, or a file cannot be read; otherwise warnings are advice and the check passes.
 *
 * Usage: node scripts/lint-estimative.ts [files...]   (default: content/assessments/*.mdx)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintMdxDocument } from '../src/lib/estimative/document.ts';
import { formatWarning } from '../src/lib/estimative/lint.ts';

const dir = 'content/assessments';
const files = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(dir).filter((name) => name.endsWith('.mdx')).sort().map((name) => join(dir, name).split('\\').join('/'));

let failed = false;
let count = 0;
for (const file of files) {
  try {
    const { warnings, strict } = lintMdxDocument(file, readFileSync(file, 'utf8'));
    for (const warning of warnings) console.log(formatWarning({ ...warning, message: `${strict ? 'error' : 'warning'}: ${warning.message}` }));
    count += warnings.length;
    if (strict && warnings.length > 0) failed = true;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    failed = true;
  }
}
console.log(`estimative language: ${files.length} documents, ${count} warnings${failed ? '; failing (strict documents have warnings, or a file failed)' : ''}`);
process.exit(failed ? 1 : 0);
