/**
 * Small synthetic scenarios and runs for the debrief tests. `Play` writes a log the way the
 * engine does (moves with result keys, responses, events, phase changes, per-turn records), so a
 * test can script a run turn by turn and assert what the debrief makes of it.
 */
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema';
import { createWorld } from '../../src/sim/world';
import type { CommandBody, Effect, LogEntry, MediatorCommand, Msg, ProcessPhase, Proposal, Scenario, World, TurnRecord } from '../../src/sim/types';
import { RESULT_KEYS } from '../../src/sim/debrief/keys';

const faction = (id: string, stance: 'moderate' | 'hardline', spoiler: 'none' | 'limited' | 'greedy' | 'total', influence: number) => ({
  id,
  name: `Faction ${id}`,
  influence,
  stance,
  spoiler,
});

/**
 * Two parties (gov, opp), two issues that trade: gov cares most about "election" (weight 3 vs 1),
 * opp about "sanctions". Both issues have a zone of agreement [40, 60]; the best joint agreement
 * is election 40, sanctions 40 (see the agreement tests for the arithmetic).
 */
export function makeScenario(overrides: Partial<ScenarioInput> = {}): Scenario {
  const input: ScenarioInput = {
    id: 'test',
    version: '1',
    title: 'Test conflict',
    period: '2019',
    summary: 'A synthetic two-party conflict for tests.',
    turnLimit: 20,
    parties: [
      {
        id: 'gov',
        name: 'Government',
        principal: 'President',
        delegation: 'Minister',
        publicStance: 'No early election.',
        factions: [faction('gov_mod', 'moderate', 'none', 0.6), faction('gov_hard', 'hardline', 'greedy', 0.4)],
      },
      {
        id: 'opp',
        name: 'Opposition',
        principal: 'Leader',
        delegation: 'Negotiator',
        publicStance: 'Election now.',
        factions: [faction('opp_mod', 'moderate', 'none', 0.7), faction('opp_hard', 'hardline', 'total', 0.3)],
      },
    ],
    externals: [
      { id: 'usa', name: 'United States', kind: 'patron', support: { opp: 80, gov: -60 }, leverage: ['sanctions'], disposition: 10 },
      { id: 'russia', name: 'Russia', kind: 'patron', support: { gov: 80, opp: -50 }, leverage: ['money'], disposition: 0 },
      { id: 'norway', name: 'Norway', kind: 'guarantor', support: {}, leverage: ['mediation', 'guarantees'], disposition: 60 },
    ],
    issues: [
      {
        id: 'election',
        name: 'Election date',
        description: 'When the next election is held.',
        low: 'when the term ends',
        high: 'within three months',
        core: ['opp'],
        positions: {
          gov: { public: 0, ideal: 0, weight: 3, reservation: 60 },
          opp: { public: 100, ideal: 100, weight: 1, reservation: 40 },
        },
      },
      {
        id: 'sanctions',
        name: 'Sanctions relief',
        description: 'How much relief.',
        low: 'full relief',
        high: 'no relief',
        core: ['gov'],
        positions: {
          gov: { public: 100, ideal: 100, weight: 1, reservation: 40 },
          opp: { public: 0, ideal: 0, weight: 3, reservation: 60 },
        },
      },
    ],
    venues: [
      { id: 'oslo', name: 'Oslo' },
      { id: 'barbados', name: 'Barbados', nearPrincipals: true },
    ],
    startVenue: 'oslo',
    briefing: { background: 'Background for tests.' },
    ...overrides,
  };
  return scenarioSchema.parse(input);
}

/** The world at the start of a run, as the engine would set it up. */
/** The engine's own starting world, with BATNAs pinned so debrief tests do not depend on its formula. */
export function makeWorld(s: Scenario): World {
  const w = createWorld(s, { seed: 1, difficulty: 'standard', humanRoles: ['mediator'] });
  for (const p of Object.values(w.parties)) p.batna = 50;
  return w;
}

const PHASE_PROGRESS: Partial<Record<ProcessPhase, number>> = { exploratory: 0, agenda: 0.2, negotiation: 0.4, agreements: 0.7, monitoring: 0.9, concluded: 1 };

/** Scripts a run, writing log entries and per-turn records into a world. */
export class Play {
  readonly world: World;
  private progressBump = 0;

  constructor(readonly scenario: Scenario = makeScenario()) {
    this.world = makeWorld(scenario);
  }

  get turn(): number {
    return this.world.turn;
  }

