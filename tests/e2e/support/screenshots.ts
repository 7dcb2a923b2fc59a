/**
 * Screenshots of the built site for a person to look at (not a test):
 *   node_modules/.bin/node tests/e2e/support/screenshots.ts [outDir]
 * Writes light and dark full-page shots at 1280 and 390 px of the home page, every document, the
 * hubs, /data/, search with results and the 404, and print emulation of each at 1280 px.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, openSession } from './browser.ts';
import { startServer } from './server.ts';

const out = process.argv[2] ?? '/tmp/shots';
await mkdir(out, { recursive: true });
const slugs = await readdir('dist/assessments').catch(() => []);
const pages = [
  { name: 'home', path: '' },
  ...slugs.map((slug) => ({ name: slug, path: `assessments/${slug}/` })),
  { name: 'countries', path: 'countries/' },
  { name: 'country-north-korea', path: 'countries/north-korea/' },
  { name: 'topics', path: 'topics/' },
  { name: 'topic-diplomacy', path: 'topics/diplomacy/' },
  { name: 'search', path: 'search/?q=treaty&country=china' },
  { name: 'data', path: 'data/' },
  { name: '404', path: 'no-such-page/' },
];
const variants = [
  { name: 'light', colorScheme: 'light', width: 1280 },
  { name: 'dark', colorScheme: 'dark', width: 1280 },
  { name: 'narrow', colorScheme: 'light', width: 390 },
  { name: 'narrow-dark', colorScheme: 'dark', width: 390 },
] as const;

const server = await startServer();
const browser = await launchBrowser();
try {
  for (const variant of variants) {
    for (const { name, path } of pages) {
      const session = await openSession(browser, server.url, {
        colorScheme: variant.colorScheme,
        viewport: { width: variant.width, height: 800 },
      });
      await session.page.goto(server.url + path);
      // Search results arrive after the index loads.
      if (name === 'search') await session.page.locator('.search-group').first().waitFor({ timeout: 5000 }).catch(() => {});
      const file = join(out, `${name}-${variant.name}.png`);
      await session.page.screenshot({ path: file, fullPage: true });
      if (variant.name === 'light') {
        await session.page.emulateMedia({ media: 'print' });
        await session.page.screenshot({ path: join(out, `${name}-print.png`), fullPage: true });
      }
      console.log(file, session.problems.length ? session.problems : '');
      await session.context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
