/**
 * The class debrief in the browser, against the real classroom server (the second webServer in
 * playwright.config.ts): the instructor prints the seat handouts from the lobby (each seat's
 * confidential note alone on its own page, print media emulated), runs a short exercise with a
 * mediator and a delegation (a second member of the delegation talks from a plain SDK client), fires
 * an edited inject, ends the exercise and gets the class debrief; the JSON export holds the mediator's
 * debrief, each delegation's result, the inject timeline and the transcripts. The students see only
 * their own part. Any console or page error on any page fails the test.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Client } from '@colyseus/sdk';
import { WebSocket } from 'ws';
import { shot } from './helpers';
import { CLASS_BASE as BASE, participant, takeSeat } from './classroomKit';

/** Distinctive snippets of the tutorial's confidential notes (scenarios/tutorial.yaml). */
const NOTES: Record<string, string> = {
  mediator: 'Both delegations trust you a little, not much',
  'party:gov': 'The president needs the fighting over before the budget debate',
  'party:union': 'The valley needs self-rule above all',
};
/** The instructor's own note: never on a seat's handout. */
const INSTRUCTOR_NOTE = 'the Rangers are a limited spoiler (induce)';

test('class debrief: handouts one seat per page, the end gives the class debrief and its JSON; students see their own part', async ({ browser }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  const instructor = await participant(browser, errors, 'instructor', { acceptDownloads: true });
  await instructor.getByTestId('class-scenario-tutorial').check();
  await instructor.getByTestId('class-create').click();
  const codeBox = instructor.getByTestId('class-code');
  await expect(codeBox).toHaveText(/^[A-Z0-9]{6}$/);
  const code = (await codeBox.textContent())!.trim();

  // ---- Seat handouts from the lobby: every seat a sheet with its own note only, a page each on paper.
  await instructor.getByTestId('open-handouts').click();
  await expect(instructor.getByTestId('handouts')).toBeVisible();
  const sheets = instructor.locator('.handout');
  const count = await sheets.count();
  expect(count).toBe(11); // the tutorial's seats: mediator, 2 parties, 4 factions, 3 outside powers, observer
  for (const [role, note] of Object.entries(NOTES)) {
    const sheet = instructor.getByTestId(`handout-${role}`);
    await expect(sheet.getByTestId('handout-note')).toContainText(note);
    for (const [other, otherNote] of Object.entries(NOTES)) if (other !== role) await expect(sheet).not.toContainText(otherNote);
  }
  await expect(instructor.getByTestId('handouts')).not.toContainText(INSTRUCTOR_NOTE);
  await instructor.emulateMedia({ media: 'print' });
  await expect(instructor.getByTestId('handouts-print')).toBeHidden();
  const breaks = await sheets.evaluateAll((els) => els.map((e) => getComputedStyle(e).breakAfter));
  expect(breaks.slice(0, -1)).toEqual(Array(count - 1).fill('page'));
  // The printed PDF has at least one page per seat.
  const pdf = (await instructor.pdf({ format: 'A4' })).toString('latin1');
  expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(count);
  await shot(instructor, 'class-handouts-print');
  await instructor.emulateMedia({ media: 'screen' });
  await instructor.getByTestId('handouts-back').click();
  await expect(instructor.getByTestId('class-code')).toHaveText(code);

  // ---- A short exercise: a mediator and a delegation in browsers, a second delegate over the SDK.
  const mediator = await participant(browser, errors, 'mediator', { acceptDownloads: true });
  await takeSeat(mediator, code, 'Rae', 'mediator');
  const gov = await participant(browser, errors, 'gov', { acceptDownloads: true });
  await takeSeat(gov, code, 'Ida', 'party:gov');
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  const gina = await new Client(BASE.replace(/^http/, 'ws')).joinById(code, { seat: 'party:gov', name: 'Gina' });
  gina.onMessage('*', () => undefined); // Gina only talks; what she is sent is the pages' business
  await instructor.getByTestId('class-start').click();
  await expect(gov.getByTestId('lobby')).toHaveCount(0);
  const say = (channel: string, text: string) =>
    new Promise<void>((resolve, reject) => {
      const ref = `say-${channel}`;
      const off = [
        gina.onMessage('ack', (a: { ref?: string }) => a.ref === ref && (off.forEach((f) => f()), resolve())),
        gina.onMessage(
          'refused',
          (a: { ref?: string; reason: { key: string } }) => a.ref === ref && (off.forEach((f) => f()), reject(new Error(a.reason.key))),
        ),
      ];
      gina.send('say', { channel, text, ref });
    });
  await say('delegation', 'Gina to the team: security first, then revenue.');
  await say('public', 'The government delegation is ready to listen.');
  const sentinel = 'Debrief sentinel: customs officers stop a convoy at the Millford bridge.';
  await instructor.getByTestId('inject-text-customs-raid').fill(sentinel);
  await instructor.getByTestId('fire-customs-raid').click();
  await expect(gov.getByTestId('seat-news')).toContainText(sentinel);

  // ---- The instructor ends the exercise: the class debrief.
  await instructor.getByTestId('class-end').click();
  const debrief = instructor.getByTestId('class-debrief');
  await expect(debrief).toBeVisible({ timeout: 20_000 });
  await expect(instructor.getByTestId('class-debrief-outcome')).toBeVisible();
  await expect(debrief.getByTestId('sins')).toBeVisible();
  await expect(debrief.getByTestId('delegation-gov')).toBeVisible();
  await expect(debrief.getByTestId('delegation-union')).toBeVisible();
  await expect(debrief.getByTestId('timeline-customs-raid')).toContainText(sentinel);
  await expect(debrief.getByTestId('transcript-delegation:gov')).toContainText('Gina to the team: security first, then revenue.');
  await expect(debrief.getByTestId('transcript-public')).toContainText('The government delegation is ready to listen.');
  await expect(debrief.getByTestId('class-seats')).toContainText('Ida');
  await shot(instructor, 'class-debrief-instructor');

  // The JSON export for grading.
  const [download] = await Promise.all([instructor.waitForEvent('download'), instructor.getByTestId('class-export-json').click()]);
  expect(download.suggestedFilename()).toBe(`third-side-class-debrief-tutorial-${code}.json`);
  const json = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(json.code).toBe(code);
  expect(json.status).toBe('ended');
  expect(json.mediator.sins).toHaveLength(7);
  expect(json.summary.outcome).toBe(json.mediator.outcome);
  expect(json.delegations.parties.map((p: { party: string }) => p.party)).toEqual(['gov', 'union']);
  for (const p of json.delegations.parties) expect(typeof p.batna).toBe('number');
  const raid = json.timeline.find((e: { inject: string | null }) => e.inject === 'customs-raid');
  expect(raid).toMatchObject({ by: 'instructor', synopsis: sentinel, fired: { edited: true } });
  expect(raid.review.id).toBe('customs-raid');
  const lines = (c: string) => json.transcripts.find((x: { channel: string }) => x.channel === c).messages.map((m: { text: string }) => m.text);
  expect(lines('delegation:gov')).toEqual(['Gina to the team: security first, then revenue.']);
  expect(lines('public')).toEqual(['The government delegation is ready to listen.']);
  expect(json.seats.find((s: { role: string }) => s.role === 'party:gov').holders).toEqual(['Ida', 'Gina']);

  // Printed: the debrief without its buttons.
  await instructor.emulateMedia({ media: 'print' });
  await expect(instructor.getByTestId('class-export-json')).toBeHidden();
  await expect(debrief.getByTestId('class-delegations')).toBeVisible();
  await shot(instructor, 'class-debrief-print');
  await instructor.emulateMedia({ media: 'screen' });

  // The handouts stay at hand after the end.
  await instructor.getByTestId('open-handouts').click();
  await expect(instructor.getByTestId('handout-party:gov').getByTestId('handout-note')).toContainText(NOTES['party:gov']!);
  await instructor.getByTestId('handouts-back').click();
  await expect(instructor.getByTestId('class-debrief')).toBeVisible();

  // ---- The students: each its own part only.
  const own = mediator.getByTestId('own-debrief');
  await expect(own).toBeVisible({ timeout: 20_000 });
  await expect(own.getByTestId('sins')).toBeVisible();
  await expect(own.getByTestId('delegation-gov')).toHaveCount(0);
  await expect(own).not.toContainText('Gina to the team');
  await shot(mediator, 'class-debrief-mediator');
  const govOwn = gov.getByTestId('own-debrief');
  await expect(govOwn).toBeVisible({ timeout: 20_000 });
  await expect(govOwn.getByTestId('delegation-gov')).toBeVisible();
  await expect(govOwn.getByTestId('delegation-union')).toHaveCount(0);
  await expect(govOwn.getByTestId('sins')).toHaveCount(0);
  await expect(govOwn).not.toContainText('Gina to the team');
  await shot(gov, 'class-debrief-delegation');

  expect(errors, 'console or page errors').toEqual([]);
  await gina.leave();
  for (const p of [instructor, mediator, gov]) await p.context().close();
});
