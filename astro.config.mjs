// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { plainDynamicImports } from './src/integrations/plain-dynamic-imports.ts';
import { wrapSections } from './src/integrations/wrap-sections.ts';
import { sectionAnchors } from './src/integrations/section-anchors.ts';
import { anchorLock } from './src/integrations/anchor-lock.ts';
import { linkCheck } from './src/integrations/link-check.ts';
import { sharePages } from './src/integrations/share-pages.ts';
import { contentCode, contentGuard } from './src/integrations/content-guard.ts';
import { estimativeTerms } from './src/integrations/estimative-terms.ts';
import { outputs } from './src/integrations/outputs.ts';
import { siteAddress } from './src/integrations/site-address.ts';

// Deployment target: set SITE_URL (and BASE_PATH when the site lives below the host's root).
// Without SITE_URL no host is guessed (src/integrations/site-address.ts).
const site = process.env.SITE_URL || undefined;
const base = process.env.BASE_PATH ?? '/';

// Social cards and PDFs (src/integrations/outputs.ts): two hooks around those that read the pages.
const pdfs = outputs();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: {
    // Astro waits for each page's file to be written before it renders the next: with a few
    // pages in flight its one thread renders while files are written (1,000 documents:
    // rendering 19.5 s instead of 23 s, docs/PERFORMANCE.md). Pages share no mutable state.
    concurrency: 4,
  },
  experimental: {
    // Pages with a cacheKey (document pages: src/data/pageKeys.ts) whose key and template
    // are unchanged keep their earlier output instead of being rendered again.
    incrementalBuild: true,
  },
  // The anchor lock and the link check read the finished output (one scan, src/integrations/
  // built-pages.ts): keep them last, after anything that adds or edits files at build end
  // (sharePages writes the share pages, pdfs.link puts each document's PDF link in). pdfs.draw
  // starts the PDFs, which are drawn while the search index is built. contentGuard first: a page
  // that breaks the content rules stops the build before anything runs.
  integrations: [siteAddress(), contentGuard(), mdx(), plainDynamicImports(), pdfs.draw, sharePages(), pagefindIndex(), pdfs.link, anchorLock(), linkCheck()],
  vite: {
    build: {
      rolldownOptions: {
        // Astro marks the asset module it generates for each content entry with its own directive
        // "use astro:head-inject" (astro/dist/content/vite-plugin-content-assets.js), and Rolldown
        // warns, once per document and in 8 lines, that bundling may not keep it: 1,002 warnings
        // at 1,000 documents that bury the real ones. Nothing is lost (Astro finds these modules
        // by their ?astroPropagatedAssets id, not the directive) and no editor can act on it
        // (withastro/astro#18087, open). Only that directive is dropped: any other directive's
        // warning, and every other log, goes to Vite as before.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"')) return;
          handler(level, log);
        },
      },
    },
  },
  markdown: {
    // Ingested text never contains code blocks, and Shiki's inline styles would break the CSP.
    syntaxHighlight: false,
    processor: satteri({
      // Render the author's characters as written: smart punctuation would turn "Korea's" into
      // "Korea’s" and "--" into a dash, which is a change of wording the sources never made.
      // GFM off: generated pages use none of it (tables are <DataTable>), and its autolinks turn
      // a source's "www.example.com" or "a@b.org" into links that no escape can prevent.
      features: { smartPunctuation: false, gfm: false },
      // Content MDX is data: an expression, import/export or unknown component is refused.
      mdastPlugins: [contentCode],
      // estimativeTerms after sectionAnchors: it reads the kj-N ids of key judgments.
      hastPlugins: [wrapSections, sectionAnchors, estimativeTerms],
    }),
  },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: {
        // Pagefind (search, a later issue) compiles its WebAssembly under this keyword; it allows
        // no JavaScript eval. Inline scripts still need a hash: see src/components/ThemeScript.astro.
        resources: ["'self'", "'wasm-unsafe-eval'"],
      },
    },
  },
});
