/**
 * Counter-offers through the classroom server: a delegation's counter-offer reaches the mediator's
 * view (and the instructor's), not the other side's nor the observer's; a faction cannot send one,
 * and a malformed one is refused with the engine's reason, to that client alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, postJson, startTestClassroom, type Recorder, type TestClassroom } from './helpers';

let t: TestClassroom;
beforeAll(async () => {
  t = await startTestClassroom();
});
afterAll(async () => {
  await t?.classroom.close();
});

// The calm test fixture (no faction strikes on its own), uploaded as a pack.
const pack = readFileSync('tests/fixtures/mini.yaml', 'utf8').replace(/spoiler: (greedy|limited|total)/g, 'spoiler: none');

describe('a counter-offer over the wire', () => {
  let mediator: Recorder, gov: Recorder, union: Recorder, rangers: Recorder, observer: Recorder, instructor: Recorder;
  let n = 0;
  /** Send a command and wait for its answer: the ack's seq, or the refusal's reason. */
  const cmd = async (who: Recorder, command: Record<string, unknown>): Promise<{ seq?: number; reason?: { key: string } }> => {
    const ref = `c${++n}`;
    who.room.send('command', { command, ref });
    return Promise.race([who.waitFor('ack', (a) => a.ref === ref), who.waitFor('refused', (r) => r.ref === ref)]);
  };
  const ok = async (who: Recorder, command: Record<string, unknown>) => {
    const r = await cmd(who, command);
    expect(r.reason, JSON.stringify(command)).toBeUndefined();
    return r.seq!;
  };
  const lastProposalId = (who: Recorder) => who.last('view').view.proposals.at(-1).id as number;
  const viewAfter = (who: Recorder, seq: number) => who.waitFor('view', (v) => v.seq >= seq);

  beforeAll(async () => {
    const r = await postJson(`${t.url}/api/exercises`, { pack, seed: 1, seats: ['mediator', 'party:gov', 'party:union', 'faction:rangers', 'observer'] });
    expect(r.status).toBe(201);
    const code = r.body.code as string;
    instructor = await join(t.url, code, { instructorToken: r.body.instructorToken });
    mediator = await join(t.url, code, { seat: 'mediator', name: 'Mia' });
    gov = await join(t.url, code, { seat: 'party:gov', name: 'Gus' });
    union = await join(t.url, code, { seat: 'party:union', name: 'Uma' });
    rangers = await join(t.url, code, { seat: 'faction:rangers', name: 'Rio' });
    observer = await join(t.url, code, { seat: 'observer', name: 'Olly' });

    // Exploratory → agenda → negotiation, both delegations answering for themselves.
    for (const c of [{ type: 'caucus', party: 'gov' }, { type: 'caucus', party: 'union' }, { type: 'reframe', issue: 'amnesty' }, { type: 'endTurn' }])
      await ok(mediator, c);
    await ok(mediator, { type: 'proposeNextPhase' });
    let seq = await ok(mediator, { type: 'proposeAgenda', issues: ['autonomy', 'security', 'amnesty', 'revenue'] });
    await viewAfter(gov, seq);
    const agenda = lastProposalId(gov);
    await ok(gov, { type: 'respond', proposal: agenda, accept: true });
    seq = await ok(union, { type: 'respond', proposal: agenda, accept: true });
    expect((await viewAfter(mediator, seq)).view.agenda).toHaveLength(4);
    seq = await ok(mediator, { type: 'requestCbm', party: 'gov', cbm: 'prisonerRelease' });
    await viewAfter(gov, seq);
    await ok(gov, { type: 'respond', proposal: lastProposalId(gov), accept: true });
    await ok(mediator, { type: 'endTurn' });
    seq = await ok(mediator, { type: 'requestCbm', party: 'union', cbm: 'releaseForeigners' });
    await viewAfter(union, seq);
    await ok(union, { type: 'respond', proposal: lastProposalId(union), accept: true });
    await ok(mediator, { type: 'proposeNextPhase' });
    seq = await ok(mediator, { type: 'endTurn' });
    expect((await viewAfter(mediator, seq)).view.phase).toBe('negotiation');
  }, 60_000);

  it("reaches the mediator's and the instructor's views, and neither the other delegation's nor the observer's", async () => {
    let seq = await ok(mediator, { type: 'proposePackage', terms: { autonomy: 70, security: 40, revenue: 50, amnesty: 60 } });
    await viewAfter(gov, seq);
    const id = lastProposalId(gov);
    expect(gov.last('view').view.proposals.at(-1).responses.gov).toBe('pending');
    seq = await ok(gov, { type: 'respond', proposal: id, accept: false, counter: { autonomy: 58, security: 61 } });
    const seen = await viewAfter(mediator, seq);
    const prop = seen.view.proposals.find((p: { id: number }) => p.id === id);
    expect(prop.counters).toEqual({ gov: { autonomy: 58, security: 61 } });
    expect(prop.responses.gov).toBe('reject');
    expect(prop.reasons.gov.key).toBe('response.counter');
    expect((await viewAfter(instructor, seq)).view.proposals.find((p: { id: number }) => p.id === id).counters.gov).toEqual({ autonomy: 58, security: 61 });
    expect((await viewAfter(gov, seq)).view.proposals.find((p: { id: number }) => p.id === id).counters).toEqual({ gov: { autonomy: 58, security: 61 } });
    for (const other of [union, observer, rangers]) {
      const v = (await viewAfter(other, seq)).view;
      expect(JSON.stringify(v)).not.toContain('"counter');
    }
  });

  it('a faction cannot send one: refused with the reason, to that client alone', async () => {
    const id = lastProposalId(mediator);
    const before = union.messages.length;
    const r = await cmd(rangers, { type: 'respond', proposal: id, accept: false, counter: { autonomy: 10 } });
    expect(r.reason?.key).toBe('refuse.role.notAllowed');
    expect(union.messages.slice(before).some((m) => m.type === 'refused')).toBe(false);
  });

  it('a malformed or misplaced counter-offer is refused with the engine reason', async () => {
    const seq = await ok(mediator, { type: 'proposeFormula', issue: 'autonomy', value: 65 });
    await viewAfter(union, seq);
    const id = lastProposalId(union);
    expect((await cmd(union, { type: 'respond', proposal: id, accept: false, counter: { autonomy: 500 } })).reason?.key).toBe('refuse.invalid');
    expect((await cmd(union, { type: 'respond', proposal: id, accept: true, counter: { autonomy: 50 } })).reason?.key).toBe('refuse.counter.withAccept');
    expect((await cmd(union, { type: 'respond', proposal: id, accept: false, counter: { borders: 50 } })).reason?.key).toBe('refuse.unknownIssue');
    // Still pending: a refusal changes nothing, and a good counter goes through.
    await ok(union, { type: 'respond', proposal: id, accept: false, counter: { autonomy: 80 } });
  });
});
