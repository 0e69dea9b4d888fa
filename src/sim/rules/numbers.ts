/**
 * The rules' numbers that the pack validator also reasons with (src/scenario/semantics.ts reads
 * them through the command registry), so a rebalanced rule cannot leave the validator behind.
 */

/** A caucus: trust and commitment it builds (less trust when one side is courted far more). */
export const CAUCUS = { trust: 4, trustWhenCourting: 1, commitmentExploratory: 5, commitmentLater: 3, relay: 3 } as const;
/** Cohesion a party gains when its faction is engaged the right way (inclusion / isolation), or loses when it backfires. */
export const SPOILER_COHESION = { included: 5, isolated: 3, backfired: -8 } as const;
/** Signing needs this much less cohesion at a venue near the principals. */
export const NEAR_PRINCIPALS_COHESION = 10;
/** Compliance in monitoring = cohesion·0.35 + commitment·0.3 + verification·0.2 + 15 with a guarantee ± 8 by chance. */
export const COMPLIANCE = { cohesion: 0.35, commitment: 0.3, verification: 0.2, guarantee: 15, luck: 8 } as const;

// ---- No pump: every move has a cost, a limit or a diminishing return (DESIGN.md §4, round 2) ----

/** A caucus with the same party again in the same turn gives this share of its gains (1st, 2nd, 3rd+). */
export const CAUCUS_REPEAT = [1, 0.5, 0] as const;
/** What a gesture costs the party that makes it: the trust it earns follows the cost. */
export const CBM_COST = { humanitarianChannel: 1, prisonerRelease: 1, releaseForeigners: 2, ceasefire: 3 } as const;
/**
 * Gestures are evidence, not currency: others' trust rises by `trustPerCost` × cost, divided by
 * (1 + the party's recent gestures, which halve each turn); a staller's gestures then fade from the
 * others' trust by `stallerTrust` a turn while it keeps making them, and a staller refuses any requested
 * gesture costing `costlyFrom` or more (the test of sincerity).
 */
export const GESTURE = { trustPerCost: 6, commitment: 3, stallerTrust: 1, costlyFrom: 2, fatigueDecay: 0.5 } as const;
/** Backing: +gain to an outside power's disposition, halved for each earlier ask; dispositions drift back to the scenario's by `drift` a turn. */
export const BACKING = { gain: 10, drift: 2 } as const;
/** Conditional incentives come only to parties the power pressures (negative support), and fade each turn. */
export const INCENTIVE = { bump: 10, max: 20, fade: 0.85 } as const;

// ---- Shocks through politics ----
/**
 * A sanctions shock (new, secondary, snapback) on party P of magnitude m: P's BATNA −m·batna;
 * each other patron of P offsets with support +m·patronOffset; P's commitment −m (× faceSaved when
 * the mediator caucused with P in the last two turns, × nearPrincipals at such a venue); P's cohesion
 * −m·cohesion; P's hardliners' satisfaction −m·hardliners. Unprepared for (no restraint obtained in
 * advance), a shock of magnitude ≥ pretextFrom hands a stalling P its pretext: P leaves (a token
 * listing is no pretext).
 */
export const SHOCK = { batna: 0.25, patronOffset: 0.25, cohesion: 0.3, hardliners: 0.5, faceSaved: 0.6, nearPrincipals: 0.8, pretextFrom: 10 } as const;

// ---- Walk-outs the mediator must undo ----
/** A walked-out party returns at the turn's close when its commitment is ≥ `commitment` and it has had enough reasons (shuttle caucuses, a gesture by another party, a push from its patron; at most one a turn): one, or three after a pretext. */
export const RETURN = { commitment: 35, reasons: 1, reasonsAfterPretext: 3 } as const;

// ---- Stalling has consequences ----
/** Each turn of negotiation with no accepted proposal, a staller's counterparts lose cohesion and commitment; a stalling signatory complies less. */
export const STALLING = { cohesion: 1, commitment: 1, compliance: 10 } as const;
/** An agreed step (agenda, formula, package) unites each camp a little: cohesion +unite (doubled for a package). */
export const SUCCESS = { unite: 2 } as const;

// ---- Confidentiality buys flexibility; publicity commits ----
/** Added to every acceptance score by the visibility of the talks. */
export const VISIBILITY_FLEX = { confidential: 4, acknowledged: 0, leaked: -4 } as const;

// ---- What a refusal tells ----
/** A party that trusts the mediator this much names the issue that holds it back (issue) and how far short the terms fall (distance). */
export const TELLS = { issue: 50, distance: 65 } as const;

/** The chance an outside power agrees to hold back its next shock: (disposition + base) / 160. */
export const RESTRAINT = { base: 100 } as const;

/**
 * Guarantees widen zones of agreement: a guarantee from an outside power secures the core issues
 * (its weightiest if none) of each party the power does not work against (support ≥ `trustedFrom`),
 * widening that party's red line on them by `widen` × the issue's flex (rounded) — with reframing
 * and commissions, never past the flex. A support shift below `trustedFrom` takes it away at the turn's close.
 */
export const GUARANTEE = { widen: 1 / 3, trustedFrom: -10 } as const;
