/**
 * `npm run bench:classroom`: a classroom load test on loopback. Starts the classroom server as a child
 * process (its own SQLite file, as `npm run serve` runs it), opens R rooms of C clients each (one
 * instructor, a mediator team, two delegations, observers), and has every room play a scripted
 * exercise for a bounded time: the mediator plays moves, the delegations answer proposals and talk
 * in their channels. Prints command→view latency (from a command's send to each client's receipt of
 * the view that follows it) p50/p95/p99, chat latency, messages per second, the server's CPU and
 * memory, errors and lost commands. Asserts nothing (speed belongs in benchmarks).
 *
 * Options: --rooms N (20) --clients N (30) --seconds N (30) --scenario id (tutorial) --think ms (800)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client, type Room } from '@colyseus/sdk';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { rooms: { type: 'string' }, clients: { type: 'string' }, seconds: { type: 'string' }, scenario: { type: 'string' }, think: { type: 'string' } },
});
const ROOMS = Number(values.rooms ?? 20);
const CLIENTS = Number(values.clients ?? 30);
const SECONDS = Number(values.seconds ?? 30);
const SCENARIO = values.scenario ?? 'tutorial';
const THINK_MS = Number(values.think ?? 800);

if (typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'undefined') {
  (globalThis as { WebSocket?: unknown }).WebSocket = (await import('ws')).WebSocket;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });

const dir = mkdtempSync(join(tmpdir(), 'bench-classroom-'));
const port = await freePort();
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--host', '127.0.0.1', '--port', String(port), '--no-static'], {
  env: { ...process.env, NODE_ENV: 'production', CLASSROOM_DB: join(dir, 'bench.sqlite'), SERVER_ID: 'bench' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let serverOut = '';
server.stdout.on('data', (d: Buffer) => (serverOut += d.toString()));
server.stderr.on('data', (d: Buffer) => (serverOut += d.toString()));
await new Promise<void>((resolve, reject) => {
  const t = setTimeout(() => reject(new Error(`server did not start:\n${serverOut}`)), 60_000);
  server.stdout.on('data', () => /READY/.test(serverOut) && (clearTimeout(t), resolve()));
  server.once('exit', () => reject(new Error(`server exited:\n${serverOut}`)));
});
const url = `http://127.0.0.1:${port}`;

// ---- server CPU and memory from /proc (Linux) ----
const clk = 100; // USER_HZ
function procStat(): { cpuMs: number; rssMb: number } | null {
  try {
    const stat = readFileSync(`/proc/${server.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuMs = ((Number(f[11]) + Number(f[12])) * 1000) / clk;
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
    return { cpuMs, rssMb: rss ? Number(rss[1]) / 1024 : NaN };
  } catch {
    return null;
  }
}

// ---- figures ----
const cmdLatency: number[] = [];
const ownLatency: number[] = [];
const chatLatency: number[] = [];
let received = 0;
let errors = 0;
const errorSamples: string[] = [];
let sent = 0;
let acked = 0;
let refused = 0;
const refusedKeys = new Map<string, number>();
let stopping = false;
const noteError = (s: string) => {
  errors++;
  if (errorSamples.length < 8) errorSamples.push(s);
};

interface Bench {
  room: Room;
  role: string;
}

/** One room: create it and join its C clients; returns the loop that plays it until the time is up. */
async function setupRoom(index: number): Promise<(until: number) => Promise<void>> {
  const created = await fetch(`${url}/api/exercises`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      scenario: SCENARIO,
      seed: 1000 + index,
      seats: ['mediator', 'party:gov', 'party:union', 'observer'].map((r) => (SCENARIO === 'tutorial' ? r : r.replace('union', 'opp'))),
    }),
  }).then((r) => r.json() as Promise<{ code: string; instructorToken: string }>);
  const code = created.code;
  const other = SCENARIO === 'tutorial' ? 'union' : 'opp';
  const plan: { role: string; opts: Record<string, unknown> }[] = [{ role: 'instructor', opts: { instructorToken: created.instructorToken } }];
  for (let i = 1; i < CLIENTS; i++) {
    const k = i % 10;
    const seat = k === 1 || (k === 6 && i < 3) ? 'mediator' : k <= 4 ? 'party:gov' : k <= 8 ? `party:${other}` : 'observer';
    plan.push({ role: seat, opts: { seat, name: `s${i}` } });
  }
  // Pending commands: send time by exercise seq once acked; views complete them.
  const sentAt = new Map<string, number>(); // ref → send time
  const seqSent = new Map<number, number>(); // seq → send time
  const chatSent = new Map<string, number>();
  const answers = new Map<string, () => void>();
  const clients: Bench[] = [];
  for (const p of plan) {
    const c = new Client(`ws://127.0.0.1:${port}`);
    const room = await c.joinById(code, p.opts);
    room.reconnection.enabled = false;
    const b: Bench = { room, role: p.role };
    clients.push(b);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- server messages of every type
    room.onMessage('*', (type, payload: any) => {
      received++;
      const now = performance.now();
      if (type === 'view') {
        const t0 = seqSent.get(payload.seq);
        if (t0 !== undefined) cmdLatency.push(now - t0);
        onView(b, payload);
      } else if (type === 'chat') {
        const t0 = chatSent.get(payload.text);
        if (t0 !== undefined) chatLatency.push(now - t0);
      }
      if ((type === 'ack' || type === 'refused') && typeof payload.ref === 'string') {
        answers.get(payload.ref)?.();
        answers.delete(payload.ref);
      }
      if (type === 'ack' && typeof payload.ref === 'string') {
        const t0 = sentAt.get(payload.ref);
        if (t0 !== undefined) {
          acked++;
          sentAt.delete(payload.ref);
          if (payload.type === 'command') {
            seqSent.set(payload.seq, t0);
            ownLatency.push(now - t0);
          }
        }
      } else if (type === 'refused') {
        if (typeof payload.ref === 'string' && sentAt.delete(payload.ref)) refused++;
        const key = String(payload.reason?.key);
        refusedKeys.set(key, (refusedKeys.get(key) ?? 0) + 1);
        if (key.startsWith('server.') && key !== 'server.exercise.ended') noteError(`refused ${key}`);
      }
    });
    room.onError((code, message) => noteError(`room error ${code} ${message}`));
    room.onLeave((code) => {
      if (!stopping) noteError(`left ${code}`);
    });
  }
  let n = 0;
  const sendCmd = (b: Bench, command: Record<string, unknown>) => {
    const ref = `${index}-${n++}`;
    sentAt.set(ref, performance.now());
    sent++;
    b.room.send('command', { command, ref });
  };
  const sendChat = (b: Bench, channel: string, party?: string) => {
    const text = `r${index} m${n++}`;
    chatSent.set(text, performance.now());
    sent++;
    const ref = `${index}-${n++}`;
    sentAt.set(ref, performance.now());
    b.room.send('say', { channel, text, ref, ...(party ? { party } : {}) });
  };
  const script: Record<string, unknown>[] = [
    { type: 'readBriefing' },
    { type: 'studyHistory' },
    { type: 'caucus', party: 'gov' },
    { type: 'caucus', party: other },
    { type: 'endTurn' },
    { type: 'requestCbm', party: 'gov', cbm: 'prisonerRelease' },
    { type: 'requestCbm', party: other, cbm: 'humanitarianChannel' },
    { type: 'caucus', party: 'gov' },
    { type: 'endTurn' },
  ];
  const loop: Record<string, unknown>[] = [
    { type: 'caucus', party: 'gov' },
    { type: 'caucus', party: other },
    { type: 'publicStatement', tone: 'sober' },
    { type: 'endTurn' },
  ];
  let step = 0;
  let over = false;
  const mediators = clients.filter((c) => c.role === 'mediator');
  const answered = new Set<string>();
  function onView(b: Bench, msg: { view: { over: boolean; proposals: { id: number; responses: Record<string, string> }[] } }): void {
    if (msg.view.over) over = true;
    // The first client of each delegation answers its pending proposals.
    const party = b.role.startsWith('party:') ? b.role.slice(6) : null;
    if (party && clients.find((c) => c.role === b.role) === b) {
      for (const p of msg.view.proposals) {
        const key = `${party}:${p.id}`;
        if (p.responses[party] === 'pending' && !answered.has(key)) {
          answered.add(key);
          sendCmd(b, { type: 'respond', proposal: p.id, accept: p.id % 2 === 0 });
        }
      }
    }
  }
  return async (until: number) => {
    const chatTimer = setInterval(
      () => {
        if (stopping) return;
        const g = clients.find((c) => c.role === 'party:gov');
        const o = clients.find((c) => c.role === `party:${other}`);
        if (g) sendChat(g, 'delegation');
        if (o) sendChat(o, 'caucus');
        if (mediators[0]) sendChat(mediators[0], 'public');
      },
      3000 + (index % 5) * 100,
    );
    while (performance.now() < until && !over && !stopping) {
      const m = mediators[step % mediators.length]!;
      const cmd = step < script.length ? script[step]! : loop[(step - script.length) % loop.length]!;
      step++;
      const ref = `${index}-${n++}`;
      const t0 = performance.now();
      sentAt.set(ref, t0);
      sent++;
      const done = new Promise<void>((resolve) => {
        answers.set(ref, resolve);
        setTimeout(resolve, 5000);
      });
      m.room.send('command', { command: cmd, ref });
      await done;
      await new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));
    }
    clearInterval(chatTimer);
    lost.push(() => sentAt.size);
    roomsDone.push(clients);
  };
}

