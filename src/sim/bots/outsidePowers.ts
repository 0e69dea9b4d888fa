/**
 * By the book with outside powers: ask each for what its leverage can give — backing to bring a
 * party back, incentives in negotiation, restraint before shocks land, guarantees for a deal.
 */
import type { MediatorCommand } from '../types';
import type { PartyView } from '../view';
import { askedWithin, type Facts } from './byTheBookFacts';
import { refusedWithin } from './ledger';

/** It said no to this ask: do not ask it again (a refusal is an answer, not a delay). */
const saidNo = (x: Facts, actor: string, ask: string): boolean => refusedWithin(x.notes, x.view.turn, actor, ask, 99);

/** Ask a power that backs the walked-out party to bring it back (not more than once in 3 turns). */
export function backingAsk(x: Facts, out: PartyView): MediatorCommand | null {
  for (const e of x.view.externals) {
    if ((e.support[out.id] ?? 0) > 20 && !askedWithin(x, e.id, 'backing', 3) && !saidNo(x, e.id, 'backing')) return { type: 'engageExternal', actor: e.id, ask: 'backing' };
  }
  return null;
}

/** Ask a power with sanctions or money for incentives, once a game. */
export function incentiveAsk(x: Facts): MediatorCommand | null {
  for (const e of x.view.externals) {
    if ((e.leverage.includes('sanctions') || e.leverage.includes('money')) && !askedWithin(x, e.id, 'incentive', 99) && !saidNo(x, e.id, 'incentive')) return { type: 'engageExternal', actor: e.id, ask: 'incentive' };
  }
  return null;
}

/** After the first turn, ask a power with sanctions for restraint (not more than once in 3 turns). */
export function restraintAsk(x: Facts): MediatorCommand | null {
  if (x.view.turn <= 1) return null;
  for (const e of x.view.externals) {
    if (e.leverage.includes('sanctions') && !e.restraint && !askedWithin(x, e.id, 'restraint', 3) && !refusedWithin(x.notes, x.view.turn, e.id, 'restraint', 6)) return { type: 'engageExternal', actor: e.id, ask: 'restraint' };
  }
  return null;
}

/** Outside powers who vouch for a deal, until one has. */
export function guaranteeAsk(x: Facts): MediatorCommand | null {
  for (const e of x.view.externals) {
    if ((e.leverage.includes('guarantees') || e.leverage.includes('mediation')) && !e.guarantee && !saidNo(x, e.id, 'guarantee')) return { type: 'engageExternal', actor: e.id, ask: 'guarantee' };
  }
  return null;
}
