/**
 * The instructor's console against the real classroom server, at 1024×640 (a laptop beside the
 * projector): the join code and its QR code (the QR's address opens the page with the code filled
 * in), the seat plan (leave a seat to the engine, move a student to another seat), the turn clock
 * and its countdown, a seat's own view and the hidden values, an ad-hoc inject reaching a student,
 * and the live activity feed showing a student's command. One browser context per participant; any
 * console or page error on any page fails the test. Run: E2E_PORT=4411 (the server listens on 4412).
 */
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { shot } from './helpers';
import { CLASS_BASE as BASE, openPage, participant, takeSeat } from './classroomKit';

const VIEWPORT = { width: 1024, height: 640 };

test('the console: QR join, seat plan and reassignment, clock, a seat’s view, an ad-hoc inject, the activity feed', async ({ browser }) => {
  const errors: string[] = [];
  const instructor = await participant(browser, errors, 'instructor', { viewport: VIEWPORT });
  await instructor.getByTestId('class-scenario-tutorial').check();
  await instructor.getByTestId('class-create').click();
  const codeBox = instructor.getByTestId('class-code');
  await expect(codeBox).toHaveText(/^[A-Z0-9]{6}$/);
  const code = (await codeBox.textContent())!;

  // The QR code carries the join address; the code is readable from afar.
  const qr = instructor.getByTestId('class-qr');
  await expect(qr).toBeVisible();
  const url = (await qr.getAttribute('data-url'))!;
  expect(url).toBe(`${BASE}/?join=${code}`);
  expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
  // The code is large and fits its card, on the laptop and (larger still) in the projector view.
  const size = () => codeBox.evaluate((e) => ({ px: parseFloat(getComputedStyle(e).fontSize), fits: e.scrollWidth <= e.clientWidth }));
  expect(await size()).toEqual({ px: expect.any(Number), fits: true });
  expect((await size()).px).toBeGreaterThanOrEqual(36);
  await shot(instructor, 'console-lobby');
  await instructor.getByTestId('projector-toggle').click();
  await expect(instructor.getByTestId('console-seats')).toHaveCount(0);
  expect(await size()).toEqual({ px: expect.any(Number), fits: true });
  expect((await size()).px).toBeGreaterThanOrEqual(96);
  await shot(instructor, 'console-projector');
  await instructor.getByTestId('projector-toggle').click();
  await expect(instructor.getByTestId('console-seats')).toBeVisible();

  // A student scans the QR code: the page opens on the classroom with the code filled in.
  const gov = await openPage(browser, errors, 'gov', { viewport: VIEWPORT, path: url });
  await expect(gov.getByTestId('class-scenario-tutorial')).toBeVisible();
  await expect(gov.getByTestId('join-code')).toHaveValue(code);
  await takeSeat(gov, null, 'Ida', 'party:gov');
  const mediator = await participant(browser, errors, 'mediator', { viewport: VIEWPORT });
  await takeSeat(mediator, code, 'Rae', 'mediator');
  const sam = await participant(browser, errors, 'sam', { viewport: VIEWPORT });
  await takeSeat(sam, code, 'Sam', 'observer');

  // The live roster; the union's seat left to the engine; Sam moved from observer to the Rangers.
  await expect(instructor.getByTestId('roster-party:gov')).toContainText('Ida');
  await expect(instructor.getByTestId('roster-observer')).toContainText('Sam');
  await instructor.getByTestId('plan-party:union').click();
  await expect(instructor.getByTestId('roster-party:union')).toHaveAttribute('data-played-by', 'engine');
  const samRow = instructor.getByTestId('roster-observer');
  await samRow.locator('select').selectOption('faction:rangers');
  await samRow.locator('[data-testid^="move-go-"]').click();
  await expect(instructor.getByTestId('roster-faction:rangers')).toContainText('Sam');
  await expect(sam.getByTestId('seat-heading')).toHaveAttribute('data-role', 'faction:rangers');

  await instructor.getByTestId('class-start').click();
  await expect(instructor.getByTestId('class-status')).toHaveAttribute('data-status', 'running');
  await expect(instructor.getByTestId('roster-party:union')).toHaveAttribute('data-played-by', 'engine');
  await expect(gov.getByTestId('lobby')).toHaveCount(0);
  // During play: the union's seat is opened to students, then handed back to the engine.
  await instructor.getByTestId('plan-party:union').click();
  await expect(instructor.getByTestId('roster-party:union')).toHaveAttribute('data-played-by', 'people');
  await instructor.getByTestId('plan-party:union').click();
  await expect(instructor.getByTestId('roster-party:union')).toHaveAttribute('data-played-by', 'engine');

  // The turn clock: set, counting down; then off.
  await instructor.getByTestId('clock-seconds').fill('120');
  await instructor.getByTestId('clock-set').click();
  const countdown = instructor.getByTestId('clock-countdown');
  await expect(countdown).toHaveAttribute('data-state', 'running');
  await expect(countdown).toHaveText(/^(2:00|1:5\d)$/);
  await instructor.getByTestId('class-pause').click();
  await expect(countdown).toHaveAttribute('data-state', 'stopped');
  await instructor.getByTestId('class-resume').click();
  await expect(countdown).toHaveAttribute('data-state', 'running');
  await instructor.getByTestId('clock-clear').click();
  await expect(countdown).not.toHaveAttribute('data-state', /.+/);

  // A seat's view: what the delegation's own page shows, its confidential note included.
  const govNote = (await gov.getByTestId('confidential').textContent())!.trim();
  await instructor.getByTestId('peek-seat').selectOption('party:gov');
  const peek = instructor.getByTestId('peek-view');
  await expect(peek).toHaveAttribute('data-role', 'party:gov');
  await expect(instructor.getByTestId('peek-confidential')).toContainText(govNote.slice(0, 60));
  await expect(instructor.getByTestId('peek-known')).toBeVisible();
  // The hidden values: every party's intent and red lines.
  await expect(instructor.getByTestId('hidden-parties')).toContainText(/sincere|stalling/);
  await expect(instructor.getByTestId('hidden-issues')).toBeVisible();
  // The inject list: the expected response and the contingency of a planned inject.
  await expect(instructor.getByTestId('inject-expected-customs-raid')).toContainText('within 3 turn');
  await expect(instructor.getByTestId('inject-rangers-call-walkout')).toBeVisible();
  await expect(instructor.getByTestId('inject-customs-raid')).toHaveAttribute('data-status', 'planned');

  // An ad-hoc inject, composed from the effect kinds: it reaches the student.
  const sentinel = 'Console sentinel: a storm closes the Arden pass for three days.';
  await instructor.getByTestId('adhoc-kind').selectOption('deadline');
  await instructor.getByTestId('adhoc-deadline-label').fill('The pass reopens in three days');
  await instructor.getByTestId('adhoc-deadline-party').selectOption('gov');
  await instructor.getByTestId('adhoc-synopsis').fill(sentinel);
  await instructor.getByTestId('adhoc-fire').click();
  await expect(gov.getByTestId('seat-news')).toContainText(sentinel);
  await expect(instructor.getByTestId('feed')).toContainText(sentinel);
  await expect(instructor.getByTestId('fired-list')).toContainText(sentinel);
  // The peeked seat's view follows: its news has the inject too.
  await expect(instructor.getByTestId('peek-news')).toContainText(sentinel);

  // A student's command shows in the feed with who sent it and the engine's answer.
  await gov.getByTestId('send-gesture').click();
  const item = instructor
    .getByTestId('feed-item')
    .filter({ hasText: 'Ida' })
    .filter({ hasText: /gesture/i });
  await expect(item.first()).toBeVisible();
  await expect(item.first()).toHaveAttribute('data-kind', 'command');
  await instructor.getByTestId('feed-filter').selectOption('command');
  await expect(instructor.getByTestId('feed-item').first()).toHaveAttribute('data-kind', 'command');
  await instructor.getByTestId('feed-filter').selectOption('all');

  // Nothing on the console is smaller than 12 px.
  const smallest = await instructor.getByTestId('console').evaluate((root) => {
    let min = Infinity;
    for (const e of root.querySelectorAll<HTMLElement>('*')) {
      if (!e.childNodes.length || ![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
      if (e.getClientRects().length === 0) continue;
      min = Math.min(min, parseFloat(getComputedStyle(e).fontSize));
    }
    return min;
  });
  expect(smallest).toBeGreaterThanOrEqual(12);
  // An axe-core scan of the running console finds nothing serious or critical.
  const scan = await new AxeBuilder({ page: instructor }).include('[data-testid="console"]').analyze();
  const bad = scan.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  expect(bad, 'axe on the console').toEqual([]);
  await instructor.getByTestId('console-peek').scrollIntoViewIfNeeded();
  await shot(instructor, 'console-seat-view');
  await instructor.getByTestId('console-hidden').scrollIntoViewIfNeeded();
  await shot(instructor, 'console-hidden-values');
  await instructor.getByTestId('classroom').evaluate((e) => (e.scrollTop = 0));
  await shot(instructor, 'console-running');
  await instructor.setViewportSize({ width: 1920, height: 1080 });
  await shot(instructor, 'console-running-1080');
  await shot(gov, 'console-adhoc-at-student');

  // A student who drops shows as dropped in the live roster, still in the seat.
  await sam.context().close();
  await expect(instructor.getByTestId('roster-faction:rangers').locator('[data-online]')).toHaveAttribute('data-online', 'no');
  await expect(instructor.getByTestId('roster-count')).toContainText('1 dropped');

  // Ending the exercise takes the instructor to the class debrief.
  await instructor.setViewportSize(VIEWPORT);
  await instructor.getByTestId('class-end').click();
  await expect(instructor.getByTestId('class-debrief-outcome')).toBeVisible();
  await expect(instructor.getByTestId('console')).toHaveCount(0);

  expect(errors, 'console or page errors').toEqual([]);
  for (const p of [instructor, gov, mediator]) await p.context().close();
});
