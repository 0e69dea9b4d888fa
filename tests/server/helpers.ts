/**
 * Helpers for the classroom server tests: a server on a free loopback port with an in-memory
 * SQLite store, SDK clients that record every message they receive (for the leak checks), waits.
 */
import { createServer } from 'node:net';
import { ColyseusTestServer } from '@colyseus/testing';
import { Client, type Room } from '@colyseus/sdk';
import { ensureGlobalWebSocket, startClassroom, type Classroom, type ClassroomOptions } from '../../src/server/app';
import { SqliteStore } from '../../src/server/store/index';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface TestClassroom {
  classroom: Classroom;
  colyseus: ColyseusTestServer;
  url: string;
  port: number;
}

export async function startTestClassroom(opts: Partial<ClassroomOptions> = {}): Promise<TestClassroom> {
  await ensureGlobalWebSocket();
  const port = await freePort();
  const store = opts.store ?? new SqliteStore(':memory:');
  await store.init();
  const classroom = await startClassroom({ port, host: '127.0.0.1', store, staticDir: null, reconnectSeconds: 5, ...opts });
  return { classroom, colyseus: new ColyseusTestServer(classroom.server), url: `http://127.0.0.1:${port}`, port };
}

/** A client room that records every message it receives. */
export interface Recorder {
  room: Room;
  messages: { type: string; payload: any }[];
  last(type: string): any;
  waitFor(type: string, pred?: (p: any) => boolean, timeoutMs?: number): Promise<any>;
  /** Everything received, as one JSON text (for leak checks). */
  text(): string;
}

export function record(room: Room): Recorder {
  const messages: { type: string; payload: any }[] = [];
  const waiters: { type: string; pred: (p: any) => boolean; resolve: (p: any) => void }[] = [];
  room.onMessage('*', (type, payload) => {
    const t = String(type);
    messages.push({ type: t, payload });
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i]!;
      if (w.type === t && w.pred(payload)) {
        waiters.splice(i, 1);
        w.resolve(payload);
      }
    }
  });
  return {
    room,
    messages,
    last: (type) => [...messages].reverse().find((m) => m.type === type)?.payload,
    waitFor(type, pred = () => true, timeoutMs = 8000) {
      const seen = messages.find((m) => m.type === type && pred(m.payload));
      if (seen) return Promise.resolve(seen.payload);
      return new Promise((resolve, reject) => {
        const w = { type, pred, resolve: (p: any) => (clearTimeout(timer), resolve(p)) };
        const timer = setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) waiters.splice(i, 1);
          reject(new Error(`timed out waiting for '${type}' (got: ${messages.map((m) => m.type).join(', ')})`));
        }, timeoutMs);
        waiters.push(w);
      });
    },
    text: () => JSON.stringify(messages),
  };
}

export async function join(url: string, code: string, options: Record<string, unknown>): Promise<Recorder> {
  const client = new Client(url.replace(/^http/, 'ws'));
  const room = await client.joinById(code, options);
  const r = record(room);
  // The status closes what a joining client is sent (welcome, briefing, history, view, fired).
  await r.waitFor('status');
  return r;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

export async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { headers });
  return { status: res.status, body: await res.json() };
}
