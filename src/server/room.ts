/**
 * The exercise room (Colyseus): one per exercise, its id is the join code. The room is the only
 * writer of its exercise: every change runs through one queue — prepare (check), write to the store,
 * commit, then tell each client only what its seat may see. No schema state: the engine's secrets
 * never enter a shared state; each client gets `viewFor(its role)` as its own message.
 *
 * A connection's role is bound once, in onAuth, from the instructor token, a valid seat token, or a
 * seat it takes; messages never name a role.
 */
import { Room, ServerError, getMessageBytes, Protocol, type Client } from '@colyseus/core';
import type { Msg, Role, View } from '../sim/index';
import { context, type ClassroomContext } from './context';
import { Exercise, type Prep, type Who } from './exercise';
import { MediatorBot } from './mediatorBot';
import { classDebriefOf, ownDebriefOf, whyNoDebrief } from './classDebrief';
import { activityOf, refusalActivity, REFUSALS_KEPT_PER_MINUTE, type RefusalRecord } from './activity';
import { injectPlan, injectsMayHaveChanged } from './injectPlan';
import { clientMessageSchema, INSTRUCTOR_MESSAGES, joinOptionsSchema, MAX_MESSAGE_BYTES, type ClientMessage } from './protocol';
import type { Activity, Peek, Status, ViewMessage, Welcome } from '../seat/wire';
import { instructorTokenMatches, randomId } from './tokens';

interface Seat extends Who {
  /** Token bucket. */
  tokens: number;
  refilled: number;
  /** Last time a rate refusal was sent (at most one a second). */
  lastRateRefusal: number;
  seatToken: string | null;
  /** Instructor: the seat whose view it is looking at (peek), kept up to date. */
  peek?: Role | null;
}

type ExClient = Client & { userData?: Seat };

export const ROOM_NAME = 'exercise';

const errorText = (e: unknown): string => String((e as Error)?.message ?? e).slice(0, 200);

export class ExerciseRoom extends Room {
  override autoDispose = false;
  override maxClients = 300;
  /** Hard cap: above it Colyseus closes the connection (the token bucket refuses well before). */
  override maxMessagesPerSecond = 60;

  ex!: Exercise;
  /** The stored hash did not match the replayed game (reported to the instructor). */
  hashMismatch = false;
  private ctx!: ClassroomContext;
  private queue: Promise<unknown> = Promise.resolve();
  /** Per seat (role and holder): refusals written to the log in the current minute. */
  private refusalsKept = new Map<string, { since: number; n: number }>();
  private deadline: number | null = null;
  private remainingOnPause: number | null = null;
  private clockTurn: number | null = null;
  private clockTimer: ReturnType<typeof setTimeout> | null = null;
  private botTimer: ReturnType<typeof setTimeout> | null = null;
  /** Proposal id → when the bot mediator began waiting for a person's answer to it. */
  private botWaits = new Map<number, number>();
  private bot: MediatorBot | null = null;
  private disposed = false;

  override async onCreate(options: { exerciseId?: unknown }): Promise<void> {
    this.ctx = context();
    const id = typeof options?.exerciseId === 'string' ? options.exerciseId : '';
    const row = await this.ctx.store.getExercise(id);
    if (!row) throw new ServerError(4404, 'no such exercise');
    if (row.status === 'ended') throw new ServerError(4410, 'the exercise has ended');
    const { exercise, hashOk } = Exercise.restore(row, await this.ctx.store.events(id));
    this.ex = exercise;
    if (!hashOk) {
      this.hashMismatch = true;
      console.error(`classroom: exercise ${row.code} (${row.id}) replayed to state ${exercise.hash}, but the store recorded ${row.stateHash}`);
    }
    this.roomId = row.code;
    if (row.host !== this.ctx.serverId) await this.ctx.store.updateExercise(id, { host: this.ctx.serverId });
    if (exercise.options.mediatorBot) this.bot = new MediatorBot(exercise.options.mediatorBot, exercise.seed);
    this.setMetadata({ exerciseId: row.id, title: exercise.scenario.title });
    this.onMessage('*', (client: Client, type: string | number, payload: unknown) => this.receive(client as ExClient, type, payload));
    this.armClock();
    this.armBot();
  }

