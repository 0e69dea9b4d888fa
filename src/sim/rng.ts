/**
 * Seeded randomness whose whole state lives in the world (a plain number array), so a game is a
 * pure function of its seed and commands. Uses pure-rand's xoroshiro128+.
 */
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

/**
 * xoroshiro128+ seeded straight from small integers gives nearly the same first draws for seeds
 * 1, 2, 3…; mix the seed (a 32-bit finaliser) and discard a few outputs so neighbouring seeds diverge.
 */
export function seedState(seed: number): number[] {
  let z = (seed + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  const gen = xoroshiro128plus(z | 0);
  for (let i = 0; i < 8; i++) gen.next();
  return [...gen.getState()];
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
  /**
   * Integer in [from, to] read from the current state without advancing it: for a choice that
   * only labels something and must not shift the draws that decide outcomes.
   */
  peekInt(from: number, to: number): number {
    return uniformInt(xoroshiro128plusFromState(this.holder.rng), from, to);
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
