/**
 * The scenario format: what an author writes, checked by zod before the engine ever sees it.
 * Every bound here (string lengths, list sizes) exists so a hostile or broken file cannot
 * exhaust memory or the screen; every default exists so a short tutorial stays short.
 */
import { z } from 'zod';
// The engine's vocabulary is a leaf module: the format names moves and kinds, it does not own them.
import { CBM_KINDS, LEVERAGE, MEDIATOR_MOVES, SANCTION_KINDS, SPOILER_ACTIONS } from '../sim/vocabulary';

const id = z
  .string()
  .min(1)
  .max(48)
  .regex(/^[a-z][a-z0-9_-]*$/, 'an id: lower-case letters, digits, "-" or "_", starting with a letter');

/**
 * A character a reader can see: not a space or line break, not a control or format character
 * (zero-width space and joiners U+200B–U+200D, word joiner U+2060, byte-order mark U+FEFF, bidi
 * marks), not a combining mark on its own, not a default-ignorable filler (Hangul fillers, variation
 * selectors) and not the blank Braille pattern.
 */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Cs}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** True when the text shows at least one character (see VISIBLE). Linear in its length. */
export const showsSomething = (value: string): boolean => VISIBLE.test(value);

/**
 * Text a player reads (names, titles, synopses, briefings): one to `max` characters, at least one
 * of them visible. An empty string is left to `.min(1)`, so it gets one message, not two.
 */
export const visibleText = (max = 2000) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((v) => v.length === 0 || showsSomething(v), {
      message: 'this text is blank: it shows nothing (only spaces, line breaks, zero-width, control or combining characters)',
      params: { expected: 'visible text', hint: 'write the text, or remove the field if it is optional' },
    });
const text = visibleText;
const meter = z.number().min(0).max(100);
const signed = z.number().min(-100).max(100);

export const PHASES = ['exploratory', 'agenda', 'negotiation', 'agreements', 'monitoring'] as const;
export const phaseId = z.enum(PHASES);
export type PhaseId = z.infer<typeof phaseId>;

export const SPOILER_TYPES = ['none', 'limited', 'greedy', 'total'] as const;
export const spoilerType = z.enum(SPOILER_TYPES);
export type SpoilerType = z.infer<typeof spoilerType>;

export { SPOILER_ACTIONS, SANCTION_KINDS, CBM_KINDS, LEVERAGE, MEDIATOR_MOVES };
export const spoilerAction = z.enum(SPOILER_ACTIONS);
export type SpoilerAction = z.infer<typeof spoilerAction>;

export const cbmKind = z.enum(CBM_KINDS);
export type CbmKind = z.infer<typeof cbmKind>;


/** A faction inside a party: who can carry or wreck an agreement. */
export const factionSchema = z.strictObject({
  id,
  name: text(120),
  influence: z.number().min(0).max(1).describe('share of the party it carries, 0..1'),
  stance: z.enum(['moderate', 'hardline']),
  spoiler: spoilerType.default('none').describe('hidden until studied by consulting experts'),
  included: z.boolean().default(true).describe('is it represented at the table?'),
  satisfaction: meter.default(50),
  description: text(600).optional(),
});
export type FactionDef = z.infer<typeof factionSchema>;

/** A party to the conflict (two or more). */
export const partySchema = z.strictObject({
  id,
  name: text(120),
  short: text(16).optional().describe('short label for tight screens'),
  principal: text(120),
  delegation: text(300),
  publicStance: text(600),
  trustInMediator: meter.default(40),
  commitment: meter.default(40),
  cohesion: meter.default(60),
  trustIn: z.record(z.string(), meter).default({}).describe('trust in each other party, by party id'),
  domesticStrength: meter.default(50).describe('how well it does with no deal, before patrons'),
  intent: z.enum(['sincere', 'stalling']).default('sincere').describe('hidden: a stalling party plays for time'),
  refuses: z.array(id).max(20).default([]).describe('issues it will not put on an agenda unless reframed'),
  factions: z.array(factionSchema).min(1).max(8),
});
export type PartyDef = z.infer<typeof partySchema>;

