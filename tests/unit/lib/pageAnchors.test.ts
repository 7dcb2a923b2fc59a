import { describe, expect, it } from 'vitest';
import { anchorsInHtml } from '../../../src/lib/pageAnchors.ts';

describe('anchorsInHtml', () => {
  it('reads the permalink targets in page order and the aliases, ignoring other links and ids', () => {
    const html = `<!doctype html><title>x</title>
      <nav class="toc"><a href="#outlook">Outlook</a></nav>
      <section><h2 id="key-judgments">Key Judgments</h2><span class="permalink"><a class="permalink-anchor" href="#key-judgments">#</a></span>
      <p id="kj-1">One.<span class="permalink"><a class="permalink-anchor" href="#kj-1">#</a></span></p></section>
      <section><h2 id="outlook"><span id="prospects" class="alias-target" data-alias-for="outlook"></span>Outlook</h2>
      <span class="permalink"><a class="permalink-anchor" href="#outlook">#</a></span>
      <span id="table-old" class="alias-target" data-alias-for="table-budget"></span>
      <div class="table-scroll"><table id="table-budget"></table></div><span class="permalink"><a class="permalink-anchor" href="#table-budget">#</a></span>
      <h2 id="перспективы">Перспективы</h2><span class="permalink"><a class="permalink-anchor" href="#%D0%BF%D0%B5%D1%80%D1%81%D0%BF%D0%B5%D0%BA%D1%82%D0%B8%D0%B2%D1%8B">#</a></span>
      <p id="not-published">Text with <a href="#kj-1">a link</a>.</p></section>`;
    expect(anchorsInHtml(html)).toEqual({
      ids: ['key-judgments', 'kj-1', 'outlook', 'table-budget', 'перспективы'],
      aliases: { prospects: 'outlook', 'table-old': 'table-budget' },
    });
  });

  it('finds nothing on a page without permalinks', () => {
    expect(anchorsInHtml('<!doctype html><title>x</title><h1 id="top">Top</h1>')).toEqual({ ids: [], aliases: {} });
  });
});
