/**
 * The search page (src/pages/search.astro): its form drives the search and the address bar
 * keeps the search, so a bookmark or a link sent to a colleague opens the same results.
 *
 * History: the first keystroke after a committed search adds a history entry, later keystrokes
 * replace it, so the address follows the typing without one entry per letter (on a search page
 * opened empty, the typing takes over that entry). Ticking a filter, changing the sort or
 * pressing Enter adds an entry when the address does not already show that search. Back and
 * forward restore the form and the results from the address (popstate).
 */
import { emptyState, FACETS, formatState, hasFilters, parseState, sameState, withoutFilter, type Facet, type SearchState } from '../../lib/search/state.ts';
import { runQuery, type Outcome } from './engine.ts';
import { arrowKeys, latestOnly, renderGroups, statusText } from './results.ts';

/** Documents loaded at once; "Show more results" loads the next ones. */
const PAGE_SIZE = 10;

interface Controls {
  form: HTMLFormElement;
  input: HTMLInputElement;
  sort: HTMLSelectElement;
  sortRow: HTMLElement;
  clear: HTMLButtonElement;
  selected: HTMLElement;
  status: HTMLElement;
  results: HTMLElement;
  more: HTMLButtonElement;
  boxes: Record<Facet, HTMLInputElement[]>;
}

function controls(): Controls {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
  const boxes = {} as Record<Facet, HTMLInputElement[]>;
  for (const facet of FACETS) boxes[facet] = [...form.querySelectorAll<HTMLInputElement>(`[data-facet="${facet}"] input[type="checkbox"]`)];
  return {
    form,
    input: form.querySelector('[data-search-page-input]')!,
    sort: form.querySelector('[data-search-sort]')!,
    sortRow: form.querySelector('[data-search-sort-row]')!,
    clear: form.querySelector('[data-search-clear]')!,
    selected: form.querySelector('[data-search-selected]')!,
    status: form.querySelector('[data-search-status]')!,
    results: form.querySelector('[data-search-results]')!,
    more: form.querySelector('[data-search-more]')!,
    boxes,
  };
}

