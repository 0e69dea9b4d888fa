/**
 * A balance worker thread: receives the scenarios once (workerData), then plays one job per
 * message and posts back the batch, column-packed, with its buffers transferred. Runs either
 * bundled by esbuild (node_modules/.cache/third-side/) or as TypeScript under tsx.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../../scenario/schema';
import { playJob, transferables, type Job } from './balanceGames';

export type WorkerReply = { id: number; ok: true; batch: import('./balanceGames').EncodedBatch } | { id: number; ok: false; message: string };

const scenarios = (workerData as { scenarios: Scenario[] }).scenarios;

parentPort?.on('message', (job: Job) => {
  let reply: WorkerReply;
  try {
    const batch = playJob(scenarios, job);
    reply = { id: job.id, ok: true, batch };
    parentPort!.postMessage(reply, transferables(batch));
  } catch (e) {
    reply = { id: job.id, ok: false, message: (e as Error)?.message ?? String(e) };
    parentPort!.postMessage(reply);
  }
});
