/**
 * A fair assessment (DESIGN.md §5, issue 9 item 5): each case reproduces a wrong verdict the debrief
 * used to give (named in the test) and shows the verdict it gives now.
 */
import { describe, expect, it } from 'vitest';
import { computeDebrief, DEBRIEF_MESSAGES, EVIDENCE_LINES, RESULT_KEYS, type Debrief, type Sin, type SinId } from '../../src/sim/debrief';
import type { Effect } from '../../src/sim/types';
import { makeScenario, Play, soundPlay } from './debriefFixtures';
import { contradictions, linedTurns } from './debriefPlayers';

const debrief = (p: Play): Debrief => computeDebrief(p.scenario, p.world);
const sin = (d: Debrief, id: SinId): Sin => d.sins.find((s) => s.id === id)!;
const hallmark = (d: Debrief, id: string) => d.hallmarks.find((h) => h.id === id)!;

/** Briefing, history, both parties heard. */
const start = (p = new Play()) => p.move({ type: 'readBriefing' }).move({ type: 'studyHistory' }).caucus('gov', 'opp');

/** A scripted inject (with its expected response) firing now, as the engine logs it. */
function inject(p: Play, id: string, effect: Effect): Play {
  p.world.log.push({ turn: p.turn, kind: 'event', source: 'inject', id, effect, result: { key: `event.${effect.kind}` }, changes: [] });
  p.world.firedInjects.push(id);
  return p;
}

const withRaid = () =>
  makeScenario({
    injects: [
      {
        id: 'raid',
        turn: 3,
        synopsis: 'Hardliners raid an opposition office.',
        effect: { kind: 'spoiler', faction: 'opp_hard', action: 'violence' },
        target: 'opp',
        expectedResponse: { move: 'caucus', target: 'opp', withinTurns: 1, description: 'Meet the opposition privately.' },
        learningObjective: 'Keep both channels open after a provocation.',
        contingency: [{ id: 'raid-denounced', synopsis: 'The opposition denounces the talks.', effect: { kind: 'news' } }],
      },
    ],
  });

