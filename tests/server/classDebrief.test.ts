/**
 * The class debrief through the real SDK: an exercise played to the end (a bot mediator, a human
 * delegation that answers every proposal, an edited inject, talk on every kind of channel) gives the
 * instructor the mediator's debrief, each delegation's result against its own interests, the inject
 * timeline with the engine's review, and every channel's transcript — over the room and over HTTP.
 * A student asking for the class debrief is refused with the reason, and gets only its own part.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/load';
import { getJson, join, postJson, startTestClassroom, type Recorder, type TestClassroom } from './helpers';

let t: TestClassroom;
beforeAll(async () => {
  t = await startTestClassroom();
});
afterAll(async () => {
  await t?.classroom.close();
});

const loaded = loadScenario(readFileSync('scenarios/tutorial.yaml', 'utf8'));
if (!loaded.ok) throw new Error('tutorial does not load');
const tutorial = loaded.value;

async function exercise(body: Record<string, unknown>): Promise<{ code: string; token: string; id: string }> {
  const r = await postJson(`${t.url}/api/exercises`, { scenario: 'tutorial', seed: 11, ...body });
  expect(r.status).toBe(201);
  return { code: r.body.code, token: r.body.instructorToken, id: r.body.exerciseId };
}

/** Send a message and wait for its answer: the ack, or the refusal's reason. */
async function ask(r: Recorder, type: string, payload: Record<string, unknown> = {}): Promise<{ ok: true } | { ok: false; reason: { key: string } }> {
  const ref = `${type}-${Math.random().toString(36).slice(2, 8)}`;
  r.room.send(type, { ...payload, ref });
  const answer = await Promise.race([
    r.waitFor('ack', (a) => a.ref === ref, 15_000).then(() => ({ ok: true as const })),
    r.waitFor('refused', (a) => a.ref === ref, 15_000).then((x) => ({ ok: false as const, reason: x.reason })),
  ]);
  return answer;
}