export function startSearchPage(): void {
  const ui = controls();
  const nameOf = (facet: Facet, id: string) => ui.boxes[facet].find((box) => box.value === id)?.dataset.name;

  /** Only filter values this site has; an old or hand-made link may carry others. */
  const known = (state: SearchState): SearchState => {
    const filters = { ...state.filters };
    for (const facet of FACETS) filters[facet] = filters[facet].filter((id) => nameOf(facet, id) !== undefined);
    return { ...state, filters };
  };

  const read = (): SearchState => {
    const filters = {} as SearchState['filters'];
    for (const facet of FACETS) filters[facet] = ui.boxes[facet].filter((box) => box.checked).map((box) => box.value);
    return known(parseState(formatState({ q: ui.input.value, filters, sort: ui.sort.value as SearchState['sort'] })));
  };

  const write = (state: SearchState) => {
    ui.input.value = state.q;
    ui.sort.value = state.sort;
    for (const facet of FACETS) for (const box of ui.boxes[facet]) box.checked = state.filters[facet].includes(box.value);
  };

  let shown: Outcome | undefined;

  const renderOutcome = (outcome: Outcome) => {
    shown = outcome;
    ui.results.replaceChildren();
    ui.more.hidden = outcome.remaining === 0;
    if (outcome.groups.length > 0) ui.results.append(renderGroups(outcome.groups, 3));
    // Sorting by date means something only when a result has a date (or a sort was asked for).
    ui.sortRow.hidden = ui.sort.value === 'relevance' && !outcome.groups.some((group) => group.date);
  };

  /** The filters' toggle says how many are ticked; "Clear all" shows while any is. */
  const renderSelected = (state: SearchState) => {
    const count = FACETS.reduce((sum, facet) => sum + state.filters[facet].length, 0);
    ui.selected.textContent = count > 0 ? ` (${count} selected)` : '';
    ui.clear.hidden = count === 0;
  };

  const renderCounts = (outcome: Outcome) => {
    for (const facet of FACETS) {
      let visible = 0;
      for (const box of ui.boxes[facet]) {
        const count = outcome.facets?.[facet][box.dataset.name ?? ''] ?? 0;
        const item = box.closest('li')!;
        item.hidden = count === 0 && !box.checked;
        if (!item.hidden) visible += 1;
        item.querySelector('.facet-count')!.textContent = `(${count})`;
      }
      const none = ui.form.querySelector<HTMLElement>(`[data-facet="${facet}"] .facet-none`)!;
      none.hidden = visible > 0;
    }
  };

  const renderEmpty = (state: SearchState) => {
    const empty = document.createElement('div');
    empty.className = 'search-empty';
    const words = state.q ? ` for “${state.q}”` : '';
    if (!hasFilters(state)) {
      empty.append(Object.assign(document.createElement('p'), { textContent: `Nothing matches${words}. Check the spelling or try fewer or other words.` }));
    } else {
      empty.append(Object.assign(document.createElement('p'), { textContent: `Nothing matches${words} with these filters. Remove one to widen the search:` }));
      const list = document.createElement('ul');
      for (const facet of FACETS) {
        for (const id of state.filters[facet]) {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'button search-remove';
          button.textContent = `Remove ${facet}: ${nameOf(facet, id)}`;
          button.addEventListener('click', () => {
            commit(withoutFilter(state, facet, id));
            ui.status.focus();
          });
          const item = document.createElement('li');
          item.append(button);
          list.append(item);
        }
      }
      empty.append(list);
    }
    ui.results.append(empty);
  };

  /** Searches for what the form holds (one search at a time; see latestOnly). */
  const search = async (superseded: () => boolean) => {
    const state = read();
    renderSelected(state);
    document.title = state.q ? `“${state.q}” – Search | Assessment Atlas` : 'Search | Assessment Atlas';
    try {
      const outcome = await runQuery({
        text: state.q,
        filters: Object.fromEntries(FACETS.map((facet) => [facet, state.filters[facet].map((id) => nameOf(facet, id)!)])) as Record<Facet, string[]>,
        sort: state.sort,
        facets: true,
        pageSize: PAGE_SIZE,
      }, superseded);
      if (!outcome) return;
      renderOutcome(outcome);
      renderCounts(outcome);
      if (!state.q && !hasFilters(state)) {
        ui.status.textContent = 'Type words to search, or tick a filter to list the documents tagged with it.';
      } else if (outcome.total === 0) {
        ui.status.textContent = `No results${state.q ? ` for “${state.q}”` : ''}.`;
        renderEmpty(state);
      } else {
        ui.status.textContent = statusText(outcome.total, state.q);
      }
    } catch (error) {
      ui.results.replaceChildren();
      ui.more.hidden = true;
      ui.status.textContent = 'Search is unavailable: its index could not be loaded. Try again after reloading the page.';
      console.error(error);
    }
  };

  const refresh = latestOnly(search);

  // Whether the current history entry is one the typing is editing (see the module comment).
  let typing = false;
  const url = (state: SearchState) => `${location.pathname}${formatState(state)}`;
  const landing = (state: SearchState) => !state.q && !hasFilters(state) && state.sort === 'relevance';

  /** A change the reader made deliberately: a new history entry, unless nothing changed. */
  const commit = (state: SearchState) => {
    write(state);
    const current = known(parseState(location.search));
    if (!sameState(state, current)) history.pushState(null, '', url(state));
    typing = false;
    refresh();
  };

  ui.input.addEventListener('input', () => {
    const state = read();
    const current = known(parseState(location.search));
    if (!sameState(state, current)) {
      if (typing || landing(current)) history.replaceState(null, '', url(state));
      else history.pushState(null, '', url(state));
      typing = true;
    }
    refresh();
  });
  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit(read());
  });
  ui.form.addEventListener('change', (event) => {
    if (event.target === ui.input) return;
    commit(read());
  });
  ui.clear.addEventListener('click', () => {
    commit({ ...emptyState(), q: read().q, sort: read().sort });
    ui.status.focus();
  });
  ui.more.addEventListener('click', async () => {
    if (!shown) return;
    const before = new Set([...ui.results.querySelectorAll('a')].map((a) => a.href));
    const outcome = await shown.more();
    renderOutcome(outcome);
    ui.status.textContent = statusText(outcome.total, read().q);
    [...ui.results.querySelectorAll('a')].find((a) => !before.has(a.href))?.focus();
  });
  addEventListener('popstate', () => {
    typing = false;
    write(known(parseState(location.search)));
    refresh();
  });
  arrowKeys(ui.input, ui.results);

  const initial = known(parseState(location.search));
  if (!sameState(initial, parseState(location.search))) history.replaceState(null, '', url(initial));
  write(initial);
  refresh();
}

