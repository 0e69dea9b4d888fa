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

/**
 * Editor help: a description and at least one example on every field, carried into
 * scenarios/schema.json (jsonSchema.ts), so an author's editor explains a field on hover and
 * offers a value on completion. tests/pack/editorHelp.test.ts checks that no field lacks either.
 */
export function doc<T extends z.ZodType>(schema: T, description: string, ...examples: unknown[]): T {
  return schema.meta({ description, examples }) as T;
}

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
  id: doc(id, "the faction's id, unique across all parties; injects and moves name it", 'gov-hardliners'),
  name: doc(text(120), "the faction's name as players read it (max 120)", 'Security chiefs'),
  influence: doc(z.number().min(0).max(1), "share of the party it carries, 0..1; a party's shares should add up to 1", 0.3),
  stance: doc(z.enum(['moderate', 'hardline']), 'moderate or hardline', 'hardline'),
  spoiler: doc(
    spoilerType.default('none'),
    'hidden spoiler type, revealed by consulting experts: none; limited (wants a seat: induce or socialize; denounces, leaks); greedy (wants more: socialize; denounces, calls walk-outs, leaks); total (wants the process dead: isolate or coerce; cracks down, arrests, uses violence, calls walk-outs)',
    'greedy',
  ),
  included: doc(z.boolean().default(true), 'is it represented at the table? Excluded spoilers strike more often (true or false)', false),
  satisfaction: doc(meter.default(50), 'starting satisfaction 0..100; a satisfied faction strikes less', 50),
  description: doc(text(600).optional(), 'who they are, for the instructor and the briefings (max 600)', 'Generals who fear prosecution after any deal.'),
});
export type FactionDef = z.infer<typeof factionSchema>;

/** A party to the conflict (two or more). */
export const partySchema = z.strictObject({
  id: doc(id, 'the party\'s id; issues, injects, moves and roles ("party:<id>") name it', 'gov'),
  name: doc(text(120), "the party's name as players read it (max 120)", 'The Government'),
  short: doc(text(16).optional(), 'short label for tight screens (max 16)', 'Gov'),
  principal: doc(text(120), 'who decides at home (max 120)', 'The President'),
  delegation: doc(text(300), 'who sits at the table (max 300)', 'The foreign minister and two advisers'),
  publicStance: doc(text(600), 'what it says in public about the talks (max 600)', 'Talks are welcome once the street is calm.'),
  trustInMediator: doc(
    meter.default(40),
    'starting trust in the mediator, 0..100: how impartial and competent it finds the mediator; raises what the process promises it (0.3 a point)',
    40,
  ),
  commitment: doc(meter.default(40), 'starting commitment to the process, 0..100; below 20 the party walks out', 40),
  cohesion: doc(meter.default(60), 'starting cohesion, 0..100: how united it is behind its delegation; signing needs signingCohesion', 60),
  trustIn: doc(
    z.record(z.string(), meter).default({}),
    'starting trust in each other party, by party id, 0..100 (30 when not given); a party cannot name itself',
    { opp: 25 },
  ),
  domesticStrength: doc(
    meter.default(50),
    'how well it does with no deal, before its patrons: the base of its BATNA (BATNA = domesticStrength + 0.15 × outside support). With default trust a BATNA above about 52 walks out on turn 1',
    50,
  ),
  intent: doc(
    z.enum(['sincere', 'stalling']).default('sincere'),
    'hidden: sincere, or stalling (plays for time: keeps up appearances, grants cheap gestures, resists formulas and signing)',
    'sincere',
  ),
  refuses: doc(z.array(id).max(20).default([]), 'issue ids it will not put on an agenda unless the mediator reframes them (up to 20)', ['elections']),
  factions: doc(z.array(factionSchema).min(1).max(8), '1–8 factions that carry or wreck an agreement', [
    { id: 'gov-moderates', name: 'Technocrats', influence: 1, stance: 'moderate' },
  ]),
});
export type PartyDef = z.infer<typeof partySchema>;

