/**
 * Resilience in the page (issue 13, item 4), against a classroom server this test starts itself so
 * it can kill it: a student taken offline sees "reconnecting" and comes back to the same seat; a
 * server killed mid-exercise and started again (same database) brings every page back — a notice,
 * no reload — and play goes on; a reloaded tab goes straight back to its seat.
 *
 * Console errors fail the test, except the browser's own report of a failed connection while the
 * test itself has cut the network or stopped the server (Chromium logs those as errors).
 */
import { test, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { spawnServer, type Spawned } from '../server/spawn';
import { shot } from './helpers';
import { participant, takeSeat } from './classroomKit';

const DIST = resolve(fileURLToPath(new URL('../artifacts/dist-e2e', import.meta.url)));

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => ok(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

interface Watch {
  errors: string[];
  /** While true, the browser's own connection failures are expected. */
  cut: boolean;
}

let server: Spawned | undefined;
let dir = '';

test.afterEach(async () => {
  await server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a dropped student returns to the same seat; a server restart recovers every page without a reload', async ({ browser }) => {
  test.setTimeout(240_000);
  dir = mkdtempSync(joinPath(tmpdir(), 'classroom-resilience-'));
  const env = { CLASSROOM_DB: joinPath(dir, 'classroom.sqlite'), RECONNECT_SECONDS: '30', SERVER_ID: 'e2e-resilience' };
  const port = await freePort();
  const start = () => spawnServer(port, env, 90_000, ['--static', DIST]);
  server = await start();
  const base = server.url;
  const watch: Watch = { errors: [], cut: false };

  const instructor = await participant(browser, watch.errors, 'instructor', { base, connectionCut: () => watch.cut });
  await instructor.getByTestId('class-scenario-tutorial').check();
  await instructor.getByTestId('class-create').click();
  const codeBox = instructor.getByTestId('class-code');
  await expect(codeBox).toHaveText(/^[A-Z0-9]{6}$/);
  const code = (await codeBox.textContent())!;
  const mediator = await participant(browser, watch.errors, 'mediator', { base, connectionCut: () => watch.cut });
  await takeSeat(mediator, code, 'Rae', 'mediator');
  const gov = await participant(browser, watch.errors, 'gov', { base, connectionCut: () => watch.cut });
  await takeSeat(gov, code, 'Ida', 'party:gov');
  await instructor.getByTestId('class-start').click();
  await expect(gov.getByTestId('lobby')).toHaveCount(0);
  const govNote = (await gov.getByTestId('confidential').textContent())!.trim();

  // --- the delegation's laptop loses the network
  watch.cut = true;
  await gov.context().setOffline(true);
  await expect(gov.getByTestId('connection')).toHaveAttribute('data-state', 'reconnecting', { timeout: 30_000 });
  await expect(instructor.getByTestId('roster-party:gov')).toContainText('dropped', { timeout: 30_000 });
  await shot(gov, 'classroom-offline');
  await gov.context().setOffline(false);
  await expect(gov.getByTestId('connection')).toHaveAttribute('data-state', 'online', { timeout: 60_000 });
  watch.cut = false;
  await expect(gov.getByTestId('seat-heading')).toHaveAttribute('data-role', 'party:gov');
  await expect(gov.getByTestId('confidential')).toHaveText(govNote);
  await expect(instructor.getByTestId('roster-party:gov')).not.toContainText('dropped', { timeout: 30_000 });

  // --- the server is killed mid-exercise and started again on the same database; the mediator is at the table
  await mediator.getByTestId('to-table').click();
  await expect(mediator.getByTestId('move-caucus')).toBeVisible();
  const apBefore = await mediator.getByTestId('ap').textContent();
  // The table's drawing loads after its first frame: let it finish before pulling the plug.
  await mediator.waitForLoadState('networkidle');
  watch.cut = true;
  await server.kill('SIGKILL');
  for (const p of [instructor, mediator, gov]) await expect(p.getByTestId('connection')).toHaveAttribute('data-state', 'reconnecting', { timeout: 30_000 });
  await shot(mediator, 'classroom-server-down');
  server = await start();
  for (const p of [instructor, mediator, gov]) await expect(p.getByTestId('connection')).toHaveAttribute('data-state', 'online', { timeout: 60_000 });
  watch.cut = false;
  // Every page says what happened and is back where it was, without a reload: same seat, same briefing, same exercise.
  for (const p of [instructor, mediator, gov]) await expect(p.getByTestId('recovered')).toBeVisible();
  expect(await gov.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  await expect(gov.getByTestId('seat-heading')).toHaveAttribute('data-role', 'party:gov');
  await expect(gov.getByTestId('confidential')).toHaveText(govNote);
  await expect(mediator.getByTestId('ap')).toHaveText(apBefore!);
  await expect(instructor.getByTestId('class-status')).toContainText('Running');
  await shot(gov, 'classroom-recovered');
  await shot(mediator, 'classroom-table-recovered');
  await gov.getByTestId('recovered-ok').click();
  await expect(gov.getByTestId('recovered')).toHaveCount(0);

  // A student who reloads the tab goes straight back to the same seat; so does the instructor to the console.
  await gov.reload();
  await expect(gov.getByTestId('seat-heading')).toHaveAttribute('data-role', 'party:gov');
  await expect(gov.getByTestId('confidential')).toHaveText(govNote);
  await instructor.reload();
  await expect(instructor.getByTestId('class-status')).toContainText('Running');
  await expect(instructor.getByTestId('roster-party:gov')).toContainText('Ida');

  // Play goes on after the restart: a move at the table is made by the server (the action points fall).
  await mediator.getByTestId('move-caucus').click();
  const send = mediator.getByTestId('send');
  if (await send.isVisible()) await send.click();
  await expect(mediator.getByTestId('ap')).not.toHaveText(apBefore!);

  expect(watch.errors, 'console or page errors').toEqual([]);
  for (const p of [instructor, mediator, gov]) await p.context().close();
});