describe('a sin only where a better move was available then', () => {
  it('impotence: a scripted strike in the first turn, before the mediator could act, is not named (was: unengagedSpoiler on turn 1)', () => {
    const p = start();
    inject(p, 'opening-arrest', { kind: 'spoiler', faction: 'opp_hard', action: 'arrest' }).endTurn(); // end of turn 1
    p.idle(4);
    expect(sin(debrief(p), 'impotence')).toMatchObject({ committed: false, evidence: [] });
    // The same strike a turn later, after a turn in which the mediator could have engaged the faction, is named.
    const later = start().endTurn();
    inject(later, 'opening-arrest', { kind: 'spoiler', faction: 'opp_hard', action: 'arrest' }).endTurn();
    later.idle(3);
    expect(sin(debrief(later), 'impotence').evidence).toEqual([
      { key: 'debrief.sin.impotence.unengagedSpoiler', params: { actor: 'Faction opp_hard', turn: 2 } },
    ]);
  });

  it('impotence: a strike answered in time with the response the exercise expected is not named (was: unengagedSpoiler)', () => {
    const p = start(new Play(withRaid())).endTurn().endTurn(); // turns 1, 2
    inject(p, 'raid', { kind: 'spoiler', faction: 'opp_hard', action: 'violence' }).endTurn(); // end of turn 3
    p.caucus('opp').endTurn(); // turn 4: the expected caucus, in time
    p.idle(3);
    const d = debrief(p);
    expect(sin(d, 'impotence').committed).toBe(false);
    expect(d.exercise.find((r) => r.id === 'raid')).toMatchObject({ met: true, respondedTurn: 4 });
  });

  it('inflexibility: turns of technical commissions, reframing and new terms are not a stalemate (was: stuck)', () => {
    const p = start().endTurn();
    p.phase('agenda')
      .caucus('gov', 'opp')
      .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] })
      .phase('negotiation')
      .endTurn(); // 2
    p.move({ type: 'technicalCommission', issue: 'election' }).endTurn(); // 3
    p.move({ type: 'technicalCommission', issue: 'sanctions' }).endTurn(); // 4
    p.move({ type: 'reframe', issue: 'election' }).endTurn(); // 5
    p.move({ type: 'caucus', party: 'gov' }, 'move.caucus.revealed').move({ type: 'caucus', party: 'opp' }, 'move.caucus.revealed').endTurn(); // 6
    p.caucus('gov', 'opp').propose({ type: 'proposeFormula', issue: 'election', value: 45 }, { gov: false }).endTurn(); // 7: new terms, refused
    p.caucus('gov', 'opp').propose({ type: 'proposeFormula', issue: 'election', value: 52 }, { opp: false }).endTurn(); // 8: new terms again
    expect(sin(debrief(p), 'inflexibility')).toMatchObject({ committed: false, evidence: [] });
    // Four turns of the same caucuses, learning nothing, are still a stalemate.
    for (let t = 9; t <= 12; t++) p.caucus('gov', 'opp').endTurn();
    expect(sin(debrief(p), 'inflexibility').evidence).toEqual([
      { key: 'debrief.sin.inflexibility.stuck', params: { phase: 'negotiation', from: 9, turns: 4, turn: 12 } },
    ]);
  });

  it('partiality: shuttle visits to a party that walked out are not favour (was: attention)', () => {
    const p = start().endTurn(); // 1:1
    p.event({ kind: 'walkOut', party: 'gov' }, 'party').phase('suspended');
    p.caucus('gov').endTurn(); // turn 2
    p.move({ type: 'caucus', party: 'gov' }, 'move.caucus.shuttle').move({ type: 'caucus', party: 'gov' }, 'move.caucus.shuttle').endTurn(); // 3
    p.caucus('gov').phase('agenda').endTurn(); // 4: back at the table
    p.caucus('opp').endTurn();
    const d = debrief(p);
    expect(sin(d, 'partiality').committed).toBe(false);
    expect(d.impartiality.caucuses).toEqual({ gov: 5, opp: 2 });
    // The same caucuses at the table would be favour.
    const q = start().endTurn();
    q.caucus('gov').endTurn().caucus('gov', 'gov').endTurn().caucus('gov').endTurn().caucus('opp').endTurn();
    expect(sin(debrief(q), 'partiality').evidence[0]!.key).toBe('debrief.sin.partiality.attention');
  });

  it('arrogance: tabling the agenda again after reframing the refused issue is listening (was: repeatedProposal)', () => {
    const scenario = makeScenario();
    scenario.parties[0]!.refuses = ['sanctions'];
    const p = start(new Play(scenario)).endTurn();
    p.phase('agenda')
      .caucus('gov', 'opp')
      .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] }, { gov: false })
      .endTurn(); // 2
    p.move({ type: 'reframe', issue: 'sanctions' })
      .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] }, { gov: false })
      .endTurn(); // 3
    expect(sin(debrief(p), 'arrogance').committed).toBe(false);
  });

  it('arrogance: a caucus earlier in the same turn counts as consultation for the next phase (was: notConsulted)', () => {
    const p = start().endTurn();
    p.caucus('gov', 'opp').move({ type: 'proposeNextPhase' }, 'move.proposeNextPhase.done').phase('agenda');
    p.propose({ type: 'proposeAgenda', issues: ['election'] }, { gov: false }).endTurn();
    expect(sin(debrief(p), 'arrogance').committed).toBe(false);
  });
});

