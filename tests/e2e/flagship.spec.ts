/** The flagship (Venezuela 2019) played to its end through the UI; it may well collapse — so did history. */
import { test, expect, shot, hook, waitScene, drainNews, clickMove, endTurn, state } from './helpers';

test.setTimeout(180_000);

test('flagship: a full game to the debrief, with the history comparison', async ({ page }) => {
  await page.goto('/');
  await waitScene(page, 'Menu');
  await page.getByTestId('scenario-venezuela-2019').check();
  await page.getByTestId('difficulty-standard').check();
  await page.getByTestId('start').click();
  await waitScene(page, 'Briefing');
  await expect(page.getByTestId('briefing-text')).toContainText('Santo Domingo');
  await shot(page, '10-flagship-briefing');
  // Skip the briefing: allowed, and the debrief will call it ignorance.
  await page.getByTestId('briefing-skip').click();
  await waitScene(page, 'Table');
  await shot(page, '11-flagship-table');

  for (let i = 0; i < 60; i++) {
    let st = await state(page);
    if (st.screen !== 'table' || st.over) break;
    if (st.turn <= 4) {
      await drainNews(page, i % 2 === 0);
      st = await state(page);
      if (st.phase === 'suspended' && st.walkedOut) await clickMove(page, 'caucus', [`opt-party-${st.walkedOut}`]);
      else if (st.phase === 'exploratory') {
        await clickMove(page, 'caucus', [st.turn % 2 ? 'opt-party-opp' : 'opt-party-gov']);
        await clickMove(page, 'caucus', [st.turn % 2 ? 'opt-party-gov' : 'opt-party-opp']);
        if ((await state(page)).met) await clickMove(page, 'proposeNextPhase');
        else await clickMove(page, 'engageExternal', ['opt-actor-us', 'opt-ask-restraint']);
      } else if (st.phase === 'agenda') {
        await clickMove(page, 'proposeAgenda');
        await clickMove(page, 'proposeNextPhase');
      } else if (st.phase === 'negotiation') {
        await clickMove(page, 'proposePackage');
        await clickMove(page, 'proposeNextPhase');
      }
      st = await state(page);
      if (st.over || st.screen !== 'table') break;
    }
    await endTurn(page);
    if (i === 3) await shot(page, '12-flagship-table-later');
  }
  await drainNews(page);
  expect(await hook(page, (h) => h.view()?.over)).toBe(true);
  await page.getByTestId('to-debrief').click();
  await waitScene(page, 'Debrief');
  await expect(page.getByTestId('debrief-text')).toContainText('What really happened');
  await expect(page.getByTestId('sin-ignorance')).toContainText('Committed');
  await shot(page, '13-flagship-debrief');
});
