/**
 * The fixture every browser test file shares: dist/ served on a free port and one chromium,
 * started before the file's tests and closed after them. Tests open a fresh context per test
 * with openSession(site.browser, site.server.url).
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer, type StaticServer } from './server.ts';

export interface Site {
  readonly server: StaticServer;
  readonly browser: Browser;
}

export function useSite(): Site {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`useSite(): the ${what} is used before beforeAll started it`);
    return value;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}
