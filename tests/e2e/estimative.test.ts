/**
 * Estimative terms in a real browser: hovering or focusing a marked term shows its range (CSS
 * generated content, no script), the accessible name stays the author's word and the range is
 * its description, the legend link lands on the row, and axe finds no violations while a range
 * is shown, in both themes. Uses the first built document with marked terms.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession } from './support/browser.ts';
import { useSite } from './support/useSite.ts';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const site = useSite();
const slug = readdirSync('dist/assessments')
  .sort()
  .find((name) => readFileSync(`dist/assessments/${name}/index.html`, 'utf8').includes('class="est"'));
if (!slug) throw new Error('no built document has marked estimative terms; the seed assessment should (its "will likely")');

const tooltip = (page: Page) =>
  page.evaluate(() => {
    const term = document.querySelector<HTMLElement>('.doc-body a.est')!;
    const after = getComputedStyle(term, '::after');
    return { content: after.content, position: after.position, tip: term.dataset.tip };
  });

async function accessible(page: Page, selector: string) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  const node = nodes[0] as { name?: { value?: string }; description?: { value?: string } };
  return { name: node.name?.value, description: node.description?.value };
}

describe(`estimative terms on ${slug}`, () => {
  it('show the range on hover and on focus, and not otherwise', async () => {
    const { context, page, problems } = await openSession(site.browser, site.server.url);
    try {
      await page.goto(`${site.server.url}assessments/${slug}/`);
      expect((await tooltip(page)).content).toBe('none');
      await page.hover('.doc-body a.est');
      const hovered = await tooltip(page);
      expect(hovered.content).toContain(hovered.tip!);
      expect(hovered.tip).toMatch(/^likely: 55–80% \(ICD 203\)$/);
      expect(hovered.position).toBe('absolute');
      await page.mouse.move(0, 0);
      expect((await tooltip(page)).content).toBe('none');
      await page.focus('.doc-body a.est');
      expect((await tooltip(page)).content).toContain('55–80%');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keep the word as the accessible name and give the range as its description', async () => {
    const { context, page } = await openSession(site.browser, site.server.url);
    try {
      await page.goto(`${site.server.url}assessments/${slug}/`);
      await page.focus('.doc-body a.est');
      expect(await accessible(page, '.doc-body a.est')).toEqual({ name: 'likely', description: '55–80% (ICD 203)' });
      await page.click('.doc-body a.est');
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('est-icd-203-likely');
      expect(await page.isVisible('#est-icd-203-likely')).toBe(true);
    } finally {
      await context.close();
    }
  });

  it.each(['light', 'dark'] as const)('have no axe violations with a range shown (%s)', async (theme) => {
    const { context, page } = await openSession(site.browser, site.server.url, { bypassCSP: true, colorScheme: theme });
    try {
      await page.goto(`${site.server.url}assessments/${slug}/`);
      await page.focus('.doc-body a.est');
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