const lost: (() => number)[] = [];
const roomsDone: Bench[][] = [];
let peakRss = procStat()?.rssMb ?? 0;
const sampler = setInterval(() => {
  const s = procStat();
  if (s) peakRss = Math.max(peakRss, s.rssMb);
}, 500);
console.log(`bench:classroom — ${ROOMS} rooms × ${CLIENTS} clients, scenario ${SCENARIO}, ${SECONDS} s of play, think ${THINK_MS} ms, Node ${process.version}`);
// Join rooms two at a time so the start is not one burst of handshakes; then play them all at once.
const joinStart = performance.now();
const players: ((until: number) => Promise<void>)[] = [];
for (let i = 0; i < ROOMS; i += 2) {
  const batch = await Promise.all(
    [i, i + 1].filter((k) => k < ROOMS).map((k) => setupRoom(k).catch((e) => (noteError(`room ${k}: ${String((e as Error)?.message ?? e)}`), null))),
  );
  for (const p of batch) if (p) players.push(p);
}
const joinMs = performance.now() - joinStart;
const playStart = performance.now();
const cpuStart = procStat();
const benchCpuStart = process.cpuUsage();
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
const receivedAtStart = received;
const playing = players.map((play) => play(playStart + SECONDS * 1000).catch((e) => noteError(String((e as Error)?.message ?? e))));
await new Promise((r) => setTimeout(r, SECONDS * 1000));
const playMs = performance.now() - playStart;
const cpuEnd = procStat();
const benchCpu = process.cpuUsage(benchCpuStart);
lag.disable();
const receivedInPlay = received - receivedAtStart;
stopping = true;
await Promise.race([Promise.all(playing), new Promise((r) => setTimeout(r, 10_000))]);
await new Promise((r) => setTimeout(r, 2000)); // grace for answers in flight
clearInterval(sampler);

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');
const lostCount = lost.reduce((a, f) => a + f(), 0);
console.log(`joined ${ROOMS * CLIENTS} clients in ${(joinMs / 1000).toFixed(1)} s`);
console.log(
  `command → view (every client of the room): n=${cmdLatency.length}  p50 ${ms(pct(cmdLatency, 50))}  p95 ${ms(pct(cmdLatency, 95))}  p99 ${ms(pct(cmdLatency, 99))}  max ${ms(pct(cmdLatency, 100))}`,
);
console.log(
  `command → ack (sender):                     n=${ownLatency.length}  p50 ${ms(pct(ownLatency, 50))}  p95 ${ms(pct(ownLatency, 95))}  p99 ${ms(pct(ownLatency, 99))}`,
);
console.log(
  `chat → delivery (channel members):          n=${chatLatency.length}  p50 ${ms(pct(chatLatency, 50))}  p95 ${ms(pct(chatLatency, 95))}  p99 ${ms(pct(chatLatency, 99))}`,
);
console.log(
  `messages received by clients: ${(receivedInPlay / (playMs / 1000)).toFixed(0)}/s; sent by clients: ${sent} (${acked} accepted, ${refused} refused by the engine or server)`,
);
if (cpuStart && cpuEnd)
  console.log(
    `server: CPU ${((100 * (cpuEnd.cpuMs - cpuStart.cpuMs)) / playMs).toFixed(0)}% of one core during play, RSS ${cpuEnd.rssMb.toFixed(0)} MB (peak ${peakRss.toFixed(0)} MB)`,
  );
console.log(
  `load test clients (this process): CPU ${((100 * (benchCpu.user + benchCpu.system)) / 1000 / playMs).toFixed(0)}% of one core, event-loop delay p50 ${(lag.percentile(50) / 1e6).toFixed(1)} ms p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms; machine load average ${loadavg()[0]!.toFixed(1)}`,
);
console.log(`errors: ${errors}${errorSamples.length ? ` (${errorSamples.join('; ')})` : ''}; lost commands (no answer): ${lostCount}`);
if (refusedKeys.size) console.log(`refusal reasons: ${[...refusedKeys].map(([k, v]) => `${k}×${v}`).join(', ')}`);
stopping = true;
for (const list of roomsDone) for (const b of list) b.room.connection.close();
server.kill('SIGTERM');
await new Promise((r) => setTimeout(r, 500));
rmSync(dir, { recursive: true, force: true });
process.exit(0);