describe('the class debrief of an exercise played to the end', () => {
  let code: string, token: string, id: string;
  let instructor: Recorder, gov: Recorder;
  const edited = 'Class debrief sentinel: the bloc envoy calls from the airport.';

  beforeAll(async () => {
    ({ code, token, id } = await exercise({ seats: ['party:gov', 'observer'], mediatorBot: 'by-the-book', botDelayMs: 5 }));
    instructor = await join(t.url, code, { instructorToken: token });
    gov = await join(t.url, code, { seat: 'party:gov', name: 'Gus' });
    // The delegation answers every proposal waiting for it: accept, so the process can reach terms.
    const answered = new Set<number>();
    gov.room.onMessage('view', (m: { view: { proposals: { id: number; responses: Record<string, string> }[] } }) => {
      for (const p of m.view.proposals)
        if (p.responses.gov === 'pending' && !answered.has(p.id)) {
          answered.add(p.id);
          gov.room.send('command', { command: { type: 'respond', proposal: p.id, accept: true } });
        }
    });
  });

  it('before the end, the class debrief is refused with the reason (room and HTTP)', async () => {
    const early = await ask(instructor, 'classDebrief');
    expect(early).toEqual({ ok: false, reason: { key: 'server.debrief.notEnded' } });
    const http = await getJson(`${t.url}/api/exercises/${id}/class-debrief`, { authorization: `Bearer ${token}` });
    expect(http.status).toBe(409);
    expect(http.body.reason.key).toBe('server.debrief.notEnded');
  });

  it('talk on every channel and an edited inject, then the game plays to its end', async () => {
    expect((await ask(gov, 'say', { channel: 'delegation', text: 'Gov team: hold firm on security.' })).ok).toBe(true);
    expect((await ask(gov, 'say', { channel: 'public', text: 'The government is here in good faith.' })).ok).toBe(true);
    expect((await ask(instructor, 'say', { channel: 'caucus', party: 'gov', text: 'Instructor in the gov caucus.' })).ok).toBe(true);
    expect((await ask(instructor, 'fire', { inject: 'bloc-warning', synopsis: edited })).ok).toBe(true);
    expect((await ask(instructor, 'adhoc', { effect: { kind: 'meters', party: 'union', batna: -5 }, synopsis: 'An ad-hoc flood in the valley.' })).ok).toBe(
      true,
    );
    await instructor.waitFor('status', (s) => s.over === true, 90_000);
  }, 100_000);

  it('gives the instructor the whole class debrief once the game is over', async () => {
    const answer = await ask(instructor, 'classDebrief');
    expect(answer.ok).toBe(true);
    const d = instructor.last('classDebrief');
    expect(d.code).toBe(code);
    // The mediator's debrief, as in solo play.
    expect(['durable', 'notImplemented', 'partial', 'suspended', 'collapsed']).toContain(d.mediator.outcome);
    expect(d.mediator.sins).toHaveLength(7);
    expect(d.summary.outcome).toBe(d.mediator.outcome);
    // Each delegation's result against its own interests: the scenario's hidden positions.
    expect(d.delegations.parties.map((p: { party: string }) => p.party)).toEqual(['gov', 'union']);
    expect(['signed', 'agreed', 'tabled', 'none']).toContain(d.delegations.basis);
    expect(d.delegations.basis).not.toBe('none');
    for (const p of d.delegations.parties) {
      expect(typeof p.batna).toBe('number');
      expect(p.issues.length).toBeGreaterThan(0);
      for (const r of p.issues) {
        const pos = tutorial.issues.find((i) => i.id === r.issue)!.positions[p.party]!;
        expect(r).toMatchObject({ ideal: pos.ideal, redLine: pos.reservation, weight: pos.weight, value: d.delegations.terms[r.issue] });
        expect(r.crossed).toBe(r.utility < 0);
      }
      expect(p.redLinesCrossed).toEqual(p.issues.filter((r: { crossed: boolean }) => r.crossed).map((r: { issue: string }) => r.issue));
      expect(p.margin).toBeCloseTo(p.value - p.batna, 0);
    }
    // The inject timeline: the edited one as fired, with the engine's review; the ad-hoc one.
    const bloc = d.timeline.find((e: { inject: string | null }) => e.inject === 'bloc-warning');
    expect(bloc).toMatchObject({ by: 'instructor', synopsis: edited, fired: { edited: true } });
    expect(bloc.review.id).toBe('bloc-warning');
    expect(bloc.review.expected).toBeDefined();
    expect([true, false, null]).toContain(bloc.review.met);
    expect(bloc.results.length).toBeGreaterThan(0);
    const adhoc = d.timeline.find((e: { inject: string | null }) => e.inject === null);
    expect(adhoc).toMatchObject({ by: 'instructor', synopsis: 'An ad-hoc flood in the valley.', review: null });
    const turns = d.timeline.map((e: { turn: number | null }) => e.turn ?? Infinity);
    expect(turns).toEqual([...turns].sort((a, b) => a - b));
    // Every channel's transcript.
    const channel = (c: string) => d.transcripts.find((x: { channel: string }) => x.channel === c).messages.map((m: { text: string }) => m.text);
    expect(channel('delegation:gov')).toEqual(['Gov team: hold firm on security.']);
    expect(channel('public')).toEqual(['The government is here in good faith.']);
    expect(channel('caucus:gov')).toEqual(['Instructor in the gov caucus.']);
    expect(channel('delegation:union')).toEqual([]);
    expect(d.seats.find((s: { role: string }) => s.role === 'party:gov').holders).toEqual(['Gus']);
  });

  it('refuses the class debrief to a student with the reason, and gives it its own part only', async () => {
    const refused = await ask(gov, 'classDebrief');
    expect(refused).toEqual({ ok: false, reason: { key: 'server.debrief.instructorOnly', params: { type: 'classDebrief' } } });
    expect(gov.messages.some((m) => m.type === 'classDebrief')).toBe(false);
    expect((await ask(gov, 'debrief')).ok).toBe(true);
    const own = gov.last('debrief');
    expect(own.role).toBe('party:gov');
    expect(own.delegation.party).toBe('gov');
    expect(own.summary.outcome).toBe(instructor.last('classDebrief').summary.outcome);
    // Its own interests only: not the mediator's debrief, not the other delegation's result, not the transcripts.
    expect(Object.keys(own).sort()).toEqual(['delegation', 'names', 'role', 'summary']);
    for (const r of own.delegation.issues) {
      const pos = tutorial.issues.find((i) => i.id === r.issue)!.positions.gov!;
      expect(r).toMatchObject({ ideal: pos.ideal, redLine: pos.reservation, weight: pos.weight });
    }
    expect(own.delegation).toEqual({
      ...instructor.last('classDebrief').delegations.parties[0],
      basis: expect.any(String),
      proposal: instructor.last('classDebrief').delegations.proposal,
      terms: expect.any(Object),
    });
  });

  it('after the instructor ends it, HTTP gives the class debrief to the instructor token only', async () => {
    expect((await ask(instructor, 'end')).ok).toBe(true);
    const denied = await getJson(`${t.url}/api/exercises/${id}/class-debrief`, { authorization: 'Bearer wrong' });
    expect(denied.status).toBe(404);
    expect(denied.body.error).toMatch(/instructor token/);
    const seatToken = gov.last('welcome').seatToken;
    const asStudent = await getJson(`${t.url}/api/exercises/${id}/class-debrief`, { authorization: `Bearer ${seatToken}` });
    expect(asStudent.status).toBe(404);
    const r = await getJson(`${t.url}/api/exercises/${id}/class-debrief`, { authorization: `Bearer ${token}` });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ended');
    expect(r.body.delegations).toEqual(instructor.last('classDebrief').delegations);
    expect(r.body.transcripts.find((x: { channel: string }) => x.channel === 'public').messages[0].text).toBe('The government is here in good faith.');
  });
});