  override onUncaughtException(error: unknown): void {
    console.error(`classroom: room ${this.roomId}: ${errorText(error)}`);
  }

  // ---------- Joining ----------

  override async onAuth(_client: Client, rawOptions: unknown): Promise<Omit<Seat, 'tokens' | 'refilled' | 'lastRateRefusal'>> {
    const parsed = joinOptionsSchema.safeParse(rawOptions ?? {});
    if (!parsed.success) throw new ServerError(4400, 'server.join.malformed');
    const o = parsed.data;
    if (o.instructorToken !== undefined) {
      const row = await this.ctx.store.getExercise(this.ex.id);
      if (!row || !instructorTokenMatches(o.instructorToken, row.instructorHash)) throw new ServerError(4403, 'server.join.badInstructorToken');
      return { role: 'instructor', holderId: null, name: o.name ?? 'Instructor', seatToken: null };
    }
    if (o.seatToken !== undefined) {
      const c = await this.ctx.tokens.verify(o.seatToken);
      const h = c ? this.ex.holders.get(c.sid) : undefined;
      if (!c || c.ex !== this.ex.id || !h || h.removed || h.gen !== c.gen || h.role !== c.role) throw new ServerError(4403, 'server.join.badSeatToken');
      return { role: h.role, holderId: h.id, name: h.name, seatToken: o.seatToken };
    }
    if (o.seat !== undefined) {
      const role = o.seat as Role;
      const holderId = randomId(9);
      const name = o.name ?? 'Student';
      const r = await this.perform(() => this.ex.prepareTake(holderId, name, role), null, 'join');
      if (!r.ok) throw new ServerError(4409, r.reason.key);
      const seatToken = await this.ctx.tokens.sign({ ex: this.ex.id, role, sid: holderId, gen: 1 });
      return { role, holderId, name, seatToken };
    }
    throw new ServerError(4400, 'server.join.noSeat');
  }

  override onJoin(client: ExClient, _options: unknown, auth: Omit<Seat, 'tokens' | 'refilled' | 'lastRateRefusal'>): void {
    client.userData = { ...auth, tokens: this.ctx.rate.burst, refilled: Date.now(), lastRateRefusal: 0 };
    this.sendEverything(client);
    this.broadcastStatus();
    this.armBot();
  }

  override async onDrop(client: ExClient): Promise<void> {
    this.broadcastStatus();
    try {
      await this.allowReconnection(client, this.ctx.reconnectSeconds);
    } catch {
      // Did not come back in time: onLeave follows.
    }
  }

  override onReconnect(client: ExClient): void {
    // Messages sent while it was away are lost: give it the whole picture again.
    this.sendEverything(client);
    this.broadcastStatus();
  }

  override onLeave(): void {
    this.broadcastStatus();
  }

  override onDispose(): void {
    this.disposed = true;
    this.stopTimers();
  }

  // ---------- Messages ----------