export const externalSchema = z.strictObject({
  id,
  name: text(120),
  kind: z.enum(['patron', 'guarantor', 'group', 'spoiler']),
  support: z.record(z.string(), signed).default({}).describe('support per party id, -100..100'),
  leverage: z.array(z.enum(LEVERAGE)).max(5).default([]),
  disposition: signed.default(0).describe('toward the process: -100 hostile .. 100 supportive'),
  description: text(600).optional(),
});
export type ExternalDef = z.infer<typeof externalSchema>;

export const issuePositionSchema = z.strictObject({
  public: meter.describe('stated position on the 0..100 scale'),
  ideal: meter.describe('hidden: what it really wants'),
  weight: z.number().min(0).max(10).describe('hidden: how much it cares, relative to its other issues'),
  reservation: meter.describe('hidden red line: the worst value it can accept'),
});
export type IssuePosition = z.infer<typeof issuePositionSchema>;

export const issueSchema = z.strictObject({
  id,
  name: text(120),
  description: text(600),
  low: text(160).describe('meaning of 0 on the scale'),
  high: text(160).describe('meaning of 100 on the scale'),
  core: z.array(id).max(8).default([]).describe('parties for whom this issue must be on the agenda'),
  flex: z
    .number()
    .min(0)
    .max(30)
    .default(10)
    .describe("how far reframing (a third) and a technical commission (two thirds) can widen every party's red line on this issue, in scale points"),
  positions: z.record(z.string(), issuePositionSchema),
});
export type IssueDef = z.infer<typeof issueSchema>;

export const venueSchema = z.strictObject({
  id,
  name: text(120),
  nearPrincipals: z.boolean().default(false).describe('principals can ratify quickly from here'),
});

// ---- Events and their effects (typed; no scripts are ever interpreted) ----

/** The two effects an outside power can also cause from its own seat in classroom play. */
export const sanctionsEffectSchema = z.strictObject({
  kind: z.literal('sanctions'),
  actor: id,
  sanction: z.enum(SANCTION_KINDS),
  target: id.describe('the party hit (or relieved)'),
  magnitude: z.number().min(1).max(40).default(15),
});
export const supportShiftEffectSchema = z.strictObject({ kind: z.literal('supportShift'), actor: id, party: id, delta: signed });

export const effectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('spoiler'), faction: id, action: spoilerAction }),
  sanctionsEffectSchema,
  z.strictObject({ kind: z.literal('cbm'), party: id, cbm: cbmKind }),
  supportShiftEffectSchema,
  z.strictObject({ kind: z.literal('leak'), source: text(120).optional() }),
  z.strictObject({
    kind: z.literal('deadline'),
    label: text(160),
    party: id.optional().describe('whose commitment the deadline presses'),
    pressure: z.number().min(-30).max(30).default(8),
  }),
  z.strictObject({ kind: z.literal('walkOut'), party: id }),
  z.strictObject({ kind: z.literal('venueOffer'), venue: id }),
  z.strictObject({
    kind: z.literal('meters'),
    party: id,
    trustInMediator: z.number().min(-50).max(50).optional(),
    commitment: z.number().min(-50).max(50).optional(),
    cohesion: z.number().min(-50).max(50).optional(),
    batna: z.number().min(-50).max(50).optional(),
    trustIn: z.record(z.string(), z.number().min(-50).max(50)).optional().describe("changes to this party's trust in other parties, by party id"),
  }),
  z.strictObject({ kind: z.literal('news') }),
]);
export type Effect = z.infer<typeof effectSchema>;
export type EffectKind = Effect['kind'];

/** A condition is a conjunction of simple, typed tests on the public state of the process. */
export const conditionSchema = z.strictObject({
  phase: z.array(z.enum([...PHASES, 'suspended'])).max(6).optional(),
  minTurn: z.number().int().min(1).max(200).optional(),
  maxTurn: z.number().int().min(1).max(200).optional(),
  minProgress: z.number().min(0).max(1).optional().describe('share of the way to an agreement, 0..1'),
  visibility: z.enum(['confidential', 'acknowledged', 'leaked']).optional(),
  partyMeter: z
    .strictObject({
      party: id,
      meter: z.enum(['trustInMediator', 'commitment', 'cohesion', 'batna']),
      below: meter.optional(),
      above: meter.optional(),
    })
    .optional(),
  notEngaged: id.optional().describe('the mediator has not engaged this external actor or faction'),
});
export type Condition = z.infer<typeof conditionSchema>;

