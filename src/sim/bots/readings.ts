/**
 * Small readings of the mediator's view shared by the bot policies, and the way a policy settles
 * on a move: the first legal one of its candidates, in order. Plain functions, no per-call
 * closures: they stay small for the optimiser and a bad guess (deopt) costs one small recompile.
 */
import type { Game } from '../game';
import type { MediatorCommand, Proposal } from '../types';
import type { FactionView, IssueView, View } from '../view';
import { mediatorMayMake } from '../available';

export const END: MediatorCommand = { type: 'endTurn' };

/** The command when it is given and legal now, else null. */
export const ifLegal = (g: Game, cmd: MediatorCommand | null | undefined): MediatorCommand | null => (cmd && mediatorMayMake(g, cmd) ? cmd : null);

/** Moves made this turn, from the mediator's log (read backwards: only the tail matters). */
export function movesThisTurn(view: View): MediatorCommand[] {
  const out: MediatorCommand[] = [];
  for (let i = view.log.length - 1; i >= 0; i--) {
    const e = view.log[i]!;
    if (e.turn < view.turn) break;
    if (e.kind === 'move' && e.role === 'mediator') out.push(e.command as MediatorCommand);
  }
  return out;
}

export function made(moves: readonly MediatorCommand[], type: MediatorCommand['type']): boolean {
  for (const c of moves) if (c.type === type) return true;
  return false;
}

/** The latest proposal of a kind. */
export function lastProposal(view: View, kind: Proposal['kind']): Proposal | undefined {
  const all = view.proposals;
  for (let i = all.length - 1; i >= 0; i--) if (all[i]!.kind === kind) return all[i];
  return undefined;
}

export const issueOf = (view: View, id: string): IssueView => view.issues.find((i) => i.id === id)!;

/** The first faction, party by party, that matches. */
export function firstFaction(view: View, match: (f: FactionView) => boolean): FactionView | undefined {
  for (const p of view.parties) for (const f of p.factions) if (match(f)) return f;
  return undefined;
}

/** The first item with the lowest score (stable, like taking the head of a sort). */
export function minBy<T>(items: readonly T[], score: (t: T) => number): T {
  let best = items[0]!;
  let bestScore = score(best);
  for (let i = 1; i < items.length; i++) {
    const v = score(items[i]!);
    if (v < bestScore) {
      best = items[i]!;
      bestScore = v;
    }
  }
  return best;
}

/** How much the other parties trust this one. */
export function trustReceived(view: View, id: string): number {
  let sum = 0;
  let n = 0;
  for (const p of view.parties) {
    if (p.id === id) continue;
    sum += p.trustIn[id] ?? 0;
    n++;
  }
  return sum / Math.max(1, n);
}

/** The mean of the parties' public positions on an issue: splitting the difference. */
export function midpoint(view: View, issue: string): number {
  const pos = issueOf(view, issue).publicPos;
  let sum = 0;
  let n = 0;
  for (const k in pos) {
    sum += pos[k]!;
    n++;
  }
  return Math.round(sum / Math.max(1, n));
}

/** The best formula the mediator can justify from what it knows: inside every known red line, fairest to all. */
export function bestKnownFormula(view: View, issueId: string): number {
  const issue = issueOf(view, issueId);
  // Per party, once: where it wants to be, and the red line when known and apart from the ideal.
  const n = view.parties.length;
  const ideals: number[] = [];
  const lines: (number | undefined)[] = [];
  for (const p of view.parties) {
    const k = issue.known[p.id];
    const ideal = k?.ideal ?? issue.publicPos[p.id]!;
    const res = k?.reservation;
    ideals.push(ideal);
    lines.push(res !== undefined && Math.abs(ideal - res) > 0.5 ? res : undefined);
  }
  let best: number | undefined;
  let bestScore = -Infinity;
  for (let x = 0; x <= 100; x++) {
    let worst = Infinity;
    for (let i = 0; i < n; i++) {
      const ideal = ideals[i]!;
      const res = lines[i];
      let u: number;
      if (res !== undefined) {
        u = (x - res) / (ideal - res);
        if (u > 1) u = 1;
      } else u = 1 - Math.abs(x - ideal) / 100;
      worst = Math.min(worst, u);
    }
    if (worst > bestScore) {
      bestScore = worst;
      best = x;
    }
  }
  // No score at all (unknowable positions): split the difference.
  return best ?? midpoint(view, issueId);
}
