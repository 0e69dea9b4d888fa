import { describe, expect, it } from 'vitest';
import { computeDebrief, DEBRIEF_MESSAGES, RESULT_KEYS, SIN_IDS, type Debrief, type Sin, type SinId } from '../../src/sim/debrief';
import { utility } from '../../src/sim/debrief/agreement';
import { makeScenario, Play, soundPlay } from './debriefFixtures';

const debrief = (p: Play): Debrief => computeDebrief(p.scenario, p.world);
const sin = (d: Debrief, id: SinId): Sin => d.sins.find((s) => s.id === id)!;
const keys = (s: Sin) => s.evidence.map((m) => m.key);
const hallmark = (d: Debrief, id: string) => d.hallmarks.find((h) => h.id === id)!;

/** A run that starts well (briefing, history, both parties heard) so other sins stand out alone. */
function start(): Play {
  return new Play().move({ type: 'readBriefing' }).move({ type: 'studyHistory' }).caucus('gov', 'opp');
}

/** Start, then go through to negotiation at turn 2 with an agreed agenda. */
function toNegotiation(): Play {
  const p = start().endTurn(); // turn 1
  p.phase('agenda')
    .caucus('gov', 'opp')
    .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] })
    .phase('negotiation');
  return p.endTurn(); // turn 2
}

describe('sound play', () => {
  const d = debrief(soundPlay());

  it('is a durable agreement reached through every phase, on schedule', () => {
    expect(d.outcome).toBe('durable');
    expect(d.finished).toBe(true);
    expect(d.turnsPlayed).toBe(10);
    expect(d.phaseReached).toBe('monitoring');
    expect(d.phaseEntries).toEqual({ exploratory: 1, agenda: 2, negotiation: 3, agreements: 5, monitoring: 6, concluded: 10 });
    expect(d.timeline.map((t) => t.phase)).toEqual([
      'exploratory',
      'agenda',
      'negotiation',
      'negotiation',
      'agreements',
      'monitoring',
      'monitoring',
      'monitoring',
      'monitoring',
      'concluded',
    ]);
    expect(d.timeline[4]).toEqual({ turn: 5, phase: 'agreements' });
  });

  it('commits none of the seven sins', () => {
    for (const s of d.sins) expect({ id: s.id, committed: s.committed, evidence: s.evidence }).toEqual({ id: s.id, committed: false, evidence: [] });
    expect(d.sins.map((s) => s.id)).toEqual([...SIN_IDS]);
  });

  it('earns all five hallmarks', () => {
    expect(d.hallmarks.map((h) => [h.id, h.earned])).toEqual([
      ['ownership', true],
      ['talkToEveryone', true],
      ['discretion', true],
      ['impartialNotNeutral', true],
      ['longTermCommitment', true],
    ]);
    expect(hallmark(d, 'ownership').evidence).toEqual({ key: 'debrief.hallmark.ownership.earned', params: { owned: 2, total: 2 } });
    expect(hallmark(d, 'longTermCommitment').evidence.key).toBe('debrief.hallmark.longTermCommitment.monitoring');
  });

  it('scores 100 with a best, balanced agreement held through monitoring', () => {
    expect(d.agreement?.quality).toBe(1);
    expect(d.agreement?.balance).toBe(1);
    expect(d.agreement?.complete).toBe(true);
    expect(d.durability).toMatchObject({ reachedMonitoring: true, heldTurns: 4, requiredTurns: 4, ratio: 1, violations: 0 });
    expect(d.score).toBe(100);
  });

  it('lays out meter series and compliance per turn for charts', () => {
    expect(d.series.turns).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(d.series.parties.gov!.trustInMediator.slice(0, 2)).toEqual([44, 50]);
    expect(d.series.parties.opp!.commitment.slice(0, 2)).toEqual([46, 55]);
    expect(d.series.parties.gov!.batna).toHaveLength(10);
    expect(d.durability.compliance.gov!.slice(4, 7)).toEqual([null, 70, 72]);
  });

  it('reports impartiality and spoiler management', () => {
    expect(d.impartiality.caucuses).toEqual({ gov: 5, opp: 5 });
    expect(d.impartiality.attention).toEqual({ gov: 5, opp: 5 });
    expect(d.impartiality.balance).toBe(1);
    expect(d.impartiality.criticalStatements).toEqual({ gov: 0, opp: 0 });
    const hard = d.spoilers.find((s) => s.faction === 'opp_hard')!;
    expect(hard).toMatchObject({ party: 'opp', type: 'total', studied: true, engaged: true, strikes: 0 });
    expect(hard.engagements).toEqual([{ turn: 2, approach: 'isolate', right: true }]);
    expect(d.spoilers.find((s) => s.faction === 'gov_mod')).toMatchObject({ engaged: false, engagements: [] });
  });
});

