/**
 * The search dialog, loaded the first time a reader opens search (SearchButton.astro): a modal
 * <dialog> (showModal keeps focus inside it and closes on Esc), a search field, results as the
 * reader types, and a link to the search page, which adds filters and sorting. Focus goes back
 * to where it was on close (the search button when search was opened with a shortcut).
 */
import { formatState, emptyState } from '../../lib/search/state.ts';
import { searchHref } from '../../lib/urls.ts';
import { loadPagefind, runQuery } from './engine.ts';
import { arrowKeys, latestOnly, plural, renderGroups, statusText } from './results.ts';
import stylesheet from './search.css?url';

interface Parts {
  dialog: HTMLDialogElement;
  input: HTMLInputElement;
  status: HTMLElement;
  results: HTMLElement;
  footer: HTMLAnchorElement;
}

/**
 * Documents shown in the dialog, and sections under each: a glance, in few requests (each
 * document is one); the search page shows more, with filters.
 */
const PAGE_SIZE = 5;
const SECTIONS_SHOWN = 3;

let parts: Parts | undefined;
let returnFocus: HTMLElement | undefined;

function searchPageHref(q: string): string {
  return searchHref(formatState({ ...emptyState(), q }));
}

function build(): Parts {
  if (!document.querySelector(`link[href="${stylesheet}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheet;
    document.head.append(link);
  }
  const dialog = document.createElement('dialog');
  dialog.className = 'search-dialog';
  dialog.setAttribute('aria-labelledby', 'search-dialog-title');
  dialog.innerHTML = `
    <div class="search-dialog-panel">
      <div class="search-dialog-bar">
        <h2 id="search-dialog-title" class="search-dialog-title">Search assessments</h2>
        <button type="button" class="button search-dialog-close" data-close>Close <kbd data-keyboard-hint>Esc</kbd></button>
      </div>
      <form class="search-form" role="search" method="get">
        <label class="visually-hidden" for="search-dialog-input">Search words</label>
        <input id="search-dialog-input" class="search-input" type="search" name="q" autocomplete="off"
          spellcheck="false" enterkeyhint="search" aria-describedby="search-dialog-hint" />
      </form>
      <p id="search-dialog-hint" class="search-hint" data-keyboard-hint>Up and down arrows move through the results; Enter opens the search page with filters.</p>
      <p class="search-status" role="status"></p>
      <div class="search-results"></div>
      <p class="search-dialog-footer"><a data-page-link>Filter and sort on the search page</a></p>
    </div>`;
  document.body.append(dialog);

  const form = dialog.querySelector('form')!;
  form.action = searchHref();
  const result: Parts = {
    dialog,
    input: dialog.querySelector('input')!,
    status: dialog.querySelector('.search-status')!,
    results: dialog.querySelector('.search-results')!,
    footer: dialog.querySelector('[data-page-link]')!,
  };
  result.footer.href = searchPageHref('');

  // Focus goes back at once (the close event comes a moment later, and would move it again).
  const restoreFocus = () => (returnFocus?.isConnected ? returnFocus : document.querySelector<HTMLElement>('[data-search-open]'))?.focus();
  const close = () => {
    dialog.close();
    restoreFocus();
  };
  dialog.querySelector('[data-close]')!.addEventListener('click', close);
  // A click on the backdrop lands on the dialog element itself, outside the panel.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) close();
  });
  dialog.addEventListener('close', restoreFocus);
  arrowKeys(result.input, result.results);
  // showModal keeps the page behind out of reach, but Tab from the last control would leave for
  // the browser's own toolbar: wrap around instead, so focus stays in the dialog.
  dialog.addEventListener('keydown', (event) => {
    // Esc closes at once, also from a search field with text (which would clear itself first).
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [...dialog.querySelectorAll<HTMLElement>('a[href], button, input')].filter((element) => element.getClientRects().length > 0);
    const first = focusable[0];
    const last = focusable.at(-1);
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  });

  const search = async (superseded: () => boolean) => {
    const q = result.input.value.trim();
    result.footer.href = searchPageHref(q);
    try {
      const outcome = await runQuery({ text: q, filters: emptyState().filters, sort: 'relevance', facets: false, pageSize: PAGE_SIZE, sectionsShown: SECTIONS_SHOWN }, superseded);
      if (!outcome) return;
      result.results.replaceChildren();
      if (!q) {
        result.status.textContent = '';
        return;
      }
      if (outcome.total === 0) {
        result.status.textContent = `No results for “${q}”. Check the spelling or try fewer words.`;
        return;
      }
      result.status.textContent = statusText(outcome.total, q);
      result.results.append(renderGroups(outcome.groups, 3));
      if (outcome.remaining > 0) {
        const more = document.createElement('p');
        more.className = 'search-more';
        const link = document.createElement('a');
        link.href = searchPageHref(q);
        link.textContent = `See all ${plural(outcome.total, 'document')} (the first ${PAGE_SIZE} are shown)`;
        more.append(link);
        result.results.append(more);
      }
    } catch (error) {
      result.results.replaceChildren();
      result.status.textContent = 'Search is unavailable: its index could not be loaded. Try again after reloading the page.';
      console.error(error);
    }
  };
  result.input.addEventListener('input', latestOnly(search));
  return result;
}

export function openSearch(opener: HTMLElement): void {
  // The search page has its own field: the shortcuts take the reader there instead.
  const pageInput = document.querySelector<HTMLInputElement>('[data-search-page-input]');
  if (pageInput) {
    pageInput.focus();
    pageInput.select();
    return;
  }
  parts ??= build();
  if (parts.dialog.open) return;
  // Start fetching Pagefind and its WebAssembly while the reader types the first word.
  loadPagefind().catch(() => {});
  const active = document.activeElement;
  returnFocus = active instanceof HTMLElement && active !== document.body ? active : opener;
  parts.dialog.showModal();
  parts.input.focus();
  parts.input.select();
}
