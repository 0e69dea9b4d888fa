/**
 * Start the classroom: one HTTP server carries the built game (dist/), the classroom API and the
 * Colyseus rooms (WebSocket), then every open exercise this process hosts is rebuilt from the store.
 *
 * Node 20: Colyseus 0.18's reconnection path reads the global `WebSocket` (Node 22 has it; Node 20
 * only with `--experimental-websocket`). When it is missing, the `ws` package's class is installed as
 * the global at start, so no flag is needed on either version.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Server, matchMaker, type Presence } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { classroomHttp, createExercise, type Created, type CreateExercise } from './api';
import { setContext, type ClassroomContext } from './context';
import { MAX_MESSAGE_BYTES } from './protocol';
import { ExerciseRoom, ROOM_NAME } from './room';
import { openStore, type Store } from './store/index';
import { SeatTokens, seatSecret } from './tokens';

export interface ClassroomOptions {
  port: number;
  host?: string;
  /** Default: openStore() (DATABASE_URL, else the SQLite file). */
  store?: Store;
  /** Serve this directory's files (the built game); null: API and rooms only. */
  staticDir?: string | null;
  serverId?: string;
  /** Share matchmaking with other processes through Redis. */
  redisUrl?: string;
  /** host:port other processes' clients should connect to for rooms here (with Redis). */
  publicAddress?: string;
  reconnectSeconds?: number;
  rate?: { perSecond: number; burst: number };
  /** How long a bot mediator waits for a person's answer (default 60 s). */
  botAnswerWaitMs?: number;
  adminToken?: string;
  /** Register Colyseus's SIGINT/SIGTERM handler (main.ts does). */
  gracefulShutdown?: boolean;
}

export interface Classroom {
  server: Server;
  port: number;
  ctx: ClassroomContext;
  /** Exercises rebuilt at start: code → whether the state hash matched. */
  restored: { code: string; id: string; hashOk: boolean; error?: string }[];
  create(input: CreateExercise): Promise<Created>;
  close(): Promise<void>;
}

export async function ensureGlobalWebSocket(): Promise<void> {
  if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'undefined') {
    const ws = await import('ws');
    (globalThis as { WebSocket?: unknown }).WebSocket = ws.WebSocket;
  }
}

export async function startClassroom(opts: ClassroomOptions): Promise<Classroom> {
  await ensureGlobalWebSocket();
  const store = opts.store ?? (await openStore());
  const ctx: ClassroomContext = {
    store,
    tokens: new SeatTokens(await seatSecret((k, make) => store.meta(k, make))),
    serverId: opts.serverId ?? process.env.SERVER_ID ?? 'local',
    reconnectSeconds: opts.reconnectSeconds ?? 120,
    rate: opts.rate ?? { perSecond: 10, burst: 20 },
    botAnswerWaitMs: opts.botAnswerWaitMs ?? 60_000,
  };
  setContext(ctx);

  let presence: Presence | undefined;
  let driver: matchMaker.MatchMakerDriver | undefined;
  if (opts.redisUrl) {
    const { RedisPresence } = await import('@colyseus/redis-presence');
    const { RedisDriver } = await import('@colyseus/redis-driver');
    presence = new RedisPresence(opts.redisUrl);
    driver = new RedisDriver(opts.redisUrl);
  }

  const http = createServer();
  const handler = classroomHttp(ctx, { staticDir: opts.staticDir ?? null, adminToken: opts.adminToken });
  // Room messages are small; 1 KB over the message cap leaves room for Colyseus's framing.
  const transport = new WebSocketTransport({ server: http, maxPayload: MAX_MESSAGE_BYTES + 1024 });
  const server = new Server({
    transport,
    greet: false,
    gracefullyShutdown: opts.gracefulShutdown ?? false,
    ...(presence ? { presence } : {}),
    ...(driver ? { driver } : {}),
    ...(opts.publicAddress ? { publicAddress: opts.publicAddress } : {}),
    // Exercises are created where the instructor's request arrives (api.ts), not spread by Colyseus.
    selectProcessIdToCreateRoom: async () => matchMaker.processId,
    express: (app) => {
      app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => handler(req, res, next));
    },
  });
  server.define(ROOM_NAME, ExerciseRoom);
  await server.listen(opts.port, opts.host ?? '127.0.0.1');
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;

  const restored: Classroom['restored'] = [];
  for (const row of await store.listOpen(ctx.serverId)) {
    try {
      if (matchMaker.getLocalRoomById(row.code)) continue;
      await matchMaker.handleCreateRoom(ROOM_NAME, { exerciseId: row.id }, undefined, row.code);
      const room = matchMaker.getLocalRoomById(row.code) as ExerciseRoom | undefined;
      restored.push({ code: row.code, id: row.id, hashOk: room ? !room.hashMismatch : false });
    } catch (e) {
      restored.push({ code: row.code, id: row.id, hashOk: false, error: String((e as Error)?.message ?? e) });
      console.error(`classroom: could not rebuild exercise ${row.code} (${row.id}): ${String((e as Error)?.message ?? e)}`);
    }
  }

  return {
    server,
    port,
    ctx,
    restored,
    create: (input) => createExercise(ctx, input),
    async close() {
      await server.gracefullyShutdown(false);
      await store.close();
    },
  };
}
