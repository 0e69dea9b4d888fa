/**
 * Model-based test of the process statechart with xstate/graph: traverse the machine from its
 * initial state with a curated set of its own events, find a shortest path to every reachable
 * configuration, and check that every state node of the chart is reached. Each path is then
 * replayed on a fresh actor and must end in the state the traversal predicted.
 */
import { describe, expect, it } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { getShortestPaths, getStateNodes } from 'xstate/graph';
import { processMachine, type ProcessEvent } from '../../src/sim/machine';
import { createWorld } from '../../src/sim/world';
import { scenarioSchema, type ScenarioInput } from '../../src/scenario/schema';

type Snap = SnapshotFrom<typeof processMachine>;

/** A small scenario whose thresholds let every transition be reached in a few steps. */
const input: ScenarioInput = {
  id: 'model',
  version: '1',
  title: 'Model',
  period: 'test',
  summary: 'A scenario tuned so every state of the process can be reached.',
  turnLimit: 4,
  actionPoints: 9,
  parties: ['a', 'b'].map((id) => ({
    id,
    name: id.toUpperCase(),
    principal: 'P',
    delegation: 'D',
    publicStance: 'S',
    trustInMediator: 80,
    commitment: 80,
    cohesion: 80,
    trustIn: { [id === 'a' ? 'b' : 'a']: 60 },
    domesticStrength: 20,
    factions: [{ id: `${id}-f`, name: 'F', influence: 1, stance: 'moderate' as const }],
  })),
  issues: [
    {
      id: 'x',
      name: 'X',
      description: 'An issue with a wide zone of agreement.',
      low: 'low',
      high: 'high',
      core: ['a', 'b'],
      positions: { a: { public: 40, ideal: 50, weight: 1, reservation: 0 }, b: { public: 60, ideal: 50, weight: 1, reservation: 100 } },
    },
  ],
  thresholds: {
    exploratoryCommitment: 10,
    exploratoryTrust: 10,
    agendaTrust: 10,
    directTalksTrust: 20,
    signingCohesion: 10,
    signingCommitment: 10,
    monitoringTurns: 1,
    complianceFloor: 0,
    suspendedMaxTurns: 1,
    walkOutMargin: 60,
  },
  briefing: { background: 'Model scenario background.' },
};
const scenario = scenarioSchema.parse(input);
const machineInput = { s: scenario, w: createWorld(scenario, { seed: 1, difficulty: 'standard', humanRoles: [] }) };

const mediator = { role: 'mediator' as const };
const planned = (effect: { kind: 'walkOut'; party: string } | { kind: 'leak' }) => ({ source: 'instructor' as const, effect });
const EVENTS: ProcessEvent[] = [
  { ...mediator, type: 'proposeNextPhase' },
  { ...mediator, type: 'proposeAgenda', issues: ['x'] },
  { ...mediator, type: 'proposeFormula', issue: 'x', value: 50 },
  { ...mediator, type: 'jointSession' },
  { ...mediator, type: 'publicStatement', tone: 'sober' },
  { type: 'event.leak', planned: planned({ kind: 'leak' }) },
  { type: 'event.walkOut', planned: planned({ kind: 'walkOut', party: 'a' }) },
  { type: 'event.walkOut', planned: planned({ kind: 'walkOut', party: 'b' }) },
  { type: 'turn.close' },
  { type: 'turn.advance' },
];

/** A configuration: the state value plus the context facts the guards read, bounded so the graph is finite. */
function serialize(s: Snap): string {
  const w = s.context.w;
  return JSON.stringify({
    value: s.value,
    agenda: w.agenda !== null,
    agreed: Object.values(w.issues).some((i) => i.formula && i.formula.acceptedBy.length === 2),
    signed: Object.values(w.signatures).filter(Boolean).length,
    out: Object.values(w.parties).filter((p) => p.seat === 'walkedOut').length,
    compliance: w.complianceTurns,
    suspended: Math.min(w.suspendedTurns, 3),
    expired: w.expired,
    turn: Math.min(w.turn, 5),
  });
}

const leafIds = (s: Snap): string[] =>
  [...s._nodes]
    .filter((n) => n.type === 'atomic' || n.type === 'final')
    .map((n) => n.id)
    .sort();

describe('process statechart (model-based, xstate/graph)', () => {
  const paths = getShortestPaths(processMachine, { input: machineInput, events: EVENTS, serializeState: serialize, limit: 20_000 });

  it('reaches every state node of the chart', () => {
    const reached = new Set<string>();
    for (const p of paths) for (const n of p.state._nodes) reached.add(n.id);
    const all = getStateNodes(processMachine.root)
      .filter((n) => n.type !== 'history')
      .map((n) => n.id);
    expect(all.filter((id) => !reached.has(id))).toEqual([]);
    // Sanity: the chart is what the design says.
    for (const id of [
      'exploratory',
      'agenda',
      'negotiation',
      'agreements',
      'monitoring',
      'suspended',
      'collapsed',
      'concluded',
      'pendular',
      'direct',
      'confidential',
      'acknowledged',
      'leaked',
    ]) {
      expect(all.some((x) => x.endsWith(`.${id}`))).toBe(true);
    }
  });

  it('replaying each shortest path on a fresh actor ends where the traversal said', () => {
    expect(paths.length).toBeGreaterThan(20);
    for (const p of paths) {
      const actor = createActor(processMachine, { input: machineInput }).start();
      for (const step of p.steps) actor.send(step.event);
      expect(leafIds(actor.getSnapshot())).toEqual(leafIds(p.state));
      expect(serialize(actor.getSnapshot())).toEqual(serialize(p.state));
    }
  });

  it('suspension returns to the phase it interrupted (history), not to the start', () => {
    const negotiation = paths.find((p) => leafIds(p.state).includes('process.phase.active.negotiation'));
    expect(negotiation).toBeDefined();
    const actor = createActor(processMachine, { input: machineInput }).start();
    for (const step of negotiation!.steps) actor.send(step.event);
    actor.send({ type: 'event.walkOut', planned: planned({ kind: 'walkOut', party: 'a' }) });
    expect(actor.getSnapshot().context.w.phase).toBe('suspended');
    // A shuttle visit gives the walked-out party its reason to return (its commitment is high):
    // at the turn's close it comes back and the phase resumes.
    actor.send({ type: 'caucus', party: 'a', role: 'mediator' } as never);
    actor.send({ type: 'turn.close' });
    expect(actor.getSnapshot().context.w.phase).toBe('negotiation');
  });

  it('final states stay final under every event', () => {
    for (const p of paths.filter((x) => x.state.context.w.phase === 'collapsed' || x.state.context.w.phase === 'concluded')) {
      const actor = createActor(processMachine, { input: machineInput }).start();
      for (const step of p.steps) actor.send(step.event);
      const phase = actor.getSnapshot().context.w.phase;
      for (const e of EVENTS) actor.send(e);
      expect(actor.getSnapshot().context.w.phase).toBe(phase);
    }
  });
});
