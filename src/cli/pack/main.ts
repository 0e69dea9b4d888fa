/**
 * Command dispatch for `npm run pack validate|init|preview`, apart from process I/O so tests can call it directly.
 * Exit codes: 0 fine (warnings allowed), 1 a pack has errors, 2 the command line is wrong.
 */
import { validateFiles, type Output } from './validate';
import { initPack } from './init';
import { previewPack } from './preview';

const USAGE = `Usage:
  npm run pack -- validate <file> [<file>...]   check one or more packs (YAML or JSON)
  npm run pack -- balance <file>[#id] [--runs N] [--seed S] [--out DIR] [--ablation N]
                                               play the bot policies in worker threads; write balance reports
  npm run pack -- init <file.yaml> [--force]    write a commented starter pack that validates and can be won
  npm run pack -- preview <file>[#id] --role <role> [--html]
                                               what a seat will read: the briefing, its confidential note, its
                                               view of the parties (roles: mediator, instructor, party:<id>, …)

validate prints every problem as  file:line:column error|warning: path: message — expected X — hint: Y
and exits with 1 when any file has an error, 0 when there are only warnings.
The authoring guide is scenarios/README.md.`;

export function main(argv: string[], io: Output): number {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'validate') {
    const files = rest.filter((a) => a !== '--');
    if (files.length === 0) {
      io.err('pack validate: name at least one file, e.g. npm run pack -- validate scenarios/tutorial.yaml');
      return 2;
    }
    const option = files.find((f) => f.startsWith('--'));
    if (option) {
      io.err(`pack validate: unknown option ${option}`);
      return 2;
    }
    return validateFiles(files, io);
  }
  if (command === 'init') return initPack(rest, io);
  if (command === 'preview') return previewPack(rest, io);
  // `balance` is asynchronous (worker threads) and dispatched by src/cli/pack.ts before this.
  io.err(`pack: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}