  private push(e: LogEntry): void {
    this.world.log.push(e);
  }

  /** A mediator move; the result key defaults to `move.<type>.ok`. */
  move(command: MediatorCommand, resultKey?: string, params?: Msg['params']): this {
    const result: Msg = { key: resultKey ?? `move.${command.type}.ok`, ...(params ? { params } : {}) };
    this.push({ turn: this.turn, kind: 'move', role: 'mediator', command, cost: 1, result, changes: [] });
    if (command.type === 'caucus' && !resultKey?.startsWith(RESULT_KEYS.illegal)) this.world.parties[command.party]!.attention++;
    if (command.type === 'readBriefing') this.world.knowledge.briefing = true;
    if (command.type === 'studyHistory') this.world.knowledge.history = true;
    return this;
  }

  caucus(...parties: string[]): this {
    for (const party of parties) this.move({ type: 'caucus', party });
    return this;
  }

  /** A move by another seat (e.g. a human delegation walking out). */
  seat(role: `party:${string}`, command: CommandBody): this {
    this.push({ turn: this.turn, kind: 'move', role, command, cost: 0, result: { key: `seat.${command.type}` }, changes: [] });
    return this;
  }

  event(effect: Effect, source: 'inject' | 'random' | 'party' | 'faction' | 'external' | 'instructor' = 'inject'): this {
    this.push({ turn: this.turn, kind: 'event', source, effect, result: { key: `event.${effect.kind}` }, changes: [] });
    if (effect.kind === 'spoiler' && source === 'faction') this.world.factions[effect.faction]!.strikes++;
    return this;
  }

  phase(to: ProcessPhase): this {
    const from = this.world.phase;
    this.push({ turn: this.turn, kind: 'phase', from, to });
    this.world.phase = to;
    if (this.world.phaseEntered[to] === undefined) this.world.phaseEntered[to] = this.turn;
    return this;
  }

  /**
   * Table a proposal; `answers` gives each party's response (default: everyone accepts).
   * Accepted formulas/packages become the issues' formulas; an accepted agenda becomes the agenda.
   */
  propose(command: Extract<MediatorCommand, { type: 'proposeAgenda' | 'proposeFormula' | 'proposePackage' }>, answers: Record<string, boolean> = {}): this {
    const id = this.world.proposals.length + 1;
    const parties = Object.keys(this.world.parties);
    const accept = (p: string) => answers[p] ?? true;
    const allAccept = parties.every(accept);
    const kind = command.type === 'proposeAgenda' ? 'agenda' : command.type === 'proposeFormula' ? 'formula' : 'package';
    const terms = command.type === 'proposeFormula' ? { [command.issue]: command.value } : command.type === 'proposePackage' ? command.terms : undefined;
    const proposal: Proposal = {
      id,
      turn: this.turn,
      phase: this.world.phase,
      kind,
      ...(command.type === 'proposeAgenda' ? { issues: command.issues } : {}),
      ...(terms ? { terms } : {}),
      responses: Object.fromEntries(parties.map((p) => [p, accept(p) ? 'accept' : 'reject'])),
      reasons: Object.fromEntries(parties.map((p) => [p, { key: accept(p) ? 'reason.ok' : 'reason.redLine' }])),
      status: allAccept ? 'accepted' : 'rejected',
    };
    this.world.proposals.push(proposal);
    this.move(command, allAccept ? RESULT_KEYS.proposalAccepted : RESULT_KEYS.proposalRejected, { proposal: id });
    for (const p of parties) this.push({ turn: this.turn, kind: 'response', proposal: id, party: p, accept: accept(p), reason: proposal.reasons[p]! });
    if (allAccept && command.type === 'proposeAgenda') this.world.agenda = [...command.issues];
    if (allAccept && terms) {
      for (const [issue, value] of Object.entries(terms)) this.world.issues[issue]!.formula = { value, acceptedBy: parties, proposedTurn: this.turn };
    }
    return this;
  }

  /** A signing proposal (the call to sign in agreements). */
  signing(accepted: boolean): this {
    const parties = Object.keys(this.world.parties);
    this.world.proposals.push({
      id: this.world.proposals.length + 1,
      turn: this.turn,
      phase: 'agreements',
      kind: 'signing',
      responses: Object.fromEntries(parties.map((p) => [p, accepted ? 'accept' : 'reject'])),
      reasons: {},
      status: accepted ? 'accepted' : 'rejected',
    });
    return this.move({ type: 'proposeNextPhase' }, accepted ? 'move.proposeNextPhase.ok' : RESULT_KEYS.signingFailed);
  }

