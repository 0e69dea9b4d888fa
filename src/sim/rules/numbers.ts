/**
 * The rules' numbers that the pack validator also reasons with (src/scenario/semantics.ts reads
 * them through the command registry), so a rebalanced rule cannot leave the validator behind.
 */

/** A caucus: trust and commitment it builds (less trust when one side is courted far more). */
export const CAUCUS = { trust: 4, trustWhenCourting: 1, commitmentExploratory: 5, commitmentLater: 3 } as const;
/** Cohesion a party gains when its faction is engaged the right way (inclusion / isolation), or loses when it backfires. */
export const SPOILER_COHESION = { included: 5, isolated: 3, backfired: -8 } as const;
/** Signing needs this much less cohesion at a venue near the principals. */
export const NEAR_PRINCIPALS_COHESION = 10;
/** Compliance in monitoring = cohesion·0.35 + commitment·0.3 + verification·0.2 + 15 with a guarantee ± 8 by chance. */
export const COMPLIANCE = { cohesion: 0.35, commitment: 0.3, verification: 0.2, guarantee: 15, luck: 8 } as const;