describe('outcome categories', () => {
  it('notImplemented: collapsed after reaching monitoring', () => {
    const p = toNegotiation();
    p.propose({ type: 'proposePackage', terms: { election: 50, sanctions: 50 } })
      .phase('agreements')
      .endTurn();
    p.signing(true).phase('monitoring').endTurn();
    p.phase('collapsed').endTurn();
    const d = debrief(p);
    expect(d.outcome).toBe('notImplemented');
    expect(d.phaseReached).toBe('monitoring');
    expect(d.finished).toBe(true);
  });

  it('collapsed, not partial: collapsed in negotiation with one formula accepted by all (nothing was signed)', () => {
    const p = toNegotiation();
    p.move({ type: 'technicalCommission', issue: 'election' }).propose({ type: 'proposeFormula', issue: 'election', value: 50 }).endTurn();
    p.phase('collapsed').endTurn();
    const d = debrief(p);
    expect(d.outcome).toBe('collapsed');
    expect(d.ending.id).toBe('exhausted');
    expect(d.phaseReached).toBe('negotiation');
    expect(d.agreement?.issues).toEqual(['election']);
    expect(d.agreement?.complete).toBe(false);
  });

  it('partial: a formula only some parties accepted does not count', () => {
    const p = toNegotiation();
    p.move({ type: 'technicalCommission', issue: 'election' }).propose({ type: 'proposeFormula', issue: 'election', value: 70 }, { gov: false });
    p.world.issues.election!.formula = { value: 70, acceptedBy: ['opp'], proposedTurn: 3 };
    p.endTurn().phase('collapsed').endTurn();
    const d = debrief(p);
    expect(d.outcome).toBe('collapsed');
    expect(d.agreement).toBeNull();
  });

  it('suspended: the game ended while a party had walked out', () => {
    const p = start().endTurn();
    p.event({ kind: 'walkOut', party: 'gov' }).phase('suspended').endTurn();
    const d = debrief(p);
    expect(d.outcome).toBe('suspended');
    expect(d.finished).toBe(false);
    expect(d.phaseEntries.suspended).toBe(2);
  });

  it('collapsed: nothing agreed', () => {
    const p = start().endTurn();
    p.phase('agenda').endTurn().phase('collapsed').endTurn();
    const d = debrief(p);
    expect(d.outcome).toBe('collapsed');
    expect(d.phaseReached).toBe('agenda');
    expect(d.agreement).toBeNull();
    expect(d.score).toBeLessThan(50);
  });
});

describe('agreement quality and balance', () => {
  /** Agree a package at the given values and return the agreement report. */
  const agree = (election: number, sanctions: number) => {
    const p = toNegotiation();
    p.propose({ type: 'proposePackage', terms: { election, sanctions } }).phase('agreements').endTurn();
    return debrief(p).agreement!;
  };

  it('utility is 1 at the ideal, 0 at the red line, linear, capped, negative beyond', () => {
    const pos = { ideal: 0, reservation: 60 };
    expect(utility(pos, 0)).toBe(1);
    expect(utility(pos, 60)).toBe(0);
    expect(utility(pos, 30)).toBe(0.5);
    expect(utility({ ideal: 20, reservation: 60 }, 0)).toBe(1);
    expect(utility(pos, 90)).toBe(-0.5);
  });

  it('is 1 for the best joint agreement (the trade each party values most)', () => {
    const a = agree(40, 40);
    expect(a.quality).toBe(1);
    expect(a.bestTerms).toEqual({ election: 40, sanctions: 40 });
    expect(a.partyValues.gov).toBeCloseTo(0.25, 10);
    expect(a.partyValues.opp).toBeCloseTo(0.25, 10);
    expect(a.maxJoint).toBeCloseTo(0.5, 10);
    expect(a.balance).toBe(1);
  });

  it('is below 1 for a poor agreement that splits the difference the wrong way', () => {
    const a = agree(60, 60);
    // gov: 0.75 × 0 + 0.25 × 20/60; opp: 0.25 × 20/60 + 0.75 × 0.
    expect(a.partyValues.gov).toBeCloseTo(1 / 12, 10);
    expect(a.partyValues.opp).toBeCloseTo(1 / 12, 10);
    expect(a.quality).toBeCloseTo(1 / 3, 10);
    expect(a.balance).toBeCloseTo(1, 10);
  });

  it('measures balance as lowest / highest party value', () => {
    const a = agree(50, 40);
    // gov: 0.75 × 10/60 = 0.125; opp: 0.25 × 10/60 + 0.75 × 20/60 = 0.291666…
    expect(a.partyValues.gov).toBeCloseTo(0.125, 10);
    expect(a.partyValues.opp).toBeCloseTo(0.125 / 0.4285714285714286, 6);
    expect(a.balance).toBeCloseTo(3 / 7, 10);
    expect(a.quality).toBeCloseTo(5 / 6, 10);
  });

  it('gives 0 balance when one party is left at its red line', () => {
    const a = agree(40, 60);
    expect(a.partyValues.opp).toBeCloseTo(0, 10);
    expect(a.balance).toBe(0);
  });
});

