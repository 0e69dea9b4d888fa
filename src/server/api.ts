/**
 * The classroom's HTTP side, beside Colyseus's matchmaking routes on the same port:
 *   GET  /api/scenarios                      shipped scenarios (id, title)
 *   POST /api/exercises                      create an exercise (instructor): shipped scenario id or pack text
 *   GET  /api/exercises/:code                what a student needs to join: title, seats, status
 *   GET  /api/exercises/:id/debrief          the debrief, planned and fired injects (instructor token)
 *   GET  /api/exercises/:id/export           the whole log: save + events (instructor token)
 *   GET  /api/exercises/:id/class-debrief    once ended: the class debrief (instructor token; classDebrief.ts)
 * and the built game (dist/) for everything else.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { matchMaker } from '@colyseus/core';
import { computeDebrief, toSave, worldOf, type Role, type Scenario } from '../sim/index';
import type { ClassroomContext } from './context';
import { DEFAULT_OPTIONS, Exercise, seatsOf, seatName, type ExerciseOptions } from './exercise';
import { MAX_UPLOAD_CHARS } from './protocol';
import { classDebriefOf, whyNoDebrief } from './classDebrief';
import { ROOM_NAME } from './room';
import { parsePackIsolated, shippedScenarios } from './scenarios';
import { instructorTokenMatches, isJoinCode, joinCode, randomId, sha256 } from './tokens';
import type { ExerciseRow } from './store/types';

const createSchema = z.strictObject({
  scenario: z.string().max(64).optional(),
  pack: z.string().max(MAX_UPLOAD_CHARS).optional(),
  scenarioId: z.string().max(64).optional(),
  seed: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional(),
  difficulty: z.enum(['easy', 'standard', 'hard']).optional(),
  seats: z.array(z.string().max(80)).max(60).optional(),
  turnSeconds: z
    .number()
    .int()
    .min(10)
    .max(24 * 3600)
    .nullable()
    .optional(),
  mediatorBot: z.enum(['random', 'greedy', 'by-the-book']).nullable().optional(),
  botDelayMs: z.number().int().min(0).max(600_000).optional(),
});
export type CreateExercise = z.infer<typeof createSchema>;

export interface Created {
  exerciseId: string;
  code: string;
  instructorToken: string;
  title: string;
  scenarioId: string;
  seed: number;
  seats: { role: Role; name: string }[];
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
  }
}

const MAX_BODY_BYTES = 3 * MAX_UPLOAD_CHARS;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, { error: 'too large' }));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  if (typeof h === 'string' && h.startsWith('Bearer ')) return h.slice(7).trim();
  const url = new URL(req.url ?? '/', 'http://x');
  return url.searchParams.get('token') ?? undefined;
}

/** Create an exercise: resolve the scenario, write the exercise (and its start when the seats are fixed), open its room here. */
export async function createExercise(ctx: ClassroomContext, input: unknown): Promise<Created> {
  const parsed = createSchema.safeParse(input);
  if (!parsed.success)
    throw new HttpError(400, { error: 'invalid request', problems: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}: ${i.message}`) });
  const o = parsed.data;
  let scenario: Scenario;
  let packText: string | null = null;
  if (o.pack !== undefined) {
    const r = await parsePackIsolated(o.pack);
    if (!r.ok) throw new HttpError(422, { error: 'the pack does not load', problems: r.problems });
    const found = o.scenarioId ? r.scenarios.find((s) => s.id === o.scenarioId) : r.scenarios[0];
    if (!found) throw new HttpError(422, { error: `the pack has no scenario ${o.scenarioId}` });
    scenario = found;
    packText = o.pack;
  } else if (o.scenario !== undefined) {
    const s = shippedScenarios().get(o.scenario);
    if (!s) throw new HttpError(404, { error: `no shipped scenario ${o.scenario}`, known: [...shippedScenarios().keys()] });
    scenario = s.scenario;
  } else throw new HttpError(400, { error: 'give a shipped scenario id (scenario) or a pack text (pack)' });

  const allSeats = seatsOf(scenario);
  const seats = o.seats ? [...new Set(o.seats)] : null;
  const unknown = seats?.filter((r) => !allSeats.includes(r as Role)) ?? [];
  if (unknown.length) throw new HttpError(400, { error: `no such seats in ${scenario.id}: ${unknown.join(', ')}`, seats: allSeats });
  const options: ExerciseOptions = {
    ...DEFAULT_OPTIONS,
    ...(o.difficulty ? { difficulty: o.difficulty } : {}),
    seats: seats as Role[] | null,
    turnSeconds: o.turnSeconds ?? null,
    mediatorBot: o.mediatorBot ?? null,
    ...(o.botDelayMs !== undefined ? { botDelayMs: o.botDelayMs } : {}),
  };
  let code = joinCode();
  for (let i = 0; i < 20 && (await ctx.store.findOpenByCode(code)); i++) code = joinCode();
  const instructorToken = randomId(24);
  const now = Date.now();
  const row: ExerciseRow = {
    id: randomId(12),
    code,
    scenarioId: scenario.id,
    packText,
    scenarioJson: JSON.stringify(scenario),
    seed: o.seed ?? randomInt(1, 2 ** 31 - 1),
    optionsJson: JSON.stringify(options),
    status: 'lobby',
    instructorHash: sha256(instructorToken),
    host: ctx.serverId,
    createdAt: now,
    updatedAt: now,
    stateHash: '',
    lastSeq: 0,
  };
  await ctx.store.createExercise(row);
  if (seats) {
    // The seat plan is fixed: the exercise starts now, with these seats played by people.
    const ex = new Exercise(row, scenario, options);
    const p = ex.prepareStart();
    if (p.ok) await ctx.store.append(row.id, { seq: 1, at: now, kind: 'start', payload: JSON.stringify(p.prepared.payload) }, { status: 'running' });
  }
  await matchMaker.handleCreateRoom(ROOM_NAME, { exerciseId: row.id }, undefined, code);
  return {
    exerciseId: row.id,
    code,
    instructorToken,
    title: scenario.title,
    scenarioId: scenario.id,
    seed: row.seed,
    seats: allSeats.map((role) => ({ role, name: seatName(scenario, role) })),
  };
}

async function instructorExercise(ctx: ClassroomContext, req: IncomingMessage, id: string): Promise<{ row: ExerciseRow; ex: Exercise; hashOk: boolean }> {
  const row = await ctx.store.getExercise(id);
  if (!row || !instructorTokenMatches(bearer(req), row.instructorHash)) throw new HttpError(404, { error: 'no such exercise, or a wrong instructor token' });
  const { exercise, hashOk } = Exercise.restore(row, await ctx.store.events(id));
  return { row, ex: exercise, hashOk };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

function serveStatic(dir: string, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    return false;
  }
  if (path.includes('\0')) return false;
  const root = resolve(dir);
  let file = resolve(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return false;
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    const st = statSync(file);
    if (!st.isFile()) return false;
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': st.size,
      'cache-control': file.endsWith('.html') ? 'no-cache' : 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  } catch {
    return false;
  }
}

/** A connect-style handler (Colyseus hands it what its own routes do not take). */
export function classroomHttp(ctx: ClassroomContext, opts: { staticDir: string | null; adminToken: string | undefined }) {
  return (req: IncomingMessage, res: ServerResponse, next?: () => void): void => {
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] !== 'api') {
      if (opts.staticDir && serveStatic(opts.staticDir, req, res)) return;
      if (next) return next();
      json(res, 404, { error: 'not found' });
      return;
    }
    handleApi(ctx, opts, req, res, parts).catch((e: unknown) => {
      if (e instanceof HttpError) json(res, e.status, e.body);
      else {
        console.error(`classroom: ${req.method} ${url.pathname}: ${String((e as Error)?.stack ?? e)}`);
        json(res, 500, { error: 'server error' });
      }
    });
  };
}

async function handleApi(
  ctx: ClassroomContext,
  opts: { adminToken: string | undefined },
  req: IncomingMessage,
  res: ServerResponse,
  parts: string[],
): Promise<void> {
  const [, what, id, sub] = parts;
  if (what === 'scenarios' && !id && req.method === 'GET') {
    json(
      res,
      200,
      [...shippedScenarios().values()].map((s) => ({ id: s.id, title: s.title })),
    );
    return;
  }
  if (what === 'exercises' && !id && req.method === 'POST') {
    if (opts.adminToken && bearer(req) !== opts.adminToken)
      throw new HttpError(401, { error: 'creating an exercise needs the admin token (CLASSROOM_ADMIN_TOKEN)' });
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (e) {
      if (e instanceof HttpError) throw e;
      throw new HttpError(400, { error: 'the body is not JSON' });
    }
    json(res, 201, await createExercise(ctx, body));
    return;
  }
  if (what === 'exercises' && id && !sub && req.method === 'GET') {
    if (!isJoinCode(id)) throw new HttpError(404, { error: 'no such exercise' });
    const row = await ctx.store.findOpenByCode(id);
    if (!row) throw new HttpError(404, { error: 'no such exercise' });
    const scenario = JSON.parse(row.scenarioJson) as Scenario;
    const { exercise } = Exercise.restore(
      { ...row },
      (await ctx.store.events(row.id)).filter((e) => e.kind !== 'command' && e.kind !== 'chat'),
    );
    json(res, 200, {
      code: row.code,
      title: scenario.title,
      status: row.status,
      seats: exercise.seatInfo(() => false).map((s) => ({ role: s.role, name: s.name, playedBy: s.playedBy, taken: s.holders.length })),
    });
    return;
  }
  if (what === 'exercises' && id && sub === 'debrief' && req.method === 'GET') {
    const { row, ex, hashOk } = await instructorExercise(ctx, req, id);
    json(res, 200, {
      exerciseId: row.id,
      code: row.code,
      status: row.status,
      scenario: { id: ex.scenario.id, title: ex.scenario.title, version: ex.scenario.version },
      stateHash: ex.hash,
      hashOk,
      debrief: ex.game ? computeDebrief(ex.scenario, worldOf(ex.game)) : null,
      planned: ex.planned(),
      fired: ex.fired,
    });
    return;
  }
  if (what === 'exercises' && id && sub === 'class-debrief' && req.method === 'GET') {
    const { ex } = await instructorExercise(ctx, req, id);
    const why = whyNoDebrief(ex);
    if (why)
      throw new HttpError(409, {
        error: why.key === 'server.debrief.notStarted' ? 'the exercise has not started' : 'the exercise has not ended yet',
        reason: why,
      });
    json(res, 200, classDebriefOf(ex));
    return;
  }
  if (what === 'exercises' && id && sub === 'export' && req.method === 'GET') {
    const { row, ex } = await instructorExercise(ctx, req, id);
    const events = await ctx.store.events(row.id);
    json(res, 200, {
      exercise: {
        id: row.id,
        code: row.code,
        status: row.status,
        scenarioId: row.scenarioId,
        seed: row.seed,
        options: JSON.parse(row.optionsJson),
        createdAt: row.createdAt,
        stateHash: row.stateHash,
      },
      save: ex.game ? toSave(ex.game) : null,
      events: events.map((e) => ({ seq: e.seq, at: e.at, kind: e.kind, payload: JSON.parse(e.payload) })),
    });
    return;
  }
  throw new HttpError(404, { error: 'not found' });
}
