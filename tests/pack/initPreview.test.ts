/**
 * `pack init` and `pack preview` (issue 12, item 3): a commented starter that validates with no
 * warning and that sound mediation can win; the handout each seat will read, as text or HTML.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/pack/main';
import { schemaPathFor, starterPack } from '../../src/cli/pack/init';
import { loadPack } from '../../src/scenario/pack';
import { formatProblem } from '../../src/scenario/load';
import { playGame } from '../../src/sim/bots';
import { worldOf } from '../../src/sim/game';
import { edit, fixture, fixturePath } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'third-side-init-'));
function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('pack init', () => {
  it('writes a starter that validates without a single warning, naming the schema for editors', () => {
    const file = join(dir, 'packs', 'mine.yaml');
    const r = run(['init', file]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`next: npm run pack -- validate ${file}`);
    const text = readFileSync(file, 'utf8');
    const schema = schemaPathFor(file);
    expect(schema).toMatch(/scenarios\/schema\.json$/);
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${schema}`);
    expect(text).toContain(`$schema: ${schema}`);
    expect(readFileSync(join(dir, 'packs', schema), 'utf8')).toContain('"Third Side scenario pack"');
    const loaded = loadPack(text, file);
    expect(loaded.ok ? loaded.warnings.map((p) => formatProblem(p)) : loaded.problems.map((p) => formatProblem(p))).toEqual([]);
    expect(run(['validate', file]).code).toBe(0);
  });

  it('is commented: it explains the walk-out rule, the zones of agreement and the MSEL where they are written', () => {
    const text = starterPack();
    expect(text.split('\n').filter((l) => /#\s/.test(l)).length).toBeGreaterThan(20);
    expect(text).toMatch(/walks out when its BATNA/);
    expect(text).toMatch(/ranges must overlap on every core issue/);
  });

  it('can be won by sound mediation and not by careless play (30 seeds)', () => {
    const r = loadPack(starterPack());
    if (!r.ok) throw new Error('starter invalid');
    const s = r.value.scenarios[0]!;
    const signed = (policy: 'by-the-book' | 'random' | 'greedy') =>
      Array.from({ length: 30 }, (_, i) => worldOf(playGame(s, { seed: i + 1, policy }).game)).filter(
        (w) => w.phase === 'monitoring' || w.phase === 'concluded',
      ).length;
    expect(signed('by-the-book')).toBeGreaterThanOrEqual(9);
    expect(signed('random')).toBeLessThanOrEqual(3);
  });

  it('never overwrites a file without --force, and refuses a JSON name', () => {
    const file = join(dir, 'taken.yaml');
    writeFileSync(file, 'mine');
    const r = run(['init', file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/already exists/);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(run(['init', file, '--force']).code).toBe(0);
    expect(run(['init', join(dir, 'x.json')]).code).toBe(2);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
    expect(run(['init']).code).toBe(2);
  });
});

describe('pack preview', () => {
  const pack = fixturePath('valid-pack.yaml');

  it("a party's handout: the shared briefing, its own confidential note only, its own red lines only", () => {
    const r = run(['preview', pack, '--role', 'party:gov']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('The Harbour Talks — the delegation of The Government');
    expect(r.out).toContain('Two years of protests have split the country.');
    expect(r.out).toContain('You need sanctions relief before the budget runs dry; elections can wait.');
    expect(r.out).not.toContain('Your street movement will not wait long');
    expect(r.out).not.toContain('Neither side knows you have met the other');
    expect(r.out).toContain('Your real interests: ideal 20, weight 3, red line 50.');
    expect(r.out).not.toMatch(/Alliance's real interests/);
    expect(r.out).toContain('The Government (Gov) — your side');
  });

  it("a faction does not read its party's red lines or confidential note; the instructor reads everything", () => {
    const f = run(['preview', pack, '--role', 'faction:gov-hardliners']);
    expect(f.out).not.toContain('real interests');
    expect(f.out).not.toContain('You need sanctions relief');
    expect(f.out).toContain('(none: this seat reads only the shared briefing)');
    expect(f.out).toContain('Security chiefs (hardline, 30%, spoiler type greedy)');
    const i = run(['preview', pack, '--role', 'instructor']);
    for (const note of ['Neither side knows you have met the other.', 'You need sanctions relief', 'Your street movement will not wait long'])
      expect(i.out).toContain(note);
    expect(i.out).toContain('Master scenario events list');
    expect(i.out).toContain('alliance-wavers (contingency of arrests)');
    const m = run(['preview', pack, '--role', 'mediator']);
    expect(m.out).toContain('What this exercise teaches');
    expect(m.out).not.toContain('Master scenario events list');
    expect(m.out).not.toContain('spoiler type greedy');
  });

  it('--html: one self-contained page with every text escaped', () => {
    const file = join(dir, 'markup.yaml');
    writeFileSync(
      file,
      edit(fixture('valid-pack.yaml'), 'party:gov: You need sanctions relief', 'party:gov: <script>alert(1)</script> & <b>You</b> need sanctions relief'),
    );
    const r = run(['preview', file, '--role', 'party:gov', '--html']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^<!doctype html>/);
    expect(r.out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;You&lt;/b&gt;');
    expect(r.out).not.toMatch(/<script|src=|href=/);
    expect(r.out).toContain('<section class="secret">');
  });

  it('says which roles exist, and refuses an invalid pack with its errors', () => {
    const r = run(['preview', pack, '--role', 'party:nobody']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/its roles: mediator, instructor, observer, party:gov, party:opp, faction:gov-moderates/);
    expect(run(['preview', pack]).code).toBe(2);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, edit(fixture('valid-pack.yaml'), 'turnLimit: 16', 'turnLimit: sixteen'));
    const b = run(['preview', bad, '--role', 'mediator']);
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/turnLimit/);
  });
});