describe('ignorance', () => {
  it('fires on an unread briefing, an unstudied spoiler, an unexplored issue and no history', () => {
    const p = new Play();
    p.caucus('gov').endTurn(); // turn 1: no briefing, opp not heard
    p.move({ type: 'engageSpoiler', faction: 'gov_hard', approach: 'induce' }, RESULT_KEYS.spoilerBackfired);
    p.move({ type: 'consultExperts', subject: 'gov_hard' }).endTurn(); // turn 2: experts only after
    p.phase('agenda')
      .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] })
      .phase('negotiation')
      .endTurn(); // turn 3
    p.propose({ type: 'proposeFormula', issue: 'election', value: 50 }).endTurn(); // turn 4
    const s = sin(debrief(p), 'ignorance');
    expect(s.committed).toBe(true);
    expect(s.evidenceTurns).toEqual([1, 2, 4]);
    expect(s.evidence).toEqual([
      { key: 'debrief.sin.ignorance.noBriefing', params: { turn: 1 } },
      { key: 'debrief.sin.ignorance.spoilerUnstudied', params: { faction: 'Faction gov_hard', turn: 2 } },
      { key: 'debrief.sin.ignorance.issueUnexplored', params: { issue: 'Election date', turn: 4 } },
      { key: 'debrief.sin.ignorance.noHistory', params: {} },
    ]);
    expect(s.better).toEqual({ key: 'debrief.sin.ignorance.better' });
  });

  it('stays quiet when experts came first and every party was heard before terms', () => {
    const p = toNegotiation();
    p.move({ type: 'consultExperts', subject: 'gov_hard' }).move({ type: 'engageSpoiler', faction: 'gov_hard', approach: 'socialize' });
    p.propose({ type: 'proposeFormula', issue: 'election', value: 50 }).endTurn();
    expect(sin(debrief(p), 'ignorance').committed).toBe(false);
  });

  it('counts an issue as explored by a technical commission even if a party was never caucused', () => {
    const p = new Play().move({ type: 'readBriefing' }).move({ type: 'studyHistory' }).caucus('gov').endTurn();
    p.phase('agenda')
      .phase('negotiation')
      .move({ type: 'technicalCommission', issue: 'sanctions' })
      .propose({ type: 'proposeFormula', issue: 'sanctions', value: 50 });
    p.propose({ type: 'proposeFormula', issue: 'election', value: 50 }).endTurn();
    expect(sin(debrief(p), 'ignorance').evidence.map((m) => m.params?.issue)).toEqual(['Election date']);
  });

  it('ignores a move the rules refused as illegal', () => {
    const p = start();
    p.move({ type: 'engageSpoiler', faction: 'opp_hard', approach: 'coerce' }, `${RESULT_KEYS.illegal}.noAp`).endTurn();
    expect(sin(debrief(p), 'ignorance').committed).toBe(false);
  });
});

describe('arrogance', () => {
  it('fires when a backfired joint session is repeated without a caucus', () => {
    const p = toNegotiation();
    p.move({ type: 'jointSession' }, RESULT_KEYS.jointBackfired).endTurn(); // turn 3
    p.move({ type: 'jointSession' }, RESULT_KEYS.jointBackfired).endTurn(); // turn 4
    const s = sin(debrief(p), 'arrogance');
    expect(s.committed).toBe(true);
    expect(s.evidenceTurns).toEqual([4]);
    expect(s.evidence).toEqual([{ key: 'debrief.sin.arrogance.repeatedJointSession', params: { previous: 3, turn: 4 } }]);
  });

  it('stays quiet when the mediator caucused between the joint sessions', () => {
    const p = toNegotiation();
    p.move({ type: 'jointSession' }, RESULT_KEYS.jointBackfired).endTurn();
    p.caucus('gov').move({ type: 'jointSession' }, 'move.jointSession.direct').endTurn();
    expect(sin(debrief(p), 'arrogance').committed).toBe(false);
  });

  it('fires when rejected terms are tabled again the next turn with no caucus in between', () => {
    const p = toNegotiation();
    p.caucus('gov', 'opp').propose({ type: 'proposeFormula', issue: 'election', value: 30 }, { opp: false }).endTurn(); // turn 3
    p.propose({ type: 'proposeFormula', issue: 'election', value: 45 }, { gov: false }).endTurn(); // turn 4
    const s = sin(debrief(p), 'arrogance');
    expect(s.evidenceTurns).toEqual([4]);
    expect(keys(s)).toEqual(['debrief.sin.arrogance.repeatedProposal']);
  });

  it('stays quiet when the rejected terms come back only after a pause of a turn', () => {
    const p = toNegotiation();
    p.caucus('gov', 'opp').propose({ type: 'proposeFormula', issue: 'election', value: 30 }, { opp: false }).endTurn(); // turn 3
    p.endTurn(); // turn 4
    p.propose({ type: 'proposeFormula', issue: 'election', value: 45 }).endTurn(); // turn 5
    expect(sin(debrief(p), 'arrogance').committed).toBe(false);
  });

  it('fires when a party rejects terms it was not consulted on in this phase', () => {
    const p = start().endTurn();
    p.phase('agenda')
      .caucus('opp')
      .propose({ type: 'proposeAgenda', issues: ['election'] }, { gov: false })
      .endTurn();
    const s = sin(debrief(p), 'arrogance');
    expect(s.evidence).toEqual([{ key: 'debrief.sin.arrogance.notConsulted', params: { party: 'Government', kind: 'agenda', turn: 2 } }]);
  });

  it('does not count a caucus from an earlier phase as consultation', () => {
    const p = toNegotiation(); // both caucused in agenda
    p.move({ type: 'technicalCommission', issue: 'election' }).propose({ type: 'proposeFormula', issue: 'election', value: 90 }, { gov: false }).endTurn();
    expect(sin(debrief(p), 'arrogance').evidence.map((m) => m.params?.party)).toEqual(['Government']);
  });
});

