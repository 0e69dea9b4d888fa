/**
 * A whole class in browsers (issue 13, item 5), against the real classroom server (the second
 * webServer in playwright.config.ts): an instructor, a mediator, two delegations, a faction and an
 * observer, each in its own browser context, play a short exercise to its end.
 *
 * The instructor runs the class from a pack file (the engine fixture with four turns) in which a
 * sentinel is planted in every seat's confidential note. Every page's DOM — hidden parts and
 * attributes included — holds its own sentinel and none of another seat's. The instructor's inject,
 * its text edited, reaches every seat. The mediator plays the turns out at the table; when the game
 * is over every student sees its own part of the debrief, and the instructor ends the exercise into
 * the class debrief. Any console or page error on any page fails the test.
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { shot } from './helpers';
import { participant, takeSeat } from './classroomKit';

/** A sentinel per seat, planted in that seat's confidential note only. */
const SENTINEL: Record<string, string> = {
  instructor: 'SENTINEL-7Q1-INSTRUCTOR',
  mediator: 'SENTINEL-4K8-MEDIATOR',
  'party:gov': 'SENTINEL-2X5-GOV',
  'party:union': 'SENTINEL-9M3-UNION',
  'faction:rangers': 'SENTINEL-6P2-RANGERS',
  'external:bloc': 'SENTINEL-3T7-BLOC',
};
const INJECT_TEXT = 'Class sentinel: the Bloc announces tariffs on copper from the valley.';

/** The engine fixture, four turns long, no faction acting on its own, a note for every seat. */
function sentinelPack(): string {
  const notes = Object.entries(SENTINEL)
    .map(([role, s]) => `    "${role}": "${s}: this note is for the ${role} seat alone."`)
    .join('\n');
  return readFileSync(new URL('../fixtures/mini.yaml', import.meta.url), 'utf8')
    .replace(/^turnLimit: \d+/m, 'turnLimit: 4')
    .replace(/^ {4}turn: 17$/gm, '    turn: 3')
    .replace(/spoiler: (greedy|limited|total)/g, 'spoiler: none')
    .replace(/ {2}confidential:\n( {4}.*\n)+/, `  confidential:\n${notes}\n`);
}

interface Seat {
  role: string;
  page: Page;
}

/** The whole DOM as markup: text, hidden elements, attributes and form values alike. */
const dom = (page: Page) =>
  page.evaluate(
    () => document.documentElement.outerHTML + [...document.querySelectorAll('input,textarea')].map((x) => (x as HTMLInputElement).value).join('\n'),
  );

/** Each page holds no other seat's sentinel, and (while its briefing shows) its own. */
async function holdsOnlyItsOwn(seats: Seat[], briefingShown = true): Promise<void> {
  for (const { role, page } of seats) {
    const html = await dom(page);
    if (briefingShown && SENTINEL[role]) expect(html, `${role} sees its own note`).toContain(SENTINEL[role]);
    for (const [other, s] of Object.entries(SENTINEL)) if (other !== role) expect(html, `${role}'s page must not hold ${other}'s note`).not.toContain(s);
  }
}

