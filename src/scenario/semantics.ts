/**
 * Checks on what a scenario means, beyond its types and its references: can the phases be passed
 * at all, is there something to agree on, is every text really written. Each error here names a
 * criterion that no sequence of moves can meet, so the pack would be unwinnable by construction;
 * warnings flag what is legal but probably not what the author meant.
 *
 * The reachability rules follow src/sim/docs/MECHANICS.md and src/sim/rules (move costs, what
 * each move raises). They are kept conservative: an error must be a certainty, not a balance opinion.
 */
import type { Scenario, Effect, Condition, MoveType } from './schema';
import type { LoadProblem } from './load';
import { acceptableRange, zopa } from './zopa';
import { MOVE_COST, RULE_NUMBERS } from '../sim/commands';
import { checkEarlyWalkOuts } from './walkOut';

type Path = (string | number)[];

/** Shortest shared background we accept as a briefing (visible characters); shorter is a placeholder. */
export const MIN_BACKGROUND_CHARS = 40;
/** Below this a background is legal but thin for a trainee. */
export const THIN_BACKGROUND_CHARS = 200;

// The engine's own numbers, read from its command registry: move costs and the rules' gains.
/** Action points a flawless run must spend to sign. */
const AP = MOVE_COST;
const { COMPLIANCE, NEAR_PRINCIPALS_COHESION } = RULE_NUMBERS;
/** Approximate exploratory gains of one caucus, used only for estimates (warnings). */
const CAUCUS_GAIN = { trustInMediator: RULE_NUMBERS.CAUCUS.trust, commitment: RULE_NUMBERS.CAUCUS.commitmentExploratory } as const;
/** Cohesion gained by engaging one of the party's factions the right way (at best). */
const SPOILER_COHESION_GAIN = RULE_NUMBERS.SPOILER_COHESION.included;

type TargetKind = 'party' | 'faction' | 'external' | 'issue' | 'venue';
/**
 * What each move can be aimed at, as the engine matches a response (rules/turn.ts, responded): a
 * move missing here carries no id the engine could compare, so giving it a target means the
 * response is never recognised. A package's terms are not matched either.
 */
const MOVE_TARGETS: Partial<Record<MoveType, TargetKind[]>> = {
  caucus: ['party'],
  requestCbm: ['party'],
  publicStatement: ['party'],
  engageExternal: ['external'],
  engageSpoiler: ['faction'],
  reframe: ['issue'],
  technicalCommission: ['issue'],
  proposeFormula: ['issue'],
  proposeAgenda: ['issue'],
  consultExperts: ['faction', 'issue'],
  changeVenue: ['venue'],
};

/**
 * A lower bound on the turns before any run can sign: one proposeNextPhase per phase exit, an
 * agenda, at least one formula (or one package for several core issues) and the joint session
 * that direct talks need for signing. Meter-raising moves are left out, so it never overestimates.
 */
export function minTurnsToSign(s: Scenario): number {
  const coreIssues = s.issues.filter((i) => i.core.length > 0).length;
  const formulas = coreIssues >= 2 ? Math.min(AP.proposePackage, coreIssues * AP.proposeFormula) : AP.proposeFormula;
  const ap = 4 * AP.proposeNextPhase + AP.proposeAgenda + formulas + AP.jointSession;
  return Math.ceil(ap / s.actionPoints);
}

/**
 * A rough estimate (not a bound) adding the caucuses exploratory needs and the faction engagements
 * that lift cohesion to the signing level: for warnings only.
 */
export function typicalTurnsToSign(s: Scenario): number {
  const t = s.thresholds;
  const needCohesion = t.signingCohesion - (s.venues.some((v) => v.nearPrincipals) ? NEAR_PRINCIPALS_COHESION : 0);
  const moves = s.parties.reduce((sum, p) => {
    const trust = Math.ceil(Math.max(0, t.exploratoryTrust - p.trustInMediator) / CAUCUS_GAIN.trustInMediator);
    const commit = Math.ceil(Math.max(0, t.exploratoryCommitment - p.commitment) / CAUCUS_GAIN.commitment);
    const cohesion = Math.ceil(Math.max(0, needCohesion - p.cohesion) / SPOILER_COHESION_GAIN);
    return sum + Math.max(trust, commit) + cohesion;
  }, 0);
  return minTurnsToSign(s) + Math.ceil(moves / s.actionPoints);
}

