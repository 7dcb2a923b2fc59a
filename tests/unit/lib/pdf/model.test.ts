import { describe, expect, it } from 'vitest';
import { pdfDocumentFromHtml } from '../../../../src/lib/pdf/model.ts';

/** A built document page in the shape the site writes, with the controls a PDF leaves out. */
const page = `<!doctype html><html lang="en-GB"><head><title>x</title></head><body><main id="main">
<article class="doc">
  <header class="doc-header">
    <nav aria-label="Breadcrumb"><a href="/">Home</a></nav>
    <h1>North Korea–Russia Relations</h1>
    <p class="meta"><span>Brief</span> <span>IF12760</span> <span>Published <time datetime="2024-07-01">1 July 2024</time></span> <span>Updated <time datetime="2026-09-18">18 September 2026</time></span></p>
    <p class="authors">By <span class="author">Mark E. Manyin</span> and <span class="author">Emma Chanlett-Avery</span><span class="author-role"> (Specialist)</span></p>
    <p class="print-url">https://atlas.example.org/assessments/nk-russia/</p>
  </header>
  <div class="doc-body">
    <p>In June 2024 the two states signed a treaty.</p>
    <section class="doc-section">
      <h2 id="background">Background <button type="button">Copy link</button></h2>
      <p id="kj-1"><span class="est-badge" data-pagefind-ignore>Likely (55–80%)</span>Moscow will <abbr>likely</abbr> supply fuel.<sup id="note-ref-1"><a href="#note-1" aria-label="Note 1">[1]</a></sup> Talks
        continue.<sup id="note-ref-2"><a href="#note-2" aria-label="Note 2">[2]</a></sup></p>
      <ol start="3"><li>Sanctions relief</li><li>Arms transfers.<sup id="note-ref-1-2"><a href="#note-1" aria-label="Note 1">[1]</a></sup></li></ol>
      <div class="data-table" data-pagefind-ignore><div class="table-scroll"><table id="table-trade"><caption>Trade, USD million</caption><thead><tr><th>Year</th><th>Trade</th></tr></thead><tbody><tr><td>2023</td><td>34</td></tr></tbody></table></div>
      <p class="table-downloads"><a href="t.csv">CSV</a></p><span class="permalink" data-pagefind-ignore><a href="#table-trade">Link to table</a></span></div>
      <aside data-pagefind-ignore><a href="/x/">Related in other assessments</a></aside>
    </section>
    <section class="doc-section"><h2 id="notes">Notes</h2>
      <p><a id="note-1" href="#note-ref-1" aria-label="Back to the text citing note 1">[1]</a> Treaty text, 19 June 2024.</p>
      <p>A continuation line of the first note.</p>
      <p><a id="note-3" href="#note-ref-3" aria-label="Back to the text citing note 3">[3]</a> Kremlin readout, <em>20 June</em> 2024.</p>
    </section>
  </div>
</article></main></body></html>`;

describe('pdfDocumentFromHtml', () => {
  const doc = pdfDocumentFromHtml(page, 'assessments/nk-russia/index.html');

  it('reads the title block: title, language, the printed URL, header facts, the first date and the byline', () => {
    expect(doc.title).toBe('North Korea–Russia Relations');
    expect(doc.lang).toBe('en-GB');
    expect(doc.url).toBe('https://atlas.example.org/assessments/nk-russia/');
    expect(doc.facts).toEqual(['Brief', 'IF12760', 'Published 1 July 2024', 'Updated 18 September 2026']);
    expect(doc.date?.toISOString().slice(0, 10)).toBe('2024-07-01');
    expect(doc.byline).toBe('By Mark E. Manyin and Emma Chanlett-Avery (Specialist)');
    expect(doc.authors).toEqual(['Mark E. Manyin', 'Emma Chanlett-Avery']);
  });

  it('keeps the lede, each section with its heading and blocks in order, and leaves controls out', () => {
    expect(doc.lede).toEqual([{ type: 'paragraph', runs: [{ type: 'text', text: 'In June 2024 the two states signed a treaty.' }] }]);
    expect(doc.sections.map((section) => [section.id, section.title])).toEqual([
      ['background', 'Background'],
      ['notes', 'Notes'],
    ]);
    expect(doc.sections[0]!.blocks.slice(1)).toEqual([
      { type: 'list', ordered: true, start: 3, items: [[{ type: 'text', text: 'Sanctions relief' }], [{ type: 'text', text: 'Arms transfers.' }, { type: 'noteref', text: '[1]', note: 'note-1' }]] },
      { type: 'table', caption: 'Trade, USD million', head: ['Year', 'Trade'], rows: [['2023', '34']] },
    ]);
  });

  it('keeps each note marker as its own run, linked to its note only when this document has that note', () => {
    expect(doc.sections[0]!.blocks[0]).toEqual({
      type: 'paragraph',
      runs: [
        { type: 'text', text: 'Moscow will likely supply fuel.' },
        { type: 'noteref', text: '[1]', note: 'note-1' },
        { type: 'text', text: ' Talks continue.' },
        // The page links it to note 2, which its Notes section lacks: a marker, but no link.
        { type: 'noteref', text: '[2]' },
      ],
    });
  });

  it('reads the notes section as numbered notes in order, each with its number as shown and its text', () => {
    expect(doc.sections[1]!.blocks).toEqual([
      { type: 'note', id: 'note-1', label: '[1]', runs: [{ type: 'text', text: 'Treaty text, 19 June 2024.' }] },
      { type: 'paragraph', runs: [{ type: 'text', text: 'A continuation line of the first note.' }] },
      { type: 'note', id: 'note-3', label: '[3]', runs: [{ type: 'text', text: 'Kremlin readout, 20 June 2024.' }] },
    ]);
  });

  it('says which page is not a document page and what it lacks', () => {
    expect(() => pdfDocumentFromHtml('<html><body><h1>Search</h1></body></html>', 'search/index.html')).toThrow(
      'search/index.html: not a document page (it needs article.doc with an h1, .doc-body and .print-url)',
    );
  });
});
