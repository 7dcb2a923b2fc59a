/**
 * The estimative step of `npm run check` (scripts/lint-estimative.ts) as an editor meets it:
 * `file:line: warning:` lines that do not fail the check, and `error:` lines with exit code 1
 * once a document's front matter asks for strict checking.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const NODE = 'node_modules/.bin/node';
const UK = 'tests/fixtures/estimative/content/russian-naval-activity-north-atlantic.mdx';
const ICD = 'tests/fixtures/estimative/content/venezuela-prospects.mdx';

function check(...files: string[]) {
  const run = spawnSync(NODE, ['scripts/lint-estimative.ts', ...files], { encoding: 'utf8' });
  return { code: run.status, lines: run.stdout.trim().split('\n'), err: run.stderr };
}

describe('npm run check: estimative language', () => {
  it('prints file:line warnings and passes', () => {
    const { code, lines } = check(UK, ICD);
    expect(lines).toEqual([
      `${UK}:63: warning: vague hedge "could possibly": say how likely with a term of UK Probability Yardstick`,
      expect.stringMatching(new RegExp(`^${ICD}:73: warning: "remote" is from row 2 of ICD 203, "likely" \\(line 60\\) from row 1: `)),
      'estimative language: 2 documents, 2 warnings',
    ]);
    expect(code).toBe(0);
  });

  it('fails when a document with warnings sets estimative.strict, and names it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-estimative-'));
    const strict = join(dir, 'strict.mdx');
    writeFileSync(strict, readFileSync(ICD, 'utf8').replace(/^tables: \[\]$/m, 'tables: []\nestimative:\n  strict: true'));
    const { code, lines } = check(strict, UK);
    expect(code).toBe(1);
    expect(lines[0]).toMatch(new RegExp(`^${strict.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:75: error: "remote" is from row 2 of ICD 203`));
    expect(lines[1]).toMatch(/:63: warning: vague hedge/);
    expect(lines.at(-1)).toBe('estimative language: 2 documents, 2 warnings; failing (strict documents have warnings, or a file failed)');
  });

  it('checks the published documents without failing', () => {
    const { code, lines } = check();
    expect(code).toBe(0);
    expect(lines.at(-1)).toMatch(/^estimative language: \d+ documents, \d+ warnings$/);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^content\/assessments\/[a-z0-9-]+\.mdx:\d+: warning: /);
  });
});