export const moveType = z.enum(MEDIATOR_MOVES);
export type MoveType = z.infer<typeof moveType>;

/** What the exercise expects the trainee to do after an inject, and in how many turns. */
export const expectedResponseSchema = z.strictObject({
  move: moveType,
  target: id.optional().describe('the party, actor, faction or issue the move should address'),
  withinTurns: z.number().int().min(1).max(20).default(2),
  description: text(400),
});

const injectCore = {
  id,
  turn: z.number().int().min(1).max(200).optional(),
  condition: conditionSchema.optional(),
  synopsis: text(600),
  effect: effectSchema,
  target: id.optional().describe('who the inject is aimed at (party, actor or faction)'),
  expectedResponse: expectedResponseSchema.optional(),
  learningObjective: text(400).optional(),
};
export const contingencySchema = z.strictObject(injectCore);
export const injectSchema = z.strictObject({
  ...injectCore,
  contingency: z.array(contingencySchema).max(5).default([]).describe('fire when the expected response does not come in time'),
});
export type InjectDef = z.infer<typeof injectSchema>;

export const randomEventSchema = z.strictObject({
  id,
  weight: z.number().min(0).max(100),
  phases: z.array(z.enum([...PHASES, 'suspended'])).max(6).optional(),
  synopsis: text(600),
  effect: effectSchema,
});
export type RandomEventDef = z.infer<typeof randomEventSchema>;

export const thresholdsSchema = z.strictObject({
  exploratoryCommitment: meter.default(50),
  exploratoryTrust: meter.default(45),
  agendaTrust: meter.default(40),
  directTalksTrust: meter.default(45).describe('mutual trust needed for face-to-face talks'),
  signingCohesion: meter.default(50),
  signingCommitment: meter.default(55),
  monitoringTurns: z.number().int().min(1).max(30).default(4),
  complianceFloor: meter.default(50),
  suspendedMaxTurns: z.number().int().min(1).max(30).default(5),
  walkOutMargin: z.number().min(0).max(60).default(10),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const briefingSchema = z.strictObject({
  background: text(6000),
  earlierTalks: z
    .array(z.strictObject({ title: text(160), period: text(80), summary: text(1500), lesson: text(600) }))
    .max(10)
    .default([]),
  confidential: z.record(z.string(), text(3000)).default({}).describe('per role, e.g. "party:gov"'),
});

export const historySchema = z.strictObject({
  summary: text(4000),
  phaseReached: phaseId,
  outcome: z.enum(['durable', 'notImplemented', 'partial', 'suspended', 'collapsed']),
  keyMoments: z.array(z.strictObject({ turn: z.number().int().min(1).max(200), label: text(300) })).max(20).default([]),
});

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().max(300).optional(),
    id,
    version: z.string().min(1).max(24),
    title: text(160),
    period: text(80),
    summary: text(1200),
    turnLength: text(40).default('week'),
    turnLimit: z.number().int().min(3).max(200),
    actionPoints: z.number().int().min(1).max(10).default(3),
    startDate: z.string().max(40).optional(),
    parties: z.array(partySchema).min(2).max(6),
    externals: z.array(externalSchema).max(12).default([]),
    issues: z.array(issueSchema).min(1).max(12),
    venues: z.array(venueSchema).max(6).default([]),
    startVenue: id.optional(),
    thresholds: thresholdsSchema.default(thresholdsSchema.parse({})),
    injects: z.array(injectSchema).max(80).default([]),
    randomEvents: z.array(randomEventSchema).max(40).default([]),
    randomEventChance: z.number().min(0).max(1).default(0.15).describe('chance per turn of a random event'),
    briefing: briefingSchema,
    history: historySchema.optional(),
  })
  .describe('A Third Side scenario');

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
