/** The pages of the built site that the browser tests visit, by kind. */
import { readdirSync } from 'node:fs';

export interface SitePage {
  readonly name: string;
  /** Path below the site root, no leading slash. */
  readonly path: string;
  /** The 404 page is served with status 404, which the browser logs as a failed load. */
  readonly status: number;
}

export function documentPages(): SitePage[] {
  return readdirSync('dist/assessments')
    .sort()
    .map((slug) => ({ name: `document ${slug}`, path: `assessments/${slug}/`, status: 200 }));
}

/** The hub indexes and the first hub of each kind (every hub is built from the same template). */
export function hubPages(): SitePage[] {
  return (['countries', 'topics'] as const).flatMap((kind) => {
    const first = readdirSync(`dist/${kind}`, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()[0];
    return [
      { name: `${kind} index`, path: `${kind}/`, status: 200 },
      ...(first ? [{ name: `${kind} hub ${first}`, path: `${kind}/${first}/`, status: 200 }] : []),
    ];
  });
}

/**
 * Share pages (/s/<slug>/<section>/) send the browser on at once (meta refresh), so they are not
 * in sitePages(): tests that stay on them must remove the refresh (permalinks.test.ts does).
 */
export function sharePages(): SitePage[] {
  return readdirSync('dist/s')
    .sort()
    .flatMap((slug) => readdirSync(`dist/s/${slug}`).sort().map((section) => ({ name: `share ${slug}/${section}`, path: `s/${slug}/${section}/`, status: 200 })));
}

export function sitePages(): SitePage[] {
  return [
    { name: 'home', path: '', status: 200 },
    ...documentPages(),
    ...hubPages(),
    { name: 'data', path: 'data/', status: 200 },
    { name: 'search', path: 'search/', status: 200 },
    { name: '404', path: 'no-such-page/', status: 404 },
  ];
}
