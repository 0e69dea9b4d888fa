/**
 * A server killed with SIGKILL mid-exercise and started again brings every exercise back to the same
 * state hash, and every client gets its seat back with its seat token. An acknowledged command is
 * never lost: events are written before they take effect.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { ensureGlobalWebSocket } from '../../src/server/app';
import { freePort, join, postJson, sleep, type Recorder } from './helpers';
import { spawnServer, type Spawned } from './spawn';

const dir = mkdtempSync(joinPath(tmpdir(), 'classroom-restart-'));
const env = { CLASSROOM_DB: joinPath(dir, 'classroom.sqlite'), SERVER_ID: 'restart-test' };
let server: Spawned | undefined;
const clients: Recorder[] = [];

afterAll(async () => {
  for (const c of clients) c.room.connection.close();
  await server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function joinQuiet(url: string, code: string, options: Record<string, unknown>): Promise<Recorder> {
  const r = await join(url, code, options);
  r.room.reconnection.enabled = false;
  clients.push(r);
  return r;
}

const lastView = (r: Recorder) => r.last('view');
/** The newest exercise event a client has heard of (the instructor hears of every one). */
const maxSeq = (r: Recorder) => Math.max(...r.messages.map((m) => (typeof m.payload?.seq === 'number' ? m.payload.seq : 0)));

