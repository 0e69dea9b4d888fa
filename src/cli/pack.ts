/**
 * The pack tool for scenario authors.
 *   npm run pack -- validate <file> [<file>…]   check packs, every problem at once (exit 1 on errors)
 *   npm run pack -- balance <file> [--runs N]    play the bot policies in worker threads, write balance reports
 * Any failure ends in a one-line message, never a stack trace.
 */
import { main } from './pack/main';
import { runBalance } from './pack/balance';
import type { Output } from './pack/validate';

const io: Output = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };
const argv = process.argv.slice(2).filter((a, i) => i > 0 || a !== '--');

if (argv[0] === 'balance') {
  // On a terminal, a progress line that rewrites itself; in a pipe or a log, nothing.
  const progress = process.stderr.isTTY ? (line: string) => process.stderr.write(`\r\x1b[K${line}`) : undefined;
  runBalance(argv.slice(1), { ...io, ...(progress ? { progress } : {}) }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      io.err(`pack: unexpected failure: ${(e as Error)?.message ?? String(e)}`);
      process.exitCode = 1;
    },
  );
} else {
  try {
    process.exitCode = main(argv, io);
  } catch (e) {
    io.err(`pack: unexpected failure: ${(e as Error)?.message ?? String(e)}`);
    process.exitCode = 1;
  }
}