describe('asking at the wrong time or the wrong way', () => {
  it('a lobby has nothing to debrief; a malformed ask is refused naming the field', async () => {
    const { code, token, id } = await exercise({});
    const instructor = await join(t.url, code, { instructorToken: token });
    expect(await ask(instructor, 'classDebrief')).toEqual({ ok: false, reason: { key: 'server.debrief.notStarted' } });
    const http = await getJson(`${t.url}/api/exercises/${id}/class-debrief?token=${encodeURIComponent(token)}`);
    expect(http.status).toBe(409);
    expect(http.body).toMatchObject({ error: 'the exercise has not started', reason: { key: 'server.debrief.notStarted' } });
    const bad = await ask(instructor, 'classDebrief', { seat: 'party:gov' });
    expect(bad).toMatchObject({ ok: false, reason: { key: 'server.message.invalid' } });
    expect(instructor.messages.some((m) => m.type === 'classDebrief')).toBe(false);
    await instructor.room.leave();
  });
});

describe('a seat own part', () => {
  it('the mediator gets its debrief; an observer only the public ending', async () => {
    const { code, token } = await exercise({ seats: ['mediator', 'observer'] });
    const instructor = await join(t.url, code, { instructorToken: token });
    const mediator = await join(t.url, code, { seat: 'mediator', name: 'Mia' });
    const observer = await join(t.url, code, { seat: 'observer', name: 'Olly' });
    expect(await ask(mediator, 'debrief')).toEqual({ ok: false, reason: { key: 'server.debrief.notEnded' } });
    expect((await ask(mediator, 'command', { command: { type: 'studyHistory' } })).ok).toBe(true);
    expect((await ask(instructor, 'end')).ok).toBe(true);
    expect((await ask(mediator, 'debrief')).ok).toBe(true);
    const m = mediator.last('debrief');
    expect(m.role).toBe('mediator');
    expect(m.mediator.sins).toHaveLength(7);
    expect(m.delegation).toBeUndefined();
    expect((await ask(observer, 'debrief')).ok).toBe(true);
    const o = observer.last('debrief');
    expect(o.mediator).toBeUndefined();
    expect(o.delegation).toBeUndefined();
    expect(o.summary.outcome).toBe(m.summary.outcome);
    for (const r of [instructor, mediator, observer]) await r.room.leave();
  });
});
