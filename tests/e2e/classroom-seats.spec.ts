/**
 * The students' seat screens against the real classroom server (the second webServer in
 * playwright.config.ts): a mediator, a delegation, a faction, an outside power and an observer, each
 * in its own browser context, on an exercise of the calm engine fixture uploaded as a pack with
 * sentinels planted in the seats' confidential notes. A scripted team-mate of the mediator and of the
 * delegation (SDK clients in the test) brings the talks to negotiation; then, in the pages: the
 * mediator tables a package at the table, the delegation answers with a counter-offer that the
 * mediator's table shows; a delegation chat line reaches only its own delegation; the faction and
 * the outside power each act (and a second action in the turn is refused with its reason); the
 * observer's page holds no confidential text. Any console or page error on any page fails the test.
 */
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Client, type Room } from '@colyseus/sdk';
import { shot } from './helpers';
import { CLASS_BASE as BASE, participant, takeSeat } from './classroomKit';

const SECRET = {
  gov: 'SENTINEL-GOV: disarmament on a clear timetable matters most',
  rangers: 'SENTINEL-RANGERS: your commanders will not stand down',
  bloc: 'SENTINEL-BLOC: your capital wants the copper trade open',
};
const PRIVATE_LINE = 'SENTINEL-CHAT: we can give on autonomy, not on security';
const CAUCUS_LINE = 'SENTINEL-CAUCUS: what would you need on security?';

/** The calm fixture (no faction strikes by itself) with confidential notes for every seat played here. */
const pack = readFileSync(new URL('../fixtures/mini.yaml', import.meta.url), 'utf8')
  .replace(/spoiler: (greedy|limited|total)/g, 'spoiler: none')
  .replace(/"party:gov": .*\n/, `"party:gov": "${SECRET.gov}"\n    "faction:rangers": "${SECRET.rangers}"\n    "external:bloc": "${SECRET.bloc}"\n`);

/** A scripted team-mate: an SDK client in a seat, sending commands and reading its views. */
async function teammate(code: string, seat: string) {
  if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'undefined') {
    (globalThis as { WebSocket?: unknown }).WebSocket = (await import('ws')).WebSocket;
  }
  const room: Room = await new Client(BASE.replace(/^http/, 'ws')).joinById(code, { seat, name: `bot-${seat}` });
  let view: { seq: number; view: { phase: string; proposals: { id: number }[] } } | null = null;
  const chats: string[] = [];
  const answers = new Map<string, (answer: { reason: unknown; seq: number }) => void>();
  room.onMessage('view', (m) => (view = m));
  room.onMessage('chat', (m: { text: string }) => chats.push(m.text));
  room.onMessage('ack', (a: { ref: string; seq: number }) => answers.get(a.ref)?.({ reason: null, seq: a.seq }));
  room.onMessage('refused', (a: { ref: string; reason: unknown }) => answers.get(a.ref)?.({ reason: a.reason, seq: -1 }));
  room.onMessage('*', () => undefined);
  let n = 0;
  return {
    chats,
    view: () => view!.view,
    /** Send a command that must be made, and wait for the view that follows it. */
    async send(command: Record<string, unknown>): Promise<void> {
      const ref = `${seat}-${++n}`;
      const answer = await new Promise<{ reason: unknown; seq: number }>((resolve) => {
        answers.set(ref, resolve);
        room.send('command', { command, ref });
      });
      expect(answer.reason, `${seat} ${JSON.stringify(command)}`).toBeNull();
      await expect.poll(() => view?.seq ?? -1).toBeGreaterThanOrEqual(answer.seq);
    },
    leave: () => room.leave(true),
  };
}

