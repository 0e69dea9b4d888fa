/**
 * The exercise room through the real SDK over WebSocket (Colyseus 0.18, @colyseus/testing): creating
 * an exercise, seats bound by signed tokens, per-role views, refusals, instructor operations,
 * channels, reconnection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { matchMaker } from '@colyseus/core';
import { getJson, join, postJson, sleep, startTestClassroom, type Recorder, type TestClassroom } from './helpers';
import { CODE_ALPHABET } from '../../src/server/tokens';
import type { ExerciseRoom } from '../../src/server/room';

let t: TestClassroom;
beforeAll(async () => {
  t = await startTestClassroom();
});
afterAll(async () => {
  await t?.classroom.close();
});

const tutorial = readFileSync('scenarios/tutorial.yaml', 'utf8');
const confidential = (role: string): string => {
  // The folded YAML text of one confidential note, as a short distinctive snippet.
  const notes: Record<string, string> = {
    mediator: 'Both delegations trust you a little, not much',
    instructor: 'the Rangers are a limited spoiler (induce)',
    'party:gov': 'The president needs the fighting over before the budget debate',
    'party:union': 'The valley needs self-rule above all',
  };
  return notes[role]!;
};

describe('creating an exercise', () => {
  it('lists the shipped scenarios', async () => {
    const r = await getJson(`${t.url}/api/scenarios`);
    expect(r.status).toBe(200);
    const ids = r.body.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['tutorial', 'venezuela-2019', 'venezuela-2016-vatican']));
  });

  it('creates from a shipped scenario id: short unambiguous code, secret token, the scenario seats', async () => {
    const r = await postJson(`${t.url}/api/exercises`, { scenario: 'tutorial' });
    expect(r.status).toBe(201);
    expect(r.body.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
    expect(r.body.instructorToken.length).toBeGreaterThanOrEqual(30);
    expect(r.body.seats.map((s: { role: string }) => s.role)).toEqual([
      'mediator',
      'party:gov',
      'party:union',
      'faction:cabinet',
      'faction:generals',
      'faction:assembly',
      'faction:rangers',
      'external:estra',
      'external:bloc',
      'external:league',
      'observer',
    ]);
    const info = await getJson(`${t.url}/api/exercises/${r.body.code}`);
    expect(info.status).toBe(200);
    expect(info.body.status).toBe('lobby');
    // The public join info never carries the scenario file or a briefing.
    expect(JSON.stringify(info.body)).not.toContain(confidential('party:gov'));
  });

  it('creates from an uploaded pack (checked by the same loader, in a worker)', async () => {
    const r = await postJson(`${t.url}/api/exercises`, { pack: tutorial, seats: ['party:gov'] });
    expect(r.status).toBe(201);
    expect(r.body.scenarioId).toBe('tutorial');
  });

  it('refuses a broken pack with the loader problems, and an oversized one before parsing', async () => {
    const broken = await postJson(`${t.url}/api/exercises`, { pack: 'id: x\nversion: 1\n' });
    expect(broken.status).toBe(422);
    expect(broken.body.problems.length).toBeGreaterThan(0);
    const big = await postJson(`${t.url}/api/exercises`, { pack: 'a'.repeat(1_000_001) });
    expect(big.status).toBe(400);
    const unknown = await postJson(`${t.url}/api/exercises`, { scenario: 'nope' });
    expect(unknown.status).toBe(404);
    const badSeat = await postJson(`${t.url}/api/exercises`, { scenario: 'tutorial', seats: ['party:nobody'] });
    expect(badSeat.status).toBe(400);
  });

  it('a hostile pack (deep nesting, many keys) cannot stall the server', async () => {
    const deep = '- '.repeat(20_000) + 'x\n';
    const manyKeys = Array.from({ length: 40_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const t0 = Date.now();
    // While the packs are checked the event loop stays free: a plain request answers quickly.
    const pending = Promise.all([postJson(`${t.url}/api/exercises`, { pack: deep }), postJson(`${t.url}/api/exercises`, { pack: manyKeys })]);
    const ping0 = Date.now();
    await getJson(`${t.url}/api/scenarios`);
    expect(Date.now() - ping0).toBeLessThan(2000);
    const [a, b] = await pending;
    expect(a.status).toBe(422);
    expect(b.status).toBe(422);
    expect(Date.now() - t0).toBeLessThan(25_000);
  });
});

async function exercise(body: Record<string, unknown> = {}): Promise<{ code: string; token: string; id: string }> {
  const r = await postJson(`${t.url}/api/exercises`, { scenario: 'tutorial', seed: 7, ...body });
  expect(r.status).toBe(201);
  return { code: r.body.code, token: r.body.instructorToken, id: r.body.exerciseId };
}

describe('seats, views and commands', () => {
  let code: string, token: string;
  let instructor: Recorder, mediator: Recorder, gov: Recorder, gov2: Recorder, union: Recorder, observer: Recorder;

  beforeAll(async () => {
    ({ code, token } = await exercise({ seats: ['mediator', 'party:gov', 'party:union', 'observer'] }));
    instructor = await join(t.url, code, { instructorToken: token });
    mediator = await join(t.url, code, { seat: 'mediator', name: 'Mia' });
    gov = await join(t.url, code, { seat: 'party:gov', name: 'Gus' });
    gov2 = await join(t.url, code, { seat: 'party:gov', name: 'Gina' });
    union = await join(t.url, code, { seat: 'party:union', name: 'Uma' });
    observer = await join(t.url, code, { seat: 'observer', name: 'Olly' });
  });

  it('binds each connection to its seat and gives it a signed seat token', () => {
    expect(mediator.last('welcome')).toMatchObject({ role: 'mediator', name: 'Mia', code });
    expect(mediator.last('welcome').seatToken.split('.')).toHaveLength(3);
    expect(gov.last('welcome').role).toBe('party:gov');
    expect(instructor.last('welcome').role).toBe('instructor');
    expect(instructor.last('welcome').seatToken).toBeNull();
  });

  it('sends each role only its own view and briefing', async () => {
    expect(gov.last('view').view.role).toBe('party:gov');
    expect(union.last('view').view.role).toBe('party:union');
    expect(observer.last('view').view.role).toBe('observer');
    expect(gov.last('briefing').confidential).toContain(confidential('party:gov'));
    expect(union.last('briefing').confidential).toContain(confidential('party:union'));
    expect(mediator.last('briefing').confidential).toContain(confidential('mediator'));
    expect(observer.last('briefing').confidential).toBeNull();
    expect(instructor.last('briefing').allConfidential['party:gov']).toContain(confidential('party:gov'));
    expect(instructor.last('view').view.truth).toBeDefined();
    expect(gov.last('view').view.truth).toBeUndefined();
    expect(gov.last('view').view.injects).toBeUndefined();
    // A party knows its own hidden values and nobody else's.
    const issues = gov.last('view').view.issues as { known: Record<string, unknown> }[];
    expect(issues.every((i) => 'gov' in i.known && !('union' in i.known))).toBe(true);
  });

  it('applies a command with the bound role and sends every client its new view', async () => {
    const before = gov.messages.filter((m) => m.type === 'view').length;
    mediator.room.send('command', { command: { type: 'readBriefing' }, ref: 'r1' });
    const ack = await mediator.waitFor('ack', (a) => a.ref === 'r1');
    await gov.waitFor('view', (v) => v.seq >= ack.seq);
    await union.waitFor('view', (v) => v.seq >= ack.seq);
    await instructor.waitFor('view', (v) => v.seq >= ack.seq);
    expect(gov.messages.filter((m) => m.type === 'view').length).toBe(before + 1);
    expect(mediator.last('view').view.knowledge.briefing).toBe(true);
    const entry = mediator.last('view').view.log.at(-1);
    expect(entry).toMatchObject({ kind: 'move', role: 'mediator' });
  });

  it("refuses what a seat may not do, to that client alone, with the engine's reason", async () => {
    const othersBefore = union.messages.length;
    gov.room.send('command', { command: { type: 'caucus', party: 'union' }, ref: 'x' });
    const refusal = await gov.waitFor('refused', (r) => r.ref === 'x');
    expect(refusal.reason.key).toMatch(/^refuse\./);
    await sleep(100);
    expect(union.messages.slice(othersBefore).some((m) => m.type === 'refused' || m.type === 'view')).toBe(false);
  });

  it('a party seat answers a proposal with respond (engine plays no human seat)', async () => {
    mediator.room.send('command', { command: { type: 'caucus', party: 'gov' }, ref: 'c1' });
    await mediator.waitFor('ack', (a) => a.ref === 'c1');
    mediator.room.send('command', { command: { type: 'caucus', party: 'union' }, ref: 'c2' });
    await mediator.waitFor('ack', (a) => a.ref === 'c2');
    mediator.room.send('command', { command: { type: 'endTurn' }, ref: 'e1' });
    await mediator.waitFor('ack', (a) => a.ref === 'e1');
    mediator.room.send('command', { command: { type: 'requestCbm', party: 'gov', cbm: 'prisonerRelease' }, ref: 'p1' });
    const ack = await mediator.waitFor('ack', (a) => a.ref === 'p1');
    const v = await gov.waitFor('view', (m) => m.seq >= ack.seq);
    const prop = v.view.proposals.at(-1);
    expect(prop.responses.gov).toBe('pending');
    gov2.room.send('command', { command: { type: 'respond', proposal: prop.id, accept: true }, ref: 'g1' });
    const gack = await gov2.waitFor('ack', (a) => a.ref === 'g1');
    const after = await mediator.waitFor('view', (m) => m.seq >= gack.seq);
    expect(after.view.proposals.at(-1).responses.gov).toBe('accept');
  });

  it('unknown message types, malformed payloads and a role in the command are refused with a reason', async () => {
    gov.room.send('hack', { ref: 'h' });
    expect((await gov.waitFor('refused', (r) => r.ref === 'h')).reason.key).toBe('server.message.unknownType');
    gov.room.send('command', { command: { type: 'walkOut', role: 'mediator' }, ref: 'rl' });
    expect((await gov.waitFor('refused', (r) => r.ref === 'rl')).reason.key).toBe('server.message.invalid');
    gov.room.send('command', 'not an object' as never);
    expect((await gov.waitFor('refused', (r) => r.type === 'command' && r.reason.key === 'server.message.malformed')).reason).toBeTruthy();
    gov.room.send('pause', { ref: 'p' });
    expect((await gov.waitFor('refused', (r) => r.ref === 'p')).reason.key).toBe('server.instructorOnly');
  });

  it('channels: delegation, caucus and public reach only their members', async () => {
    gov.room.send('say', { channel: 'delegation', text: 'gov-only words', ref: 's1' });
    await gov.waitFor('ack', (a) => a.ref === 's1');
    mediator.room.send('say', { channel: 'caucus', party: 'union', text: 'caucus with union', ref: 's2' });
    await mediator.waitFor('ack', (a) => a.ref === 's2');
    observer.room.send('say', { channel: 'public', text: 'observers are silent', ref: 's3' });
    expect((await observer.waitFor('refused', (r) => r.ref === 's3')).reason.key).toBe('server.chat.observer');
    union.room.send('say', { channel: 'public', text: 'hello everyone', ref: 's4' });
    await union.waitFor('ack', (a) => a.ref === 's4');
    await gov2.waitFor('chat', (c) => c.text === 'gov-only words' && c.channel === 'delegation:gov');
    await union.waitFor('chat', (c) => c.text === 'caucus with union');
    await instructor.waitFor('chat', (c) => c.text === 'caucus with union');
    for (const r of [gov, gov2, mediator, union, observer, instructor]) await r.waitFor('chat', (c) => c.text === 'hello everyone');
    await sleep(150);
    expect(union.text()).not.toContain('gov-only words');
    expect(mediator.text()).not.toContain('gov-only words');
    expect(observer.text()).not.toContain('gov-only words');
    expect(gov.text()).not.toContain('caucus with union');
    expect(observer.text()).not.toContain('caucus with union');
    // Text is bounded and must show something.
    gov.room.send('say', { channel: 'public', text: 'x'.repeat(1001), ref: 's5' });
    expect((await gov.waitFor('refused', (r) => r.ref === 's5')).reason.key).toBe('server.message.invalid');
    gov.room.send('say', { channel: 'public', text: '\u200b\u0007 ', ref: 's6' });
    expect((await gov.waitFor('refused', (r) => r.ref === 's6')).reason.key).toBe('server.message.invalid');
  });

  it("no client ever received another seat's briefing or hidden values", () => {
    expect(gov.text()).not.toContain(confidential('party:union'));
    expect(gov.text()).not.toContain(confidential('instructor'));
    expect(gov.text()).not.toContain(confidential('mediator'));
    expect(union.text()).not.toContain(confidential('party:gov'));
    expect(mediator.text()).not.toContain(confidential('party:gov'));
    expect(observer.text()).not.toContain(confidential('party:gov'));
    for (const r of [gov, gov2, union, mediator, observer]) {
      expect(r.messages.some((m) => m.type === 'view' && m.payload.view.truth !== undefined)).toBe(false);
      expect(r.messages.some((m) => m.type === 'fired')).toBe(false);
    }
  });
});

describe('instructor operations', () => {
  let code: string, token: string, id: string;
  let instructor: Recorder, mediator: Recorder, gov: Recorder;

  beforeAll(async () => {
    ({ code, token, id } = await exercise());
    instructor = await join(t.url, code, { instructorToken: token });
    mediator = await join(t.url, code, { seat: 'mediator', name: 'Mo' });
    gov = await join(t.url, code, { seat: 'party:gov', name: 'Gil' });
  });

  it('the lobby refuses commands; start fixes the seats people play to those taken', async () => {
    mediator.room.send('command', { command: { type: 'readBriefing' }, ref: 'l1' });
    expect((await mediator.waitFor('refused', (r) => r.ref === 'l1')).reason.key).toBe('server.exercise.notStarted');
    instructor.room.send('start', { ref: 'st' });
    await instructor.waitFor('ack', (a) => a.ref === 'st');
    const status = await gov.waitFor('status', (s) => s.status === 'running');
    const seat = (role: string) => status.seats.find((s: { role: string }) => s.role === role);
    expect(seat('party:gov').playedBy).toBe('people');
    expect(seat('party:union').playedBy).toBe('engine');
    // An engine-played seat cannot be taken once running.
    await expect(join(t.url, code, { seat: 'party:union', name: 'Late' })).rejects.toThrow(/server\.seat\.engine/);
  });

  it('keeps planned and fired apart; an edited inject text is kept in the fired record', async () => {
    const fired0 = instructor.last('fired');
    expect(fired0.planned.map((p: { id: string }) => p.id)).toContain('customs-raid');
    expect(fired0.fired).toEqual([]);
    instructor.room.send('fire', { inject: 'bloc-warning', synopsis: 'Edited: the Bloc threatens tariffs today.', ref: 'f1' });
    await instructor.waitFor('ack', (a) => a.ref === 'f1');
    const fired = await instructor.waitFor('fired', (f) => f.fired.length === 1);
    expect(fired.fired[0]).toMatchObject({ inject: 'bloc-warning', synopsis: 'Edited: the Bloc threatens tariffs today.', edited: true });
    expect(fired.fired[0].planned).toContain('Northern Trade Bloc');
    expect(fired.planned.find((p: { id: string }) => p.id === 'bloc-warning').fired).toBe(true);
    // The planned list is untouched by the edit.
    expect(fired.planned.find((p: { id: string }) => p.id === 'bloc-warning').synopsis).toContain('Northern Trade Bloc');
    instructor.room.send('adhoc', { effect: { kind: 'news' }, synopsis: 'A journalist asks about the talks.', ref: 'f2' });
    await instructor.waitFor('ack', (a) => a.ref === 'f2');
    const f2 = await instructor.waitFor('fired', (f) => f.fired.length === 2);
    expect(f2.fired[1]).toMatchObject({ inject: null, synopsis: 'A journalist asks about the talks.' });
    instructor.room.send('fire', { inject: 'no-such-inject', ref: 'f3' });
    expect((await instructor.waitFor('refused', (r) => r.ref === 'f3')).reason.key).toBe('server.inject.unknown');
  });

  it('pause refuses commands with a reason; resume lets them through', async () => {
    instructor.room.send('pause', { ref: 'pa' });
    await gov.waitFor('status', (s) => s.paused === true);
    mediator.room.send('command', { command: { type: 'studyHistory' }, ref: 'm1' });
    expect((await mediator.waitFor('refused', (r) => r.ref === 'm1')).reason.key).toBe('server.exercise.paused');
    instructor.room.send('resume', { ref: 're' });
    await gov.waitFor('status', (s) => s.paused === false);
    mediator.room.send('command', { command: { type: 'studyHistory' }, ref: 'm2' });
    await mediator.waitFor('ack', (a) => a.ref === 'm2');
  });

  it('the turn clock ends the mediator turn when it runs out', async () => {
    const turn = mediator.last('view').view.turn;
    instructor.room.send('clock', { seconds: 10, ref: 'ck' });
    const s = await mediator.waitFor('status', (x) => x.turnSeconds === 10 && x.deadline !== null);
    expect(s.deadline - Date.now()).toBeGreaterThan(8000);
    // Shorten for the test: the room's clock is ordinary data.
    const room = matchMaker.getLocalRoomById(code) as ExerciseRoom;
    (room as unknown as { deadline: number }).deadline = Date.now();
    (room as unknown as { armClock: (r: boolean) => void }).armClock(false);
    const v = await mediator.waitFor('view', (x) => x.view.turn === turn + 1, 5000);
    expect(v.view.log.some((e: { kind: string; role?: string; command?: { type: string } }) => e.kind === 'move' && e.command?.type === 'endTurn')).toBe(true);
    instructor.room.send('clock', { seconds: null, ref: 'ck2' });
    await mediator.waitFor('status', (x) => x.turnSeconds === null);
  });

  it('reassigning a seat moves the student and invalidates the old seat token', async () => {
    const oldToken = gov.last('welcome').seatToken;
    const holder = gov.last('welcome').holderId;
    instructor.room.send('reassign', { holder, seat: 'observer', ref: 'ra' });
    await instructor.waitFor('ack', (a) => a.ref === 'ra');
    const w = await gov.waitFor('welcome', (x) => x.role === 'observer');
    expect(w.seatToken).not.toBe(oldToken);
    await gov.waitFor('view', (x) => x.view.role === 'observer');
    await expect(join(t.url, code, { seatToken: oldToken })).rejects.toThrow(/badSeatToken/);
    const again = await join(t.url, code, { seatToken: w.seatToken });
    expect(again.last('welcome').role).toBe('observer');
    await again.room.leave();
  });

  it('ending the exercise keeps it for the debrief (instructor token only)', async () => {
    instructor.room.send('end', { ref: 'end' });
    await mediator.waitFor('ended');
    mediator.room.send('command', { command: { type: 'studyHistory' }, ref: 'late' });
    expect((await mediator.waitFor('refused', (r) => r.ref === 'late')).reason.key).toBe('server.exercise.ended');
    const denied = await getJson(`${t.url}/api/exercises/${id}/debrief`, { authorization: 'Bearer wrong' });
    expect(denied.status).toBe(404);
    const d = await getJson(`${t.url}/api/exercises/${id}/debrief`, { authorization: `Bearer ${token}` });
    expect(d.status).toBe(200);
    expect(d.body.status).toBe('ended');
    expect(d.body.hashOk).toBe(true);
    expect(d.body.debrief.outcome).toBeDefined();
    expect(d.body.fired.map((f: { inject: string | null }) => f.inject)).toEqual(['bloc-warning', null]);
    expect(d.body.fired[0].edited).toBe(true);
    const x = await getJson(`${t.url}/api/exercises/${id}/export?token=${encodeURIComponent(token)}`);
    expect(x.status).toBe(200);
    expect(x.body.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['seat', 'start', 'command', 'pause', 'resume', 'clock', 'end']));
  });
});

describe('empty seats', () => {
  it('with mediatorBot, a bot plays the empty mediator seat through the same commands', async () => {
    const { code } = await exercise({ seats: ['observer'], mediatorBot: 'by-the-book', botDelayMs: 20 });
    const o = await join(t.url, code, { seat: 'observer', name: 'Watcher' });
    const v = await o.waitFor('view', (x) => x.view.log.filter((e: { kind: string }) => e.kind === 'move').length >= 3, 10_000);
    expect(v.view.log.find((e: { kind: string }) => e.kind === 'move').role).toBe('mediator');
    expect(o.last('status').mediatorBot).toBe('by-the-book');
    // A person taking the seat stops the bot.
    const m = await join(t.url, code, { seat: 'mediator', name: 'Human' });
    const s = await m.waitFor('status', (x) => x.mediatorBot === null);
    expect(s.seats.find((x: { role: string }) => x.role === 'mediator').holders[0].name).toBe('Human');
    await m.room.leave();
    await o.room.leave();
  });
});

describe('reconnection', () => {
  it('a dropped client gets its seat and the same state back (Colyseus allowReconnection)', async () => {
    const { code } = await exercise({ seats: ['mediator', 'party:gov'] });
    const m = await join(t.url, code, { seat: 'mediator', name: 'Rae' });
    m.room.reconnection.minUptime = 0;
    m.room.send('command', { command: { type: 'readBriefing' }, ref: 'a' });
    const ack = await m.waitFor('ack', (a) => a.ref === 'a');
    const sessionId = m.room.sessionId;
    const room = matchMaker.getLocalRoomById(code) as ExerciseRoom;
    const serverClient = room.clients.find((c) => c.sessionId === sessionId)!;
    const viewsBefore = m.messages.filter((x) => x.type === 'view').length;
    // Cut the socket without a close handshake, as a network drop does.
    (serverClient as unknown as { ref: { terminate(): void } }).ref.terminate();
    await new Promise<void>((resolve) => m.room.onReconnect(() => resolve()));
    const v = await m.waitFor('view', () => m.messages.filter((x) => x.type === 'view').length > viewsBefore);
    expect(v.seq).toBe(ack.seq);
    expect(v.view.knowledge.briefing).toBe(true);
    expect(m.room.sessionId).toBe(sessionId);
    const welcome = m.messages.filter((x) => x.type === 'welcome').at(-1)!.payload;
    expect(welcome.role).toBe('mediator');
    m.room.send('command', { command: { type: 'studyHistory' }, ref: 'b' });
    await m.waitFor('ack', (a) => a.ref === 'b');
    await m.room.leave();
  });

  it('a client that comes back later with its seat token gets the same seat', async () => {
    const { code } = await exercise({ seats: ['party:gov'] });
    const g = await join(t.url, code, { seat: 'party:gov', name: 'Ida' });
    const token = g.last('welcome').seatToken;
    const holder = g.last('welcome').holderId;
    await g.room.leave();
    const back = await join(t.url, code, { seatToken: token });
    expect(back.last('welcome')).toMatchObject({ role: 'party:gov', holderId: holder, name: 'Ida' });
    await back.room.leave();
  });
});
