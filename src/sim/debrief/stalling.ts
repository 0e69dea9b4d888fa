/**
 * Dialogue used to stall: a party whose hidden intent was to play for time is exposed in the
 * debrief (the engine's truth, so confirmed), with whether and when the mediator saw through it
 * (studying history reveals it) and the turns in which it showed.
 */
import type { StallingReport } from './types';
import { movesOf, nameOf, type Run } from './run';

export function exposeStalling(run: Run): StallingReport[] {
  const studied = movesOf(run, 'studyHistory')[0];
  const detected = run.world.knowledge.history || studied !== undefined;
  const detectedTurn = studied?.turn ?? null;
  return run.parties
    .filter((p) => run.world.parties[p]!.intent === 'stalling')
    .map((party) => {
      const turns = new Set<number>();
      for (const r of run.responses) if (r.party === party && !r.accept) turns.add(r.turn);
      for (const w of run.walkOuts) if (w.party === party) turns.add(w.turn);
      const signs = [...turns].sort((a, b) => a - b);
      const params = { party: nameOf(run, party), signs: signs.length, ...(detectedTurn !== null ? { turn: detectedTurn } : {}) };
      const what = detected ? (detectedTurn !== null ? 'detectedAt' : 'known') : 'missedSigns';
      return { party, confirmed: true as const, detected, detectedTurn, signs, line: { key: `debrief.stalling.${what}`, params } };
    });
}
