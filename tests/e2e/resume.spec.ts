/** Autosave: a reload mid-game offers to resume and reproduces the same state; a bad save never blocks. */
import { test, expect, shot, hook, waitScene, clickMove, endTurn, hashOf } from './helpers';

test('reload mid-game resumes to the same state hash', async ({ page }) => {
  await page.goto('/');
  await waitScene(page, 'Menu');
  await page.getByTestId('scenario-tutorial').check();
  await page.getByTestId('seed').fill('11');
  await page.getByTestId('start').click();
  await waitScene(page, 'Briefing');
  await page.getByTestId('briefing-read').click();
  await waitScene(page, 'Table');
  await clickMove(page, 'caucus', ['opt-party-gov']);
  await endTurn(page);
  await clickMove(page, 'caucus', ['opt-party-union']);
  await clickMove(page, 'consultExperts', ['opt-subject-rangers']);
  await endTurn(page);
  await clickMove(page, 'caucus', ['opt-party-gov']);
  const hash = await hashOf(page);
  const commands = await hook(page, (h) => h.commands());
  expect(commands).toBeGreaterThan(5);

  await page.reload();
  await waitScene(page, 'Menu');
  const resume = page.getByTestId('resume');
  await expect(resume).toBeVisible();
  await expect(resume).toBeFocused();
  await shot(page, '20-menu-resume');
  await page.keyboard.press('Enter');
  await waitScene(page, 'Table');
  expect(await hashOf(page)).toBe(hash);
  expect(await hook(page, (h) => h.commands())).toBe(commands);
});

test('a corrupt or outdated save shows a message and a new game still starts', async ({ page }) => {
  await page.goto('/');
  await waitScene(page, 'Menu');
  await page.evaluate(() => localStorage.setItem('third-side.autosave', '{not json'));
  await page.reload();
  await waitScene(page, 'Menu');
  await expect(page.getByTestId('save-notice')).toContainText('damaged');
  await shot(page, '21-menu-corrupt-save');
  await page.evaluate(() =>
    localStorage.setItem(
      'third-side.autosave',
      JSON.stringify({
        scenarioKey: 'bundled:tutorial',
        scenarioId: 'tutorial',
        title: 'x',
        turn: 3,
        save: { saveVersion: 99, scenario: { id: 'tutorial', version: '1' }, seed: 1, commands: [] },
      }),
    ),
  );
  await page.reload();
  await waitScene(page, 'Menu');
  await expect(page.getByTestId('save-notice')).toContainText('newer version');
  await page.getByTestId('start').click();
  await waitScene(page, 'Briefing');
  await page.getByTestId('briefing-skip').click();
  await waitScene(page, 'Table');
});
