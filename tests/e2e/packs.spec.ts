/** In-game pack import: a valid pack joins the menu; an invalid one shows the loader's problems and changes nothing. */
import { test, expect, shot, waitScene } from './helpers';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const scenarios = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');
const tutorial = readFileSync(join(scenarios, 'tutorial.yaml'), 'utf8');
/** Every shipped file holds one scenario: the menu lists that many before any import. */
const bundledCount = [scenarios, join(scenarios, 'historical')].flatMap((d) => readdirSync(d).filter((f) => /\.ya?ml$/.test(f))).length;

test('import a pack by file picker, see errors for a bad one, remove it', async ({ page }) => {
  await page.goto('/');
  await waitScene(page, 'Menu');
  const bad = tutorial.replace('turnLimit: 16', 'turnLimit: many').replace(/turnLimit: \d+/, 'turnLimit: many');
  await page.getByTestId('pack-file').setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(bad) });
  await expect(page.getByTestId('pack-status')).toContainText('broken.yaml');
  await expect(page.getByTestId('pack-status')).toContainText('turnLimit');
  // Nothing was added: only the bundled scenarios (tutorial, flagship, historical set) are listed.
  await expect(page.locator('[data-testid^="scenario-"]')).toHaveCount(bundledCount);
  await shot(page, '30-menu-pack-error');

  const good = `pack:\n  id: classroom\n  title: Classroom pack\n  version: "1.0.0"\nscenarios:\n  - ${tutorial
    .replace(/^id: tutorial$/m, 'id: arden-class')
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n    ')}`;
  await page.getByTestId('pack-file').setInputFiles({ name: 'classroom.yaml', mimeType: 'text/yaml', buffer: Buffer.from(good) });
  await expect(page.getByTestId('pack-status')).toContainText('Classroom pack');
  await expect(page.getByTestId('scenario-arden-class')).toBeVisible();
  // The imported case is chosen and scrolled into view.
  await expect(page.getByTestId('scenario-arden-class')).toBeChecked();
  await expect(page.locator('label.choice.selected')).toBeInViewport();
  // A stored pack can be saved back to a file, exactly as imported.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pack-export-classroom').click()]);
  expect(download.suggestedFilename()).toBe('classroom.yaml');
  expect(readFileSync(await download.path(), 'utf8')).toBe(good);
  await shot(page, '31-menu-pack-imported');
  // It survives a reload (IndexedDB), then can be removed.
  await page.reload();
  await waitScene(page, 'Menu');
  await expect(page.getByTestId('scenario-arden-class')).toBeVisible();
  await page.getByTestId('pack-remove-classroom').click();
  await expect(page.getByTestId('scenario-arden-class')).toHaveCount(0);
});
