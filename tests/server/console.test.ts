/**
 * The instructor's console messages through the real SDK: peek at a seat's view (kept up to date),
 * the seat plan (leave a seat to the engine before the start), the live activity feed (commands
 * with their answers, refusals, chat on every channel, injects) and the inject list with expected
 * responses, windows, contingencies and status. Every one is the instructor's alone: a student
 * sending it is refused with a reason, gets nothing it may not see, and the room keeps running.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchMaker } from '@colyseus/core';
import { join, postJson, startTestClassroom, type Recorder, type TestClassroom } from './helpers';
import { SqliteStore } from '../../src/server/store/index';
import { Exercise } from '../../src/server/exercise';
import type { ExerciseRoom } from '../../src/server/room';
import { REFUSALS_KEPT_PER_MINUTE } from '../../src/server/activity';

let t: TestClassroom;
const store = new SqliteStore(':memory:');
beforeAll(async () => {
  await store.init();
  t = await startTestClassroom({ store });
});
afterAll(async () => {
  await t?.classroom.close();
});

async function exercise(body: Record<string, unknown> = {}): Promise<{ code: string; token: string; id: string }> {
  const r = await postJson(`${t.url}/api/exercises`, { scenario: 'tutorial', seed: 7, ...body });
  expect(r.status).toBe(201);
  return { code: r.body.code, token: r.body.instructorToken, id: r.body.exerciseId };
}

const GOV_NOTE = 'The president needs the fighting over before the budget debate';
const UNION_NOTE = 'The valley needs self-rule above all';

const refusal = async (r: Recorder, ref: string) => (await r.waitFor('refused', (x) => x.ref === ref)).reason;
const ack = (r: Recorder, ref: string) => r.waitFor('ack', (x) => x.ref === ref);

describe('the seat plan before the start', () => {
  let code: string, token: string;
  let instructor: Recorder, gov: Recorder;
  beforeAll(async () => {
    ({ code, token } = await exercise());
    instructor = await join(t.url, code, { instructorToken: token });
    gov = await join(t.url, code, { seat: 'party:gov', name: 'Gil' });
  });

  it('a seat left to the engine shows so, and no student can take it', async () => {
    instructor.room.send('plan', { seat: 'party:union', engine: true, ref: 'p1' });
    await ack(instructor, 'p1');
    const s = await instructor.waitFor('status', (x) => x.seats.find((y: { role: string }) => y.role === 'party:union').playedBy === 'engine');
    expect(s.seats.find((y: { role: string }) => y.role === 'party:gov').playedBy).toBe('people');
    await expect(join(t.url, code, { seat: 'party:union', name: 'Una' })).rejects.toThrow(/server\.seat\.engine/);
  });

  it('refuses a held seat, a seat the engine cannot play, and a plan that changes nothing, each with its reason', async () => {
    instructor.room.send('plan', { seat: 'party:gov', engine: true, ref: 'p2' });
    expect((await refusal(instructor, 'p2')).key).toBe('server.seat.held');
    instructor.room.send('plan', { seat: 'mediator', engine: true, ref: 'p3' });
    expect((await refusal(instructor, 'p3')).key).toBe('server.seat.notPlayable');
    instructor.room.send('plan', { seat: 'party:union', engine: true, ref: 'p4' });
    expect((await refusal(instructor, 'p4')).key).toBe('server.seat.alreadyEngine');
    instructor.room.send('plan', { seat: 'party:nobody', engine: true, ref: 'p5' });
    expect((await refusal(instructor, 'p5')).key).toBe('server.seat.unknown');
  });

  it('a student may not change the plan; the room goes on', async () => {
    gov.room.send('plan', { seat: 'party:union', engine: false, ref: 'g1' });
    expect(await refusal(gov, 'g1')).toEqual({ key: 'server.instructorOnly', params: { type: 'plan' } });
    instructor.room.send('plan', { seat: 'faction:rangers', engine: true, ref: 'p6' });
    await ack(instructor, 'p6');
  });

  it('opened again, the seat can be taken; the start gives the engine the seats left to it', async () => {
    instructor.room.send('plan', { seat: 'faction:rangers', engine: false, ref: 'p7' });
    await ack(instructor, 'p7');
    const rangers = await join(t.url, code, { seat: 'faction:rangers', name: 'Ray' });
    instructor.room.send('start', { ref: 'st' });
    await ack(instructor, 'st');
    const s = await instructor.waitFor('status', (x) => x.status === 'running');
    const by = (role: string) => s.seats.find((y: { role: string }) => y.role === role).playedBy;
    expect([by('party:gov'), by('faction:rangers'), by('party:union')]).toEqual(['people', 'people', 'engine']);
    // After the start the plan is the engine's handSeat: the faction's student leaves, the engine takes
    // the seat (its commands are then refused), and the union's seat is opened to people and taken.
    instructor.room.send('plan', { seat: 'faction:rangers', engine: true, ref: 'p8' });
    await ack(instructor, 'p8');
    await instructor.waitFor(
      'status',
      (x) => x.status === 'running' && x.seats.find((y: { role: string }) => y.role === 'faction:rangers').playedBy === 'engine',
    );
    rangers.room.send('command', { command: { type: 'spoilerAction', action: 'denunciation' }, ref: 'r1' });
    expect((await refusal(rangers, 'r1')).key).toBe('refuse.role.engineSeat');
    instructor.room.send('plan', { seat: 'faction:rangers', engine: true, ref: 'p9' });
    expect((await refusal(instructor, 'p9')).key).toBe('refuse.handSeat.alreadyEngine');
    instructor.room.send('plan', { seat: 'party:union', engine: false, ref: 'p10' });
    await ack(instructor, 'p10');
    const uma = await join(t.url, code, { seat: 'party:union', name: 'Uma' });
    await uma.waitFor('welcome', (x) => x.role === 'party:union');
    await rangers.room.leave();
    await uma.room.leave();
  });
});

describe('an expected response that does not come', () => {
  it('the inject is missed once its window closes, and its contingency shows as fired', async () => {
    const { code, token } = await exercise();
    const instructor = await join(t.url, code, { instructorToken: token });
    const mediator = await join(t.url, code, { seat: 'mediator', name: 'Mo' });
    instructor.room.send('start', { ref: 'st' });
    await ack(instructor, 'st');
    // customs-raid fires at the end of turn 2 and waits 3 turns for engageSpoiler(rangers), which never comes.
    for (let i = 0; i < 5; i++) {
      mediator.room.send('command', { command: { type: 'endTurn' }, ref: `e${i}` });
      await ack(mediator, `e${i}`);
    }
    const byId = (f: { planned: { id: string }[] }, id: string) => f.planned.find((p) => p.id === id) as any;
    const missed = await instructor.waitFor('fired', (f) => byId(f, 'customs-raid').status === 'missed');
    expect(byId(missed, 'customs-raid').awaitingUntil).toBeUndefined();
    expect(byId(missed, 'rangers-call-walkout')).toMatchObject({ parent: 'customs-raid', fired: true });
    await mediator.room.leave();
    await instructor.room.leave();
  });
});

describe('peek, activity and the inject list', () => {
  let code: string, token: string, id: string;
  let instructor: Recorder, mediator: Recorder, gov: Recorder;
  beforeAll(async () => {
    ({ code, token, id } = await exercise());
    instructor = await join(t.url, code, { instructorToken: token });
    mediator = await join(t.url, code, { seat: 'mediator', name: 'Mo' });
    gov = await join(t.url, code, { seat: 'party:gov', name: 'Gil' });
    instructor.room.send('start', { ref: 'st' });
    await ack(instructor, 'st');
    await gov.waitFor('view');
  });

  it('peek shows exactly what a seat sees (its view and its own briefing), and follows the game', async () => {
    instructor.room.send('peek', { seat: 'party:gov', ref: 'k1' });
    await ack(instructor, 'k1');
    const p = await instructor.waitFor('peek', (x) => x.seat === 'party:gov');
    expect(p.view.role).toBe('party:gov');
    expect(p.view.truth).toBeUndefined();
    expect(p.view.injects).toBeUndefined();
    expect(p.briefing.confidential).toContain(GOV_NOTE);
    expect(p.briefing.allConfidential).toBeUndefined();
    expect(JSON.stringify(p)).not.toContain(UNION_NOTE);
    // The same view the delegation's own page holds.
    expect(p.view).toEqual(gov.last('view').view);
    const seq = p.seq;
    mediator.room.send('command', { command: { type: 'readBriefing' }, ref: 'm1' });
    await ack(mediator, 'm1');
    const later = await instructor.waitFor('peek', (x) => x.seq > seq);
    expect(later.view.log.length).toBeGreaterThan(p.view.log.length);
    // The mediator's peek carries its move list, like the mediator's own page.
    instructor.room.send('peek', { seat: 'mediator', ref: 'k2' });
    const pm = await instructor.waitFor('peek', (x) => x.seat === 'mediator');
    expect(pm.moves.length).toBeGreaterThan(3);
    instructor.room.send('peek', { seat: 'external:nowhere', ref: 'k3' });
    expect(await refusal(instructor, 'k3')).toEqual({ key: 'server.seat.unknown', params: { seat: 'external:nowhere' } });
    // Stopped: no more peeks.
    instructor.room.send('peek', { seat: null, ref: 'k4' });
    await ack(instructor, 'k4');
    const before = instructor.messages.filter((m) => m.type === 'peek').length;
    mediator.room.send('command', { command: { type: 'studyHistory' }, ref: 'm2' });
    await ack(mediator, 'm2');
    await instructor.waitFor('view', (x) => x.seq >= later.seq + 1);
    expect(instructor.messages.filter((m) => m.type === 'peek').length).toBe(before);
  });

  it('a student asking to peek is refused with a reason and sees nothing of another seat', async () => {
    gov.room.send('peek', { seat: 'party:union', ref: 'g1' });
    expect(await refusal(gov, 'g1')).toEqual({ key: 'server.instructorOnly', params: { type: 'peek' } });
    gov.room.send('peek', { seat: 42, ref: 'g2' });
    expect((await refusal(gov, 'g2')).key).toBe('server.message.invalid');
    expect(gov.messages.some((m) => m.type === 'peek' || m.type === 'activity')).toBe(false);
    expect(gov.text()).not.toContain(UNION_NOTE);
    // Still served.
    gov.room.send('sync', { ref: 'g3' });
    await gov.waitFor('status', (s) => s.seq >= 0);
  });

  it("the activity feed carries each seat's command with the engine's answer, refusals, chat on every channel and injects", async () => {
    // A second instructor screen joining late gets the feed so far (seats taken, the start).
    const late = await join(t.url, code, { instructorToken: token });
    const reset = late.last('activity');
    expect(reset.reset).toBe(true);
    expect(reset.entries.some((a: { kind: string; what: string }) => a.kind === 'control' && a.what === 'start')).toBe(true);
    expect(
      reset.entries.some((a: { kind: string; what: string; who: { name: string } }) => a.kind === 'seat' && a.what === 'take' && a.who.name === 'Gil'),
    ).toBe(true);
    await late.room.leave();

    gov.room.send('command', { command: { type: 'gesture', cbm: 'humanitarianChannel' }, ref: 'c1' });
    await ack(gov, 'c1');
    const cmd = await instructor.waitFor('activity', (x) => x.entries.some((a: { what: string }) => a.what === 'gesture'));
    const gesture = cmd.entries.find((a: { what: string }) => a.what === 'gesture');
    expect(gesture).toMatchObject({ kind: 'command', who: { role: 'party:gov', name: 'Gil' }, fields: { cbm: 'humanitarianChannel' } });
    expect(gesture.msg.key).toBeTruthy();

    gov.room.send('command', { command: { type: 'proposeAgenda', issues: ['autonomy'] }, ref: 'c2' });
    const why = await refusal(gov, 'c2');
    const isRefusal = (a: { kind: string; what: string }) => a.kind === 'refused' && a.what === 'proposeAgenda';
    const refused = await instructor.waitFor('activity', (x) => x.entries.some(isRefusal));
    expect(refused.entries.find(isRefusal)).toMatchObject({ kind: 'refused', who: { role: 'party:gov', name: 'Gil' }, what: 'proposeAgenda', msg: why });

    gov.room.send('say', { channel: 'delegation', text: 'Hold firm on the budget.', ref: 'c3' });
    const chat = await instructor.waitFor('activity', (x) => x.entries.some((a: { kind: string }) => a.kind === 'chat'));
    expect(chat.entries[0]).toMatchObject({ kind: 'chat', what: 'delegation:gov', text: 'Hold firm on the budget.', who: { role: 'party:gov', name: 'Gil' } });

    instructor.room.send('adhoc', { effect: { kind: 'news' }, synopsis: 'Feed sentinel: a storm closes the pass.', ref: 'a1' });
    await ack(instructor, 'a1');
    const inj = await instructor.waitFor('activity', (x) => x.entries.some((a: { text?: string }) => a.text === 'Feed sentinel: a storm closes the pass.'));
    expect(inj.entries.find((a: { kind: string }) => a.kind === 'event')).toMatchObject({ what: 'instructor' });

    // Nobody but the instructor gets the feed.
    for (const r of [mediator, gov]) expect(r.messages.some((m) => m.type === 'activity')).toBe(false);
  });

  it('the inject list carries expected responses, windows, contingencies and each status', async () => {
    const plan = (instructor.last('fired').planned as { id: string }[]).reduce<Record<string, any>>((m, p) => ((m[p.id] = p), m), {});
    expect(plan['customs-raid']).toMatchObject({
      status: 'planned',
      turn: 2,
      effectKind: 'spoiler',
      target: 'rangers',
      expected: { move: 'engageSpoiler', target: 'rangers', withinTurns: 3 },
    });
    expect(plan['rangers-call-walkout']).toMatchObject({ parent: 'customs-raid', status: 'planned' });
    // The scheduled inject fires at the end of turn 2: its window opens (until turn 2 + 3).
    for (let i = 0; i < 2; i++) {
      mediator.room.send('command', { command: { type: 'endTurn' }, ref: `e${i}` });
      await ack(mediator, `e${i}`);
    }
    const fired = await instructor.waitFor('fired', (f) => f.planned.find((p: { id: string }) => p.id === 'customs-raid').fired);
    expect(fired.planned.find((p: { id: string }) => p.id === 'customs-raid')).toMatchObject({ status: 'awaiting', awaitingUntil: 5, firedTurn: 2 });
    // The expected response comes: responded, at once.
    mediator.room.send('command', { command: { type: 'engageSpoiler', faction: 'rangers', approach: 'induce' }, ref: 'r1' });
    await ack(mediator, 'r1');
    const answered = await instructor.waitFor('fired', (f) => f.planned.find((p: { id: string }) => p.id === 'customs-raid').status === 'responded');
    expect(answered.planned.find((p: { id: string }) => p.id === 'customs-raid').respondedTurn).toBe(3);
    expect(gov.messages.some((m) => m.type === 'fired')).toBe(false);
  });

  it('a room rebuilt from the stored log has the same feed, refusals included', async () => {
    const live = (matchMaker.getLocalRoomById(code) as ExerciseRoom).ex.activity;
    const { exercise: rebuilt, hashOk } = Exercise.restore((await store.getExercise(id))!, await store.events(id));
    expect(hashOk).toBe(true);
    expect(live.length).toBeGreaterThan(10);
    expect(live.some((a) => a.kind === 'refused' && a.what === 'proposeAgenda')).toBe(true);
    expect(rebuilt.activity).toEqual(live);
  });

  it('a seat flooding refused messages fills the feed, not the store: ten a minute kept, the next marked, the rest live only', async () => {
    const before = (await store.events(id)).filter((e) => e.kind === 'refused').length;
    // The same illegal move, again and again, paced under the token bucket's refill (10 a second) so each gets its answer.
    const sent = REFUSALS_KEPT_PER_MINUTE + 5;
    for (let i = 0; i < sent; i++) {
      await new Promise((r) => setTimeout(r, 110));
      gov.room.send('command', { command: { type: 'proposeAgenda', issues: ['autonomy'] }, ref: `f${i}` });
      await refusal(gov, `f${i}`);
    }
    const feed = await instructor.waitFor('activity', (x) => x.entries.some((a: { fields?: { capped?: boolean } }) => a.fields?.capped));
    expect(feed.entries.find((a: { fields?: { capped?: boolean } }) => a.fields?.capped)).toMatchObject({ kind: 'refused', who: { role: 'party:gov' } });
    const room = matchMaker.getLocalRoomById(code) as ExerciseRoom;
    await new Promise((r) => setTimeout(r, 200));
    // Live: every one of them.
    expect(room.ex.activity.filter((a) => a.kind === 'refused').length).toBeGreaterThanOrEqual(before + sent);
    // Stored: the seat's allowance for the minute, then one marked capped, then nothing more.
    const stored = (await store.events(id)).filter((e) => e.kind === 'refused').map((e) => JSON.parse(e.payload));
    const govs = stored.filter((r) => r.role === 'party:gov');
    expect(govs).toHaveLength(REFUSALS_KEPT_PER_MINUTE + 1);
    expect(govs.filter((r) => r.capped)).toHaveLength(1);
    expect(govs.at(-1)).toMatchObject({ role: 'party:gov', what: 'proposeAgenda', capped: true });
    // The game is untouched by any of it.
    const { hashOk } = Exercise.restore((await store.getExercise(id))!, await store.events(id));
    expect(hashOk).toBe(true);
  });
});
