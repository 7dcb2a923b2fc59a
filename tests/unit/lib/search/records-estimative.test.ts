/** A document's search record carries the bands and levels its key judgments state, by name. */
import { describe, expect, it } from 'vitest';
import { documentRecord, type SearchDocument } from '../../../../src/lib/search/records.ts';

const document: SearchDocument = {
  slug: 'doc',
  title: 'Doc',
  kind: 'Assessment',
  countries: [],
  topics: [],
  sections: [
    { id: 'key-judgments', title: 'Key Judgments', countries: [], topics: [] },
    { id: 'outlook', title: 'Outlook', countries: [], topics: [] },
  ],
};

const page = `<!doctype html><html lang="en"><body><main><h1>Doc</h1><div class="doc-body">
<section class="doc-section"><h2 id="key-judgments">Key Judgments</h2>
<ul><li id="kj-1" data-est-likelihood="icd-203-likely" data-est-confidence="moderate"><span class="est-badge" data-pagefind-ignore>Likely (55–80%) · Moderate confidence</span>Kim is <a class="est" href="#est-icd-203-likely">likely</a> to attend.</li>
<li id="kj-2" data-est-likelihood="icd-203-unlikely">Talks are <a class="est" href="#est-icd-203-unlikely">unlikely</a>.</li>
<li id="kj-3" data-est-likelihood="icd-203-likely">Sanctions are <a class="est" href="#est-icd-203-likely">likely</a>.</li></ul></section>
<section class="doc-section"><h2 id="outlook">Outlook</h2><p>X is <a class="est" href="#est-icd-203-likely">likely</a>.</p></section>
</div></main></body></html>`;

describe('estimative tags of search records', () => {
  const record = documentRecord(page, document, '/assessments/doc/', 'doc.html');

  it('lists each band and level of the key judgments once', () => {
    expect(record.tags.likelihood).toEqual(['Likely (55–80%, ICD 203)', 'Unlikely (20–45%, ICD 203)']);
    expect(record.tags.confidence).toEqual(['Moderate confidence']);
  });

  it('keeps the badge out of the text', () => {
    // The filters (and the parts' tags among them) are in a block Pagefind does not index as text.
    const text = record.html.replace(/<div data-pagefind-ignore>.*?<\/div>/, '');
    expect(text).not.toContain('Moderate confidence');
    expect(record.html).toContain('Kim is <a>likely</a> to attend.');
  });

  it('gives none to a document without key judgments', () => {
    const plain = page.replace(/ data-est-(likelihood|confidence)="[^"]*"/g, '');
    expect(documentRecord(plain, document, '/assessments/doc/', 'doc.html').tags).not.toHaveProperty('likelihood');
  });
});
