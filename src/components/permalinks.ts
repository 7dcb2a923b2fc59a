/**
 * The document page's one script (PermalinkSupport.astro bundles it as a module): reveals and
 * runs the copy buttons, shows "Copied" on the button itself for a moment and says "Link
 * copied" in a polite live region, marks the section being
 * read in the table of contents, and shows a notice when the URL's fragment names nothing on
 * the page. Everything it enhances works without it: anchors are plain links, citations are
 * selectable text, the contents are a list of links. Budget: 0.8 kB gzip (a site test measures it).
 */
const live = document.getElementById('permalink-status')!;
const notice = document.getElementById('fragment-notice')!;
const toc = document.querySelector<HTMLDetailsElement>('.toc details');
let clear: ReturnType<typeof setTimeout>;

const say = (message: string) => {
  // Emptied first, so the same message twice in a row is announced twice.
  live.textContent = '';
  clearTimeout(clear);
  setTimeout(() => (live.textContent = message), 50);
  clear = setTimeout(() => (live.textContent = ''), 4000);
};

// Without a clipboard (an old browser, a page served over plain http) the buttons stay hidden.
if (navigator.clipboard) {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy],[data-copy-text]')) button.hidden = false;
}

document.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('[data-copy],[data-copy-text]');
  if (!button) return;
  const { copy, done } = button.dataset;
  let text = button.previousElementSibling?.textContent ?? '';
  if (copy !== undefined) {
    // The page's own address with the target's fragment, never the query (search highlights).
    const url = new URL(copy, location.href);
    url.search = '';
    text = url.href;
  }
  const label = button.firstChild!;
  navigator.clipboard.writeText(text).then(
    () => {
      say(done ?? 'Link copied');
      // The confirmation where the reader looks: the button's visible word, for two seconds.
      if (!('doneShown' in button.dataset)) {
        const was = label.textContent;
        label.textContent = 'Copied';
        button.dataset.doneShown = '';
        setTimeout(() => {
          label.textContent = was;
          delete button.dataset.doneShown;
        }, 2000);
      }
    },
    () => say('Could not copy. Select the text and copy it instead.'),
  );
});

const checkFragment = () => {
  let id = '';
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {}
  const missing = id !== '' && id !== 'top' && !document.getElementById(id);
  notice.hidden = !missing;
  if (missing) {
    if (toc) toc.open = true;
    notice.scrollIntoView();
  }
};
checkFragment();
addEventListener('hashchange', checkFragment);

// The contents link of the section that crosses the top third of the window is "current".
const links = new Map<Element, HTMLAnchorElement>();
for (const link of document.querySelectorAll<HTMLAnchorElement>('.toc a')) {
  const section = document.getElementById(decodeURIComponent(link.hash.slice(1)))?.closest('section');
  if (section) links.set(section, link);
}
// Until a section reaches that line (at the top of the page) the first one is current.
let current = links.values().next().value;
current?.setAttribute('aria-current', 'true');
const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      current?.removeAttribute('aria-current');
      current = links.get(entry.target);
      current?.setAttribute('aria-current', 'true');
    }
  },
  { rootMargin: '0px 0px -67% 0px' },
);
for (const section of links.keys()) observer.observe(section);

export {};
