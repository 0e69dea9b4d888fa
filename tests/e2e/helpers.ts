/**
 * Shared browser-test helpers: a fixture that fails the test on any console error or page error,
 * screenshots into tests/artifacts/, and moves made through the UI (clicks or keys), never through
 * the test hook (which only reads state for assertions).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ARTIFACTS = resolve(dirname(fileURLToPath(import.meta.url)), '../artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const test = base.extend<{ errors: string[] }>({
  errors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await use(errors);
      expect(errors, 'console or page errors').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(250); // let tweens settle
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`) });
}

type Hook = {
  hash(): string | null;
  screen(): string;
  scene(): string | null;
  inbox(): number;
  commands(): number;
  view(): {
    phase: string;
    over: boolean;
    turn: number;
    ap: number;
    criteria: { met: boolean }[];
    parties: { id: string; seat: string }[];
    agenda: string[] | null;
  } | null;
};

export async function hook<T>(page: Page, fn: (h: Hook) => T): Promise<T> {
  // The app boots asynchronously (its modules load on demand): no hook yet reads as null.
  return page.evaluate(`window.__thirdSide ? (${fn.toString()})(window.__thirdSide) : null`) as Promise<T>;
}

export const screenOf = (page: Page) => hook(page, (h) => h.screen());
export const hashOf = (page: Page) => hook(page, (h) => h.hash());

export async function waitScene(page: Page, key: string): Promise<void> {
  await expect.poll(() => hook(page, (h) => h.scene()), { timeout: 15_000 }).toBe(key);
}

export interface State {
  screen: string;
  inbox: number;
  over: boolean;
  phase: string;
  turn: number;
  commands: number;
  met: boolean;
  walkedOut: string | null;
}

/** Everything a test loop needs to decide, in one round trip. */
export function state(page: Page): Promise<State> {
  return page.evaluate(() => {
    const h = (window as unknown as { __thirdSide: Hook }).__thirdSide;
    const v = h.view();
    return {
      screen: h.screen(),
      inbox: h.inbox(),
      over: !!v?.over,
      phase: v?.phase ?? '',
      turn: v?.turn ?? 0,
      commands: h.commands(),
      met: !!v && v.criteria.length > 0 && v.criteria.every((c) => c.met),
      walkedOut: v?.parties.find((p) => p.seat === 'walkedOut')?.id ?? null,
    };
  });
}

/** Acknowledge every news modal: Enter on its focused button, or a click. */
export async function drainNews(page: Page, useKeys = true): Promise<void> {
  let n = (await state(page)).inbox;
  for (let i = 0; i < 40 && n > 0; i++) {
    const btn = page.getByTestId('news-dismiss');
    if (useKeys) {
      await expect(btn).toBeFocused();
      await page.keyboard.press('Enter');
    } else await btn.click();
    await expect.poll(async () => (await state(page)).inbox).toBeLessThan(n);
    n = (await state(page)).inbox;
  }
}

/** Make a move by clicking: its button, then (if a form opens) the options, then "Make the move". */
export async function clickMove(page: Page, move: string, options: string[] = []): Promise<boolean> {
  await drainNews(page, false);
  const before = await page.evaluate((m) => {
    const b = document.querySelector(`[data-testid="move-${m}"]`);
    return b && b.getAttribute('aria-disabled') !== 'true' ? (window as unknown as { __thirdSide: Hook }).__thirdSide.commands() : -1;
  }, move);
  if (before < 0) return false;
  await page.getByTestId(`move-${move}`).click();
  const send = page.getByTestId('send');
  if (await send.isVisible()) {
    for (const o of options) await page.getByTestId(o).check();
    await send.click();
    if (await send.isVisible()) {
      // Refused: the engine's reason is shown and nothing changed; close the form.
      await expect(page.getByTestId('refusal')).toBeVisible();
      expect((await state(page)).commands).toBe(before);
      await page.keyboard.press('Escape');
      return false;
    }
  }
  return (await state(page)).commands > before;
}

/** End the turn with the E key. */
export async function endTurn(page: Page): Promise<void> {
  await drainNews(page);
  const before = (await state(page)).commands;
  await page.keyboard.press('e');
  // With action points left, the table asks once: Enter (the focused "End turn") confirms.
  const ask = page.getByTestId('confirm-end');
  await expect.poll(async () => (await ask.isVisible()) || (await state(page)).commands > before).toBe(true);
  if (await ask.isVisible()) {
    await expect(page.getByTestId('confirm-end-yes')).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect.poll(async () => (await state(page)).commands).toBeGreaterThan(before);
}
