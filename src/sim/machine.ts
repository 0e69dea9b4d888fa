/**
 * The peace process as an XState v5 statechart. Three parallel regions:
 *  - phase: the Norwegian five phases inside `active`, plus suspended (returns to the phase it left
 *    through a history state), collapsed and concluded (final);
 *  - talkFormat: pendular (shuttle) ⇄ direct (face to face, needs mutual trust);
 *  - visibility: confidential ⇄ acknowledged ⇄ leaked.
 * The world's numbers live in context; the rule modules compute them, the chart decides the modes.
 * Context mirrors the active modes (phase, talkFormat, visibility) because rules need to read them
 * and XState actions cannot see the state value.
 *
 * A live actor's context is its workbench: actions draft the world in place through the game's
 * runner (runner.ts) instead of going through `assign`, because every `assign` makes XState rebuild
 * the whole snapshot, a large share of a game's cost. Immutability lives one level up: each Game
 * keeps the World its command produced (game.ts), and a draft never touches a World an earlier
 * Game holds. Contexts without a runner (xstate/graph's pure traversal in the model test) still go
 * through `assign`.
 */
import { enqueueActions, setup } from 'xstate';
import type { EffectKind, Scenario } from '../scenario/schema';
import type { Change, Command, MediatorCommand, PhaseId, PlannedEvent, ProcessPhase, SeatCommand, World } from './types';
import { addLog, copyWorld } from './world';
import type { Runner } from './runner';
import { logMove } from './rules/moves';
import { refreshBatnas } from './rules/batna';
import { MEDIATOR_COMMAND_TYPES, REGISTRY, specOf, type CommandType } from './commands';
import { holdJointSession } from './commands/jointSession';
import { makeStatement, type PublicStatement } from './commands/publicStatement';
import { callNextPhase } from './commands/proposeNextPhase';
import { applyEffect } from './rules/effects';
import { advanceTurn, closeTurn, planTurnEnd } from './rules/turn';
import { criteriaMet, mutualTrust } from './rules/criteria';
import { Dice } from './rng';
import { parseRole } from './roles';

export interface ProcessContext {
  s: Scenario;
  w: World;
  /** Present in a live actor's context: its actions draft the world through it, in place. */
  runner?: Runner;
}

export type WorldEventType = `event.${EffectKind}`;
export type WorldEvent = { type: WorldEventType; planned: PlannedEvent };
export type ProcessEvent = Command | WorldEvent | { type: 'turn.close' } | { type: 'turn.advance' };

type Ctx = { context: ProcessContext };

type Rule<P> = (s: Scenario, w: World, event: ProcessEvent, params: P) => void;

/** Run a rule on this command's draft of the world. */
const update = <P = undefined>(fn: Rule<P>) =>
  enqueueActions<ProcessContext, ProcessEvent, P, ProcessEvent, never, never, never, never, never>(({ context, event, enqueue }, params) => {
    // A live actor's context carries its runner: draft the world in place (see runner.ts).
    if (context.runner) {
      const w = (context.w = context.runner.draft(context.w));
      fn(context.s, w, event, params);
      return;
    }
    enqueue.assign(({ context: c }) => {
      const w = copyWorld(c.w);
      fn(c.s, w, event, params);
      return { w };
    });
  });

const enterPhase = (phase: ProcessPhase) =>
  update((_s, w) => {
    if (w.phase === phase) return;
    if (phase === 'suspended') {
      w.resumePhase = w.phase as PhaseId;
      w.suspendedTurns = 0;
    }
    if (phase !== 'suspended' && w.phase === 'suspended') w.resumePhase = null;
    addLog(w, { turn: w.turn, kind: 'phase', from: w.phase, to: phase });
    if (w.phaseEntered[phase] === undefined) w.phaseEntered[phase] = w.turn;
    w.phase = phase;
  });

/** Commands a region handles itself (with guards) are marked `region` in the registry; every other is applied at the root. */
const ROOT_COMMANDS = (Object.keys(REGISTRY) as CommandType[]).filter((t) => !REGISTRY[t].region);
const IS_MOVE = new Set<string>(MEDIATOR_COMMAND_TYPES);
const ROOT_WORLD_EVENTS: WorldEventType[] = [
  'event.spoiler',
  'event.sanctions',
  'event.cbm',
  'event.supportShift',
  'event.deadline',
  'event.walkOut',
  'event.venueOffer',
  'event.meters',
  'event.news',
];

const anyWalkedOut = (w: World): boolean => Object.values(w.parties).some((p) => p.seat === 'walkedOut');