  /** Change a party's meters now (they show in the next turn record). */
  meters(party: string, m: Partial<Pick<World['parties'][string], 'trustInMediator' | 'commitment' | 'cohesion' | 'batna'>>): this {
    Object.assign(this.world.parties[party]!, m);
    return this;
  }

  /** Make the engine's progress measure rise this turn. */
  progress(delta = 0.05): this {
    this.progressBump += delta;
    return this;
  }

  /** End the turn: log it, record the per-turn series, move to the next turn. */
  endTurn(compliance?: Record<string, number>): this {
    const w = this.world;
    this.push({ turn: this.turn, kind: 'turn', ended: this.turn });
    const rec: TurnRecord = {
      turn: this.turn,
      phase: w.phase,
      parties: Object.fromEntries(
        Object.values(w.parties).map((p) => [
          p.id,
          {
            trustInMediator: p.trustInMediator,
            commitment: p.commitment,
            cohesion: p.cohesion,
            batna: p.batna,
            ...(compliance?.[p.id] !== undefined ? { compliance: compliance[p.id] } : {}),
          },
        ]),
      ),
      progress: (PHASE_PROGRESS[w.phase] ?? 0) + this.progressBump,
    };
    w.series.push(rec);
    w.turn++;
    return this;
  }

  /** Several empty turns (only endTurn). */
  idle(turns: number): this {
    for (let k = 0; k < turns; k++) this.endTurn();
    return this;
  }
}

/**
 * A sound run: briefing and history first, both parties heard before every proposal, experts
 * before spoilers, both sides' patrons engaged, issues studied before terms, the best package,
 * monitoring held to the end. Ends concluded at turn 10.
 */
export function soundPlay(): Play {
  const p = new Play();
  // Turn 1: exploratory — read, study, listen.
  p.move({ type: 'readBriefing' }).move({ type: 'studyHistory' }).caucus('gov', 'opp').move({ type: 'consultExperts', subject: 'gov_hard' });
  p.meters('gov', { trustInMediator: 44, commitment: 46 }).meters('opp', { trustInMediator: 44, commitment: 46 }).endTurn();
  // Turn 2: spoilers and patrons, then agenda.
  p.move({ type: 'consultExperts', subject: 'opp_hard' })
    .move({ type: 'engageSpoiler', faction: 'gov_hard', approach: 'socialize' }, RESULT_KEYS.spoilerRight)
    .move({ type: 'engageSpoiler', faction: 'opp_hard', approach: 'isolate' }, RESULT_KEYS.spoilerRight)
    .move({ type: 'engageExternal', actor: 'usa', ask: 'restraint' })
    .move({ type: 'engageExternal', actor: 'russia', ask: 'restraint' })
    .caucus('gov', 'opp')
    .meters('gov', { trustInMediator: 50, commitment: 55 })
    .meters('opp', { trustInMediator: 50, commitment: 55 })
    .move({ type: 'proposeNextPhase' }, 'move.proposeNextPhase.ok')
    .phase('agenda')
    .endTurn();
  // Turn 3: agenda — a sanctions shock from a patron already engaged; a reframe; the agenda.
  p.event({ kind: 'sanctions', actor: 'usa', sanction: 'new', target: 'gov', magnitude: 10 }, 'external')
    .caucus('gov', 'opp')
    .move({ type: 'reframe', issue: 'election' })
    .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] })
    .phase('negotiation')
    .endTurn();
  // Turn 4: negotiation — study both issues, hear both parties.
  p.move({ type: 'technicalCommission', issue: 'election' })
    .move({ type: 'technicalCommission', issue: 'sanctions' })
    .caucus('gov', 'opp')
    .progress()
    .endTurn();
  // Turn 5: direct talks and the best package.
  p.move({ type: 'jointSession' }, 'move.jointSession.direct')
    .propose({ type: 'proposePackage', terms: { election: 40, sanctions: 40 } })
    .phase('agreements')
    .endTurn();
  // Turn 6: verification and signing.
  p.caucus('gov', 'opp').move({ type: 'designVerification' }).signing(true).phase('monitoring').endTurn({ gov: 70, opp: 70 });
  // Turns 7–10: monitoring holds.
  for (let t = 7; t <= 10; t++) {
    p.move({ type: 'designVerification' });
    p.world.complianceTurns++;
    if (t === 10) p.phase('concluded');
    p.endTurn({ gov: 72, opp: 71 });
  }
  return p;
}
