/**
 * Seeded randomness whose whole state lives in the world (a plain number array), so a game is a
 * pure function of its seed and commands. Uses pure-rand's xoroshiro128+.
 */
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

export function seedState(seed: number): number[] {
  return [...xoroshiro128plus(seed | 0).getState()];
}

/** A draw source bound to a mutable draft's rng field; writes the advanced state back on each draw. */
export class Dice {
  private gen;
  constructor(private readonly holder: { rng: number[] }) {
    this.gen = xoroshiro128plusFromState(holder.rng);
  }
  /** Integer in [from, to]. */
  int(from: number, to: number): number {
    const v = uniformInt(this.gen, from, to);
    this.holder.rng = [...this.gen.getState()];
    return v;
  }
  /** Uniform in [0, 1) with 1/2^24 resolution: enough for game odds. */
  unit(): number {
    return this.int(0, 0xffffff) / 0x1000000;
  }
  chance(p: number): boolean {
    return p > 0 && this.unit() < p;
  }
  pickWeighted<T>(items: readonly T[], weight: (t: T) => number): T | undefined {
    const total = items.reduce((a, t) => a + Math.max(0, weight(t)), 0);
    if (total <= 0) return undefined;
    let r = this.unit() * total;
    for (const t of items) {
      r -= Math.max(0, weight(t));
      if (r < 0) return t;
    }
    return items[items.length - 1];
  }
}