describe('partiality', () => {
  it('fires on caucus imbalance (≥ 2.5 : 1 over at least 4 caucuses)', () => {
    const p = new Play().move({ type: 'readBriefing' }).move({ type: 'studyHistory' });
    p.caucus('gov', 'opp').endTurn(); // 1:1
    p.caucus('gov', 'gov').endTurn(); // 3:1 at turn 2
    p.caucus('gov').endTurn(); // 4:1 at turn 3
    const s = sin(debrief(p), 'partiality');
    expect(s.committed).toBe(true);
    expect(s.evidenceTurns).toEqual([2, 3]);
    expect(s.evidence[0]).toEqual({
      key: 'debrief.sin.partiality.attention',
      params: { favoured: 'Government', neglected: 'Opposition', favouredCount: 4, neglectedCount: 1, turn: 2 },
    });
  });

  it('stays quiet when the imbalance was corrected by the end', () => {
    const p = start().caucus('gov', 'gov').endTurn();
    p.caucus('opp', 'opp').endTurn();
    expect(sin(debrief(p), 'partiality').committed).toBe(false);
  });

  it('stays quiet on 2 : 1 attention', () => {
    const p = start().caucus('gov').endTurn().caucus('gov', 'opp').endTurn(); // gov 3, opp 2
    expect(sin(debrief(p), 'partiality').committed).toBe(false);
  });

  it('fires on repeated criticism of one party only', () => {
    const p = start().endTurn();
    p.move({ type: 'publicStatement', tone: 'critical', party: 'gov' }).endTurn();
    p.move({ type: 'publicStatement', tone: 'critical', party: 'gov' }).endTurn();
    const s = sin(debrief(p), 'partiality');
    expect(s.evidenceTurns).toEqual([2, 3]);
    expect(keys(s)).toEqual(['debrief.sin.partiality.oneSidedCriticism', 'debrief.sin.partiality.oneSidedCriticism']);
  });

  it('fires on one unprovoked critical statement, but not on one that answers a strike', () => {
    const unprovoked = start().endTurn().move({ type: 'publicStatement', tone: 'critical', party: 'opp' }).endTurn();
    expect(sin(debrief(unprovoked), 'partiality').evidenceTurns).toEqual([2]);

    const warranted = start().endTurn();
    warranted.move({ type: 'engageSpoiler', faction: 'opp_hard', approach: 'isolate' });
    warranted.event({ kind: 'spoiler', faction: 'opp_hard', action: 'violence' }, 'faction').endTurn();
    warranted.move({ type: 'publicStatement', tone: 'critical', party: 'opp' }).endTurn();
    expect(sin(debrief(warranted), 'partiality').committed).toBe(false);
  });

  it("fires when only one side's patrons are engaged", () => {
    const p = start().move({ type: 'engageExternal', actor: 'usa', ask: 'backing' }).endTurn();
    p.move({ type: 'engageExternal', actor: 'norway', ask: 'guarantee' }).endTurn();
    const s = sin(debrief(p), 'partiality');
    expect(s.evidence).toEqual([
      { key: 'debrief.sin.partiality.onePatronSide', params: { party: 'Opposition', actor: 'United States', ignored: 'Russia', turn: 1 } },
    ]);
  });
});

