/**
 * Every message the engine can show a mediator must have a template in the catalogue: play a few
 * hundred random mediator commands (legal ones, plus some illegal ones for their refusals) on each
 * bundled scenario and check each Msg met in the log, in refusals, in move reasons and in criteria.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load';
import { applyCommand, availableMoves, candidatesOf, createGame, REGISTRY, viewFor, whyRefused, type Command, type Game, type Msg } from '../../src/sim/index';
import { computeDebrief } from '../../src/sim/debrief/index';
import { worldOf } from '../../src/sim/index';
import { fmt, fmtParams, hasMessage, CATALOGUE_EN } from '../../src/i18n/index';
import { EN } from '../../src/i18n/en';

const dir = join(__dirname, '../../scenarios');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

function collect(g: Game, sink: Map<string, Msg>) {
  const add = (m: Msg | undefined | null) =>
    m && !sink.has(m.key + JSON.stringify(Object.keys(m.params ?? {}))) && sink.set(m.key + JSON.stringify(Object.keys(m.params ?? {})), m);
  const v = viewFor(g, 'mediator');
  for (const c of v.criteria) add(c.msg);
  for (const o of availableMoves(g)) add(o.reason);
  for (const e of v.log) {
    if (e.kind === 'move' || e.kind === 'event') add(e.result);
    if (e.kind === 'response') add(e.reason);
  }
  for (const p of v.proposals) for (const r of Object.values(p.reasons)) add(r);
}

describe('message catalogue', () => {
  it('has the bundled scenarios to test', () => {
    expect(files).toContain('tutorial.yaml');
  });

  for (const file of files) {
    it(`resolves every engine message met in random play on ${file}`, () => {
      const r = loadScenario(readFileSync(join(dir, file), 'utf8'));
      expect(r.ok, JSON.stringify(!r.ok && r.problems.slice(0, 3))).toBe(true);
      if (!r.ok) return;
      const s = r.value;
      const seen = new Map<string, Msg>();
      for (const seed of [1, 2, 3, 4, 5, 6]) {
        const rand = rng(seed * 7919);
        let g = createGame(s, { seed, difficulty: (['easy', 'standard', 'hard'] as const)[seed % 3] });
        for (let i = 0; i < 400 && !viewFor(g, 'mediator').over; i++) {
          const opts = availableMoves(g);
          if (rand() < 0.15) {
            // An illegal move, for its refusal.
            const illegal = opts.filter((o) => !o.legal);
            const o = illegal[Math.floor(rand() * illegal.length)];
            if (o) {
              const cand = candidatesOf(g, o.type)[0] ?? ({ type: o.type } as never);
              const why = whyRefused(g, { ...cand, role: 'mediator' } as Command);
              if (why) seen.set(why.key + JSON.stringify(Object.keys(why.params ?? {})), why);
              const res = applyCommand(g, { ...cand, role: 'mediator' } as Command);
              if (!res.ok) seen.set(res.reason.key, res.reason);
            }
            continue;
          }
          const legal = opts.filter((o) => o.legal && o.type !== 'endTurn');
          const pickEnd = rand() < 0.25 || legal.length === 0;
          const o = pickEnd ? undefined : legal[Math.floor(rand() * legal.length)];
          const cmd = o ? o.commands[Math.floor(rand() * o.commands.length)]! : { type: 'endTurn' as const };
          const res = applyCommand(g, { ...cmd, role: 'mediator' } as Command);
          expect(res.ok).toBe(true);
          if (res.ok) g = res.game;
          if (i % 10 === 0) collect(g, seen);
        }
        collect(g, seen);
        const d = computeDebrief(s, worldOf(g));
        for (const sin of d.sins) {
          sin.evidence.forEach((m) => seen.set(m.key + JSON.stringify(Object.keys(m.params ?? {})), m));
          seen.set(sin.better.key, sin.better);
        }
        for (const h of d.hallmarks) seen.set(h.evidence.key + JSON.stringify(Object.keys(h.evidence.params ?? {})), h.evidence);
      }
      const missing = [...seen.values()].filter((m) => !hasMessage(m.key)).map((m) => m.key);
      expect([...new Set(missing)]).toEqual([]);
      // Every placeholder is filled: no template asks for a param the engine does not send.
      const unfilled = [...seen.values()].map((m) => [m.key, fmt(m, s)] as const).filter(([, text]) => text.includes('{{'));
      expect(unfilled).toEqual([]);
      // Ids in params show as names.
      const ids = new Set([...s.parties.map((p) => p.id), ...s.issues.map((i) => i.id), ...s.externals.map((e) => e.id)]);
      const rawIds = [...seen.values()].flatMap((m) => {
        const shown = fmtParams(m.params, s);
        return Object.entries(m.params ?? {})
          .filter(([k, v]) => typeof v === 'string' && ids.has(v) && shown[k] === v)
          .map(([k, v]) => `${m.key}: ${k}=${v}`);
      });
      expect(rawIds).toEqual([]);
      expect(seen.size).toBeGreaterThan(20);
    });
  }

  it('has the strings of every command in the registry, and of every choice its form offers', () => {
    const missing: string[] = [];
    for (const [type, spec] of Object.entries(REGISTRY)) {
      const keys = spec.senders.includes('mediator') ? [`move.${type}`, `move.${type}.help`] : [`seat.${type}`];
      for (const f of spec.form) if (f.kind === 'choice' && spec.senders.includes('mediator')) for (const o of f.options) keys.push(`${f.name}.${o}`);
      for (const k of keys) if (!hasMessage(k)) missing.push(k);
    }
    expect(missing).toEqual([]);
  });

  it('covers the front door refusals', () => {
    for (const key of [
      'refuse.unknownCommand',
      'refuse.invalid',
      'refuse.limit',
      'refuse.commandCap',
      'refuse.internal',
      'refuse.malformed',
      'save.badSeat',
      'save.noScenario',
    ])
      expect(hasMessage(key), key).toBe(true);
  });

  it('covers the save messages and has no empty templates', () => {
    for (const key of ['save.corrupt', 'save.newer', 'save.outdated', 'save.otherScenario', 'save.scenarioVersion', 'save.replayFailed', 'save.hashMismatch'])
      expect(hasMessage(key)).toBe(true);
    for (const [k, v] of Object.entries(CATALOGUE_EN)) expect(v.trim(), k).not.toBe('');
    expect(Object.keys(EN).length).toBeGreaterThan(300);
  });
});