export const externalSchema = z.strictObject({
  id: doc(id, 'the outside actor\'s id; effects, moves and roles ("external:<id>") name it', 'west'),
  name: doc(text(120), 'its name as players read it (max 120)', 'The Western Bloc'),
  kind: doc(
    z.enum(['patron', 'guarantor', 'group', 'spoiler']),
    'patron (backs a party), guarantor (can guarantee an agreement), group (a bloc of states), spoiler (works against the process from outside)',
    'patron',
  ),
  support: doc(z.record(z.string(), signed).default({}), "support per party id, -100..100; each point moves that party's BATNA by 0.15", { opp: 30 }),
  leverage: doc(z.array(z.enum(LEVERAGE)).max(5).default([]), 'what it can bring to bear: sanctions, recognition, money, guarantees, mediation', [
    'sanctions',
    'recognition',
  ]),
  disposition: doc(signed.default(0), 'toward the process: -100 hostile .. 100 supportive; below -40 it refuses every request', 0),
  description: doc(text(600).optional(), 'who it is, for the briefings (max 600)', 'A bloc of democracies that backs the opposition.'),
});
export type ExternalDef = z.infer<typeof externalSchema>;

export const issuePositionSchema = z.strictObject({
  public: doc(meter, 'stated position on the 0..100 scale; usually beyond the ideal, away from the red line', 5),
  ideal: doc(meter, 'hidden: what it really wants, 0..100', 20),
  weight: doc(z.number().min(0).max(10), 'hidden: how much it cares, 0..10, relative to its other issues', 3),
  reservation: doc(meter, "hidden red line, 0..100: the worst value it can accept; the parties' accepted ranges must overlap on every core issue", 45),
});
export type IssuePosition = z.infer<typeof issuePositionSchema>;

export const issueSchema = z.strictObject({
  id: doc(id, "the issue's id; agendas, formulas and moves name it", 'elections'),
  name: doc(text(120), "the issue's name as players read it (max 120)", 'Election date'),
  description: doc(text(600), 'what is at stake (max 600)', 'When the next presidential election is held.'),
  low: doc(text(160), 'meaning of 0 on the scale (max 160)', 'When the current term ends'),
  high: doc(text(160), 'meaning of 100 on the scale (max 160)', 'Within three months'),
  core: doc(z.array(id).max(8).default([]), 'party ids for whom this issue must be on the agenda', ['opp']),
  flex: doc(
    z.number().min(0).max(30).default(10),
    "how far red lines on this issue can move, in scale points (0..30): reframing widens every party's red line by a third of it, a technical commission by two thirds, away from each party's ideal",
    10,
  ),
  positions: doc(z.record(z.string(), issuePositionSchema), 'one position per party id, each with public, ideal, weight and reservation', {
    gov: { public: 5, ideal: 20, weight: 3, reservation: 45 },
    opp: { public: 95, ideal: 85, weight: 5, reservation: 40 },
  }),
});
export type IssueDef = z.infer<typeof issueSchema>;

export const venueSchema = z.strictObject({
  id: doc(id, "the venue's id; startVenue, venueOffer and changeVenue name it", 'island'),
  name: doc(text(120), "the venue's name as players read it (max 120)", 'An island far away'),
  nearPrincipals: doc(
    z.boolean().default(false),
    'principals can ratify quickly from here: signing needs 10 less cohesion and acceptance scores +5 (true or false, not yes/no)',
    true,
  ),
});

// ---- Events and their effects (typed; no scripts are ever interpreted) ----

/** The two effects an outside power can also cause from its own seat in classroom play. */
const kindOf = <K extends string>(kind: K, what: string) => doc(z.literal(kind), `the kind of effect: ${kind} (${what})`, kind);
const effectParty = (what: string) => doc(id, what, 'gov');

/** A sanctions effect's strength: its bounds and the default (a power's seat form offers the same). */
export const SANCTION_MAGNITUDE = { min: 1, max: 40, default: 15 } as const;

export const sanctionsEffectSchema = z.strictObject({
  kind: kindOf('sanctions', 'an outside power imposes or lifts sanctions'),
  actor: doc(id, 'the external actor imposing them (it should have sanctions leverage)', 'west'),
  sanction: doc(z.enum(SANCTION_KINDS), "new, secondary or snapback (a shock through the target's politics), or relief", 'new'),
  target: effectParty('the party hit (or relieved)'),
  magnitude: doc(
    z.number().min(SANCTION_MAGNITUDE.min).max(SANCTION_MAGNITUDE.max).default(SANCTION_MAGNITUDE.default),
    `strength of the shock, ${SANCTION_MAGNITUDE.min}..${SANCTION_MAGNITUDE.max}; restraint obtained from the actor halves it`,
    SANCTION_MAGNITUDE.default,
  ),
});
export const supportShiftEffectSchema = z.strictObject({
  kind: kindOf('supportShift', 'an outside power changes its support for a party'),
  actor: doc(id, 'the external actor whose support changes', 'allies'),
  party: effectParty('the party it supports more or less'),
  delta: doc(signed, "change of support, -100..100; the party's BATNA moves by delta × 0.15", -20),
});