const processSetup = setup({
  types: {
    context: {} as ProcessContext,
    events: {} as ProcessEvent,
    input: {} as ProcessContext,
  },
  guards: {
    exploratoryCriteriaMet: ({ context }: Ctx) => criteriaMet(context.s, context.w, 'exploratory'),
    agendaAcceptedByAll: ({ context }: Ctx) => criteriaMet(context.s, context.w, 'agenda'),
    formulasInEveryZone: ({ context }: Ctx) => criteriaMet(context.s, context.w, 'negotiation'),
    allPartiesSigned: ({ context }: Ctx) => Object.values(context.w.signatures).every(Boolean),
    complianceHeld: ({ context }: Ctx) => context.w.complianceTurns >= context.s.thresholds.monitoringTurns,
    agreementBroken: ({ context }: Ctx) => context.w.violations >= 3,
    processExpired: ({ context }: Ctx) => context.w.expired,
    someoneWalkedOut: ({ context }: Ctx) => anyWalkedOut(context.w),
    everyoneAtTable: ({ context }: Ctx) => Object.values(context.w.parties).every((p) => p.seat !== 'walkedOut'),
    suspensionExhausted: ({ context }: Ctx) =>
      context.w.expired ||
      context.w.suspendedTurns > context.s.thresholds.suspendedMaxTurns ||
      Object.values(context.w.parties).every((p) => p.seat === 'walkedOut'),
    mutualTrustEnough: ({ context }: Ctx) => mutualTrust(context.w) >= context.s.thresholds.directTalksTrust,
    mutualTrustBroken: ({ context }: Ctx) => mutualTrust(context.w) < context.s.thresholds.directTalksTrust - 15 || anyWalkedOut(context.w),
    isSoberStatement: ({ event }: { event: ProcessEvent }) => event.type === 'publicStatement' && event.tone === 'sober',
  },
  actions: {
    applyCommand: update((s, w, e) => {
      const cmd = e as Command;
      const spec = specOf(cmd.type)!;
      const body = stripRole(cmd) as Parameters<typeof spec.apply & {}>[2];
      const r = parseRole(cmd.role)!;
      const sender = { role: cmd.role, kind: r.kind === 'observer' ? 'mediator' : r.kind, id: r.id ?? '' } as const;
      const dice = new Dice(w);
      if (IS_MOVE.has(cmd.type)) {
        const cost = spec.spends ? spec.spends(w) : spec.cost;
        w.ap -= cost;
        const out = spec.apply!(s, w, body, sender, () => dice.unit());
        refreshBatnas(s, w);
        logMove(w, body as MediatorCommand, cost, out);
        return;
      }
      const out = spec.apply!(s, w, body, sender, () => dice.unit());
      addLog(w, { turn: w.turn, kind: 'move', role: cmd.role, command: body as SeatCommand, cost: 0, result: out.result, changes: out.changes });
    }),
    applyWorldEvent: update((s, w, e) => {
      const { planned } = e as WorldEvent;
      // Planned events arrive in order: this one leaves the queue.
      if (w.pending[0] === planned) w.pending = w.pending.slice(1);
      const changes: Change[] = [];
      const result = applyEffect(s, w, planned.effect, changes);
      addLog(w, {
        turn: w.turn,
        kind: 'event',
        source: planned.source,
        ...(planned.id ? { id: planned.id } : {}),
        ...(planned.synopsis ? { synopsis: planned.synopsis } : {}),
        effect: planned.effect,
        result,
        changes,
      });
    }),
    holdJointSession: update((_s, w, e) => logMove(w, stripRole(e as Command) as MediatorCommand, REGISTRY.jointSession.cost, holdJointSession(w, true))),
    jointSessionBackfired: update((_s, w, e) => logMove(w, stripRole(e as Command) as MediatorCommand, REGISTRY.jointSession.cost, holdJointSession(w, false))),
    makeStatement: update((_s, w, e) => {
      const cmd = stripRole(e as Command) as PublicStatement;
      logMove(w, cmd, REGISTRY.publicStatement.cost, makeStatement(w, cmd));
    }),
    advancePhase: update((s, w, e) => logMove(w, stripRole(e as Command) as MediatorCommand, REGISTRY.proposeNextPhase.cost, callNextPhase(s, w, true))),
    refuseAdvance: update((s, w, e) => logMove(w, stripRole(e as Command) as MediatorCommand, REGISTRY.proposeNextPhase.cost, callNextPhase(s, w, false))),
    planTurnEnd: update((s, w, e) => {
      addLog(w, {
        turn: w.turn,
        kind: 'move',
        role: (e as Command).role,
        command: { type: 'endTurn' },
        cost: 0,
        result: { key: 'move.endTurn.done' },
        changes: [],
      });
      w.pending.push(...planTurnEnd(s, w));
    }),
    closeTurn: update((s, w) => closeTurn(s, w)),
    advanceTurn: update((s, w) => advanceTurn(s, w)),
    setTalkFormat: update<{ to: World['talkFormat'] }>((_s, w, _e, params) => {
      // Falling back to shuttle diplomacy is news the trainee must see.
      if (params.to === 'pendular')
        addLog(w, { turn: w.turn, kind: 'event', source: 'party', effect: { kind: 'news' }, result: { key: 'event.format.pendular' }, changes: [] });
      w.talkFormat = params.to;
    }),
    setVisibility: update<{ to: World['visibility'] }>((_s, w, _e, params) => {
      w.visibility = params.to;
    }),
    enterExploratory: enterPhase('exploratory'),
    enterAgenda: enterPhase('agenda'),
    enterNegotiation: enterPhase('negotiation'),
    enterAgreements: enterPhase('agreements'),
    enterMonitoring: enterPhase('monitoring'),
    enterSuspended: enterPhase('suspended'),
    enterCollapsed: enterPhase('collapsed'),
    enterConcluded: enterPhase('concluded'),
  },
});