describe('impotence', () => {
  it('fires on a sanctions shock from an actor never engaged', () => {
    const p = start().endTurn().endTurn();
    p.event({ kind: 'sanctions', actor: 'usa', sanction: 'secondary', target: 'gov', magnitude: 20 }, 'external').endTurn(); // turn 3
    p.idle(3);
    const s = sin(debrief(p), 'impotence');
    expect(s.evidence).toEqual([{ key: 'debrief.sin.impotence.unengagedSanctions', params: { actor: 'United States', target: 'Government', turn: 3 } }]);
  });

  it('stays quiet when the actor was engaged before, or answered within two turns; relief never counts', () => {
    const before = start().move({ type: 'engageExternal', actor: 'usa', ask: 'restraint' }).endTurn();
    before.event({ kind: 'sanctions', actor: 'usa', sanction: 'new', target: 'gov', magnitude: 20 }).endTurn();
    expect(sin(debrief(before), 'impotence').committed).toBe(false);

    const after = start().endTurn();
    after.event({ kind: 'sanctions', actor: 'usa', sanction: 'new', target: 'gov', magnitude: 20 }).endTurn();
    after.endTurn().move({ type: 'engageExternal', actor: 'usa', ask: 'restraint' }).endTurn();
    expect(sin(debrief(after), 'impotence').committed).toBe(false);

    const relief = start().event({ kind: 'sanctions', actor: 'russia', sanction: 'relief', target: 'gov', magnitude: 20 }).idle(4);
    expect(sin(debrief(relief), 'impotence').committed).toBe(false);
  });

  it('fires on a spoiler strike from a faction never engaged', () => {
    const p = start().endTurn();
    p.event({ kind: 'spoiler', faction: 'opp_hard', action: 'violence' }, 'faction').idle(3);
    const d = debrief(p);
    expect(sin(d, 'impotence').evidence).toEqual([{ key: 'debrief.sin.impotence.unengagedSpoiler', params: { actor: 'Faction opp_hard', turn: 2 } }]);
    expect(d.spoilers.find((s) => s.faction === 'opp_hard')).toMatchObject({ strikes: 1, strikeTurns: [2], engaged: false });
  });

  it('fires when a party walks out and is not visited during the suspension', () => {
    const p = start().endTurn();
    p.event({ kind: 'walkOut', party: 'gov' }, 'party').phase('suspended').endTurn(); // turn 2
    p.caucus('opp').endTurn(); // turn 3: the wrong party
    p.phase('exploratory').endTurn(); // turn 4: gov returns on its own
    const d = debrief(p);
    expect(sin(d, 'impotence').evidence).toEqual([{ key: 'debrief.sin.impotence.walkOutUnanswered', params: { party: 'Government', turn: 2 } }]);
    expect(hallmark(d, 'longTermCommitment').earned).toBe(false);
  });

  it('stays quiet when the mediator goes to the party that walked out, and earns long-term commitment', () => {
    const p = start().endTurn();
    p.seat('party:gov', { type: 'walkOut' }).phase('suspended').endTurn();
    p.caucus('gov').endTurn();
    p.phase('exploratory').endTurn();
    const d = debrief(p);
    expect(sin(d, 'impotence').committed).toBe(false);
    expect(hallmark(d, 'longTermCommitment')).toEqual({
      id: 'longTermCommitment',
      earned: true,
      evidence: { key: 'debrief.hallmark.longTermCommitment.returned', params: { suspensions: 1 } },
    });
  });

  it('does not judge a walk-out on the last turn played', () => {
    const p = start().event({ kind: 'walkOut', party: 'gov' }).phase('suspended');
    expect(sin(debrief(p), 'impotence').committed).toBe(false);
  });
});

describe('haste', () => {
  it('fires on a refused call for the next phase, a backfired joint session and a failed signing', () => {
    const p = start().move({ type: 'proposeNextPhase' }, `${RESULT_KEYS.nextPhaseRefused}.criteria`).endTurn(); // turn 1
    p.phase('agenda')
      .caucus('gov', 'opp')
      .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] })
      .phase('negotiation')
      .endTurn(); // 2
    p.move({ type: 'jointSession' }, RESULT_KEYS.jointBackfired).endTurn(); // 3
    p.move({ type: 'technicalCommission', issue: 'election' }).move({ type: 'technicalCommission', issue: 'sanctions' });
    p.propose({ type: 'proposePackage', terms: { election: 45, sanctions: 45 } })
      .phase('agreements')
      .endTurn(); // 4
    p.signing(false).endTurn(); // 5
    const s = sin(debrief(p), 'haste');
    expect(s.evidenceTurns).toEqual([1, 3, 5]);
    expect(s.evidence).toEqual([
      { key: 'debrief.sin.haste.nextPhaseRefused', params: { phase: 'exploratory', turn: 1 } },
      { key: 'debrief.sin.haste.jointBackfired', params: { turn: 3 } },
      { key: 'debrief.sin.haste.signingFailed', params: { turn: 5 } },
    ]);
  });

  it('counts a rejected signing proposal once even when the move was logged as a refused next phase', () => {
    const p = toNegotiation().phase('agreements');
    p.world.proposals.push({
      id: 99,
      turn: 3,
      phase: 'agreements',
      kind: 'signing',
      responses: { gov: 'reject', opp: 'accept' },
      reasons: {},
      status: 'rejected',
    });
    p.move({ type: 'proposeNextPhase' }, RESULT_KEYS.nextPhaseRefused).endTurn();
    expect(sin(debrief(p), 'haste').evidence.map((m) => m.key)).toEqual(['debrief.sin.haste.nextPhaseRefused']);
  });

  it('fires on terms tabled in the first turn of negotiation on unstudied issues', () => {
    const p = start().endTurn();
    p.phase('agenda')
      .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] })
      .phase('negotiation');
    p.move({ type: 'technicalCommission', issue: 'sanctions' });
    p.propose({ type: 'proposePackage', terms: { election: 40, sanctions: 40 } }).endTurn();
    const s = sin(debrief(p), 'haste');
    expect(s.evidence).toEqual([{ key: 'debrief.sin.haste.termsOnDayOne', params: { issues: 'Election date', turn: 2 } }]);
  });

  it('stays quiet on terms tabled after the first turn of negotiation', () => {
    const p = toNegotiation().propose({ type: 'proposeFormula', issue: 'election', value: 45 }).endTurn();
    expect(sin(debrief(p), 'haste').committed).toBe(false);
  });
});

