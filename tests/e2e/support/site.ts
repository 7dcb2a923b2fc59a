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

export function sitePages(): SitePage[] {
  return [
    { name: 'home', path: '', status: 200 },
    ...documentPages(),
    { name: 'search', path: 'search/', status: 200 },
    { name: '404', path: 'no-such-page/', status: 404 },
  ];
}