describe('no positive mark contradicts a sin', () => {
  it('"Talk to everyone" is not earned while partiality names never meeting the other side\'s patrons (was: earned)', () => {
    const p = start()
      .move({ type: 'consultExperts', subject: 'opp_hard' })
      .move({ type: 'engageSpoiler', faction: 'opp_hard', approach: 'isolate' }, RESULT_KEYS.spoilerRight);
    p.move({ type: 'engageExternal', actor: 'usa', ask: 'restraint' }).endTurn();
    const d = debrief(p);
    expect(sin(d, 'partiality').evidence.map((m) => m.key)).toEqual(['debrief.sin.partiality.onePatronSide']);
    expect(hallmark(d, 'talkToEveryone')).toMatchObject({ earned: false, evidence: { key: 'debrief.hallmark.talkToEveryone.contradicted' } });
    expect(contradictions(d)).toEqual([]);
    // Both sides' patrons engaged: earned.
    p.move({ type: 'engageExternal', actor: 'russia', ask: 'restraint' }).endTurn();
    expect(hallmark(debrief(p), 'talkToEveryone')).toMatchObject({ earned: true, evidence: { params: { sides: 2, patronSides: 2 } } });
  });

  it('"Discretion" is not earned after leaks (was: earned after three leaks)', () => {
    const p = start().endTurn();
    for (let k = 0; k < 3; k++) p.event({ kind: 'leak', source: 'unnamed delegates' }, 'random').endTurn();
    expect(hallmark(debrief(p), 'discretion')).toEqual({
      id: 'discretion',
      earned: false,
      evidence: { key: 'debrief.hallmark.discretion.leaked', params: { statements: 0, allowed: 1, early: 0, optimistic: 0, leaks: 3 } },
    });
    expect(hallmark(debrief(start().idle(4)), 'discretion').earned).toBe(true);
  });

  it('"Long-term commitment" is not earned when a walk-out went unanswered (was: earned for reaching monitoring)', () => {
    const p = start().endTurn();
    p.event({ kind: 'walkOut', party: 'gov' }, 'party').phase('suspended').endTurn(); // 2
    p.caucus('opp').endTurn(); // 3: not the party that left
    p.phase('agenda')
      .caucus('gov', 'opp')
      .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] })
      .phase('negotiation')
      .endTurn(); // 4
    p.move({ type: 'technicalCommission', issue: 'election' }).move({ type: 'technicalCommission', issue: 'sanctions' }).caucus('gov', 'opp');
    p.propose({ type: 'proposePackage', terms: { election: 40, sanctions: 40 } })
      .phase('agreements')
      .endTurn(); // 5
    p.signing(true).phase('monitoring').endTurn(); // 6
    const d = debrief(p);
    expect(sin(d, 'impotence').evidence.map((m) => m.key)).toEqual(['debrief.sin.impotence.walkOutUnanswered']);
    expect(hallmark(d, 'longTermCommitment')).toMatchObject({
      earned: false,
      evidence: { key: 'debrief.hallmark.longTermCommitment.contradicted', params: { unanswered: 1 } },
    });
    expect(contradictions(d)).toEqual([]);
  });

  it('"Impartial, not neutral" and "the parties own the process" fall with partiality and arrogance', () => {
    const p = start().endTurn();
    p.move({ type: 'publicStatement', tone: 'critical', party: 'gov' }).endTurn().move({ type: 'publicStatement', tone: 'critical', party: 'gov' }).endTurn();
    p.phase('agenda')
      .caucus('opp')
      .propose({ type: 'proposeAgenda', issues: ['election'] }, { gov: false })
      .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] })
      .endTurn();
    const d = debrief(p);
    expect(hallmark(d, 'impartialNotNeutral').evidence.key).toBe('debrief.hallmark.impartialNotNeutral.contradicted');
    expect(hallmark(d, 'ownership').evidence.key).toBe('debrief.hallmark.ownership.contradicted');
    expect(contradictions(d)).toEqual([]);
  });
});

