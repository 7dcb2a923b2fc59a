/**
 * Fetches Chart.js and draws a figure's chart only when the figure comes near the viewport, so a
 * reader who never scrolls to a chart never downloads it.
 *
 * chart-draw.ts is bundled on its own (Vite's `?worker&url` gives the URL of a self-contained
 * bundle) and added as a script when first needed. A dynamic import() would do the same, but Vite
 * wraps every bundled import() in its preload helper, about 0.9 kB gzip on every chart page for
 * nothing (vitejs/vite#13952). Figures waiting for the code are marked data-state="near"; the
 * bundle draws them, and later ones on the "table-chart:near" event.
 */
import drawUrl from './chart-draw.ts?worker&url';

let requested = false;
const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const figure = entry.target as HTMLElement;
      observer.unobserve(figure);
      figure.dataset.state = 'near';
      if (requested) {
        document.dispatchEvent(new Event('table-chart:near'));
        continue;
      }
      requested = true;
      const script = document.createElement('script');
      script.src = drawUrl;
      script.onerror = () => {
        for (const waiting of document.querySelectorAll<HTMLElement>('[data-state="near"]')) waiting.dataset.state = 'failed';
      };
      document.head.append(script);
    }
  },
  { rootMargin: '400px 0px' },
);
for (const figure of document.querySelectorAll('[data-table-chart]')) observer.observe(figure);
