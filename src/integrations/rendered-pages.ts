/**
 * Document pages as Astro renders them, for a build hook that wants each one as soon as it
 * exists rather than after every page is written: the PDFs (outputs.ts) are drawn on the core
 * that Astro's single rendering thread leaves free.
 *
 * The middleware (rendered-pages-middleware.ts) runs inside Astro's bundle of the site, which
 * has its own copy of every module, so it cannot see the integration's variables: the two meet
 * on one global, named by a registered symbol. Outside a build nobody listens and the
 * middleware passes pages through untouched.
 */
const LISTENER = Symbol.for('assessment-atlas.rendered-document-page');

/** Told the slug and the complete HTML of each document page Astro renders (not of pages it restores from its cache). */
export type RenderedPageListener = (slug: string, html: string) => void;

type WithListener = typeof globalThis & { [LISTENER]?: RenderedPageListener | undefined };

/** Starts (or, with undefined, stops) telling `listener` about rendered document pages. */
export function listenToRenderedPages(listener: RenderedPageListener | undefined): void {
  (globalThis as WithListener)[LISTENER] = listener;
}

export function renderedPageListener(): RenderedPageListener | undefined {
  return (globalThis as WithListener)[LISTENER];
}
