/**
 * Marks the searched words on a document page opened from a search result, with Pagefind's
 * highlighter (pagefind-highlight.js, from the index bundle), then takes the parameter out of
 * the address so a link copied from the page stays clean, and offers a button to clear the
 * marks. Only the document's own text is marked: its title and body, not the page furniture.
 */
import { HIGHLIGHT_PARAM } from '../../lib/search/highlight-param.ts';
import { href } from '../../lib/urls.ts';
import stylesheet from './highlight.css?url';

const MARK_CLASS = 'search-highlight';

interface HighlightOptions {
  highlightParam: string;
  markContext: Element[];
  markOptions: { className: string; exclude: string[] };
  addStyles: boolean;
}
type PagefindHighlight = new (options: HighlightOptions) => unknown;

function cleanAddress(): void {
  const url = new URL(location.href);
  url.searchParams.delete(HIGHLIGHT_PARAM);
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

function clearMarks(): void {
  for (const mark of document.querySelectorAll(`mark.${MARK_CLASS}`)) {
    const parent = mark.parentNode!;
    mark.replaceWith(...mark.childNodes);
    parent.normalize();
  }
}

function showBar(words: string[]): void {
  const bar = document.createElement('div');
  bar.className = 'search-highlight-bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'Search highlight');
  const text = document.createElement('p');
  text.append('Highlighted: ');
  words.forEach((word, index) => {
    if (index > 0) text.append(', ');
    const strong = document.createElement('strong');
    strong.textContent = word;
    text.append(strong);
  });
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.textContent = 'Clear highlight';
  button.addEventListener('click', () => {
    const hadFocus = bar.contains(document.activeElement);
    clearMarks();
    bar.remove();
    if (hadFocus) document.querySelector<HTMLElement>('main')?.focus();
  });
  bar.append(text, button);
  document.body.append(bar);
}

export async function highlightSearchWords(): Promise<void> {
  const words = [...new Set(new URLSearchParams(location.search).getAll(HIGHLIGHT_PARAM).map((word) => word.trim()).filter(Boolean))];
  try {
    if (words.length === 0) return;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheet;
    document.head.append(link);
    const { default: Highlighter } = (await import(/* @vite-ignore */ href('pagefind/pagefind-highlight.js'))) as { default: PagefindHighlight };
    const context = [...document.querySelectorAll('main h1, main .doc-body')];
    // addStyles would insert an inline <style>, which the CSP rightly refuses; highlight.css styles the marks.
    new Highlighter({
      highlightParam: HIGHLIGHT_PARAM,
      markContext: context,
      markOptions: { className: MARK_CLASS, exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *', 'nav *', 'aside *', 'button *'] },
      addStyles: false,
    });
    if (document.querySelector(`mark.${MARK_CLASS}`)) showBar(words);
  } finally {
    cleanAddress();
  }
}
