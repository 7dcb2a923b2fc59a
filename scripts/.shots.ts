import { launchBrowser, openSession } from '../tests/e2e/support/browser.ts';
import { startServer } from '../tests/e2e/support/server.ts';
const dist = process.argv[2] ?? 'dist';
const server = await startServer(dist, '/');
const browser = await launchBrowser();
const shots: [string, string, number, 'light' | 'dark', boolean][] = [
  ['doc-1280-light', 'assessments/russia-north-korea-security-alliance/', 1280, 'light', true],
  ['doc-390-dark', 'assessments/russia-north-korea-security-alliance/', 390, 'dark', false],
  ['article-1280-dark', 'assessments/russia-treaty-north-korea/', 1280, 'dark', false],
  ['home-1280-light', '', 1280, 'light', false],
  ['search-390-light', 'search/?q=sanctions', 390, 'light', false],
];
for (const [name, path, width, scheme, full] of shots) {
  const session = await openSession(browser, server.url, { viewport: { width, height: 900 }, colorScheme: scheme });
  await session.page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  await session.page.waitForTimeout(400);
  await session.page.screenshot({ path: `/work/wt/shots-final/${name}.png`, fullPage: full });
  await session.context.close();
}
await browser.close();
await server.close();