describe('inflexibility', () => {
  it('fires when rejected terms come back within ±2, not when they change', () => {
    const p = toNegotiation();
    p.propose({ type: 'proposeFormula', issue: 'election', value: 50 }, { gov: false }).endTurn(); // 3
    p.caucus('gov', 'opp').propose({ type: 'proposeFormula', issue: 'election', value: 52 }, { gov: false }).endTurn(); // 4
    p.caucus('gov', 'opp').propose({ type: 'proposeFormula', issue: 'election', value: 45 }, { gov: false }).endTurn(); // 5: changed
    const s = sin(debrief(p), 'inflexibility');
    expect(s.evidence).toEqual([{ key: 'debrief.sin.inflexibility.repeatedTerms', params: { issue: 'Election date', value: 52, previous: 3, turn: 4 } }]);
  });

  it('does not count a repeat that the parties then accepted', () => {
    const p = toNegotiation();
    p.propose({ type: 'proposeFormula', issue: 'election', value: 50 }, { gov: false }).endTurn();
    p.caucus('gov', 'opp').propose({ type: 'proposeFormula', issue: 'election', value: 50 }).endTurn();
    expect(sin(debrief(p), 'inflexibility').committed).toBe(false);
  });

  it('fires when an agenda keeps failing over an issue a party refuses and it is never reframed', () => {
    const scenario = makeScenario();
    scenario.parties[0]!.refuses = ['sanctions'];
    const p = new Play(scenario).move({ type: 'readBriefing' }).move({ type: 'studyHistory' }).caucus('gov', 'opp').endTurn();
    p.phase('agenda');
    for (let t = 2; t <= 4; t++)
      p.caucus('gov', 'opp')
        .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] }, { gov: false })
        .progress()
        .endTurn();
    const s = sin(debrief(p), 'inflexibility');
    expect(s.evidenceTurns).toEqual([3, 4]);
    expect(s.evidence[0]).toEqual({ key: 'debrief.sin.inflexibility.notReframed', params: { issue: 'Sanctions relief', party: 'Government', turn: 3 } });
  });

  it('stays quiet once the refused issue is reframed', () => {
    const scenario = makeScenario();
    scenario.parties[0]!.refuses = ['sanctions'];
    const p = new Play(scenario).move({ type: 'readBriefing' }).move({ type: 'studyHistory' }).caucus('gov', 'opp').endTurn();
    p.phase('agenda')
      .caucus('gov', 'opp')
      .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] }, { gov: false })
      .progress()
      .endTurn();
    p.move({ type: 'reframe', issue: 'sanctions' })
      .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] }, { gov: false })
      .progress()
      .endTurn();
    expect(sin(debrief(p), 'inflexibility').committed).toBe(false);
  });

  it('fires once per stalemate: 4 turns stuck in a phase without a change of format or venue', () => {
    const p = toNegotiation(); // turns 1–2
    for (let t = 3; t <= 8; t++) p.caucus('gov').endTurn(); // negotiation, no progress: stuck 3..8
    const s = sin(debrief(p), 'inflexibility');
    expect(s.evidence).toEqual([{ key: 'debrief.sin.inflexibility.stuck', params: { phase: 'negotiation', from: 3, turns: 4, turn: 6 } }]);
  });

  it('a venue change resets the count', () => {
    const p = toNegotiation();
    p.idle(3); // 3, 4, 5 stuck
    p.move({ type: 'changeVenue', venue: 'barbados' }).endTurn(); // 6
    p.idle(3); // 7, 8, 9 stuck: only 3 again
    expect(sin(debrief(p), 'inflexibility').committed).toBe(false);
  });

  it('exploratory turns that bring the parties closer to the exit criteria are not stuck', () => {
    const p = start();
    for (let t = 1; t <= 6; t++)
      p.caucus('gov', 'opp')
        .meters('gov', { commitment: 40 + t, trustInMediator: 38 + t })
        .meters('opp', { commitment: 40 + t, trustInMediator: 38 + t })
        .endTurn();
    expect(sin(debrief(p), 'inflexibility').committed).toBe(false);
  });
});

