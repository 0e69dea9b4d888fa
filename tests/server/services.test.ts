/**
 * Beyond one machine: the PostgreSQL store against a real PostgreSQL, and two server processes sharing
 * matchmaking through a real Redis (a client joins through one process a room created on the other).
 * tests/server/services.sh starts both on loopback (installing them with apt-get when missing and
 * root); when a service cannot be started these tests are skipped with the reason printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { Client } from '@colyseus/sdk';
import { PostgresStore } from '../../src/server/store/postgres';
import type { ExerciseRow } from '../../src/server/store/types';
import { ensureGlobalWebSocket } from '../../src/server/app';
import { freePort, join, postJson, record, startTestClassroom, type TestClassroom } from './helpers';
import { REPO, spawnServer, type Spawned } from './spawn';

const urls: { DATABASE_URL?: string; REDIS_URL?: string } = {};
let skipReason = '';
try {
  const out = execFileSync('bash', ['tests/server/services.sh'], { cwd: REPO, encoding: 'utf8', timeout: 240_000, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const line of out.split('\n')) {
    const m = /^(DATABASE_URL|REDIS_URL)=(.+)$/.exec(line.trim());
    if (m) urls[m[1] as 'DATABASE_URL' | 'REDIS_URL'] = m[2]!;
  }
  if (!urls.DATABASE_URL || !urls.REDIS_URL) skipReason = `services.sh printed no URLs: ${out}`;
} catch (e) {
  const err = e as { stderr?: string; message: string };
  skipReason = `PostgreSQL/Redis could not be started: ${(err.stderr || err.message).trim().split('\n').slice(-3).join(' ')}`;
}
if (skipReason) console.warn(`[tests/server/services.test.ts] skipped: ${skipReason}`);

/** A database of its own for this run, dropped at the end. */
const dbName = `classroom_test_${process.pid}_${Date.now().toString(36)}`;
let dbUrl = '';
const redisDb = 1 + (process.pid % 14);
let redisUrl = '';

