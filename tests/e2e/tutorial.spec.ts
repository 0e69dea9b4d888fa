/** The tutorial from the menu to the debrief, with the keyboard and clicks only. */
import { test, expect, shot, hook, waitScene, drainNews, clickMove, endTurn, hashOf, state } from './helpers';

test.setTimeout(180_000);

test('tutorial: menu → briefing → table → debrief, keyboard and clicks', async ({ page }) => {
  await page.goto('/');
  await waitScene(page, 'Menu');
  await shot(page, '01-menu');

  // Menu with the keyboard: the start button has the focus; pick the tutorial and seed 3.
  await page.getByTestId('scenario-tutorial').check();
  await page.getByTestId('seed').fill('3');
  await page.getByTestId('seed').press('Tab');
  await page.getByTestId('start').focus();
  await expect(page.getByTestId('start')).toBeFocused();
  await page.keyboard.press('Enter');
  await waitScene(page, 'Briefing');
  await expect(page.getByTestId('briefing-text')).toContainText('Kestria');
  await expect(page.getByTestId('briefing-text')).toContainText('The Millford declaration');
  await shot(page, '02-briefing');

  // Read the briefing with its key.
  await page.keyboard.press('r');
  await waitScene(page, 'Table');
  expect(await hook(page, (h) => h.commands())).toBe(1);
  await shot(page, '03-table');

  // An illegal move shows the engine's reason and changes nothing.
  const before = await hashOf(page);
  // (Disabled moves stay focusable so the keyboard can reach them and hear why.)
  await page.getByTestId('move-jointSession').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('refusal')).toContainText('exploratory');
  expect(await hashOf(page)).toBe(before);

  // A caucus with the keyboard alone: focus the move, Enter, arrow to the Union, Tab to send, Enter.
  await page.getByTestId('move-caucus').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('send')).toBeVisible();
  await expect(page.getByTestId('opt-party-gov')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('opt-party-union')).toBeChecked();
  for (let i = 0; i < 6 && !(await page.getByTestId('send').evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(page.getByTestId('send')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => hook(page, (h) => h.commands())).toBe(2);
  await expect(page.getByTestId('move-status')).toContainText('Union');
  await shot(page, '04-table-after-caucus');

  // Then play on through the UI: a patient, even-handed plan for some turns, then let the clock run.
  let shotNews = false;
  for (let i = 0; i < 40; i++) {
    let st = await state(page);
    if (st.screen !== 'table' || st.over) break;
    if (st.inbox > 0 && !shotNews) {
      await shot(page, '05-news-modal');
      shotNews = true;
    }
    if (process.env.E2E_TRACE) console.log(new Date().toISOString().slice(14, 23), 'turn', st.turn, st.phase);
    if (st.turn <= 6) {
      await drainNews(page);
      st = await state(page);
      const phase = st.phase;
      if (phase === 'exploratory') {
        await clickMove(page, 'caucus', ['opt-party-gov']);
        await clickMove(page, 'caucus', ['opt-party-union']);
        if ((await state(page)).met) await clickMove(page, 'proposeNextPhase');
        else await clickMove(page, 'studyHistory');
      } else if (phase === 'agenda') {
        await clickMove(page, 'reframe', ['opt-issue-amnesty']);
        await clickMove(page, 'proposeAgenda', ['agenda-autonomy', 'agenda-security', 'agenda-revenue', 'agenda-amnesty']);
        await clickMove(page, 'proposeNextPhase');
      } else if (phase === 'negotiation') {
        await clickMove(page, 'proposePackage');
        await clickMove(page, 'proposeNextPhase');
      } else if (phase === 'agreements') {
        await clickMove(page, 'jointSession');
        await clickMove(page, 'proposeNextPhase');
      } else if (phase === 'suspended' && st.walkedOut) {
        await clickMove(page, 'caucus', [`opt-party-${st.walkedOut}`]);
      }
      st = await state(page);
      if (st.over || st.screen !== 'table') break;
    }
    await endTurn(page);
  }
  await drainNews(page);
  expect(await hook(page, (h) => h.view()?.over)).toBe(true);
  await shot(page, '06-table-over');
  await expect(page.getByTestId('to-debrief')).toBeFocused();
  await page.keyboard.press('Enter');
  await waitScene(page, 'Debrief');
  await expect(page.getByTestId('debrief-text')).toContainText('seven sins');
  await expect(page.getByTestId('sin-ignorance')).toBeVisible();
  await shot(page, '07-debrief');

  // Play again with one key.
  await page.keyboard.press('p');
  await waitScene(page, 'Briefing');
  expect(await hook(page, (h) => h.commands())).toBe(0);
});
