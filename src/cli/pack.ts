/**
 * The pack tool for scenario authors.
 *   npm run pack -- validate <file> [<file>…]   check packs, every problem at once (exit 1 on errors)
 *   npm run pack -- balance <file> [--runs N]    balance report (coming with the engine)
 * Any failure ends in a one-line message, never a stack trace.
 */
import { main } from './pack/main';
import type { Output } from './pack/validate';

const io: Output = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };
try {
  process.exitCode = main(process.argv.slice(2), io);
} catch (e) {
  io.err(`pack: unexpected failure: ${(e as Error)?.message ?? String(e)}`);
  process.exitCode = 1;
}
