/**
 * The mdast plugin that repeats the content code check inside Sätteri's MDX compile (what
 * `astro dev` runs when a page is edited while it serves), compiled with Sätteri itself.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { expect, test } from 'vitest';
import { contentCode } from '../../../src/integrations/content-guard.ts';

test('an expression in a content page stops the compile with file:line; a generated page compiles', async () => {
  const root = mkdtempSync(join(tmpdir(), 'atlas-plugin-'));
  try {
    mkdirSync(join(root, 'content/assessments'), { recursive: true });
    const bad = join(root, 'content/assessments/baltic-outlook.mdx');
    const text = '---\ntitle: Baltic Outlook\n---\n\n## Outlook\n\nBuilt in {new Date().getFullYear()} and {process.env.HOME}.\n';
    writeFileSync(bad, text);
    await expect((async () => mdxToJs(text, { mdastPlugins: [contentCode], fileURL: pathToFileURL(bad) }))()).rejects.toThrow(
      'content/assessments/baltic-outlook.mdx:7: the expression {new Date().getFullYear()} would run as code at build time',
    );
    const good = '---\ntitle: Baltic Outlook\n---\n\n## Outlook\n\nBudgets \\{rose\\}.\n\n<DataTable id="baltic-outlook/drills" />\n';
    writeFileSync(bad, good);
    const compiled = await mdxToJs(good, { mdastPlugins: [contentCode], fileURL: pathToFileURL(bad) });
    expect(compiled.code).toContain('DataTable');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
