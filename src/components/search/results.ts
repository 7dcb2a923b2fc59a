/**
 * Search results on screen, shared by the dialog and the search page: documents with their kind,
 * date and authors and matching sections, excerpts with the matched words marked, a polite status line that
 * screen readers announce ("5 documents for sanctions"), and arrow-key movement between results.
 *
 * Excerpts come from the index, i.e. from source text. They are rebuilt as text nodes and
 * <mark> elements only, so no markup in a source can ever reach the page as markup.
 */
import type { DocumentGroup } from '../../lib/search/group.ts';
import { readableDay } from '../../lib/dates.ts';

/** The document's date as on its page ("1 June 2024"), machine-readable. */
function dateNode(day: string): HTMLTimeElement {
  const time = element('time', 'search-date', readableDay(new Date(`${day}T00:00:00Z`)));
  time.dateTime = day;
  return time;
}

/** Text with the matched words in <mark>, from Pagefind's escaped excerpt HTML. */
export function excerptNodes(excerpt: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = excerpt; // inert: template content never runs or loads anything
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    const text = node.textContent ?? '';
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = text;
      out.append(mark);
    } else {
      out.append(text);
    }
  }
  return out;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

/** The result list: one item per document, its sections as links with excerpts. */
export function renderGroups(groups: readonly DocumentGroup[], headingLevel: 2 | 3): HTMLOListElement {
  const list = element('ol', 'search-groups');
  for (const group of groups) {
    const title = element('a', 'search-group-link', group.title);
    title.href = group.url;
    const item = element(
      'li',
      'search-group',
      element(
        'div',
        'search-group-head',
        element(headingLevel === 2 ? 'h2' : 'h3', 'search-group-title', title),
        element('span', 'badge', group.kind),
        ...(group.date ? [dateNode(group.date)] : []),
        ...(group.authors ? [element('span', 'search-authors', group.authors)] : []),
      ),
    );
    if (group.excerpt) item.append(element('p', 'search-excerpt', excerptNodes(group.excerpt)));
    if (group.sections.length > 0) {
      const sections = element('ul', 'search-sections');
      sections.setAttribute('aria-label', `Matching sections of ${group.title}`);
      for (const section of group.sections) {
        const link = element(
          'a',
          'search-section',
          element('span', 'search-section-title', section.title),
          ...(section.excerpt ? [element('span', 'search-excerpt', excerptNodes(section.excerpt))] : []),
        );
        link.href = section.url;
        sections.append(element('li', '', link));
      }
      item.append(sections);
    }
    list.append(item);
  }
  return list;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "5 documents for “sanctions”": the status line screen readers announce. */
export function statusText(documents: number, query: string): string {
  return `${plural(documents, 'document')}${query ? ` for “${query}”` : ''}`;
}

/**
 * Up and down arrows move focus between the result links (and back to the search field above
 * the first); Home and End jump to the ends. Enter follows the focused link as usual.
 */
export function arrowKeys(input: HTMLInputElement, results: HTMLElement): void {
  const links = () => [...results.querySelectorAll<HTMLAnchorElement>('a[href]')];
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' || event.altKey) return;
    const first = links()[0];
    if (!first) return;
    event.preventDefault();
    first.focus();
  });
  results.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at === -1) return;
    let target: HTMLElement | undefined;
    if (event.key === 'ArrowDown') target = all[at + 1];
    else if (event.key === 'ArrowUp') target = at === 0 ? input : all[at - 1];
    else if (event.key === 'Home') target = all[0];
    else if (event.key === 'End') target = all[all.length - 1];
    else return;
    event.preventDefault();
    target?.focus();
  });
}

/**
 * Runs `task` now, or once more as soon as the current run ends if one is under way: results
 * follow the typing with no fixed delay, and never more than one search runs at a time. The
 * task is told when a newer run is waiting, so it can skip work whose result nobody will see.
 */
export function latestOnly(task: (superseded: () => boolean) => Promise<void>): () => void {
  let running = false;
  let again = false;
  const superseded = () => again;
  return () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void (async () => {
      do {
        again = false;
        await task(superseded);
      } while (again);
      running = false;
    })();
  };
}