export function checkSemantics(s: Scenario): LoadProblem[] {
  const out: LoadProblem[] = [];
  const err = (path: Path, message: string, hint?: string, expected?: string) =>
    out.push({ path, message, severity: 'error', ...(hint ? { hint } : {}), ...(expected ? { expected } : {}) });
  const warn = (path: Path, message: string, hint?: string) => out.push({ path, message, severity: 'warning', ...(hint ? { hint } : {}) });

  checkBlankText(s, [], err);
  checkIds(s, err);
  checkBriefing(s, err, warn);
  checkIssues(s, err, warn);
  checkReachability(s, err, warn);
  checkInjects(s, err, warn);
  out.push(...checkEarlyWalkOuts(s));

  s.randomEvents.forEach((ev, i) => {
    const first = s.randomEvents.findIndex((x) => x.id === ev.id);
    if (first !== i) err(['randomEvents', i, 'id'], `duplicate random event id "${ev.id}"`, 'every id must be unique in the scenario');
  });
  if (s.randomEventChance > 0 && s.randomEvents.length > 0 && s.randomEvents.every((e) => e.weight === 0)) {
    warn(['randomEvents'], 'every random event has weight 0, so none can ever be drawn', 'give some events a positive weight, or set randomEventChance: 0');
  }
  s.history?.keyMoments.forEach((m, i) => {
    if (m.turn > s.turnLimit)
      warn(
        ['history', 'keyMoments', i, 'turn'],
        `key moment at turn ${m.turn} is after the last turn (${s.turnLimit})`,
        'the debrief timeline stops at turnLimit',
      );
  });
  return out;
}

type Report = (path: Path, message: string, hint?: string, expected?: string) => void;

/** The schema asks for at least one character; a text of spaces is still empty to a reader. */
function checkBlankText(value: unknown, path: Path, err: Report): void {
  if (typeof value === 'string') {
    if (value.length > 0 && value.trim() === '')
      err(path, 'this text is blank (only spaces or line breaks)', 'write the text, or remove the field if it is optional', 'visible text');
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkBlankText(v, [...path, i], err));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkBlankText(v, [...path, k], err);
  }
}

function checkIds(s: Scenario, err: Report): void {
  // Targets, consultExperts subjects and notEngaged are looked up by id alone, so no two things may share one.
  const owners = new Map<string, string>();
  const claim = (id: string, kind: string, path: Path) => {
    if (id in Object.prototype) {
      err(path, `"${id}" cannot be used as an id`, 'it is a reserved word of the JavaScript runtime; pick another name');
      return;
    }
    const prior = owners.get(id);
    if (prior && prior !== kind)
      err(
        path,
        `id "${id}" is used both for a ${prior} and for a ${kind}`,
        'targets are found by id alone, so parties, factions, external actors, issues and venues need different ids',
      );
    else owners.set(id, kind);
  };
  s.parties.forEach((p, pi) => {
    claim(p.id, 'party', ['parties', pi, 'id']);
    p.factions.forEach((f, fi) => claim(f.id, 'faction', ['parties', pi, 'factions', fi, 'id']));
  });
  s.externals.forEach((e, i) => claim(e.id, 'external actor', ['externals', i, 'id']));
  s.issues.forEach((iss, i) => claim(iss.id, 'issue', ['issues', i, 'id']));
  s.venues.forEach((v, i) => claim(v.id, 'venue', ['venues', i, 'id']));
}

