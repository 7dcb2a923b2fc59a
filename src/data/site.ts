/** Facts about the site that pages, meta tags and citations share. */
export const SITE_NAME = 'Assessment Atlas';
