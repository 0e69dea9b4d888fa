/**
 * Writes scenarios/schema.json from the zod schemas (npm run schema). With --check it only
 * compares, exiting 1 when the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packJsonSchemaText } from '../scenario/jsonSchema';

const target = fileURLToPath(new URL('../../scenarios/schema.json', import.meta.url));
const text = packJsonSchemaText();
let current = '';
try {
  current = readFileSync(target, 'utf8');
} catch {
  // absent: written below
}
if (process.argv.includes('--check')) {
  if (current !== text) {
    process.stderr.write('scenarios/schema.json is out of date: run npm run schema\n');
    process.exitCode = 1;
  } else process.stdout.write('scenarios/schema.json is up to date\n');
} else if (current === text) {
  process.stdout.write('scenarios/schema.json is up to date\n');
} else {
  writeFileSync(target, text);
  process.stdout.write(`wrote scenarios/schema.json (${text.length} characters)\n`);
}