test('seat screens: a counter-offer reaches the mediator, a private line stays private, a faction and a power act, the observer sees no secret', async ({
  browser,
}) => {
  // Five browsers and a server on a shared two-core machine: allow for a slow run.
  test.setTimeout(240_000);
  const errors: string[] = [];
  const created = await fetch(`${BASE}/api/exercises`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pack, seed: 1, seats: ['mediator', 'party:gov', 'faction:rangers', 'external:bloc', 'observer'] }),
  });
  expect(created.status).toBe(201);
  const { code, instructorToken } = (await created.json()) as { code: string; instructorToken: string };

  // Exploratory → agenda → negotiation, scripted (the engine plays the other delegation).
  const med = await teammate(code, 'mediator');
  const gov = await teammate(code, 'party:gov');
  const lastId = () => med.view().proposals.at(-1)!.id;
  for (const c of [{ type: 'caucus', party: 'gov' }, { type: 'caucus', party: 'union' }, { type: 'reframe', issue: 'amnesty' }, { type: 'endTurn' }])
    await med.send(c);
  await med.send({ type: 'proposeNextPhase' });
  await med.send({ type: 'proposeAgenda', issues: ['autonomy', 'security', 'amnesty', 'revenue'] });
  await gov.send({ type: 'respond', proposal: lastId(), accept: true });
  await med.send({ type: 'requestCbm', party: 'gov', cbm: 'prisonerRelease' });
  await gov.send({ type: 'respond', proposal: lastId(), accept: true });
  await med.send({ type: 'endTurn' });
  for (const c of [{ type: 'requestCbm', party: 'union', cbm: 'ceasefire' }, { type: 'proposeNextPhase' }, { type: 'endTurn' }]) await med.send(c);
  await expect.poll(() => med.view().phase).toBe('negotiation');

  const mediator = await participant(browser, errors, 'mediator', { viewport: { width: 1024, height: 640 } });
  await takeSeat(mediator, code, 'Rae', 'mediator');
  const delegation = await participant(browser, errors, 'gov', { viewport: { width: 1024, height: 640 } });
  await takeSeat(delegation, code, 'Ida', 'party:gov');
  const faction = await participant(browser, errors, 'rangers', { viewport: { width: 1024, height: 640 } });
  await takeSeat(faction, code, 'Rio', 'faction:rangers');
  const power = await participant(browser, errors, 'bloc', { viewport: { width: 1024, height: 640 } });
  await takeSeat(power, code, 'Bo', 'external:bloc');
  const observer = await participant(browser, errors, 'observer', { viewport: { width: 1024, height: 640 } });
  await takeSeat(observer, code, 'Olly', 'observer');

  // Each seat reads its own briefing and its own interests.
  await expect(delegation.getByTestId('confidential')).toContainText(SECRET.gov);
  await expect(delegation.getByTestId('interest-autonomy')).toBeVisible();
  await expect(faction.getByTestId('confidential')).toContainText(SECRET.rangers);
  await expect(power.getByTestId('confidential')).toContainText(SECRET.bloc);
  await expect(power.getByTestId('support-gov')).toContainText('-10');

  // The mediator speaks to the delegation in caucus: the delegation's screen opens that channel.
  await mediator.getByTestId('chat-input-caucus-gov').fill(CAUCUS_LINE);
  await mediator.getByTestId('chat-send-caucus-gov').click();
  await expect(delegation.getByTestId('chat-lines-caucus')).toContainText(CAUCUS_LINE);

  // The mediator tables a package at the table; it reaches the delegation with its terms.
  await mediator.getByTestId('to-table').click();
  await expect(mediator.getByTestId('move-proposePackage')).toBeVisible();
  await mediator.getByTestId('move-proposePackage').click();
  await mediator.getByTestId('send').click();
  const card = delegation.locator('[data-answer="pending"]');
  await expect(card).toHaveCount(1);
  const id = Number(((await card.getAttribute('data-testid')) ?? '').replace('proposal-', ''));
  expect(id).toBeGreaterThan(0);
  await expect(delegation.getByTestId(`term-${id}-autonomy`)).toBeVisible();

  // The delegation answers with a counter-offer, starting from the proposal's terms.
  await delegation.getByTestId(`counter-open-${id}`).click();
  await expect(delegation.getByTestId(`counter-form-${id}`)).toBeVisible();
  await delegation.getByTestId('counter-autonomy').fill('58');
  await delegation.getByTestId('counter-security').fill('61');
  await shot(delegation, 'classroom-seats-counter-form');
  await delegation.getByTestId(`counter-send-${id}`).click();
  await expect(delegation.getByTestId(`my-counter-${id}`)).toContainText('58');
  await expect(delegation.getByTestId(`proposal-${id}`)).toHaveAttribute('data-answer', 'reject');
  // The mediator's table shows it.
  await expect(mediator.getByTestId(`counter-${id}-gov`)).toContainText('58');
  await expect(mediator.getByTestId(`counter-${id}-gov`)).toContainText('61');
  // Next turn, the mediator tables the counter-offer as it stands: it reaches the delegation.
  await med.send({ type: 'endTurn' });
  await expect(mediator.locator('header.topbar')).toContainText('Turn 5');
  // End-of-turn news opens a dialog over the table: read it, then table the counter-offer (once).
  await expect(async () => {
    if (await mediator.getByTestId('news-dialog').isVisible()) await mediator.getByTestId('news-dismiss').click();
    await mediator.getByTestId(`table-counter-${id}-gov`).click({ timeout: 1000 });
  }).toPass();
  await expect(delegation.locator('[data-answer="pending"]')).toHaveCount(1);
  const tabled = delegation.locator('[data-answer="pending"]');
  await expect(tabled).not.toHaveAttribute('data-testid', `proposal-${id}`);
  await expect(tabled.locator('[data-testid$="-autonomy"]')).toContainText('58');
  await expect(tabled.locator('[data-testid$="-security"]')).toContainText('61');

  // A private delegation line reaches the delegation (the page and its team-mate), nobody else.
  await delegation.getByTestId('chat-input-delegation').fill(PRIVATE_LINE);
  await delegation.getByTestId('chat-send-delegation').click();
  await expect(delegation.getByTestId('chat-lines-delegation')).toContainText(PRIVATE_LINE);
  await expect.poll(() => gov.chats.includes(PRIVATE_LINE)).toBe(true);

  // The faction acts; a second action in the same turn is refused with the reason beside it.
  await faction.getByTestId('act-denunciation').click();
  await expect(faction.getByTestId('result-spoilerAction')).toHaveAttribute('data-refused', 'false');
  await expect(faction.getByTestId('acted')).toBeVisible();
  await faction.getByTestId('act-leak').click();
  await expect(faction.getByTestId('result-spoilerAction')).toHaveAttribute('data-refused', 'true');
  await expect(faction.getByTestId('result-spoilerAction')).toContainText(/once|limit|turn/i);
  // Violence is not within a faction that is no spoiler: the screen says why.
  await expect(faction.getByTestId('why-violence')).toBeVisible();

  // The outside power backs a party within its means; too large a shift is refused with the reason.
  await power.getByTestId('backing-party').selectOption('gov');
  await power.getByTestId('backing-delta').fill('15');
  await power.getByTestId('send-backing').click();
  await expect(power.getByTestId('result-backing')).toHaveAttribute('data-refused', 'false');
  await expect(power.getByTestId('support-gov')).toContainText('5');
  await expect(power.getByTestId('send-sanctions')).toBeVisible();

  // The news of both acts reaches the observer, whose page holds no confidential text.
  await expect(observer.getByTestId('public-view')).toBeVisible();
  await expect(observer.getByTestId('chat-public')).toContainText(/read/i);
  await expect(observer.getByTestId('seat-news')).not.toHaveText('');
  const seen = await observer.locator('body').innerText();
  for (const secret of [...Object.values(SECRET), PRIVATE_LINE, CAUCUS_LINE]) expect(seen).not.toContain(secret);
  await expect(observer.getByTestId('interests')).toHaveCount(0);
  await expect(observer.getByTestId('confidential')).toHaveCount(0);
  // Nor does any other seat's page hold another's secret or the private line.
  for (const [page, own] of [
    [faction, SECRET.rangers],
    [power, SECRET.bloc],
    [mediator, null],
  ] as const) {
    const text = await page.locator('body').innerText();
    for (const secret of [...Object.values(SECRET), PRIVATE_LINE, CAUCUS_LINE])
      if (secret !== own && !(page === mediator && secret === CAUCUS_LINE)) expect(text).not.toContain(secret);
  }

  await shot(mediator, 'classroom-seats-mediator-table');
  await shot(delegation, 'classroom-seats-delegation');
  await shot(faction, 'classroom-seats-faction');
  await shot(power, 'classroom-seats-power');
  await shot(observer, 'classroom-seats-observer');

  // The instructor moves the observer to the faction's seat: the page receives it, says so, and now
  // shows that seat's briefing and options.
  const instructor = await new Client(BASE.replace(/^http/, 'ws')).joinById(code, { instructorToken });
  instructor.onMessage('*', () => undefined);
  const seats = await new Promise<{ role: string; holders: { id: string; name: string }[] }[]>((resolve) =>
    instructor.onMessage('status', (st: { seats: { role: string; holders: { id: string; name: string }[] }[] }) => resolve(st.seats)),
  );
  const olly = seats.find((x) => x.role === 'observer')!.holders.find((h) => h.name === 'Olly')!;
  instructor.send('reassign', { holder: olly.id, seat: 'faction:rangers' });
  await expect(observer.getByTestId('seat-heading')).toHaveAttribute('data-role', 'faction:rangers');
  await expect(observer.getByTestId('reassigned')).toBeVisible();
  await expect(observer.getByTestId('confidential')).toContainText(SECRET.rangers);
  await expect(observer.getByTestId('act-denunciation')).toBeVisible();
  await shot(observer, 'classroom-seats-reassigned');
  await instructor.leave(true);

  expect(errors, 'console or page errors').toEqual([]);
  await med.leave();
  await gov.leave();
  for (const p of [mediator, delegation, faction, power, observer]) await p.context().close();
});