  private receive(client: ExClient, rawType: string | number, payload: unknown): void {
    const seat = client.userData;
    const type = String(rawType).slice(0, 40);
    let ref: string | number | undefined;
    try {
      if (!seat) return;
      if (!this.takeToken(client, seat)) return;
      if (payload !== undefined && (payload === null || typeof payload !== 'object' || Array.isArray(payload)))
        return this.refuse(client, type, { key: 'server.message.malformed' });
      const r = (payload as { ref?: unknown } | undefined)?.ref;
      ref = (typeof r === 'string' && r.length <= 40) || (typeof r === 'number' && Number.isSafeInteger(r)) ? r : undefined;
      let size = 0;
      try {
        size = JSON.stringify(payload ?? {}).length;
      } catch {
        size = Infinity;
      }
      if (size > MAX_MESSAGE_BYTES) return this.refuse(client, type, { key: 'server.message.tooLarge', params: { max: MAX_MESSAGE_BYTES } }, ref);
      const parsed = clientMessageSchema.safeParse({ ...(payload as object), type });
      if (!parsed.success) {
        const known = clientMessageSchema.options.some((o) => o.shape.type.value === type);
        const issue = parsed.error.issues[0];
        return this.refuse(
          client,
          type,
          known
            ? { key: 'server.message.invalid', params: { field: (issue?.path ?? []).join('.').slice(0, 80), problem: (issue?.message ?? '').slice(0, 120) } }
            : { key: 'server.message.unknownType', params: { type } },
          ref,
        );
      }
      if (INSTRUCTOR_MESSAGES.has(type) && seat.role !== 'instructor')
        return this.refuse(client, type, { key: 'server.instructorOnly', params: { type } }, ref);
      this.dispatch(client, seat, parsed.data).catch((e) => this.refuse(client, type, { key: 'server.error', params: { message: errorText(e) } }, ref));
    } catch (e) {
      this.refuse(client, type, { key: 'server.error', params: { message: errorText(e) } }, ref);
    }
  }

  private async dispatch(client: ExClient, seat: Seat, m: ClientMessage): Promise<void> {
    const ex = this.ex;
    switch (m.type) {
      case 'command':
        await this.perform(
          () =>
            seat.role === 'instructor' && m.command.type !== 'inject'
              ? { ok: false, reason: { key: 'server.instructor.commandNotAllowed' } }
              : ex.prepareCommand(seat.role, m.command, { name: seat.name }),
          client,
          m.type,
          m.ref,
          String(m.command.type),
        );
        return;
      case 'say':
        await this.perform(() => ex.prepareSay(seat, m.channel, m.party, m.text), client, m.type, m.ref);
        return;
      case 'sync':
        this.sendEverything(client);
        return;
      case 'classDebrief':
      case 'debrief':
        await this.answerDebrief(client, seat, m.type, m.ref);
        return;
      case 'start':
        await this.perform(() => ex.prepareStart(), client, m.type, m.ref);
        return;
      case 'fire':
        await this.perform(() => ex.prepareFire(m.inject, m.synopsis), client, m.type, m.ref);
        return;
      case 'adhoc':
        await this.perform(() => ex.prepareAdhoc(m.effect, m.synopsis), client, m.type, m.ref);
        return;
      case 'pause':
      case 'resume':
      case 'end':
        await this.perform(() => ex.prepareControl(m.type), client, m.type, m.ref);
        return;
      case 'clock':
        await this.perform(() => ex.prepareClock(m.seconds), client, m.type, m.ref);
        return;
      case 'reassign':
        await this.perform(() => ex.prepareReassign(m.holder, m.seat as Role | null), client, m.type, m.ref);
        return;
      case 'plan':
        await this.perform(() => ex.preparePlan(m.seat as Role, m.engine), client, m.type, m.ref);
        return;
      case 'peek': {
        const role = m.seat as Role | null;
        if (role !== null && !ex.seats.includes(role)) return this.refuse(client, m.type, { key: 'server.seat.unknown', params: { seat: role } }, m.ref);
        seat.peek = role;
        client.send('ack', { type: m.type, seq: ex.seq, ...(m.ref !== undefined ? { ref: m.ref } : {}) });
        this.sendPeek(client);
        return;
      }
    }
  }