function stripRole<T extends { role?: unknown }>(cmd: T): Omit<T, 'role'> {
  const { role: _role, ...rest } = cmd;
  return rest;
}

const rootOn: Record<string, { actions: string }> = {};
for (const m of ROOT_COMMANDS) rootOn[m] = { actions: 'applyCommand' };
for (const m of ROOT_WORLD_EVENTS) rootOn[m] = { actions: 'applyWorldEvent' };

const advanceOn = (guard: 'exploratoryCriteriaMet' | 'agendaAcceptedByAll' | 'formulasInEveryZone', target: string) => ({
  proposeNextPhase: [{ guard, target, actions: 'advancePhase' as const }, { actions: 'refuseAdvance' as const }],
});

export const processMachine = processSetup.createMachine({
  id: 'process',
  type: 'parallel',
  context: ({ input }) => input,
  on: {
    ...(rootOn as object),
    endTurn: { actions: 'planTurnEnd' },
    'turn.close': { actions: 'closeTurn' },
    'turn.advance': { actions: 'advanceTurn' },
  },
  states: {
    phase: {
      initial: 'active',
      states: {
        active: {
          initial: 'exploratory',
          always: [
            { guard: 'processExpired', target: 'collapsed' },
            { guard: 'someoneWalkedOut', target: 'suspended' },
          ],
          states: {
            exploratory: { entry: 'enterExploratory', on: advanceOn('exploratoryCriteriaMet', 'agenda') },
            agenda: { entry: 'enterAgenda', on: advanceOn('agendaAcceptedByAll', 'negotiation') },
            negotiation: { entry: 'enterNegotiation', on: advanceOn('formulasInEveryZone', 'agreements') },
            agreements: {
              entry: 'enterAgreements',
              on: { proposeNextPhase: { actions: 'advancePhase' } },
              always: { guard: 'allPartiesSigned', target: 'monitoring' },
            },
            monitoring: {
              entry: 'enterMonitoring',
              always: [
                { guard: 'complianceHeld', target: '#process.phase.concluded' },
                { guard: 'agreementBroken', target: '#process.phase.collapsed' },
              ],
            },
            resume: { type: 'history', history: 'shallow' },
          },
        },
        suspended: {
          entry: 'enterSuspended',
          always: [
            { guard: 'suspensionExhausted', target: 'collapsed' },
            { guard: 'everyoneAtTable', target: 'active.resume' },
          ],
        },
        collapsed: { type: 'final', entry: 'enterCollapsed' },
        concluded: { type: 'final', entry: 'enterConcluded' },
      },
    },
    talkFormat: {
      initial: 'pendular',
      states: {
        pendular: {
          on: {
            jointSession: [{ guard: 'mutualTrustEnough', target: 'direct', actions: 'holdJointSession' }, { actions: 'jointSessionBackfired' }],
          },
        },
        direct: {
          entry: { type: 'setTalkFormat', params: { to: 'direct' } },
          exit: { type: 'setTalkFormat', params: { to: 'pendular' } },
          on: { jointSession: { actions: 'holdJointSession' } },
          always: { guard: 'mutualTrustBroken', target: 'pendular' },
        },
      },
    },
    visibility: {
      initial: 'confidential',
      states: {
        confidential: {
          on: {
            publicStatement: { target: 'acknowledged', actions: 'makeStatement' },
            'event.leak': { target: 'leaked', actions: 'applyWorldEvent' },
          },
        },
        acknowledged: {
          entry: { type: 'setVisibility', params: { to: 'acknowledged' } },
          on: {
            publicStatement: { actions: 'makeStatement' },
            'event.leak': { target: 'leaked', actions: 'applyWorldEvent' },
          },
        },
        leaked: {
          entry: { type: 'setVisibility', params: { to: 'leaked' } },
          on: {
            publicStatement: [{ guard: 'isSoberStatement', target: 'acknowledged', actions: 'makeStatement' }, { actions: 'makeStatement' }],
            'event.leak': { actions: 'applyWorldEvent' },
          },
        },
      },
    },
  },
});