const meterDelta = (what: string, example: number) => doc(z.number().min(-50).max(50).optional(), `${what}, -50..50`, example);

export const spoilerEffectSchema = z.strictObject({
  kind: kindOf('spoiler', 'a faction strikes'),
  faction: doc(id, 'the faction that strikes; its spoiler type should allow the action (a faction of type none never strikes on its own)', 'gov-hardliners'),
  action: doc(
    spoilerAction,
    "crackdown or arrest (other parties lose trust in its party), denunciation (its party's cohesion falls), violence (all mutual trust falls), callWalkout, leak",
    'arrest',
  ),
});
export const cbmEffectSchema = z.strictObject({
  kind: kindOf('cbm', 'a party makes a confidence-building move'),
  party: effectParty('the party that makes the gesture'),
  cbm: doc(cbmKind, 'prisonerRelease, releaseForeigners, humanitarianChannel or ceasefire; costlier gestures earn more trust', 'prisonerRelease'),
});
export const leakEffectSchema = z.strictObject({
  kind: kindOf('leak', 'the talks become public'),
  source: doc(text(120).optional(), 'who leaked, as players read it (max 120)', 'a newspaper'),
});
export const deadlineEffectSchema = z.strictObject({
  kind: kindOf('deadline', 'a deadline presses'),
  label: doc(text(160), 'the deadline as players read it (max 160)', 'The budget runs out in a month'),
  party: doc(id.optional(), 'whose commitment the deadline presses; all parties when absent', 'gov'),
  pressure: doc(z.number().min(-30).max(30).default(8), 'commitment added, -30..30', 8),
});
export const walkOutEffectSchema = z.strictObject({
  kind: kindOf('walkOut', 'a party walks out; the process is suspended'),
  party: effectParty('the party that walks out'),
});
export const venueOfferEffectSchema = z.strictObject({
  kind: kindOf('venueOffer', 'a venue becomes available'),
  venue: doc(id, 'the venue offered for a change of venue', 'capital'),
});
export const metersEffectSchema = z.strictObject({
  kind: kindOf('meters', "adds amounts to a party's meters"),
  party: effectParty('the party whose meters change'),
  trustInMediator: meterDelta('change of its trust in the mediator', -5),
  commitment: meterDelta('change of its commitment', -10),
  cohesion: meterDelta('change of its cohesion', -5),
  batna: meterDelta('change of its BATNA', 5),
  trustIn: doc(z.record(z.string(), z.number().min(-50).max(50)).optional(), "changes to this party's trust in other parties, by party id, -50..50", {
    opp: -10,
  }),
});
export const newsEffectSchema = z.strictObject({ kind: kindOf('news', 'narrative only: the synopsis is shown, nothing changes') });

/** Every effect kind, in the order of the guide (§5.12); jsonSchema.ts picks the branch by `kind`. */
export const EFFECT_SCHEMAS = {
  spoiler: spoilerEffectSchema,
  sanctions: sanctionsEffectSchema,
  cbm: cbmEffectSchema,
  supportShift: supportShiftEffectSchema,
  leak: leakEffectSchema,
  deadline: deadlineEffectSchema,
  walkOut: walkOutEffectSchema,
  venueOffer: venueOfferEffectSchema,
  meters: metersEffectSchema,
  news: newsEffectSchema,
} as const;

export const effectSchema = doc(
  z.discriminatedUnion('kind', [
    spoilerEffectSchema,
    sanctionsEffectSchema,
    cbmEffectSchema,
    supportShiftEffectSchema,
    leakEffectSchema,
    deadlineEffectSchema,
    walkOutEffectSchema,
    venueOfferEffectSchema,
    metersEffectSchema,
    newsEffectSchema,
  ]),
  'what the event does to the game: a kind and the fields of that kind',
  { kind: 'spoiler', faction: 'gov-hardliners', action: 'arrest' },
  { kind: 'sanctions', actor: 'west', sanction: 'new', target: 'gov', magnitude: 15 },
);
export type Effect = z.infer<typeof effectSchema>;
export type EffectKind = Effect['kind'];

