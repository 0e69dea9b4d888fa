/**
 * Feedback that teaches: the coached tutorial end to end (each concept's note when it first
 * matters, skippable, kept in the save), a fresh seed per game, the issue inspector and the package
 * form's memory of the last offer, warnings before a move that cannot succeed, why the game ended,
 * the debrief's explanations, and replay from a turn.
 */
import type { Page } from '@playwright/test';
import { test, expect, shot, hook, waitScene, drainNews, clickMove, endTurn, hashOf, state } from './helpers';

async function startTutorial(page: Page, seed: number): Promise<void> {
  await page.goto('/');
  await waitScene(page, 'Menu');
  await page.getByTestId('scenario-tutorial').check();
  await expect(page.getByTestId('objectives')).toContainText('spoiler');
  await page.getByTestId('seed').fill(String(seed));
  await page.getByTestId('seed').press('Tab');
  await page.getByTestId('start').click();
  await waitScene(page, 'Briefing');
  await expect(page.getByTestId('briefing-objectives')).toBeVisible();
  await page.getByTestId('briefing-read').click();
  await waitScene(page, 'Table');
}

/** Acknowledge the coach's note if one shows; returns its id. */
async function ackCoach(page: Page, seen: string[]): Promise<void> {
  const note = page.locator('[data-testid^="coach-"]:not([data-testid="coach-ok"]):not([data-testid="coach-off"])');
  for (let i = 0; i < 4; i++) {
    await drainNews(page, false);
    if ((await note.count()) === 0) break;
    const id = ((await note.first().getAttribute('data-testid')) ?? '').replace('coach-', '');
    if (!seen.includes(id)) seen.push(id);
    await page.getByTestId('coach-ok').click();
    await expect.poll(async () => (await note.count()) === 0 || (await note.first().getAttribute('data-testid')) !== `coach-${id}`).toBe(true);
  }
}

/** One turn of a patient plan through the phases (the same as the tutorial spec's). */
async function planTurn(page: Page, seen: string[]): Promise<void> {
  await drainNews(page, false);
  await ackCoach(page, seen);
  const st = await state(page);
  if (st.phase === 'exploratory') {
    await clickMove(page, 'caucus', ['opt-party-gov']);
    await clickMove(page, 'caucus', ['opt-party-union']);
    if ((await state(page)).met) await clickMove(page, 'proposeNextPhase');
    else await clickMove(page, 'studyHistory');
  } else if (st.phase === 'agenda') {
    await clickMove(page, 'reframe', ['opt-issue-amnesty']);
    await clickMove(page, 'proposeAgenda', ['agenda-autonomy', 'agenda-security', 'agenda-revenue', 'agenda-amnesty']);
    if ((await state(page)).met) await clickMove(page, 'proposeNextPhase');
  } else if (st.phase === 'suspended' && st.walkedOut) {
    await clickMove(page, 'caucus', [`opt-party-${st.walkedOut}`]);
  }
  await ackCoach(page, seen);
}

test('coached tutorial: a note per concept when it first matters, kept in the save, skippable; the end says why', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await waitScene(page, 'Menu');
  // A fresh seed per game, shown and editable.
  const seed1 = await page.getByTestId('seed').inputValue();
  await page.getByTestId('new-seed').click();
  await expect.poll(() => page.getByTestId('seed').inputValue()).not.toBe(seed1);
  await startTutorial(page, 3);
  expect(await hook(page, (h) => (h as unknown as { seed(): number }).seed())).toBe(3);
  await expect(page.getByTestId('coach-briefing')).toBeVisible();
  await shot(page, '40-coach-briefing');

  const seen: string[] = [];
  for (let i = 0; i < 6; i++) {
    const st = await state(page);
    if (st.over || st.phase === 'negotiation') break;
    await planTurn(page, seen);
    await endTurn(page);
  }
  await drainNews(page, false);
  await ackCoach(page, seen);
  expect(seen).toEqual(expect.arrayContaining(['briefing', 'caucus', 'spoilers', 'criteria', 'agenda']));
  expect((await state(page)).phase).toBe('negotiation');
  expect(seen).toContain('packages');
  await shot(page, '41-coach-negotiation');

  // Kept in the save: after a reload and resume the notes already shown do not come back.
  const kept = await hook(page, (h) => (h as unknown as { coach(): { seen: string[] } }).coach().seen);
  await page.reload();
  await waitScene(page, 'Menu');
  await page.getByTestId('resume').click();
  await waitScene(page, 'Table');
  expect(await hook(page, (h) => (h as unknown as { coach(): { seen: string[] } }).coach().seen)).toEqual(kept);
  for (const id of kept) await expect(page.getByTestId(`coach-${id}`)).toHaveCount(0);

  // Skippable: one click turns the coach off for the game.
  await endTurn(page);
  await drainNews(page, false);
  if (await page.getByTestId('coach-off').isVisible()) await page.getByTestId('coach-off').click();
  await expect(page.getByTestId('coach')).toBeHidden();

  // Let the clock run out: the end says why.
  for (let i = 0; i < 30 && !(await state(page)).over; i++) await endTurn(page);
  await drainNews(page, false);
  await expect(page.getByTestId('end-reason')).not.toBeEmpty();
  await shot(page, '42-end-why');
  await page.getByTestId('to-debrief').click();
  await waitScene(page, 'Debrief');
  await expect(page.getByTestId('debrief-why')).not.toBeEmpty();
  for (const id of ['went-well', 'sins', 'stalling-spoilers', 'exercise', 'objectives-review', 'charts']) await expect(page.getByTestId(id)).toBeVisible();
  await expect(page.getByTestId('stalling')).not.toBeEmpty();
  await shot(page, '43-debrief-explains');
});