function checkBriefing(s: Scenario, err: Report, warn: Report): void {
  const visible = s.briefing.background.replace(/\s+/g, ' ').trim().length;
  if (visible < MIN_BACKGROUND_CHARS) {
    err(
      ['briefing', 'background'],
      `the shared briefing is almost empty (${visible} characters)`,
      'tell every player the conflict, the parties and why talks now; a few paragraphs',
      `at least ${MIN_BACKGROUND_CHARS} characters`,
    );
  } else if (visible < THIN_BACKGROUND_CHARS) {
    warn(
      ['briefing', 'background'],
      `the shared briefing is short (${visible} characters)`,
      'a trainee decides from this text alone; say who wants what and what failed before',
    );
  }
  for (const p of s.parties) {
    if (!Object.hasOwn(s.briefing.confidential, `party:${p.id}`)) {
      warn(
        ['briefing', 'confidential'],
        `no confidential briefing for "party:${p.id}"`,
        `a student playing ${p.name} sees only the shared briefing; add a "party:${p.id}" entry`,
      );
    }
  }
}

function checkIssues(s: Scenario, err: Report, warn: Report): void {
  const partyIds = s.parties.map((p) => p.id);
  s.issues.forEach((iss, ii) => {
    const base: Path = ['issues', ii];
    const present = partyIds.filter((pid) => Object.hasOwn(iss.positions, pid));
    if (present.length === partyIds.length && !zopa(iss, partyIds)) {
      const ranges = present.map((pid) => {
        const r = acceptableRange(iss.positions[pid]!);
        return `${pid} accepts ${r.low}–${r.high}`;
      });
      const message = `no zone of possible agreement on "${iss.id}": ${ranges.join(', ')}`;
      const hint =
        'move a reservation (red line) so the acceptable ranges overlap; a party accepts from its reservation through its ideal to the end of the scale';
      if (iss.core.length > 0)
        err([...base, 'positions'], `${message}; as a core issue it must be agreed, so negotiation can never end`, hint, 'overlapping acceptable ranges');
      else warn([...base, 'positions'], `${message}; it can only be left off the agenda`, hint);
    }
    for (const pid of present) {
      const pos = iss.positions[pid]!;
      const r = acceptableRange(pos);
      if (pos.public < r.low || pos.public > r.high) {
        warn(
          [...base, 'positions', pid, 'public'],
          `${pid}'s public position ${pos.public} is past its own red line (${pos.reservation})`,
          'a public position is usually at or beyond the ideal, on the side away from the red line',
        );
      }
    }
    iss.core.forEach((pid, ci) => {
      const pi = s.parties.findIndex((p) => p.id === pid);
      if (pi >= 0 && s.parties[pi]!.refuses.includes(iss.id)) {
        err(
          [...base, 'core', ci],
          `party "${pid}" needs "${iss.id}" on the agenda (core) and also refuses it`,
          `remove "${iss.id}" from core or from parties[${pi}].refuses`,
        );
      }
    });
  });
  s.parties.forEach((p, pi) => {
    const weights = s.issues.map((iss) => (Object.hasOwn(iss.positions, p.id) ? iss.positions[p.id]!.weight : 0));
    if (weights.length > 0 && weights.every((w) => w === 0)) {
      err(
        ['parties', pi],
        `party "${p.id}" gives weight 0 to every issue`,
        'proposals are valued as a weighted average; give at least one issue a positive weight',
        'a positive weight on some issue',
      );
    }
    p.refuses.forEach((issueId, ri) => {
      const iss = s.issues.find((i) => i.id === issueId);
      const others = iss?.core.filter((c) => c !== p.id) ?? [];
      if (others.length > 0) {
        warn(
          ['parties', pi, 'refuses', ri],
          `party "${p.id}" refuses "${issueId}", a core issue of ${others.map((o) => `"${o}"`).join(', ')}`,
          `no agenda passes until the mediator reframes "${issueId}"; make sure the briefing lets a trainee discover that`,
        );
      }
    });
  });
}