test('a class plays a short exercise to the end: own secrets only, the inject reaches every seat, debriefs for each', async ({ browser }) => {
  test.setTimeout(480_000);
  const errors: string[] = [];

  // The instructor runs a class from a pack file.
  const instructor = await participant(browser, errors, 'instructor');
  await instructor.getByTestId('class-pack').setInputFiles({ name: 'sentinels.yaml', mimeType: 'text/yaml', buffer: Buffer.from(sentinelPack()) });
  await instructor.getByTestId('class-create-pack').click();
  const codeBox = instructor.getByTestId('class-code');
  await expect(codeBox).toHaveText(/^[A-Z0-9]{6}$/);
  const code = (await codeBox.textContent())!;

  const students: Seat[] = [];
  for (const [role, name] of [
    ['mediator', 'Rae'],
    ['party:gov', 'Ida'],
    ['party:union', 'Uma'],
    ['faction:rangers', 'Rio'],
    ['observer', 'Olly'],
  ] as const) {
    const page = await participant(browser, errors, role);
    await takeSeat(page, code, name, role);
    students.push({ role, page });
  }
  const seat = (role: string) => students.find((s) => s.role === role)!.page;
  for (const s of students) await expect(instructor.getByTestId(`roster-${s.role}`)).toContainText(/Rae|Ida|Uma|Rio|Olly/);

  await instructor.getByTestId('class-start').click();
  for (const s of students) await expect(s.page.getByTestId('lobby')).toHaveCount(0);
  await holdsOnlyItsOwn(students);

  // The instructor edits an inject's text and fires it: it reaches every seat.
  await instructor.getByTestId('inject-text-tariffs').fill(INJECT_TEXT);
  await instructor.getByTestId('fire-tariffs').click();
  for (const s of students) await expect(s.page.getByTestId('seat-news'), `${s.role} hears the inject`).toContainText(INJECT_TEXT);
  for (const s of students) await shot(s.page, `class-play-${s.role.replace(':', '-')}`);
  await shot(instructor, 'class-play-instructor');

  // The mediator plays the four turns out at the table: a caucus, then the end of each turn.
  const mediator = seat('mediator');
  await mediator.getByTestId('to-table').click();
  await expect(mediator.getByTestId('move-caucus')).toBeVisible();
  const dismissNews = async () => {
    while (await mediator.getByTestId('news-dismiss').isVisible()) await mediator.getByTestId('news-dismiss').click();
  };
  await dismissNews();
  // From the table, the mediator talks to a delegation in caucus: only that delegation hears it.
  const caucusLine = 'Table talk: what would your government need on security?';
  await mediator.getByTestId('open-talk').click();
  await mediator.getByTestId('chat-input-caucus-gov').fill(caucusLine);
  await mediator.getByTestId('chat-send-caucus-gov').click();
  await expect(mediator.getByTestId('chat-lines-caucus-gov')).toContainText(caucusLine);
  await expect(seat('party:gov').getByTestId('chat-lines-caucus')).toContainText(caucusLine);
  await mediator.getByTestId('talk-close').click();
  await expect(mediator.getByTestId('talk-dialog')).toHaveCount(0);
  for (const role of ['party:union', 'faction:rangers', 'observer']) expect(await dom(seat(role))).not.toContain(caucusLine);
  const ap = await mediator.getByTestId('ap').textContent();
  await mediator.getByTestId('move-caucus').click();
  if (await mediator.getByTestId('send').isVisible()) await mediator.getByTestId('send').click();
  await expect(mediator.getByTestId('ap')).not.toHaveText(ap!);
  for (let turn = 1; turn <= 4; turn++) {
    await expect(async () => {
      await dismissNews();
      await expect(mediator.getByTestId('turn')).toContainText(`Turn ${turn} of`, { timeout: 1000 });
    }).toPass();
    await mediator.getByTestId('move-endTurn').click();
    const ask = mediator.getByTestId('confirm-end-yes');
    await expect(async () => {
      await dismissNews();
      if (await ask.isVisible()) await ask.click();
      const over = await mediator.getByTestId('end-reason').isVisible();
      const next = (await mediator.getByTestId('turn').textContent())!.includes(`Turn ${turn + 1} of`);
      expect(over || next).toBe(true);
    }).toPass({ timeout: 30_000 });
  }
  // The game is over: the table says why, and the mediator's debrief comes from the server.
  await expect(async () => {
    if (await mediator.getByTestId('news-dismiss').isVisible()) await mediator.getByTestId('news-dismiss').click();
    await expect(mediator.getByTestId('end-reason')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(mediator.getByTestId('end-reason')).not.toBeEmpty();
  await mediator.getByTestId('to-debrief').click();
  await expect(mediator.getByTestId('own-debrief')).toBeVisible();
  await expect(mediator.getByTestId('own-debrief').getByTestId('sins')).toBeVisible();

  // Each delegation sees its own result against its own interests, and not the other's.
  for (const [role, own, other] of [
    ['party:gov', 'gov', 'union'],
    ['party:union', 'union', 'gov'],
  ] as const) {
    const part = seat(role).getByTestId('own-debrief');
    await expect(part).toBeVisible();
    await expect(part.getByTestId(`delegation-${own}`)).toBeVisible();
    await expect(part.getByTestId(`delegation-${other}`)).toHaveCount(0);
    await expect(part.getByTestId('sins')).toHaveCount(0);
  }
  // The faction and the observer see the public ending only.
  for (const role of ['faction:rangers', 'observer']) {
    await expect(seat(role).getByTestId('class-debrief-outcome')).toBeVisible();
    await expect(seat(role).getByTestId('sins')).toHaveCount(0);
    await expect(seat(role).locator('[data-testid^="delegation-"]')).toHaveCount(0);
  }
  await holdsOnlyItsOwn(students, false);

  // The instructor ends the exercise into the class debrief: the mediator's, both delegations', the inject.
  await instructor.getByTestId('class-end').click();
  const debrief = instructor.getByTestId('class-debrief');
  await expect(debrief).toBeVisible();
  await expect(debrief.getByTestId('sins')).toBeVisible();
  await expect(debrief.getByTestId('delegation-gov')).toBeVisible();
  await expect(debrief.getByTestId('delegation-union')).toBeVisible();
  await expect(debrief.getByTestId('timeline-tariffs')).toContainText(INJECT_TEXT);
  await shot(instructor, 'class-play-debrief');
  for (const s of students) await shot(s.page, `class-play-end-${s.role.replace(':', '-')}`);

  expect(errors, 'console or page errors').toEqual([]);
  for (const p of [instructor, ...students.map((s) => s.page)]) await p.context().close();
});
