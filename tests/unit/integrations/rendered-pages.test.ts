/** The build's tap on rendered document pages: the PDFs start from it while Astro renders. */
import type { APIContext } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import { onRequest } from '../../../src/integrations/rendered-pages-middleware.ts';
import { listenToRenderedPages } from '../../../src/integrations/rendered-pages.ts';

const PAGE = '<!doctype html><html lang="en"><head><title>Iran’s Oil Exports</title></head><body><h1>Iran’s Oil Exports</h1></body></html>';

async function render(pathname: string, prerendered = true) {
  const context = { url: new URL(pathname, 'http://localhost'), isPrerendered: prerendered } as APIContext;
  const response = (await onRequest(context, async () => new Response(PAGE, { status: 200, headers: { 'content-type': 'text/html' } }))) as Response;
  return { status: response.status, type: response.headers.get('content-type'), html: await response.text() };
}

afterEach(() => listenToRenderedPages(undefined));

describe('rendered document pages', () => {
  it('tells the listener the slug and the whole page, and returns the page unchanged', async () => {
    const heard: [string, string][] = [];
    listenToRenderedPages((slug, html) => heard.push([slug, html]));
    expect(await render('/assessments/iran-oil-exports-2025/')).toEqual({ status: 200, type: 'text/html', html: PAGE });
    expect(heard).toEqual([['iran-oil-exports-2025', PAGE]]);
  });

  it('says nothing of other pages, of pages rendered on request, or when nobody listens', async () => {
    const heard: string[] = [];
    listenToRenderedPages((slug) => heard.push(slug));
    for (const path of ['/', '/countries/iran/', '/assessments/iran-oil-exports-2025/changes/', '/s/iran-oil-exports-2025/key-judgments/']) {
      expect((await render(path)).html).toBe(PAGE);
    }
    expect((await render('/assessments/iran-oil-exports-2025/', false)).html).toBe(PAGE);
    expect(heard).toEqual([]);
    listenToRenderedPages(undefined);
    expect((await render('/assessments/iran-oil-exports-2025/')).html).toBe(PAGE);
  });
});
