/**
 * Debian's chromium through playwright-core, one fresh context per test. Every page records
 * what a reader would be hurt by: console errors and warnings, uncaught exceptions, CSP
 * violations, and any request that tries to leave the local server (it is aborted).
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and warnings, page errors and CSP violations, in the order they happened. */
  readonly problems: string[];
  /** URLs the page tried to fetch from anywhere but the local server. */
  readonly offsite: string[];
}

export async function openSession(browser: Browser, origin: string, options: BrowserContextOptions = {}): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const problems: string[] = [];
  const offsite: string[] = [];
  const local = new URL(origin).origin;
  await context.route(
    (url) => url.origin !== local,
    (route) => {
      offsite.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  // A listener added before any page script sees every violation, including ones in <head>.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems, offsite };
}
