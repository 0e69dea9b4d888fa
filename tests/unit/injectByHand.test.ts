/**
 * A planned inject the instructor fires by hand (src/sim/commands/inject.ts) waits for its expected
 * response as a scheduled one does: the window opens when it fires, and when the response does not
 * come in time its contingency fires; when it comes, nothing more happens.
 */
import { describe, expect, it } from 'vitest';
import { as, endTurns, newGame, run, shipped, w } from '../fixtures/engine';

const s = shipped('tutorial');
const fire = as('instructor', { type: 'inject', inject: 'customs-raid' });

describe('an inject fired by hand', () => {
  it('opens the window for its expected response at once', () => {
    const g = run(newGame(s), fire);
    expect(w(g).firedInjects).toContain('customs-raid');
    expect(w(g).awaiting['customs-raid']).toBe(w(g).turn + 3);
  });

  it('fires its contingency when the expected response never comes', () => {
    const g = endTurns(run(newGame(s), fire), 4);
    expect(w(g).awaiting['customs-raid']).toBeUndefined();
    expect(w(g).firedInjects).toContain('rangers-call-walkout');
  });

  it('fires nothing more once the mediator responds in time', () => {
    let g = run(newGame(s), { type: 'readBriefing' }, fire, { type: 'engageSpoiler', faction: 'rangers', approach: 'induce' });
    g = endTurns(g, 4);
    expect(w(g).firedInjects).not.toContain('rangers-call-walkout');
  });
});
