/**
 * The expert's terms: a package that trades across issues, built from what the mediator knows of
 * each party's interests (ideal points, weights and red lines learned in caucus, from experts and
 * commissions; public positions where nothing is known). It maximises the product of the parties'
 * values (the Nash bargaining point) inside every known red line, by coordinate ascent over the
 * issues: each party gets most on the issues it cares about most.
 */
import type { View } from '../view';
import { issueOf } from './readings';

interface Known {
  ideal: number;
  reservation: number | undefined;
  weight: number;
}

/** One party's value of one issue at x, in 0..1 (negative past a known red line). */
function value(k: Known, x: number): number {
  if (k.reservation !== undefined && Math.abs(k.ideal - k.reservation) > 0.5) {
    const u = (x - k.reservation) / (k.ideal - k.reservation);
    return u > 1 ? 1 : u;
  }
  return 1 - Math.abs(x - k.ideal) / 100;
}

/**
 * Terms for these issues; `fixed` keeps issues already agreed where they are. The search is a pure
 * function of what is known, so a `memo` (kept in the game's runner) answers repeated asks within a
 * turn, when nothing new was learned, without searching again.
 */
export function tradeTerms(
  view: View,
  issues: readonly string[],
  fixed: Readonly<Record<string, number>> = {},
  memo?: Map<string, Record<string, number>>,
): Record<string, number> {
  const parties = view.parties.map((p) => p.id);
  const known: Known[][] = issues.map((id) => {
    const iss = issueOf(view, id);
    const ideals = parties.map((p) => iss.known[p]?.ideal ?? iss.publicPos[p] ?? 50);
    return parties.map((p, j) => {
      const k = iss.known[p];
      const ideal = ideals[j]!;
      // A red line not yet known is guessed with caution: 60% of the way to the farthest other side.
      let far = ideal;
      for (const o of ideals) if (Math.abs(o - ideal) > Math.abs(far - ideal)) far = o;
      const guess = Math.abs(far - ideal) > 1 ? ideal + 0.6 * (far - ideal) : undefined;
      return { ideal, reservation: k?.reservation ?? guess, weight: k?.weight ?? 5 };
    });
  });
  const key = memo ? JSON.stringify([issues, fixed, known]) : '';
  const seen = memo?.get(key);
  if (seen) return { ...seen };
  const out = search(issues, parties, known, fixed);
  if (memo) {
    if (memo.size > 500) memo.clear(); // bounded: one game's worth of distinct states
    memo.set(key, out);
  }
  return { ...out };
}

function search(issues: readonly string[], parties: string[], known: Known[][], fixed: Readonly<Record<string, number>>): Record<string, number> {
  const totalWeight = parties.map((_, j) => known.reduce((a, row) => a + row[j]!.weight, 0) || 1);
  // Start from the fairest point of each issue alone.
  const x = issues.map((id, i) => fixed[id] ?? fairest(known[i]!));
  const contrib = issues.map((_, i) => parties.map((_, j) => (known[i]![j]!.weight * value(known[i]![j]!, x[i]!)) / totalWeight[j]!));
  const totals = parties.map((_, j) => contrib.reduce((a, c) => a + c[j]!, 0));
  for (let round = 0; round < 4; round++) {
    let moved = false;
    for (let i = 0; i < issues.length; i++) {
      if (fixed[issues[i]!] !== undefined) continue;
      let best = x[i]!;
      let bestScore = -Infinity;
      for (let v = 0; v <= 100; v++) {
        let score = 0;
        let ok = true;
        for (let j = 0; j < parties.length; j++) {
          const k = known[i]![j]!;
          const u = value(k, v);
          if (k.reservation !== undefined && u < 0) ok = false;
          const t = totals[j]! - contrib[i]![j]! + (k.weight * u) / totalWeight[j]!;
          score += Math.log(Math.max(t, 1e-3));
        }
        if (ok && score > bestScore + 1e-9) {
          bestScore = score;
          best = v;
        }
      }
      if (best !== x[i]) {
        moved = true;
        x[i] = best;
        for (let j = 0; j < parties.length; j++) {
          const c = (known[i]![j]!.weight * value(known[i]![j]!, best)) / totalWeight[j]!;
          totals[j] = totals[j]! - contrib[i]![j]! + c;
          contrib[i]![j] = c;
        }
      }
    }
    if (!moved) break;
  }
  const out: Record<string, number> = {};
  issues.forEach((id, i) => (out[id] = x[i]!));
  return out;
}

/** The point of one issue that is fairest to all: the best worst-off value, inside known red lines. */
function fairest(row: Known[]): number {
  let best = 50;
  let bestScore = -Infinity;
  for (let v = 0; v <= 100; v++) {
    let worst = Infinity;
    for (const k of row) worst = Math.min(worst, value(k, v));
    if (worst > bestScore) {
      bestScore = worst;
      best = v;
    }
  }
  return best;
}