function checkReachability(s: Scenario, err: Report, warn: Report): void {
  const t = s.thresholds;

  const minTurns = minTurnsToSign(s);
  if (minTurns > s.turnLimit) {
    err(
      ['turnLimit'],
      `no run can sign an agreement within ${s.turnLimit} turns: even flawless play needs at least ${minTurns} at ${s.actionPoints} action points a turn`,
      'raise turnLimit or actionPoints',
      `at least ${minTurns}`,
    );
  } else {
    const typical = typicalTurnsToSign(s);
    if (typical > s.turnLimit) {
      warn(
        ['turnLimit'],
        `a careful run needs about ${typical} turns to sign, more than turnLimit (${s.turnLimit})`,
        'the exploratory caucuses alone take most of the game; raise turnLimit or the starting meters',
      );
    } else if (typical + t.monitoringTurns > s.turnLimit) {
      warn(
        ['thresholds', 'monitoringTurns'],
        `signing takes about ${typical} turns and monitoring ${t.monitoringTurns} more, past turnLimit (${s.turnLimit})`,
        'monitoring continues past the turn limit, so the game runs longer than announced; lower monitoringTurns or raise turnLimit',
      );
    }
  }

  // Cohesion can always be raised (engaging a faction the right way), so only compliance can be out of reach.
  const guarantee = s.externals.some((e) => e.leverage.includes('guarantees') || e.leverage.includes('mediation'));
  const maxCompliance = COMPLIANCE.cohesion * 100 + COMPLIANCE.commitment * 100 + COMPLIANCE.verification * 100 + (guarantee ? COMPLIANCE.guarantee : 0);
  if (t.complianceFloor > maxCompliance) {
    warn(
      ['thresholds', 'complianceFloor'],
      `compliance reaches ${maxCompliance} at best (with full cohesion, commitment and verification), below complianceFloor (${t.complianceFloor}); only luck (up to +${COMPLIANCE.luck}) could hold the agreement`,
      'lower complianceFloor, or give an external actor "guarantees" or "mediation" leverage so a guarantee adds 15',
    );
  }
}

function checkCondition(path: Path, c: Condition | undefined, s: Scenario, err: Report, warn: Report): void {
  if (!c) return;
  if (c.minTurn !== undefined && c.minTurn > s.turnLimit)
    err(
      [...path, 'minTurn'],
      `minTurn ${c.minTurn} is after the last turn (${s.turnLimit})`,
      'the condition can never hold',
      `a turn from 1 to ${s.turnLimit}`,
    );
  const m = c.partyMeter;
  if (m) {
    if (m.below === undefined && m.above === undefined) warn([...path, 'partyMeter'], 'partyMeter tests nothing', 'give it "below" or "above"');
    if (m.below !== undefined && m.above !== undefined && m.below <= m.above) {
      err(
        [...path, 'partyMeter'],
        `a meter cannot be both below ${m.below} and above ${m.above}`,
        'the condition can never hold; "below" must be greater than "above"',
      );
    }
  }
}