/** A student at the join screen whose scenario list is held back until `release` (a slow network). */
async function joinScreenWithListHeld(browser: Browser, errors: string[]): Promise<{ context: BrowserContext; page: Page; release: () => void }> {
  const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1024, height: 640 } });
  const page = await context.newPage();
  page.on('console', (m) => void (m.type() === 'error' && errors.push(`console: ${m.text()}`)));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/scenarios', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await page.getByTestId('to-classroom').click();
  return { context, page, release };
}

test('joining: the scenario list arriving late neither wipes the typed code nor replaces the seat list', async ({ browser }) => {
  const errors: string[] = [];
  const created = await fetch(`${BASE}/api/exercises`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pack, seed: 1, seats: ['party:gov', 'observer'] }),
  });
  const { code } = (await created.json()) as { code: string };
  // Hold the scenario list back until the student has typed and asked for the seats.
  const { context, page, release } = await joinScreenWithListHeld(browser, errors);
  await page.getByTestId('join-code').fill(code);
  await page.getByTestId('join-name').fill('Late');
  await page.getByTestId('join-find').click();
  await expect(page.getByTestId('take-party:gov')).toBeVisible();
  release();
  await page.waitForResponse('**/api/scenarios');
  await page.waitForTimeout(200);
  await expect(page.getByTestId('take-party:gov')).toBeVisible();
  await page.getByTestId('take-party:gov').click();
  await expect(page.getByTestId('seat-heading')).toHaveAttribute('data-role', 'party:gov');
  expect(errors, 'console or page errors').toEqual([]);
  await context.close();
});

test('the scenario list arriving while a student types the code leaves the field, its focus and every key; an empty code is named', async ({ browser }) => {
  const errors: string[] = [];
  const { context, page, release } = await joinScreenWithListHeld(browser, errors);
  // Nothing typed yet: the page says what is missing instead of asking the server.
  await page.getByTestId('join-find').click();
  await expect(page.getByTestId('classroom-error')).toContainText('join code');
  // Half the code typed, then the list arrives, then the rest of the keys.
  const field = page.getByTestId('join-code');
  await field.click();
  await page.keyboard.type('ABC');
  release();
  await page.waitForResponse('**/api/scenarios');
  await expect(page.getByTestId('class-scenario-tutorial')).toBeAttached();
  await page.keyboard.type('123');
  await expect(field).toHaveValue('ABC123');
  await expect(field).toBeFocused();
  expect(errors, 'console or page errors').toEqual([]);
  await context.close();
});
