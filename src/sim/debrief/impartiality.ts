/**
 * Impartiality as the parties see it: how the mediator spread its attention and its criticism.
 */
import type { ImpartialityReport } from './types';
import { movesOf, type Run } from './run';

/** Caucuses held per party (from the log, so it only counts what the mediator actually did). */
export function caucusCounts(run: Run): Record<string, number> {
  const out = Object.fromEntries(run.parties.map((p) => [p, 0]));
  for (const m of movesOf(run, 'caucus')) if (m.command.party in out) out[m.command.party]!++;
  return out;
}

/** Critical public statements per party. */
export function criticalCounts(run: Run): Record<string, number> {
  const out = Object.fromEntries(run.parties.map((p) => [p, 0]));
  for (const m of movesOf(run, 'publicStatement')) {
    const target = m.command.party;
    if (m.command.tone === 'critical' && target && target in out) out[target]!++;
  }
  return out;
}

/** min / max of a set of counts; 1 when all are zero (nobody was favoured yet). */
export function evenness(counts: number[]): number {
  const hi = Math.max(0, ...counts);
  if (hi === 0) return 1;
  return Math.min(...counts) / hi;
}

export function analyseImpartiality(run: Run): ImpartialityReport {
  const attention = Object.fromEntries(run.parties.map((p) => [p, run.world.parties[p]!.attention]));
  return {
    attention,
    caucuses: caucusCounts(run),
    balance: evenness(Object.values(attention)),
    criticalStatements: criticalCounts(run),
    finalTrust: Object.fromEntries(run.parties.map((p) => [p, run.world.parties[p]!.trustInMediator])),
  };
}
