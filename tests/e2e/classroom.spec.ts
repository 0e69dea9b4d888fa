/**
 * The classroom in the browser, against the real classroom server (the second webServer in
 * playwright.config.ts, serving the same e2e build): an instructor, a mediator and one delegation,
 * each in its own browser context, join an exercise; the instructor starts it and fires an inject
 * with its text edited, which reaches both students' pages; each page's DOM holds its own
 * confidential briefing and not the other seat's; the mediator plays at the same table as solo play.
 * Any console or page error on any page fails the test.
 */
import { test, expect } from '@playwright/test';
import { shot } from './helpers';
import { participant, takeSeat } from './classroomKit';

test('a class: instructor, mediator and a delegation; own briefings only; the inject reaches every student', async ({ browser }) => {
  const errors: string[] = [];
  const instructor = await participant(browser, errors, 'instructor');
  await instructor.getByTestId('class-scenario-tutorial').check();
  await instructor.getByTestId('class-create').click();
  const codeBox = instructor.getByTestId('class-code');
  await expect(codeBox).toHaveText(/^[A-Z0-9]{6}$/);
  const code = (await codeBox.textContent())!;

  const mediator = await participant(browser, errors, 'mediator');
  await takeSeat(mediator, code, 'Rae', 'mediator');
  const gov = await participant(browser, errors, 'gov');
  await takeSeat(gov, code, 'Ida', 'party:gov');

  // The live roster shows both students, then the instructor starts the exercise.
  await expect(instructor.getByTestId('roster-mediator')).toContainText('Rae');
  await expect(instructor.getByTestId('roster-party:gov')).toContainText('Ida');
  await expect(mediator.getByTestId('lobby')).toBeVisible();
  await instructor.getByTestId('class-start').click();
  await expect(instructor.getByTestId('class-status')).toContainText('Running');
  await expect(mediator.getByTestId('lobby')).toHaveCount(0);
  await expect(gov.getByTestId('lobby')).toHaveCount(0);

  // Each page holds its own confidential briefing and none of the other seat's.
  const mediatorNote = (await mediator.getByTestId('confidential').textContent())!.trim();
  const govNote = (await gov.getByTestId('confidential').textContent())!.trim();
  expect(mediatorNote.length).toBeGreaterThan(40);
  expect(govNote.length).toBeGreaterThan(40);
  expect(mediatorNote).not.toBe(govNote);
  const probe = (s: string) => s.slice(0, 60);
  expect(await mediator.locator('body').innerText()).not.toContain(probe(govNote));
  expect(await gov.locator('body').innerText()).not.toContain(probe(mediatorNote));
  // The delegation's screen offers its own commands, built from the registry's forms.
  await expect(gov.getByTestId('send-walkOut')).toBeVisible();
  await expect(gov.getByTestId('send-gesture')).toBeVisible();

  // The instructor edits an inject's text and fires it: it reaches both students.
  const sentinel = 'Classroom sentinel: a convoy is stopped at the Millford bridge.';
  await instructor.getByTestId('inject-text-customs-raid').fill(sentinel);
  await instructor.getByTestId('fire-customs-raid').click();
  await expect(instructor.getByTestId('inject-customs-raid')).toContainText('fired');
  for (const page of [mediator, gov]) await expect(page.getByTestId('seat-news')).toContainText(sentinel);

  await shot(instructor, 'classroom-instructor');
  await shot(mediator, 'classroom-mediator');
  await shot(gov, 'classroom-delegation');

  // The mediator plays at the same table as solo play, through the remote seat.
  await mediator.getByTestId('to-table').click();
  await expect(mediator.getByTestId('delegations')).toBeVisible();
  await expect(mediator.getByTestId('move-caucus')).toBeVisible();
  await shot(mediator, 'classroom-table');

  expect(errors, 'console or page errors').toEqual([]);
  for (const p of [instructor, mediator, gov]) await p.context().close();
});