test('issue inspector, package form memory, a warning before a move that cannot succeed', async ({ page }) => {
  test.setTimeout(180_000);
  await startTutorial(page, 3);
  await page.getByTestId('coach-off').click();
  // Next phase before its criteria: a warning first, nothing spent; the criteria show target and value.
  await expect(page.getByTestId('criteria')).toContainText('needs');
  const before = await hashOf(page);
  await page.getByTestId('move-proposeNextPhase').click();
  await expect(page.getByTestId('warning')).toContainText('not met');
  expect(await hashOf(page)).toBe(before);

  // The inspector, open at any time (I), labels every position by party.
  await page.keyboard.press('i');
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toBeVisible();
  await expect(inspector.getByTestId('inspect-revenue')).toContainText('Government');
  await expect(inspector.getByTestId('inspect-revenue')).toContainText('Union');
  await shot(page, '44-inspector');
  await page.keyboard.press('Escape');
  await expect(inspector).toBeHidden();

  const seen: string[] = [];
  for (let i = 0; i < 6 && (await state(page)).phase !== 'negotiation'; i++) {
    await planTurn(page, seen);
    await endTurn(page);
  }
  await drainNews(page, false);
  expect((await state(page)).phase).toBe('negotiation');

  // A package: move one slider; the next package form starts from that offer, every term kept.
  await page.getByTestId('move-proposePackage').click();
  await expect(page.getByTestId('send')).toBeVisible();
  await page.getByTestId('value-revenue').fill('61');
  await page.getByTestId('value-revenue').dispatchEvent('change');
  const offered = await page
    .locator('[data-testid^="value-"]')
    .evaluateAll((xs) => Object.fromEntries(xs.map((x) => [x.getAttribute('data-testid'), (x as HTMLInputElement).value])));
  expect(offered['value-revenue']).toBe('61');
  const n = await hook(page, (h) => h.commands());
  await page.getByTestId('send').click();
  await expect.poll(() => hook(page, (h) => h.commands())).toBe(n + 1);
  await expect(page.getByTestId('move-status')).toContainText('Government');
  await shot(page, '45-package-answer');
  await endTurn(page);
  await drainNews(page, false);
  if ((await state(page)).phase === 'negotiation') {
    await page.getByTestId('move-proposePackage').click();
    await expect(page.getByTestId('from-last-offer')).toBeVisible();
    const again = await page
      .locator('[data-testid^="value-"]')
      .evaluateAll((xs) => Object.fromEntries(xs.map((x) => [x.getAttribute('data-testid'), (x as HTMLInputElement).value])));
    expect(again).toEqual(offered);
    await shot(page, '46-package-memory');
    await page.keyboard.press('Escape');
  }
});

test('replay from turn N branches the game exactly at that turn', async ({ page }) => {
  test.setTimeout(180_000);
  await startTutorial(page, 5);
  await page.getByTestId('coach-off').click();
  await clickMove(page, 'caucus', ['opt-party-gov']);
  await endTurn(page);
  await drainNews(page, false);
  const atTurn2 = await hashOf(page);
  await clickMove(page, 'caucus', ['opt-party-union']);
  await endTurn(page);
  await clickMove(page, 'studyHistory');
  await endTurn(page);
  await drainNews(page, false);
  page.once('dialog', (d) => void d.accept());
  await page.keyboard.press('d');
  await waitScene(page, 'Debrief');
  // Export: the debrief and the save as JSON (print to PDF uses the print stylesheet).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  expect(download.suggestedFilename()).toMatch(/^third-side-debrief-tutorial-seed5\.json$/);
  const exported = JSON.parse(await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8')) as {
    debrief: { sins: unknown[] };
    save: { seed: number; commands: unknown[] };
  };
  expect(exported.save.seed).toBe(5);
  expect(exported.debrief.sins.length).toBe(7);
  await page.emulateMedia({ media: 'print' });
  await shot(page, '48-debrief-print');
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('replay-turn').fill('2');
  await page.getByTestId('replay-go').click();
  await waitScene(page, 'Table');
  await expect(page.getByTestId('branched')).toContainText('2');
  expect(await hook(page, (h) => h.view()?.turn)).toBe(2);
  expect(await hashOf(page)).toBe(atTurn2);
  // And play on from there.
  expect(await clickMove(page, 'caucus', ['opt-party-union'])).toBe(true);
  await shot(page, '47-replayed');
});
