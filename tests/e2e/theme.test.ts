/**
 * Light and dark themes: the system preference is followed until the reader chooses with the
 * toggle; the choice survives a reload; and the first frame the browser paints already has the
 * right theme (the inline script in <head> runs before the body exists).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession } from './support/browser.ts';
import { useSite } from './support/useSite.ts';
import { documentPages } from './support/site.ts';

const site = useSite();

interface Snapshot {
  theme: string | undefined;
  scheme: string;
  background: string;
}

/**
 * Records the theme at two early moments: when <body> is inserted (before any of it can be
 * painted) and in the first animation frame (callbacks run just before the browser paints).
 */
async function watchFirstPaint(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { atBody?: object; firstFrame?: object };
    const snapshot = () => ({
      theme: document.documentElement.dataset.theme,
      scheme: getComputedStyle(document.documentElement).colorScheme,
      background: document.body ? getComputedStyle(document.body).backgroundColor : '',
    });
    new MutationObserver((_, observer) => {
      if (document.body) {
        w.atBody = snapshot();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
    requestAnimationFrame(() => {
      w.firstFrame = snapshot();
    });
  });
}

async function early(page: Page): Promise<{ atBody: Snapshot; firstFrame: Snapshot }> {
  await page.waitForFunction(() => 'firstFrame' in window && 'atBody' in window);
  return page.evaluate(() => {
    const w = window as unknown as { atBody: Snapshot; firstFrame: Snapshot };
    return { atBody: w.atBody, firstFrame: w.firstFrame };
  });
}

const state = (page: Page) =>
  page.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    pressed: document.querySelector('[data-theme-toggle]')?.getAttribute('aria-pressed'),
    stored: localStorage.getItem('theme'),
    background: getComputedStyle(document.body).backgroundColor,
  }));

const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(20, 23, 27)';
const path = () => documentPages()[0]!.path;

describe('theme', () => {
  it('follows the system when the reader has not chosen', async () => {
    for (const [scheme, background] of [
      ['light', LIGHT_BG],
      ['dark', DARK_BG],
    ] as const) {
      const { context, page } = await openSession(site.browser, site.server.url, { colorScheme: scheme });
      try {
        await page.goto(site.server.url + path());
        expect(await state(page)).toEqual({ theme: scheme, pressed: String(scheme === 'dark'), stored: null, background });
        // A change of the system preference is followed live.
        const other = scheme === 'light' ? 'dark' : 'light';
        await page.emulateMedia({ colorScheme: other });
        await page.waitForFunction((theme) => document.documentElement.dataset.theme === theme, other);
      } finally {
        await context.close();
      }
    }
  });

  it('toggles with the button, by mouse and keyboard, and remembers the choice across reloads', async () => {
    const { context, page } = await openSession(site.browser, site.server.url, { colorScheme: 'light' });
    try {
      await page.goto(site.server.url + path());
      const toggle = page.getByRole('button', { name: 'Dark theme' });
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');

      await toggle.click();
      expect(await state(page)).toEqual({ theme: 'dark', pressed: 'true', stored: 'dark', background: DARK_BG });

      await watchFirstPaint(page);
      await page.reload();
      expect(await early(page)).toEqual({
        atBody: { theme: 'dark', scheme: 'dark', background: DARK_BG },
        firstFrame: { theme: 'dark', scheme: 'dark', background: DARK_BG },
      });
      expect(await state(page)).toEqual({ theme: 'dark', pressed: 'true', stored: 'dark', background: DARK_BG });

      // The system preference no longer wins once the reader has chosen.
      await page.emulateMedia({ colorScheme: 'dark' });
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await state(page)).toEqual({ theme: 'light', pressed: 'false', stored: 'light', background: LIGHT_BG });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.emulateMedia({ colorScheme: 'dark' });
      expect((await state(page)).theme).toBe('light');
    } finally {
      await context.close();
    }
  });

  it('paints a stored light choice first even when the system is dark', async () => {
    const { context, page } = await openSession(site.browser, site.server.url, { colorScheme: 'dark' });
    try {
      await page.goto(site.server.url + path());
      await page.evaluate(() => localStorage.setItem('theme', 'light'));
      await watchFirstPaint(page);
      await page.reload();
      expect(await early(page)).toEqual({
        atBody: { theme: 'light', scheme: 'light', background: LIGHT_BG },
        firstFrame: { theme: 'light', scheme: 'light', background: LIGHT_BG },
      });
    } finally {
      await context.close();
    }
  });

  it('without JavaScript, follows the system and hides the toggle', async () => {
    const { context, page } = await openSession(site.browser, site.server.url, { colorScheme: 'dark', javaScriptEnabled: false });
    try {
      await page.goto(site.server.url + path());
      expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(false);
      const background = await page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
      expect(background).toBe(DARK_BG);
    } finally {
      await context.close();
    }
  });
});
