/**
 * Parses an uploaded pack off the main thread: the room process never runs the YAML parser on
 * untrusted text itself, and the caller ends this worker when it takes too long.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadPack } from '../scenario/pack';

const { text } = workerData as { text: string };
const r = loadPack(text);
parentPort!.postMessage(
  r.ok
    ? { ok: true, scenarios: r.value.scenarios }
    : { ok: false, problems: r.problems.slice(0, 20).map((p) => ({ message: p.message, line: p.line, column: p.column, path: p.path.join('.') })) },
);