describe('restart after SIGKILL', () => {
  it('every open exercise comes back to the same state hash and clients get their seats back', async () => {
    await ensureGlobalWebSocket();
    const port = await freePort();
    server = await spawnServer(port, env);

    // Exercise 1: fixed seats, some play, chat, an edited inject, a pause.
    const a = (await postJson(`${server.url}/api/exercises`, { scenario: 'tutorial', seed: 11, seats: ['mediator', 'party:gov'] })).body;
    // Exercise 2: the flagship, started from the lobby.
    const b = (await postJson(`${server.url}/api/exercises`, { scenario: 'venezuela-2019', seed: 5 })).body;
    const insA = await joinQuiet(server.url, a.code, { instructorToken: a.instructorToken });
    const medA = await joinQuiet(server.url, a.code, { seat: 'mediator', name: 'Med' });
    const govA = await joinQuiet(server.url, a.code, { seat: 'party:gov', name: 'Gov' });
    const insB = await joinQuiet(server.url, b.code, { instructorToken: b.instructorToken });
    const medB = await joinQuiet(server.url, b.code, { seat: 'mediator', name: 'MedB' });
    const oppB = await joinQuiet(server.url, b.code, { seat: 'party:opp', name: 'Opp' });
    insB.room.send('start', { ref: 'start' });
    await insB.waitFor('ack', (x) => x.ref === 'start');

    let n = 0;
    const send = async (r: Recorder, type: string, payload: Record<string, unknown>) => {
      const ref = `q${n++}`;
      r.room.send(type, { ...payload, ref });
      return Promise.race([r.waitFor('ack', (x) => x.ref === ref), r.waitFor('refused', (x) => x.ref === ref)]);
    };
    for (const c of [
      { type: 'readBriefing' },
      { type: 'caucus', party: 'gov' },
      { type: 'caucus', party: 'union' },
      { type: 'endTurn' },
      { type: 'studyHistory' },
    ])
      await send(medA, 'command', { command: c });
    await send(govA, 'say', { channel: 'caucus', text: 'we need the budget debate first' });
    await send(insA, 'fire', { inject: 'customs-raid', synopsis: 'Edited raid text.' });
    await send(insA, 'pause', {});
    for (const c of [{ type: 'readBriefing' }, { type: 'caucus', party: 'gov' }, { type: 'caucus', party: 'opp' }, { type: 'endTurn' }])
      await send(medB, 'command', { command: c });
    await send(oppB, 'say', { channel: 'delegation', text: 'opp only' });
    await sleep(200);
    const before = {
      a: { hash: lastView(insA).stateHash, seq: maxSeq(insA), log: lastView(medA).view.log.length },
      b: { hash: lastView(insB).stateHash, seq: maxSeq(insB) },
    };
    expect(before.a.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(before.b.hash).toMatch(/^[0-9a-f]{16}$/);

    await server.kill('SIGKILL');
    server = await spawnServer(port, env);
    expect(server.output()).toMatch(/rebuilt 2 open exercise\(s\) from the store, every state hash matches/);

    const insA2 = await joinQuiet(server.url, a.code, { instructorToken: a.instructorToken });
    const insB2 = await joinQuiet(server.url, b.code, { instructorToken: b.instructorToken });
    expect(lastView(insA2).stateHash).toBe(before.a.hash);
    expect(lastView(insB2).stateHash).toBe(before.b.hash);
    const medA2 = await joinQuiet(server.url, a.code, { seatToken: medA.last('welcome').seatToken });
    const govA2 = await joinQuiet(server.url, a.code, { seatToken: govA.last('welcome').seatToken });
    const oppB2 = await joinQuiet(server.url, b.code, { seatToken: oppB.last('welcome').seatToken });
    expect(medA2.last('welcome')).toMatchObject({ role: 'mediator', name: 'Med' });
    expect(govA2.last('welcome')).toMatchObject({ role: 'party:gov', name: 'Gov' });
    expect(oppB2.last('welcome').role).toBe('party:opp');
    expect((await insA2.waitFor('status')).seq).toBe(before.a.seq);
    expect((await insB2.waitFor('status')).seq).toBe(before.b.seq);
    expect(lastView(medA2).view.log.length).toBe(before.a.log);
    // Paused survives, the fired record (with its edit) and the channels too.
    expect((await medA2.waitFor('status')).paused).toBe(true);
    const fired = insA2.last('fired');
    expect(fired.fired).toHaveLength(1);
    expect(fired.fired[0]).toMatchObject({ inject: 'customs-raid', synopsis: 'Edited raid text.', edited: true });
    expect(govA2.last('history').messages.map((m: { text: string }) => m.text)).toContain('we need the budget debate first');
    expect(oppB2.last('history').messages.map((m: { text: string }) => m.text)).toContain('opp only');
    // And play goes on from there.
    await send(insA2, 'resume', {});
    const r = await send(medA2, 'command', { command: { type: 'consultExperts', subject: 'rangers' } });
    expect(r.seq).toBeGreaterThan(before.a.seq);
  });

  it('a kill in the middle of a stream of commands loses no acknowledged command', async () => {
    const s = server!;
    const ex = (await postJson(`${s.url}/api/exercises`, { scenario: 'tutorial', seed: 21, seats: ['mediator', 'party:gov', 'party:union'] })).body;
    const med = await joinQuiet(s.url, ex.code, { seat: 'mediator', name: 'Streamer' });
    const gov = await joinQuiet(s.url, ex.code, { seat: 'party:gov', name: 'Talker' });
    // A stream of chat lines and moves; kill after some acknowledgements have come back.
    let acked = 0;
    med.room.onMessage('ack', (m: { seq: number }) => (acked = Math.max(acked, m.seq)));
    gov.room.onMessage('ack', (m: { seq: number }) => (acked = Math.max(acked, m.seq)));
    for (let i = 0; i < 15; i++) {
      gov.room.send('say', { channel: 'delegation', text: `line ${i}` });
      if (i % 3 === 0) med.room.send('command', { command: { type: i % 2 ? 'endTurn' : 'studyHistory' } });
      await sleep(15);
    }
    await s.kill('SIGKILL');
    const seen = acked;
    expect(seen).toBeGreaterThan(0);
    server = await spawnServer(s.port, env);
    expect(server.output()).toMatch(/every state hash matches/);
    const ins = await joinQuiet(server.url, ex.code, { instructorToken: ex.instructorToken });
    expect((await ins.waitFor('status')).seq).toBeGreaterThanOrEqual(seen);
  });
});