describe('ownership can be earned', () => {
  it('counts the proposals the parties carried, heard first (was: missed, 2 of 4 proposals counting the refused ones)', () => {
    const p = start().endTurn();
    p.phase('agenda')
      .caucus('gov', 'opp')
      .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] }, { gov: false })
      .endTurn(); // 2: refused
    p.caucus('gov', 'opp')
      .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] })
      .phase('negotiation')
      .endTurn(); // 3: carried
    p.move({ type: 'technicalCommission', issue: 'election' }).move({ type: 'technicalCommission', issue: 'sanctions' }).endTurn(); // 4
    p.caucus('gov', 'opp')
      .propose({ type: 'proposePackage', terms: { election: 30, sanctions: 30 } }, { opp: false })
      .endTurn(); // 5: refused
    p.caucus('gov', 'opp')
      .propose({ type: 'proposePackage', terms: { election: 40, sanctions: 40 } })
      .endTurn(); // 6: carried
    const d = debrief(p);
    expect(sin(d, 'arrogance').committed).toBe(false);
    expect(hallmark(d, 'ownership')).toEqual({
      id: 'ownership',
      earned: true,
      evidence: { key: 'debrief.hallmark.ownership.earned', params: { owned: 2, total: 2 } },
    });
  });
});

describe('outcome labels say what happened', () => {
  it('an unsigned timeout is no agreement: collapsed, timed out (was: partial agreement)', () => {
    const p = start().endTurn();
    p.phase('agenda')
      .caucus('gov', 'opp')
      .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] })
      .phase('negotiation')
      .endTurn(); // 2
    p.move({ type: 'technicalCommission', issue: 'election' }).move({ type: 'technicalCommission', issue: 'sanctions' }).caucus('gov', 'opp');
    p.propose({ type: 'proposePackage', terms: { election: 40, sanctions: 40 } })
      .phase('agreements')
      .endTurn(); // 3
    while (p.turn < p.scenario.turnLimit) p.caucus('gov', 'opp').endTurn();
    p.world.expired = true;
    p.phase('collapsed').endTurn();
    const d = debrief(p);
    expect(d.outcome).toBe('collapsed');
    expect(d.ending).toEqual({
      id: 'timedOut',
      turn: 20,
      line: { key: 'debrief.ending.timedOut', params: { agreed: 2, agenda: 2, signed: 0, parties: 2, turn: 20 } },
    });
    // The accepted terms are still reported, and scored as terms.
    expect(d.agreement?.complete).toBe(true);
  });

  it('partial agreement: terms accepted by all, not yet signed, in a game stopped before its end', () => {
    const p = start().endTurn();
    p.phase('agenda')
      .caucus('gov', 'opp')
      .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] })
      .phase('negotiation')
      .endTurn();
    p.move({ type: 'technicalCommission', issue: 'election' }).caucus('gov', 'opp').propose({ type: 'proposeFormula', issue: 'election', value: 45 }).endTurn();
    const d = debrief(p);
    expect(d.outcome).toBe('partial');
    expect(d.ending.id).toBe('inProgress');
  });
});

describe('every evidence turn has its line', () => {
  it('a long list is cut to EVIDENCE_LINES lines, the last gathering the other turns (was: turns listed with no line shown)', () => {
    const p = start().endTurn();
    for (let t = 2; t <= 10; t++) p.caucus('gov', 'gov').endTurn();
    const s = sin(debrief(p), 'partiality');
    expect(s.evidenceTurns).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.evidence).toHaveLength(EVIDENCE_LINES);
    expect(s.evidence[EVIDENCE_LINES - 1]).toEqual({ key: 'debrief.sin.more', params: { count: 5, turns: '6, 7, 8, 9, 10' } });
    expect([...linedTurns(s)].sort((a, b) => a - b)).toEqual(s.evidenceTurns);
    expect(DEBRIEF_MESSAGES['debrief.sin.more']).toContain('{{turns}}');
  });
});

