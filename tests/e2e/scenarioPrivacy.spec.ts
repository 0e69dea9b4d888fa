/**
 * A page holds a bundled scenario only when it plays it: the menu lists cases from the build's
 * catalogue index, and a scenario's data (every role's confidential notes) is fetched only when a
 * solo game starts. A classroom page — menu, Classroom, join, a delegation's seat — requests no
 * scenario data at all, so it never holds another seat's secrets (DESIGN.md §6, §8).
 */
import type { Page, Request } from '@playwright/test';
import { test, expect, waitScene, hook, clickMove } from './helpers';
import { CLASSROOM_PORT } from './playwright.config';

// The classroom server serves the same build and the class API: the page as a class uses it.
const BASE = `http://127.0.0.1:${CLASSROOM_PORT}`;
test.use({ baseURL: BASE });

/** Scenario data: a bundled scenario's JSON asset, or a scenario file of any kind. */
const isScenarioData = (url: string): boolean => {
  const { pathname } = new URL(url);
  return /\.(json|ya?ml)$/i.test(pathname) || pathname.includes('bundled-scenarios');
};

/** Every URL the page requests from now on. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r: Request) => urls.push(r.url()));
  return urls;
}

test('the menu and the classroom join screen request no scenario data', async ({ page }) => {
  const urls = recordRequests(page);
  await page.goto('/');
  await waitScene(page, 'Menu');
  // Every case is listed, with what it teaches, from the index alone.
  await expect(page.getByTestId('scenario-tutorial')).toBeVisible();
  await page.getByTestId('scenario-venezuela-2019').check();
  await expect(page.getByTestId('case-about')).toContainText(/\S/);
  await page.getByTestId('scenario-tutorial').check();
  await expect(page.getByTestId('objectives')).toBeVisible();
  await page.getByTestId('to-classroom').click();
  await expect(page.getByTestId('classroom')).toBeVisible();
  await expect(page.getByTestId('join-code')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(urls.length).toBeGreaterThan(0);
  expect(urls.filter(isScenarioData)).toEqual([]);
});

test('a delegation seat in a class never fetches a scenario file', async ({ page, request }) => {
  const created = await request.post(`${BASE}/api/exercises`, { data: { scenario: 'tutorial' } });
  expect(created.ok()).toBe(true);
  const { code } = (await created.json()) as { code: string };
  const urls = recordRequests(page);
  await page.goto('/');
  await page.getByTestId('to-classroom').click();
  await page.getByTestId('join-code').fill(code);
  await page.getByTestId('join-name').fill('Ida');
  await page.getByTestId('join-find').click();
  await page.getByTestId('take-party:gov').click();
  await expect(page.getByTestId('seat-heading')).toHaveAttribute('data-role', 'party:gov');
  await page.waitForLoadState('networkidle');
  expect(urls.filter(isScenarioData)).toEqual([]);
});

test('starting a solo tutorial fetches its data, and only its, then plays', async ({ page }) => {
  const urls = recordRequests(page);
  await page.goto('/');
  await waitScene(page, 'Menu');
  await page.getByTestId('scenario-tutorial').check();
  await page.getByTestId('seed').fill('2');
  expect(urls.filter(isScenarioData)).toEqual([]);
  await page.getByTestId('start').click();
  await waitScene(page, 'Briefing');
  const fetched = urls.filter(isScenarioData);
  expect(fetched).toHaveLength(1);
  expect(new URL(fetched[0]!).pathname).toMatch(/tutorial[^/]*\.json$/);
  // The briefing reads the fetched scenario: the case's background and its history.
  await expect(page.getByTestId('briefing-text')).toContainText('Kestria');
  await page.getByTestId('briefing-read').click();
  await waitScene(page, 'Table');
  await clickMove(page, 'caucus', ['opt-party-gov']);
  expect(await hook(page, (h) => h.commands())).toBe(2);
  expect(urls.filter(isScenarioData)).toHaveLength(1);
});
