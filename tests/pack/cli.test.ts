/** `npm run pack -- validate`: exit codes and output, in-process for most cases, spawned for three. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/pack/main';
import { edit, fixture, fixturePath, lineOf } from './helpers';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'third-side-pack-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function spawnCli(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/pack.ts', ...args], { cwd: repo, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const yaml = fixture('valid-pack.yaml');

describe('pack validate (in process)', () => {
  it('exit 0 with warnings printed', () => {
    const file = write('warn.yaml', edit(yaml, '  authors: [Test Author]\n', ''));
    const r = run(['validate', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${file}:${lineOf(yaml, 'id: harbour-talks')}:`);
    expect(r.out).toMatch(/warning: pack\.authors: no authors listed/);
    expect(r.out).toContain('valid — pack "harbour-talks" 1.0.0, 1 scenario (harbour), 1 warning');
  });

  it('exit 1 when one of several files has errors', () => {
    const bad = write('bad.yaml', edit(yaml, 'turnLimit: 16', 'turnLimit: sixteen'));
    const r = run(['validate', fixturePath('valid-pack.yaml'), bad]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `${bad}:${lineOf(yaml, 'turnLimit: 16')}:16 error: scenarios[0].turnLimit: Invalid input: expected number, received string — expected number`,
    );
    expect(r.out).toContain(`${bad}: 1 error`);
  });

  it('usage mistakes exit 2; help exits 0 and documents both commands', () => {
    expect(run([]).code).toBe(2);
    expect(run(['--help']).code).toBe(0);
    expect(run(['validate']).code).toBe(2);
    expect(run(['frobnicate']).err).toMatch(/unknown command/);
    const help = run(['--help']).out;
    expect(help).toMatch(/pack -- validate <file>/);
    expect(help).toMatch(/pack -- balance <file>\[#id\] \[--runs N\]/);
  });
});

describe('pack validate (spawned)', () => {
  it('a valid pack exits 0', () => {
    const r = spawnCli('validate', 'tests/pack/fixtures/valid-pack.yaml');
    expect(r.stdout).toContain('tests/pack/fixtures/valid-pack.yaml: valid');
    expect(r.code).toBe(0);
  });

  it('an invalid pack exits 1 with every problem located', () => {
    let text = edit(yaml, 'turnLimit: 16', 'turnLimit: sixteen');
    text = edit(text, 'faction: gov-hardliners, action: arrest', 'faction: nobody, action: arrest');
    const file = write('broken.yaml', text);
    const r = spawnCli('validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:${lineOf(text, 'turnLimit: sixteen')}:16 error: scenarios[0].turnLimit`);
    // The dangling reference is reported in the same pass as the type error.
    expect(r.stdout).toContain(`${file}:${lineOf(text, 'faction: nobody')}:43 error: scenarios[0].injects[0].effect.faction: unknown faction "nobody"`);
    expect(r.stdout).toContain(`${file}: 2 errors`);
  });

  it('a missing file is one friendly line, no stack trace', () => {
    const r = spawnCli('validate', join(dir, 'nope.yaml'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('cannot find');
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at /);
  });
});