  /**
   * Once the exercise has ended: the class debrief to the instructor, a seat's own part to anyone
   * else (the class debrief is refused to a student, with the reason). In the queue, after any end
   * sent before it; read-only, so nothing is written.
   */
  private answerDebrief(client: ExClient, seat: Seat, type: 'classDebrief' | 'debrief', ref?: string | number): Promise<void> {
    const run = () => {
      const why: Msg | null =
        type === 'classDebrief' && seat.role !== 'instructor' ? { key: 'server.debrief.instructorOnly', params: { type } } : whyNoDebrief(this.ex);
      if (why) return this.refuse(client, type, why, ref);
      if (seat.role === 'instructor') client.send('classDebrief', classDebriefOf(this.ex));
      else client.send('debrief', ownDebriefOf(this.ex, seat.role));
      client.send('ack', { type, seq: this.ex.seq, ...(ref !== undefined ? { ref } : {}) });
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private takeToken(client: ExClient, seat: Seat): boolean {
    const now = Date.now();
    const { perSecond, burst } = this.ctx.rate;
    seat.tokens = Math.min(burst, seat.tokens + ((now - seat.refilled) / 1000) * perSecond);
    seat.refilled = now;
    if (seat.tokens >= 1) {
      seat.tokens -= 1;
      return true;
    }
    if (now - seat.lastRateRefusal >= 1000) {
      seat.lastRateRefusal = now;
      this.refuse(client, 'rate', { key: 'server.rateLimited', params: { perSecond, burst } });
    }
    return false;
  }

  /**
   * The one way anything changes: in order, prepare against the current state, write the event,
   * commit, then tell the clients. A refusal goes to the asking client alone.
   */
  perform(
    prepare: () => Prep,
    client: ExClient | null,
    type: string,
    ref?: string | number,
    what?: string,
  ): Promise<{ ok: true; seq: number } | { ok: false; reason: Msg }> {
    const run = async (): Promise<{ ok: true; seq: number } | { ok: false; reason: Msg }> => {
      if (this.disposed) return { ok: false, reason: { key: 'server.exercise.closed' } };
      const p = prepare();
      if (!p.ok) {
        if (client) this.refuse(client, type, p.reason, ref, what);
        return p;
      }
      const { kind, payload, next } = p.prepared;
      const seq = this.ex.seq + 1;
      const at = Date.now();
      try {
        await this.ctx.store.append(
          this.ex.id,
          { seq, at, kind, payload: JSON.stringify(payload) },
          {
            ...(next ? { stateHash: next.hash } : {}),
            ...(kind === 'start' ? { status: 'running' as const } : kind === 'end' ? { status: 'ended' as const } : {}),
          },
        );
      } catch (e) {
        console.error(`classroom: exercise ${this.ex.code}: could not write event ${seq}: ${errorText(e)}`);
        const reason = { key: 'server.store.failed' };
        if (client) this.refuse(client, type, reason, ref);
        return { ok: false, reason };
      }
      const turnBefore = this.ex.turn();
      const out = this.ex.commit(p.prepared, seq, at);
      const activity = activityOf(this.ex, p.prepared, out, seq, at);
      this.ex.note(activity);
      if (client) client.send('ack', { type, seq, ...(ref !== undefined ? { ref } : {}) });
      this.sendActivity(activity);
      this.afterChange(kind, payload, out, turnBefore);
      return { ok: true, seq };
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Refuse a message to the client alone; a seat's refusal also goes to the instructor's feed (`what`: the command type). */
  private refuse(client: ExClient, type: string, reason: Msg, ref?: string | number, what?: string): void {
    try {
      client.send('refused', { type, reason, ...(ref !== undefined ? { ref } : {}) });
    } catch {
      // The client is gone.
    }
    const s = client.userData;
    if (s && s.role !== 'instructor' && this.ex) this.recordRefusal(s, { role: s.role, name: s.name, what: (what ?? type).slice(0, 40), reason });
  }

  /**
   * A seat's refusal goes into the stored log (so a rebuilt room's feed has it), then to the
   * instructors' feed — up to REFUSALS_KEPT_PER_MINUTE a seat and minute plus one marked `capped`;
   * beyond that, or if the store cannot take it, the feed still shows it live.
   */
  private recordRefusal(s: Seat, r: RefusalRecord): void {
    const live = () => {
      const a = refusalActivity(this.ex.seq, Date.now(), r);
      this.ex.note([a]);
      this.sendActivity([a]);
    };
    const key = `${s.role}|${s.holderId ?? s.name}`;
    const now = Date.now();
    let kept = this.refusalsKept.get(key);
    if (!kept || now - kept.since >= 60_000) this.refusalsKept.set(key, (kept = { since: now, n: 0 }));
    kept.n++;
    if (this.disposed || kept.n > REFUSALS_KEPT_PER_MINUTE + 1) return live();
    const record = kept.n > REFUSALS_KEPT_PER_MINUTE ? { ...r, capped: true } : r;
    void this.perform(() => ({ ok: true, prepared: { kind: 'refused', payload: { ...record } } }), null, 'refused').then((done) => {
      if (!done.ok) live();
    });
  }

  private instructors(): ExClient[] {
    return (this.clients as unknown as ExClient[]).filter((c) => c.userData?.role === 'instructor');
  }

  private sendActivity(entries: Activity[]): void {
    if (entries.length === 0) return;
    for (const c of this.instructors()) c.send('activity', { entries });
  }

  /** What the seat an instructor looks at sees: its view (and the mediator's moves) and its briefing. */
  private sendPeek(client: ExClient): void {
    const role = client.userData?.peek;
    if (!role) return;
    const view = this.ex.viewFor(role);
    const peek: Peek = {
      seat: role,
      seq: this.ex.seq,
      view,
      ...(role === 'mediator' && view ? { moves: this.ex.mediatorMoves() } : {}),
      briefing: this.ex.briefingFor(role),
    };
    client.send('peek', peek);
  }

  // ---------- Telling the clients ----------

  private afterChange(kind: string, payload: Record<string, unknown>, out: ReturnType<Exercise['commit']>, turnBefore: number | null): void {
    switch (kind) {
      case 'command':
      case 'start':
        this.broadcastViews();
        if (out.fired || kind === 'start' || injectsMayHaveChanged(this.ex, out.entries)) this.sendFired();
        this.broadcastStatus();
        this.armClock(this.ex.turn() !== turnBefore || kind === 'start');
        if (this.ex.over) this.stopTimers();
        else this.armBot();
        return;
      case 'chat': {
        const msg = out.chat!;
        for (const c of this.clients as unknown as ExClient[]) {
          const s = c.userData;
          if (s && this.memberOf(s.role, msg.channel)) c.send('chat', msg);
        }
        return;
      }
      case 'seat':
        this.seatChanged(payload);
        this.broadcastStatus();
        return;
      case 'pause':
      case 'resume':
      case 'clock':
        this.armClock(kind === 'clock');
        this.broadcastStatus();
        this.armBot();
        return;
      case 'end':
        this.stopTimers();
        this.broadcastViews();
        this.broadcastStatus();
        this.sendFired();
        for (const c of this.clients) c.send('ended', { seq: this.ex.seq });
        // Ended: the room goes when its last client leaves; the exercise stays in the store.
        this.autoDispose = true;
        if (this.clients.length === 0) void this.disconnect();
        return;
    }
  }

  private memberOf(role: Role | 'instructor', channel: string): boolean {
    if (role === 'instructor' || channel === 'public') return true;
    if (role === 'mediator') return channel.startsWith('caucus:');
    if (role.startsWith('party:')) {
      const p = role.slice(6);
      return channel === `delegation:${p}` || channel === `caucus:${p}`;
    }
    return false;
  }

  /** A holder moved or was removed: its connections get their new seat (and token) or are closed. */
  private seatChanged(payload: Record<string, unknown>): void {
    if (payload.op === 'take' || payload.op === 'plan') return;
    const id = String(payload.id);
    const h = this.ex.holders.get(id);
    for (const c of [...this.clients] as ExClient[]) {
      const s = c.userData;
      if (!s || s.holderId !== id || !h) continue;
      if (h.removed) {
        this.refuse(c, 'reassign', { key: 'server.seat.removed' });
        c.leave(4001);
        continue;
      }
      s.role = h.role;
      s.seatToken = null;
      const role = h.role;
      this.ctx.tokens.sign({ ex: this.ex.id, role, sid: id, gen: h.gen }).then(
        (token) => {
          if (s.role !== role) return;
          s.seatToken = token;
          this.sendEverything(c);
        },
        (e) => console.error(`classroom: could not sign a seat token: ${errorText(e)}`),
      );
    }
  }

  /** Welcome, briefing, channel history, current view and status: on join, reconnection, reassignment. */
  private sendEverything(client: ExClient): void {
    const s = client.userData;
    if (!s) return;
    const welcome: Welcome = {
      exerciseId: this.ex.id,
      code: this.ex.code,
      role: s.role,
      holderId: s.holderId,
      name: s.name,
      seatToken: s.seatToken,
      title: this.ex.scenario.title,
    };
    client.send('welcome', welcome);
    client.send('briefing', this.ex.briefingFor(s.role));
    client.send('history', { messages: this.ex.chatFor(s.role) });
    const view = this.ex.viewFor(s.role);
    if (view) client.send('view', this.viewMessage(s.role, view));
    if (s.role === 'instructor') {
      client.send('fired', { planned: injectPlan(this.ex), fired: this.ex.fired, ...(this.hashMismatch ? { hashMismatch: true } : {}) });
      client.send('activity', { entries: this.ex.activity, reset: true });
      this.sendPeek(client);
    }
    // Last: a client has the whole picture once its status arrives.
    client.send('status', this.status());
  }

  /** Each role's view, built and encoded once, sent to every client in that role. */
  private broadcastViews(): void {
    const byRole = new Map<string, ExClient[]>();
    for (const c of this.clients as unknown as ExClient[]) {
      const s = c.userData;
      if (!s) continue;
      const list = byRole.get(s.role);
      if (list) list.push(c);
      else byRole.set(s.role, [c]);
    }
    for (const [role, clients] of byRole) {
      const view = this.ex.viewFor(role as Role);
      if (!view) continue;
      const msg = this.viewMessage(role as Role | 'instructor', view);
      const bytes = getMessageBytes.raw(Protocol.ROOM_DATA, 'view', msg);
      for (const c of clients) sendBytes(c, bytes, 'view', msg);
    }
    for (const c of this.instructors()) this.sendPeek(c);
  }

  /** The instructor's view also carries the engine's state hash (a restart must reproduce it). */
  private viewMessage(role: Role | 'instructor', view: View): ViewMessage {
    if (role === 'instructor') return { seq: this.ex.seq, view, stateHash: this.ex.hash };
    return role === 'mediator' ? { seq: this.ex.seq, view, moves: this.ex.mediatorMoves() } : { seq: this.ex.seq, view };
  }

  private sendFired(): void {
    const instructors = this.instructors();
    if (instructors.length === 0) return;
    const msg = { planned: injectPlan(this.ex), fired: this.ex.fired };
    for (const c of instructors) c.send('fired', msg);
  }

  status(): Status {
    const online = new Set<string>();
    for (const c of this.clients as unknown as ExClient[]) if (c.userData?.holderId) online.add(c.userData.holderId);
    return {
      seq: this.ex.seq,
      status: this.ex.status,
      paused: this.ex.paused,
      turn: this.ex.turn(),
      phase: this.ex.phase(),
      over: this.ex.over,
      turnSeconds: this.ex.turnSeconds,
      deadline: this.deadline,
      seats: this.ex.seatInfo((id) => online.has(id)),
      mediatorBot: this.bot && !this.ex.mediatorHeld() ? this.bot.policy : null,
    };
  }

  private broadcastStatus(): void {
    if (this.clients.length === 0) return;
    this.broadcast('status', this.status());
  }

  // ---------- Turn clock and bot mediator ----------

  /**
   * The turn clock: when the mediator's time for a turn runs out, the server ends the turn for it
   * (an `endTurn` sent as the mediator, logged like any command). Paused: the clock stops and
   * resumes with the time that was left. After a restart the current turn gets its full time again.
   */
  private armClock(restart = false): void {
    if (this.clockTimer) clearTimeout(this.clockTimer);
    this.clockTimer = null;
    const ex = this.ex;
    if (ex.status !== 'running' || ex.over || ex.turnSeconds === null) {
      this.deadline = null;
      this.remainingOnPause = null;
      return;
    }
    const now = Date.now();
    if (ex.paused) {
      if (this.deadline !== null) this.remainingOnPause = Math.max(0, this.deadline - now);
      this.deadline = null;
      return;
    }
    if (restart || this.clockTurn !== ex.turn() || (this.deadline === null && this.remainingOnPause === null)) {
      this.deadline = now + ex.turnSeconds * 1000;
    } else if (this.deadline === null && this.remainingOnPause !== null) {
      this.deadline = now + this.remainingOnPause;
    }
    this.remainingOnPause = null;
    this.clockTurn = ex.turn();
    const deadline = this.deadline ?? now;
    this.clockTimer = setTimeout(() => this.clockRanOut(), Math.max(0, deadline - now));
  }

  private clockRanOut(): void {
    this.clockTimer = null;
    void this.perform(() => this.ex.prepareCommand('mediator', { type: 'endTurn' }, { by: 'clock' }), null, 'clock').then((r) => {
      if (!r.ok) {
        // Could not end the turn (e.g. the game is over): tell the instructor, and stop.
        for (const c of this.clients as unknown as ExClient[]) if (c.userData?.role === 'instructor') this.refuse(c, 'clock', r.reason);
        this.deadline = null;
        this.broadcastStatus();
      }
    });
  }

  /** The bot mediator plays one move every `botDelayMs` while the mediator seat is empty. */
  private armBot(): void {
    if (this.botTimer) clearTimeout(this.botTimer);
    this.botTimer = null;
    const ex = this.ex;
    if (!this.bot || ex.status !== 'running' || ex.paused || ex.over || ex.mediatorHeld() || this.disposed) return;
    // A proposal awaits a delegation's person: the bot waits for the answer as a mediator at the
    // table would (the answer re-arms it), for ctx.botAnswerWaitMs at most, then goes on.
    const waiting = ex.awaitingPeople();
    if (waiting !== null) {
      const since = this.botWaits.get(waiting) ?? Date.now();
      this.botWaits.set(waiting, since);
      const left = since + this.ctx.botAnswerWaitMs - Date.now();
      if (left > 0) {
        this.botTimer = setTimeout(() => this.armBot(), left);
        return;
      }
    }
    this.botTimer = setTimeout(() => {
      this.botTimer = null;
      const bot = this.bot!;
      void this.perform(
        () => {
          if (!ex.game || ex.mediatorHeld()) return { ok: false, reason: { key: 'server.bot.seatTaken' } };
          const move = ex.prepareCommand('mediator', bot.next(ex.game) as Record<string, unknown>, { by: 'bot' });
          return move.ok ? move : ex.prepareCommand('mediator', { type: 'endTurn' }, { by: 'bot' });
        },
        null,
        'bot',
      ).then(() => this.armBot());
    }, ex.options.botDelayMs);
  }

  private stopTimers(): void {
    if (this.clockTimer) clearTimeout(this.clockTimer);
    if (this.botTimer) clearTimeout(this.botTimer);
    this.clockTimer = this.botTimer = null;
    this.deadline = null;
  }
}

/** Send pre-encoded message bytes (one encoding per role), or encode when the transport cannot. */
function sendBytes(c: Client, bytes: Uint8Array, type: string, message: unknown): void {
  const raw = c as Client & { enqueueRaw?: (b: Uint8Array) => void };
  if (typeof raw.enqueueRaw === 'function') raw.enqueueRaw(bytes);
  else c.send(type, message);
}
