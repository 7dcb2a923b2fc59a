/** Facts about the site that pages, meta tags and citations share. */
export const SITE_NAME = 'Assessment Atlas';

/**
 * When this build was made: the access date of citations of undated documents (Chicago and MLA
 * give the date the reader consulted the page when the page itself has none).
 */
export const BUILD_DATE = new Date();
