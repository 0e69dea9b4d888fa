/**
 * A hostile client: forged roles and seat tokens, another exercise's or a revoked token, malformed,
 * oversized and flooding messages. Nothing crashes, nothing leaks, nothing changes outside its seat.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { matchMaker } from '@colyseus/core';
import { Client } from '@colyseus/sdk';
import { stateHash } from '../../src/sim/index';
import type { ExerciseRoom } from '../../src/server/room';
import { join, postJson, record, sleep, startTestClassroom, type Recorder, type TestClassroom } from './helpers';

let t: TestClassroom;
let code: string, token: string, otherCode: string;
let instructor: Recorder, mediator: Recorder, gov: Recorder, union: Recorder;
const SECRETS = ['The valley needs self-rule above all', 'Both delegations trust you a little, not much', 'the Rangers are a limited spoiler (induce)'];

const roomOf = (c: string) => matchMaker.getLocalRoomById(c) as ExerciseRoom;
const hashOf = (c: string) => stateHash(roomOf(c).ex.game!);

beforeAll(async () => {
  t = await startTestClassroom({ rate: { perSecond: 10, burst: 20 } });
  const a = await postJson(`${t.url}/api/exercises`, { scenario: 'tutorial', seed: 3, seats: ['mediator', 'party:gov', 'party:union'] });
  const b = await postJson(`${t.url}/api/exercises`, { scenario: 'tutorial', seed: 4, seats: ['mediator', 'party:gov', 'party:union'] });
  code = a.body.code;
  token = a.body.instructorToken;
  otherCode = b.body.code;
  instructor = await join(t.url, code, { instructorToken: token });
  mediator = await join(t.url, code, { seat: 'mediator', name: 'M' });
  gov = await join(t.url, code, { seat: 'party:gov', name: 'Mallory' });
  union = await join(t.url, code, { seat: 'party:union', name: 'U' });
  mediator.room.send('command', { command: { type: 'readBriefing' }, ref: 'init' });
  await mediator.waitFor('ack', (x) => x.ref === 'init');
});
afterAll(async () => {
  await t?.classroom.close();
});

describe('forged identities', () => {
  it('a role inside a command is refused and changes nothing', async () => {
    const h = hashOf(code);
    for (const role of ['mediator', 'instructor', 'party:union']) {
      gov.room.send('command', { command: { type: 'caucus', party: 'union', role }, ref: `r-${role}` });
      expect((await gov.waitFor('refused', (r) => r.ref === `r-${role}`)).reason.key).toBe('server.message.invalid');
    }
    gov.room.send('command', { command: { type: 'inject', effect: { kind: 'news' }, synopsis: 'fake news' }, ref: 'inj' });
    expect((await gov.waitFor('refused', (r) => r.ref === 'inj')).reason.key).toMatch(/^refuse\./);
    gov.room.send('fire', { inject: 'customs-raid', ref: 'fire' });
    expect((await gov.waitFor('refused', (r) => r.ref === 'fire')).reason.key).toBe('server.instructorOnly');
    expect(hashOf(code)).toBe(h);
  });

  it('forged, foreign and tampered seat tokens are refused at the door', async () => {
    const real = gov.last('welcome').seatToken as string;
    const [head, body] = real.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const tampered = `${head}.${Buffer.from(JSON.stringify({ ...claims, role: 'mediator' })).toString('base64url')}.${real.split('.')[2]}`;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, role: 'mediator' })).toString('base64url')}.`;
    const otherKey = await new SignJWT({ ...claims, role: 'mediator' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('third-side-classroom')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    for (const bad of [tampered, none, otherKey, 'garbage', 'a.b.c', 'x'.repeat(3000)]) {
      await expect(join(t.url, code, { seatToken: bad })).rejects.toThrow();
    }
    // A real token of this exercise is refused by another exercise.
    await expect(join(t.url, otherCode, { seatToken: real })).rejects.toThrow(/badSeatToken/);
    // Wrong instructor token; unknown seat; extra options.
    await expect(join(t.url, code, { instructorToken: 'guess' })).rejects.toThrow(/badInstructorToken/);
    await expect(join(t.url, code, { seat: 'instructor' })).rejects.toThrow();
    await expect(join(t.url, code, { seat: 'party:nobody' })).rejects.toThrow(/server\.seat\.unknown/);
    await expect(join(t.url, code, {})).rejects.toThrow(/noSeat/);
  });

  it("a removed holder's token stops working", async () => {
    const victim = await join(t.url, code, { seat: 'party:gov', name: 'Temp' });
    const tok = victim.last('welcome').seatToken;
    instructor.room.send('reassign', { holder: victim.last('welcome').holderId, seat: null, ref: 'rm' });
    await instructor.waitFor('ack', (a) => a.ref === 'rm');
    await victim.waitFor('refused', (r) => r.reason.key === 'server.seat.removed');
    await expect(join(t.url, code, { seatToken: tok })).rejects.toThrow(/badSeatToken/);
  });
});

describe('malformed, oversized and flooding messages', () => {
  it('malformed payloads get a reason; the room keeps working', async () => {
    const h = hashOf(code);
    const payloads: unknown[] = [
      42,
      'text',
      [1, 2, 3],
      null,
      true,
      { command: null },
      { command: [] },
      { command: { type: 7 } },
      { command: { type: 'x'.repeat(100) } },
      { command: { type: 'respond', proposal: 'NaN', accept: 'yes' } },
      { command: { type: 'gesture', cbm: { toString: 1 } } },
      { command: { type: 'caucus', party: 'union', __proto__: { role: 'mediator' } } },
      { channel: 'everyone' },
    ];
    let i = 0;
    for (const p of payloads) {
      gov.room.send(i % 2 ? 'command' : 'say', p as never);
      i++;
      await sleep(120); // stay under the rate limit: this test is about shapes
    }
    gov.room.send(12345 as never, { ref: 'num' });
    await sleep(200);
    const refusals = gov.messages.filter((m) => m.type === 'refused').length;
    expect(refusals).toBeGreaterThanOrEqual(payloads.length);
    expect(hashOf(code)).toBe(h);
    // Still alive and answering.
    mediator.room.send('command', { command: { type: 'studyHistory' }, ref: 'alive' });
    await mediator.waitFor('ack', (a) => a.ref === 'alive');
  });

  it('a message over the size cap is refused, and a frame over the WebSocket limit closes only that connection', async () => {
    const g = await join(t.url, code, { seat: 'party:gov', name: 'Big' });
    g.room.send('say', { channel: 'public', text: 'y'.repeat(15_000), ref: 'big' });
    const r = await g.waitFor('refused', (x) => x.ref === 'big');
    expect(['server.message.invalid', 'server.message.tooLarge']).toContain(r.reason.key);
    g.room.reconnection.enabled = false;
    const left = new Promise<number>((resolve) => g.room.onLeave((c) => resolve(c)));
    g.room.send('say', { channel: 'public', text: 'z'.repeat(40_000), ref: 'huge' });
    expect(await left).toBeGreaterThan(1000);
    // Everyone else carries on.
    mediator.room.send('command', { command: { type: 'consultExperts', subject: 'rangers' }, ref: 'after-big' });
    await mediator.waitFor('ack', (a) => a.ref === 'after-big');
  });

  it('a flood is rate-limited per connection: refusals, at most the burst accepted, others unaffected', async () => {
    const f = await join(t.url, code, { seat: 'party:gov', name: 'Flood' });
    f.room.reconnection.enabled = false;
    const chatBefore = roomOf(code).ex.chat.length;
    for (let i = 0; i < 300; i++) f.room.send('say', { channel: 'delegation', text: `flood ${i}` });
    await sleep(1500);
    const accepted = roomOf(code).ex.chat.length - chatBefore;
    expect(accepted).toBeLessThanOrEqual(25);
    expect(accepted).toBeGreaterThan(0);
    expect(f.messages.some((m) => m.type === 'refused' && m.payload.reason.key === 'server.rateLimited')).toBe(true);
    // The union seat never heard the delegation's flood; the mediator still plays.
    expect(union.text()).not.toContain('flood ');
    mediator.room.send('command', { command: { type: 'studyHistory' }, ref: 'after-flood' });
    const ack = await Promise.race([mediator.waitFor('ack', (a) => a.ref === 'after-flood'), mediator.waitFor('refused', (a) => a.ref === 'after-flood')]);
    expect(ack).toBeTruthy();
  });

  it('an exception inside a handler is reported to that client alone and the room goes on', async () => {
    const room = roomOf(code);
    const original = room.ex.prepareSay.bind(room.ex);
    room.ex.prepareSay = () => {
      throw new Error('boom');
    };
    gov.room.send('say', { channel: 'public', text: 'hi', ref: 'boom' });
    const r = await gov.waitFor('refused', (x) => x.ref === 'boom');
    expect(r.reason).toEqual({ key: 'server.error', params: { message: 'boom' } });
    room.ex.prepareSay = original;
    gov.room.send('say', { channel: 'public', text: 'hi again', ref: 'ok' });
    await gov.waitFor('ack', (x) => x.ref === 'ok');
  });

  it('a raw WebSocket speaking garbage to the room endpoint is dropped without harm', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${t.port}/x/${code}?sessionId=forged`);
    await new Promise<void>((resolve) => {
      ws.onopen = () => {
        ws.send(new Uint8Array([13, 200, 1, 2, 3, 255, 0]));
        ws.send('not binary');
      };
      ws.onclose = () => resolve();
      ws.onerror = () => resolve();
      setTimeout(resolve, 2000);
    });
    mediator.room.send('command', { command: { type: 'endTurn' }, ref: 'raw' });
    await mediator.waitFor('ack', (a) => a.ref === 'raw');
  });
});

describe('nothing leaks', () => {
  it("the hostile seat never received another seat's briefing, hidden values or the instructor's data", async () => {
    const client = new Client(`ws://127.0.0.1:${t.port}`);
    const late = record(await client.joinById(code, { seat: 'party:gov', name: 'Late' }));
    await late.waitFor('view');
    for (const r of [gov, late]) {
      const text = r.text();
      for (const s of SECRETS) expect(text).not.toContain(s);
      expect(r.messages.some((m) => m.type === 'fired')).toBe(false);
      for (const m of r.messages.filter((x) => x.type === 'view')) {
        expect(m.payload.view.truth).toBeUndefined();
        expect(m.payload.view.injects).toBeUndefined();
        for (const issue of m.payload.view.issues) expect(Object.keys(issue.known)).toEqual(['gov']);
        for (const p of m.payload.view.proposals) for (const who of Object.keys(p.reasons)) expect(who).toBe('gov');
      }
    }
    await late.room.leave();
  });
});