/** A condition is a conjunction of simple, typed tests on the public state of the process. */
export const conditionSchema = z.strictObject({
  phase: doc(
    z
      .array(z.enum([...PHASES, 'suspended']))
      .max(6)
      .optional(),
    'holds in these phases only: exploratory, agenda, negotiation, agreements, monitoring, suspended',
    ['negotiation'],
  ),
  minTurn: doc(z.number().int().min(1).max(200).optional(), 'not before this turn', 5),
  maxTurn: doc(z.number().int().min(1).max(200).optional(), 'not after this turn', 12),
  minProgress: doc(z.number().min(0).max(1).optional(), 'share of the way to an agreement, 0..1 (the phase reached plus the share of its work done)', 0.4),
  visibility: doc(z.enum(['confidential', 'acknowledged', 'leaked']).optional(), 'the talks are confidential, acknowledged or leaked', 'leaked'),
  partyMeter: doc(
    z
      .strictObject({
        party: doc(id, 'the party whose meter is tested', 'gov'),
        meter: doc(z.enum(['trustInMediator', 'commitment', 'cohesion', 'batna']), 'the meter tested', 'commitment'),
        below: doc(meter.optional(), 'holds while the meter is below this', 35),
        above: doc(meter.optional(), 'holds while the meter is above this', 60),
      })
      .optional(),
    "a test on a party's meter: below and/or above a value",
    { party: 'gov', meter: 'commitment', below: 35 },
  ),
  notEngaged: doc(id.optional(), 'the mediator has not (yet) engaged this external actor or faction', 'west'),
});
export type Condition = z.infer<typeof conditionSchema>;

export const moveType = z.enum(MEDIATOR_MOVES);
export type MoveType = z.infer<typeof moveType>;

/** What the exercise expects the trainee to do after an inject, and in how many turns. */
export const expectedResponseSchema = z.strictObject({
  move: doc(moveType, 'the mediator move that answers the inject', 'engageSpoiler'),
  target: doc(id.optional(), 'the party, actor, faction, issue or venue the move must address; any use of the move counts when absent', 'gov-hardliners'),
  withinTurns: doc(z.number().int().min(1).max(20).default(2), 'turns the trainee has, 1..20, counted from the turn the inject fires', 2),
  description: doc(text(400), 'the good response in words, for the debrief (max 400)', 'Socialize the security chiefs before they strike again.'),
});

const injectCore = {
  id: doc(id, "the inject's id, unique among injects and contingencies", 'arrests'),
  turn: doc(
    z.number().int().min(1).max(200).optional(),
    'fires at the end of this turn (at most turnLimit), or later if its condition does not hold yet; a contingency ignores it',
    3,
  ),
  condition: doc(conditionSchema.optional(), 'fires at the end of the first turn this holds', { phase: ['negotiation'], minTurn: 5 }),
  synopsis: doc(text(600), 'what happens, as players read it (max 600)', 'The security chiefs arrest two Alliance organisers.'),
  effect: effectSchema,
  target: doc(id.optional(), 'who the inject is aimed at: a party, faction, external actor or issue id', 'gov-hardliners'),
  expectedResponse: doc(expectedResponseSchema.optional(), 'what the trainee should do about it, and in how many turns', {
    move: 'engageSpoiler',
    target: 'gov-hardliners',
    withinTurns: 2,
    description: 'Socialize the security chiefs.',
  }),
  learningObjective: doc(text(400).optional(), 'what it teaches, in a sentence (max 400)', 'Match the strategy to the spoiler type'),
};
export const contingencySchema = z.strictObject(injectCore);
export const injectSchema = z.strictObject({
  ...injectCore,
  contingency: doc(z.array(contingencySchema).max(5).default([]), 'up to 5 follow-up injects that fire when the expected response does not come in time', [
    { id: 'alliance-wavers', synopsis: 'The Alliance council threatens to leave the talks.', effect: { kind: 'meters', party: 'opp', commitment: -10 } },
  ]),
});
export type InjectDef = z.infer<typeof injectSchema>;