describe('what went well, the stalling reveal, injects and learning objectives', () => {
  it('lists spoilers handled right, timely answers and hallmarks; reveals the staller; reviews the objectives', () => {
    const scenario = withRaid();
    scenario.parties[0]!.intent = 'stalling';
    const p = start(new Play(scenario)).move({ type: 'consultExperts', subject: 'opp_hard' });
    p.move({ type: 'engageSpoiler', faction: 'opp_hard', approach: 'isolate' }, RESULT_KEYS.spoilerRight).endTurn(); // 1
    p.phase('agenda')
      .caucus('gov', 'opp')
      .propose({ type: 'proposeAgenda', issues: ['election'] }, { gov: false })
      .endTurn(); // 2
    inject(p, 'raid', { kind: 'spoiler', faction: 'opp_hard', action: 'violence' }).endTurn(); // 3
    p.caucus('opp').endTurn(); // 4
    const d = debrief(p);
    expect(d.wentWell.spoilers).toEqual([{ faction: 'opp_hard', turn: 1, approach: 'isolate' }]);
    expect(d.wentWell.injects).toEqual([{ id: 'raid', turn: 3, respondedTurn: 4 }]);
    expect(d.wentWell.hallmarks).toEqual(d.hallmarks.filter((h) => h.earned).map((h) => h.id));
    expect(d.wentWell.lines.slice(0, 2)).toEqual([
      { key: 'debrief.well.spoiler', params: { faction: 'Faction opp_hard', approach: 'isolate', turn: 1 } },
      { key: 'debrief.well.inject', params: { inject: 'raid', turn: 4 } },
    ]);
    expect(d.stalling).toEqual([
      {
        party: 'gov',
        confirmed: true,
        detected: true,
        detectedTurn: 1,
        signs: [2],
        line: { key: 'debrief.stalling.detectedAt', params: { party: 'Government', signs: 1, turn: 1 } },
      },
    ]);
    expect(d.objectives).toEqual([{ objective: 'Keep both channels open after a provocation.', injects: ['raid'], status: 'met' }]);
    for (const m of [...d.wentWell.lines, ...d.stalling.map((x) => x.line), d.ending.line]) {
      const template = DEBRIEF_MESSAGES[m.key];
      expect(template, m.key).toBeTypeOf('string');
      for (const [, name] of template!.matchAll(/\{\{(\w+)\}\}/g)) expect(m.params ?? {}, `${m.key} needs ${name}`).toHaveProperty(name!);
    }
  });

  it('an answer that comes after the deadline is missed, not met (was: met)', () => {
    const p = start(new Play(withRaid())).endTurn().endTurn();
    inject(p, 'raid', { kind: 'spoiler', faction: 'opp_hard', action: 'violence' }).endTurn(); // 3
    p.endTurn(); // 4: the deadline passes
    p.caucus('opp').endTurn(); // 5: late
    const d = debrief(p);
    expect(d.exercise.find((r) => r.id === 'raid')).toMatchObject({ met: false, respondedTurn: 5 });
    expect(d.objectives[0]!.status).toBe('missed');
    expect(d.wentWell.injects).toEqual([]);
  });
});

describe('the score separates clean play from sinful play with the same outcome', () => {
  /** soundPlay's run with sins added that leave its course and outcome alone. */
  function sinfulSoundPlay(): Play {
    const p = soundPlay();
    const log = p.world.log;
    // Ignorance: the briefing read after acting; partiality: one side's patron only; false promises: an unkept optimistic statement.
    const briefing = log.findIndex((e) => e.kind === 'move' && e.command.type === 'readBriefing');
    const [read] = log.splice(briefing, 1);
    log.splice(3, 0, read!);
    const russia = log.findIndex((e) => e.kind === 'move' && e.command.type === 'engageExternal' && e.command.actor === 'russia');
    log.splice(russia, 1);
    const monitoring = log.findIndex((e) => e.kind === 'phase' && e.to === 'monitoring');
    log.splice(monitoring + 1, 0, {
      turn: 6,
      kind: 'move',
      role: 'mediator',
      command: { type: 'publicStatement', tone: 'optimistic' },
      cost: 1,
      result: { key: 'move.publicStatement.done' },
      changes: [],
    });
    return p;
  }

  it('at least 15 points apart at the same durable outcome (was: 10 points, 100 against 90)', () => {
    const clean = debrief(soundPlay());
    const sinful = debrief(sinfulSoundPlay());
    expect(sinful.outcome).toBe(clean.outcome);
    expect(sinful.sins.filter((s) => s.committed).map((s) => s.id)).toEqual(['ignorance', 'partiality', 'falsePromises']);
    expect(clean.score - sinful.score).toBeGreaterThanOrEqual(15);
  });
});