beforeAll(async () => {
  if (skipReason) return;
  const admin = new pg.Client({ connectionString: urls.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(urls.DATABASE_URL!);
  u.pathname = `/${dbName}`;
  dbUrl = u.toString();
  redisUrl = `${urls.REDIS_URL}/${redisDb}`;
  execFileSync('redis-cli', ['-u', redisUrl, 'FLUSHDB']);
}, 60_000);

afterAll(async () => {
  if (skipReason || !dbUrl) return;
  const admin = new pg.Client({ connectionString: urls.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
});

const row = (id: string, code: string): ExerciseRow => ({
  id,
  code,
  scenarioId: 'tutorial',
  packText: null,
  scenarioJson: '{}',
  seed: 123456789012,
  optionsJson: '{}',
  status: 'lobby',
  instructorHash: 'ab'.repeat(32),
  host: 'h1',
  createdAt: 1,
  updatedAt: 1,
  stateHash: '',
  lastSeq: 0,
});

describe.skipIf(!!skipReason)('PostgreSQL store', () => {
  it('keeps exercises and an append-only, ordered event log', async () => {
    const store = new PostgresStore(dbUrl);
    await store.init();
    await store.init(); // idempotent, and safe from several processes
    await store.createExercise(row('e1', 'ACDEFG'));
    await store.append('e1', { seq: 1, at: 10, kind: 'start', payload: '{"humanRoles":[]}' }, { status: 'running' });
    await store.append('e1', { seq: 2, at: 11, kind: 'chat', payload: '{"text":"hi"}' });
    await expect(store.append('e1', { seq: 2, at: 12, kind: 'chat', payload: '{}' })).rejects.toThrow(/out of order/);
    await expect(store.append('e1', { seq: 4, at: 12, kind: 'chat', payload: '{}' })).rejects.toThrow(/out of order/);
    await store.append('e1', { seq: 3, at: 13, kind: 'command', payload: '{}' }, { stateHash: 'abcd' });
    const e = await store.getExercise('e1');
    expect(e).toMatchObject({ status: 'running', stateHash: 'abcd', lastSeq: 3, seed: 123456789012 });
    expect((await store.events('e1')).map((x) => x.seq)).toEqual([1, 2, 3]);
    expect((await store.findOpenByCode('ACDEFG'))?.id).toBe('e1');
    expect((await store.listOpen('h1')).map((x) => x.id)).toEqual(['e1']);
    expect(await store.listOpen('other')).toEqual([]);
    const s1 = await store.meta('k', () => 'first');
    expect(await store.meta('k', () => 'second')).toBe(s1);
    await store.updateExercise('e1', { status: 'ended' });
    expect(await store.findOpenByCode('ACDEFG')).toBeNull();
    await store.close();
  });

  it('runs a whole room on PostgreSQL: events written, exercise rebuilt from them', async () => {
    const store = new PostgresStore(dbUrl);
    await store.init();
    let t: TestClassroom | undefined;
    try {
      t = await startTestClassroom({ store });
      const ex = (await postJson(`${t.url}/api/exercises`, { scenario: 'tutorial', seed: 9, seats: ['mediator'] })).body;
      const m = await join(t.url, ex.code, { seat: 'mediator', name: 'Pg' });
      m.room.send('command', { command: { type: 'readBriefing' }, ref: 1 });
      await m.waitFor('ack', (a) => a.ref === 1);
      m.room.send('say', { channel: 'public', text: 'stored in postgres', ref: 2 });
      await m.waitFor('ack', (a) => a.ref === 2);
      const events = await store.events(ex.exerciseId);
      expect(events.map((e) => e.kind)).toEqual(['start', 'seat', 'command', 'chat']);
      const d = await fetch(`${t.url}/api/exercises/${ex.exerciseId}/debrief`, { headers: { authorization: `Bearer ${ex.instructorToken}` } }).then((r) =>
        r.json(),
      );
      expect(d.hashOk).toBe(true);
      await m.room.leave();
    } finally {
      await t?.classroom.close();
    }
  });
});

describe.skipIf(!!skipReason)('two server processes with Redis presence and driver', () => {
  let a: Spawned | undefined;
  let b: Spawned | undefined;
  afterAll(async () => {
    await a?.kill('SIGTERM');
    await b?.kill('SIGTERM');
  });

  it('a client joins through one process a room created on the other', async () => {
    await ensureGlobalWebSocket();
    const [pa, pb] = [await freePort(), await freePort()];
    const common = { DATABASE_URL: dbUrl, REDIS_URL: redisUrl };
    [a, b] = await Promise.all([
      spawnServer(pa, { ...common, SERVER_ID: 'proc-a', PUBLIC_ADDRESS: `127.0.0.1:${pa}` }),
      spawnServer(pb, { ...common, SERVER_ID: 'proc-b', PUBLIC_ADDRESS: `127.0.0.1:${pb}` }),
    ]);
    // The instructor creates the exercise on process A…
    const ex = (await postJson(`${a.url}/api/exercises`, { scenario: 'tutorial', seed: 2, seats: ['mediator', 'party:gov'] })).body;
    expect(ex.code).toBeTruthy();
    // …a student asks process B for it: B's matchmaker finds the room in Redis and reserves a seat on A.
    const viaB = new Client(`ws://127.0.0.1:${pb}`);
    const room = await viaB.joinById(ex.code, { seat: 'party:gov', name: 'Remote' });
    const r = record(room);
    await r.waitFor('status');
    expect(r.last('welcome')).toMatchObject({ role: 'party:gov', code: ex.code });
    const wsUrl = (room.connection as unknown as { transport: { ws: { url: string } } }).transport.ws.url;
    expect(wsUrl).toContain(`127.0.0.1:${pa}`);
    // The room is live and authoritative on A: a mediator joining through A plays, B's client sees it.
    const med = await join(a.url, ex.code, { seat: 'mediator', name: 'Local' });
    med.room.send('command', { command: { type: 'readBriefing' }, ref: 'x' });
    const ack = await med.waitFor('ack', (m) => m.ref === 'x');
    await r.waitFor('view', (v) => v.seq >= ack.seq);
    room.reconnection.enabled = false;
    med.room.reconnection.enabled = false;
    await room.leave();
    await med.room.leave();
  });
});