export const randomEventSchema = z.strictObject({
  id: doc(id, "the random event's id, unique among random events", 'rumour'),
  weight: doc(z.number().min(0).max(100), 'relative chance among the events allowed now, 0..100', 2),
  phases: doc(
    z
      .array(z.enum([...PHASES, 'suspended']))
      .max(6)
      .optional(),
    'phases in which it can be drawn; all when absent',
    ['exploratory', 'agenda'],
  ),
  synopsis: doc(text(600), 'what happens, as players read it (max 600)', 'A newspaper hints that secret talks are under way.'),
  effect: effectSchema,
});
export type RandomEventDef = z.infer<typeof randomEventSchema>;

export const thresholdsSchema = z.strictObject({
  exploratoryCommitment: doc(meter.default(50), 'commitment every party needs to leave the exploratory phase, 0..100', 50),
  exploratoryTrust: doc(meter.default(45), 'trust in the mediator every party needs to leave the exploratory phase, 0..100', 45),
  agendaTrust: doc(meter.default(40), 'trust in the mediator a party needs to accept an agenda, 0..100', 40),
  directTalksTrust: doc(meter.default(45), 'mutual trust needed for face-to-face (direct) talks, 0..100; a joint session below it backfires', 45),
  signingCohesion: doc(meter.default(50), 'cohesion a party needs to sign, 0..100 (10 less at a venue near principals)', 50),
  signingCommitment: doc(meter.default(55), 'commitment a party needs to sign, 0..100', 55),
  monitoringTurns: doc(z.number().int().min(1).max(30).default(4), 'turns of compliance needed to conclude, 1..30', 4),
  complianceFloor: doc(meter.default(50), 'compliance each party must keep during monitoring, 0..100', 50),
  suspendedMaxTurns: doc(z.number().int().min(1).max(30).default(5), 'turns the process may stay suspended after a walk-out before it collapses, 1..30', 5),
  walkOutMargin: doc(
    z.number().min(0).max(60).default(10),
    'a party walks out when its BATNA exceeds what the process promises it (30 + 0.3 × trust in mediator + 30 × progress + incentives) by more than this, 0..60',
    10,
  ),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const briefingSchema = doc(
  z.strictObject({
    background: doc(
      text(6000),
      'the shared briefing every player reads: the conflict, the parties, why talks now (max 6000; under 200 characters is thin)',
      'Two years of protests have split the country. …',
    ),
    earlierTalks: doc(
      z
        .array(
          z.strictObject({
            title: doc(text(160), 'name of the earlier attempt (max 160)', 'The church dialogue'),
            period: doc(text(80), 'when it happened (max 80)', 'Two years ago'),
            summary: doc(text(1500), 'what happened (max 1500)', 'Talks broke down after a month when protesters were arrested.'),
            lesson: doc(text(600), 'what a mediator should learn from it (max 600)', 'Spoilers struck when the hardliners were left outside.'),
          }),
        )
        .max(10)
        .default([]),
      'up to 10 earlier attempts, shown with the briefing',
      [{ title: 'The church dialogue', period: 'Two years ago', summary: 'Talks broke down after a month.', lesson: 'Include the hardliners.' }],
    ),
    confidential: doc(
      z.record(z.string(), text(3000)).default({}),
      'private briefings by role (each max 3000): mediator, instructor, party:<id>, faction:<id>, external:<id>',
      {
        mediator: 'Neither side knows you have met the other.',
        'party:gov': 'You need sanctions relief before the budget runs dry.',
      },
    ),
  }),
  'what players read before play: the shared background, earlier talks, confidential notes by role',
  { background: 'Two years of protests have split the country. …', confidential: { 'party:gov': 'You need sanctions relief.' } },
);

export const historySchema = z.strictObject({
  summary: doc(text(4000), 'what really happened (max 4000)', 'The talks moved from Oslo to Barbados and were suspended in August.'),
  phaseReached: doc(phaseId, 'the phase the real process reached', 'negotiation'),
  outcome: doc(z.enum(['durable', 'notImplemented', 'partial', 'suspended', 'collapsed']), 'how the real process ended', 'suspended'),
  keyMoments: doc(
    z
      .array(
        z.strictObject({
          turn: doc(z.number().int().min(1).max(200), 'the turn it happened', 12),
          label: doc(text(300), 'what happened (max 300)', 'The government walks out over new sanctions.'),
        }),
      )
      .max(20)
      .default([]),
    "up to 20 key moments shown beside the trainee's timeline",
    [{ turn: 12, label: 'The government walks out over new sanctions.' }],
  ),
});

export const scenarioSchema = z
  .strictObject({
    $schema: doc(z.string().max(300).optional(), 'path or URL of scenarios/schema.json, for editors; ignored by the game', './schema.json'),
    id: doc(id, "the scenario's id, unique in the pack; saves refer to it", 'harbour'),
    version: doc(z.string().min(1).max(24), "the scenario's version (max 24); quote it if it looks like a number", '1.0'),
    title: doc(text(160), "the scenario's title (max 160)", 'The Harbour Talks'),
    period: doc(text(80), 'when it happens (max 80)', 'February–September 2019'),
    summary: doc(text(1200), 'two or three sentences for the menu (max 1200)', 'A government and an opposition alliance test whether talks can start.'),
    turnLength: doc(text(40).default('week'), 'what one turn stands for, shown to players (max 40)', 'week'),
    turnLimit: doc(z.number().int().min(3).max(200), 'last turn, 3..200; with no signed agreement by then the process collapses', 16),
    actionPoints: doc(z.number().int().min(1).max(10).default(3), "the mediator's action points per turn, 1..10", 3),
    startDate: doc(z.string().max(40).optional(), 'calendar date of turn 1, shown as a label (max 40)', '2019-05-15'),
    parties: doc(z.array(partySchema).min(2).max(6), '2–6 parties to the conflict', [
      {
        id: 'gov',
        name: 'The Government',
        principal: 'The President',
        delegation: 'Two ministers',
        publicStance: 'Talks, once the street is calm.',
        factions: [{ id: 'gov-core', name: 'Cabinet', influence: 1, stance: 'moderate' }],
      },
    ]),
    externals: doc(z.array(externalSchema).max(12).default([]), 'up to 12 outside actors: patrons, guarantors, groups of states, spoilers abroad', [
      { id: 'west', name: 'The Western Bloc', kind: 'group', support: { opp: 30 }, leverage: ['sanctions'] },
    ]),
    issues: doc(z.array(issueSchema).min(1).max(12), "1–12 issues, each a 0..100 scale with every party's position", [
      {
        id: 'elections',
        name: 'Election date',
        description: 'When the next election is held.',
        low: 'At term end',
        high: 'Within three months',
        core: ['opp'],
        positions: { gov: { public: 5, ideal: 20, weight: 3, reservation: 45 }, opp: { public: 95, ideal: 85, weight: 5, reservation: 40 } },
      },
    ]),
    venues: doc(z.array(venueSchema).max(6).default([]), 'up to 6 places to meet', [{ id: 'capital', name: 'A hotel in the capital', nearPrincipals: true }]),
    startVenue: doc(id.optional(), 'the venue id where talks start (the first venue when absent)', 'island'),
    thresholds: doc(thresholdsSchema.default(thresholdsSchema.parse({})), 'the phase criteria; every one has a default', {
      monitoringTurns: 3,
      walkOutMargin: 10,
    }),
    injects: doc(z.array(injectSchema).max(80).default([]), 'the master scenario events list (MSEL): up to 80 scheduled events', [
      {
        id: 'arrests',
        turn: 3,
        synopsis: 'The security chiefs arrest two organisers.',
        effect: { kind: 'spoiler', faction: 'gov-hardliners', action: 'arrest' },
      },
    ]),
    randomEvents: doc(z.array(randomEventSchema).max(40).default([]), 'up to 40 events drawn by chance', [
      { id: 'rumour', weight: 2, synopsis: 'A newspaper hints at secret talks.', effect: { kind: 'leak', source: 'a newspaper' } },
    ]),
    randomEventChance: doc(z.number().min(0).max(1).default(0.15), 'chance per turn (0..1) that one random event is drawn', 0.15),
    briefing: briefingSchema,
    history: doc(historySchema.optional(), 'what really happened, for the debrief of a historical scenario', {
      summary: 'The talks were suspended in August.',
      phaseReached: 'negotiation',
      outcome: 'suspended',
    }),
  })
  .describe('A Third Side scenario');

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