function checkInjects(s: Scenario, err: Report, warn: Report): void {
  const kinds = new Map<string, TargetKind>();
  s.parties.forEach((p) => {
    kinds.set(p.id, 'party');
    p.factions.forEach((f) => kinds.set(f.id, 'faction'));
  });
  s.externals.forEach((e) => kinds.set(e.id, 'external'));
  s.issues.forEach((i) => kinds.set(i.id, 'issue'));
  s.venues.forEach((v) => kinds.set(v.id, 'venue'));

  const factions = new Map(s.parties.flatMap((p) => p.factions.map((f) => [f.id, { ...f, party: p.id }] as const)));
  const checkEffect = (path: Path, e: Effect) => {
    if (e.kind === 'spoiler') {
      const f = factions.get(e.faction);
      if (f && f.spoiler === 'none') {
        warn(
          [...path, 'faction'],
          `"${e.faction}" commits ${e.action} in this event, but its spoiler type is "none"${f.stance === 'moderate' ? ' (a moderate faction)' : ''}: consulting experts tells the trainee it is no spoiler, and it never strikes on its own, so this strike contradicts what the game teaches`,
          `give the faction the spoiler type that matches the action (${e.action === 'leak' || e.action === 'denunciation' ? 'limited, greedy or total' : e.action === 'callWalkout' ? 'greedy or total' : 'total'}), or let another faction strike`,
        );
      }
    }
    if (e.kind === 'sanctions') {
      const actor = s.externals.find((x) => x.id === e.actor);
      if (actor && !actor.leverage.includes('sanctions'))
        warn(
          [...path, 'actor'],
          `"${e.actor}" imposes sanctions but has no "sanctions" leverage`,
          'add "sanctions" to its leverage so players can read it from the briefing',
        );
    }
    if (e.kind === 'meters' && [e.trustInMediator, e.commitment, e.cohesion, e.batna].every((d) => !d)) {
      warn(path, 'this "meters" effect changes nothing', 'give at least one of trustInMediator, commitment, cohesion, batna');
    }
    if (e.kind === 'venueOffer' && e.venue === s.startVenue) warn([...path, 'venue'], `"${e.venue}" is already the starting venue`);
  };

  s.injects.forEach((inj, i) => {
    const base: Path = ['injects', i];
    checkEffect([...base, 'effect'], inj.effect);
    checkCondition([...base, 'condition'], inj.condition, s, err, warn);
    const c = inj.condition;
    if (inj.turn !== undefined && c?.maxTurn !== undefined && c.maxTurn < inj.turn) {
      err([...base, 'condition', 'maxTurn'], `the condition ends at turn ${c.maxTurn}, before the inject's turn ${inj.turn}`, 'the inject can never fire');
    }
    if (inj.turn !== undefined && c?.minTurn !== undefined && c.minTurn > inj.turn) {
      warn(
        [...base, 'condition', 'minTurn'],
        `the condition starts at turn ${c.minTurn}, after the inject's turn ${inj.turn}`,
        'the inject waits for the condition; drop "turn" or "minTurn" to say which you mean',
      );
    }
    const r = inj.expectedResponse;
    if (r) {
      const allowed = MOVE_TARGETS[r.move];
      if (r.target !== undefined) {
        const kind = kinds.get(r.target);
        if (!allowed)
          err(
            [...base, 'expectedResponse', 'target'],
            `the move "${r.move}" has no target, so a response aimed at "${r.target}" is never recognised`,
            'remove the target; its contingencies would always fire',
          );
        else if (kind && !allowed.includes(kind)) {
          err(
            [...base, 'expectedResponse', 'target'],
            `"${r.move}" is aimed at a ${allowed.join(' or ')}, but "${r.target}" is a ${kind}`,
            'the expected response could never be met, so its contingencies would always fire',
            `a ${allowed.join(' or ')} id`,
          );
        }
      }
      const firstTurn = inj.turn ?? c?.minTurn;
      if (inj.contingency.length > 0 && firstTurn !== undefined && firstTurn + r.withinTurns > s.turnLimit) {
        warn(
          [...base, 'expectedResponse', 'withinTurns'],
          `the response window ends at turn ${firstTurn + r.withinTurns}, after the last turn (${s.turnLimit})`,
          'its contingencies can never fire; fire the inject earlier or shorten withinTurns',
        );
      }
    }
    inj.contingency.forEach((ci, k) => {
      const cpath: Path = [...base, 'contingency', k];
      if (ci.turn !== undefined)
        warn(
          [...cpath, 'turn'],
          `contingency "${ci.id}" has a turn, which is not used`,
          'a contingency fires when the response window of its inject closes; use a condition to narrow it',
        );
      checkEffect([...cpath, 'effect'], ci.effect);
      checkCondition([...cpath, 'condition'], ci.condition, s, err, warn);
    });
  });
  s.randomEvents.forEach((ev, i) => checkEffect(['randomEvents', i, 'effect'], ev.effect));
}