describe('false promises', () => {
  it('fires on an optimistic statement not followed by progress within 3 turns', () => {
    const p = start().endTurn();
    p.move({ type: 'publicStatement', tone: 'optimistic' }).idle(4); // turn 2; turns 3–5 without progress
    const s = sin(debrief(p), 'falsePromises');
    expect(s.evidence).toEqual([{ key: 'debrief.sin.falsePromises.unkeptOptimism', params: { turns: 3, turn: 2 } }]);
  });

  it('stays quiet when a phase advance follows, and waits while the window is open', () => {
    const kept = start().endTurn();
    kept.move({ type: 'publicStatement', tone: 'optimistic' }).endTurn();
    kept.endTurn().phase('agenda').endTurn().idle(2); // advance in turn 4 (= 2 + 2)
    expect(sin(debrief(kept), 'falsePromises').committed).toBe(false);

    const open = start().endTurn().move({ type: 'publicStatement', tone: 'optimistic' }).idle(2); // ended turns 2, 3 only
    expect(sin(debrief(open), 'falsePromises').committed).toBe(false);
  });

  it('a formula accepted by all also keeps the promise', () => {
    const p = toNegotiation();
    p.move({ type: 'publicStatement', tone: 'optimistic' }).endTurn();
    p.propose({ type: 'proposeFormula', issue: 'election', value: 45 }).idle(3);
    expect(sin(debrief(p), 'falsePromises').committed).toBe(false);
  });

  it('fires when a guarantee is asked of an actor that refuses', () => {
    const p = start().move({ type: 'engageExternal', actor: 'russia', ask: 'guarantee' }, RESULT_KEYS.externalRefused).endTurn();
    p.move({ type: 'engageExternal', actor: 'usa', ask: 'backing' }, RESULT_KEYS.externalRefused).endTurn(); // backing is no promise
    const s = sin(debrief(p), 'falsePromises');
    expect(s.evidence).toEqual([{ key: 'debrief.sin.falsePromises.refusedBacking', params: { actor: 'Russia', ask: 'guarantee', turn: 1 } }]);
  });
});

describe('hallmarks', () => {
  it('misses ownership when proposals came before listening, and talk-to-everyone without outside actors', () => {
    const p = new Play().move({ type: 'readBriefing' }).caucus('gov').endTurn();
    p.phase('agenda')
      .propose({ type: 'proposeAgenda', issues: ['election'] }, { opp: false })
      .propose({ type: 'proposeAgenda', issues: ['election', 'sanctions'] })
      .endTurn();
    const d = debrief(p);
    expect(hallmark(d, 'ownership')).toMatchObject({
      earned: false,
      evidence: { key: 'debrief.hallmark.ownership.contradicted', params: { owned: 0, total: 1 } },
    });
    expect(hallmark(d, 'talkToEveryone')).toMatchObject({ earned: false, evidence: { params: { heard: 1, parties: 2, factions: 0, externals: 0 } } });
  });

  it('misses discretion on statements during exploratory contacts or showy optimism', () => {
    const early = start().move({ type: 'publicStatement', tone: 'sober' }).idle(10);
    expect(hallmark(debrief(early), 'discretion')).toMatchObject({ earned: false, evidence: { params: { statements: 1, early: 1 } } });
    const late = start().endTurn().phase('agenda').move({ type: 'publicStatement', tone: 'sober' }).idle(10);
    expect(hallmark(debrief(late), 'discretion').earned).toBe(true);
  });

  it('impartial but never firm is not "impartial, not neutral"', () => {
    const p = start().endTurn().caucus('gov', 'opp').endTurn();
    const h = hallmark(debrief(p), 'impartialNotNeutral');
    expect(h).toEqual({
      id: 'impartialNotNeutral',
      earned: false,
      evidence: { key: 'debrief.hallmark.impartialNotNeutral.missed', params: { balance: 100, firmness: 0 } },
    });
  });
});

describe('history and score', () => {
  it('sets the run beside what really happened', () => {
    const scenario = makeScenario({
      history: {
        summary: 'Talks reached negotiation and were suspended after sanctions.',
        phaseReached: 'negotiation',
        outcome: 'suspended',
        keyMoments: [{ turn: 2, label: 'Agenda signed' }],
      },
    });
    const p = new Play(scenario).move({ type: 'readBriefing' }).caucus('gov', 'opp').endTurn();
    p.phase('agenda').endTurn().phase('collapsed').endTurn();
    const d = computeDebrief(p.scenario, p.world);
    expect(d.history).toEqual({
      summary: 'Talks reached negotiation and were suspended after sanctions.',
      phaseReached: { run: 'agenda', history: 'negotiation', comparison: 'shorter' },
      outcome: { run: 'collapsed', history: 'suspended' },
      keyMoments: [{ turn: 2, label: 'Agenda signed', runPhase: 'agenda' }],
    });
    expect(debrief(soundPlay()).history).toBeNull();
  });

  it('scores a sinful run below a sound one, with parts that add up', () => {
    const p = new Play().caucus('gov', 'gov', 'gov', 'gov').move({ type: 'publicStatement', tone: 'optimistic' }).idle(5);
    const d = debrief(p);
    const parts = d.scoreParts;
    expect(d.score).toBe(Math.round(parts.phase + parts.agreement + parts.durability + parts.hallmarks + parts.sins));
    expect(d.score).toBeLessThan(debrief(soundPlay()).score);
    expect(parts.phase).toBe(0);
  });

  it('exposes a stalling party and whether the mediator saw through it', () => {
    const scenario = makeScenario();
    scenario.parties[0]!.intent = 'stalling';
    const p = new Play(scenario).caucus('gov').endTurn();
    expect(debrief(p).stalling).toMatchObject([
      { party: 'gov', confirmed: true, detected: false, detectedTurn: null, line: { key: 'debrief.stalling.missedSigns' } },
    ]);
  });
});

describe('messages', () => {
  /** Every run the tests build, so every emitted message is checked against the catalogue. */
  const runs = (): Play[] => {
    const sinful = new Play();
    sinful.caucus('gov', 'gov', 'gov', 'gov').move({ type: 'publicStatement', tone: 'critical', party: 'opp' });
    sinful.move({ type: 'engageSpoiler', faction: 'gov_hard', approach: 'coerce' }, RESULT_KEYS.spoilerBackfired);
    sinful.move({ type: 'engageExternal', actor: 'usa', ask: 'guarantee' }, RESULT_KEYS.externalRefused);
    sinful.move({ type: 'publicStatement', tone: 'optimistic' }).move({ type: 'proposeNextPhase' }, RESULT_KEYS.nextPhaseRefused).endTurn();
    sinful.event({ kind: 'sanctions', actor: 'russia', sanction: 'new', target: 'opp', magnitude: 10 });
    sinful.event({ kind: 'spoiler', faction: 'opp_hard', action: 'leak' }, 'faction').event({ kind: 'walkOut', party: 'opp' }).phase('suspended').idle(2);
    sinful
      .phase('agenda')
      .propose({ type: 'proposeAgenda', issues: ['election'] })
      .phase('negotiation');
    sinful
      .propose({ type: 'proposeFormula', issue: 'election', value: 90 }, { gov: false })
      .move({ type: 'jointSession' }, RESULT_KEYS.jointBackfired)
      .endTurn();
    sinful.propose({ type: 'proposeFormula', issue: 'election', value: 90 }, { gov: false }).move({ type: 'jointSession' }, RESULT_KEYS.jointBackfired).idle(6);
    sinful.phase('agreements').signing(false).phase('collapsed').endTurn();
    return [sinful, soundPlay()];
  };

  it('every emitted key has an English template, and every placeholder a parameter', () => {
    const seen = new Set<string>();
    for (const p of runs()) {
      const d = debrief(p);
      const msgs = [...d.sins.flatMap((s) => [...s.evidence, s.better]), ...d.hallmarks.map((h) => h.evidence)];
      for (const m of msgs) {
        seen.add(m.key);
        const template = DEBRIEF_MESSAGES[m.key];
        expect(template, m.key).toBeTypeOf('string');
        for (const [, name] of template!.matchAll(/\{\{(\w+)\}\}/g)) expect(m.params ?? {}, `${m.key} needs ${name}`).toHaveProperty(name!);
      }
      expect(DEBRIEF_MESSAGES[`debrief.outcome.${d.outcome}`]).toBeTypeOf('string');
    }
    // The sinful run exercises every sin.
    for (const id of SIN_IDS)
      expect(
        [...seen].some((k) => k.startsWith(`debrief.sin.${id}.`) && !k.endsWith('.better')),
        id,
      ).toBe(true);
    for (const id of SIN_IDS) expect(DEBRIEF_MESSAGES[`debrief.sin.${id}.name`]).toBeTypeOf('string');
  });

  it('keeps every catalogue key under debrief.', () => {
    for (const k of Object.keys(DEBRIEF_MESSAGES)) expect(k.startsWith('debrief.')).toBe(true);
  });
});
