/**
 * One command for the game and the classroom: serves the built game (dist/) and the classroom server
 * (HTTP API + Colyseus rooms) on one port, and prints the address to share on the LAN.
 *
 *   node --import tsx src/server/main.ts [--host H] [--port P] [--static DIR | --no-static]
 *
 * Environment: HOST, PORT, CLASSROOM_DB (SQLite file, default .data/classroom.sqlite), DATABASE_URL
 * (PostgreSQL instead), REDIS_URL (share matchmaking between processes), SERVER_ID (this process's
 * name, default "local"), PUBLIC_ADDRESS (host:port other processes send clients to),
 * CLASSROOM_SECRET (seat-token key; default: generated once and kept in the store),
 * CLASSROOM_ADMIN_TOKEN (required to create exercises when set), RECONNECT_SECONDS (default 120).
 */
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startClassroom } from './app';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      static: { type: 'string' },
      'no-static': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: npm run serve -- [--host 0.0.0.0] [--port 2567] [--static dist | --no-static]');
    return;
  }
  const host = values.host ?? process.env.HOST ?? '0.0.0.0';
  const port = Number(values.port ?? process.env.PORT ?? 2567);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${values.port ?? process.env.PORT}`);
  const staticDir = values['no-static'] ? null : resolve(values.static ?? resolve(REPO, 'dist'));
  if (staticDir && !existsSync(resolve(staticDir, 'index.html')))
    console.warn(`classroom: ${staticDir}/index.html is missing: run "npm run build" first (the API and rooms work without it)`);

  const classroom = await startClassroom({
    port,
    host,
    staticDir,
    gracefulShutdown: true,
    ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
    ...(process.env.PUBLIC_ADDRESS ? { publicAddress: process.env.PUBLIC_ADDRESS } : {}),
    ...(process.env.SERVER_ID ? { serverId: process.env.SERVER_ID } : {}),
    ...(process.env.CLASSROOM_ADMIN_TOKEN ? { adminToken: process.env.CLASSROOM_ADMIN_TOKEN } : {}),
    ...(process.env.RECONNECT_SECONDS ? { reconnectSeconds: Number(process.env.RECONNECT_SECONDS) } : {}),
  });
  const store =
    classroom.ctx.store.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${resolve(process.env.CLASSROOM_DB || '.data/classroom.sqlite')}`;
  const shown = host === '0.0.0.0' || host === '::' ? ['127.0.0.1', ...lanAddresses()] : [host];
  console.log(`Third Side — game and classroom server (Node ${process.version}, store: ${store}${process.env.REDIS_URL ? ', Redis matchmaking' : ''})`);
  for (const h of shown) console.log(`  http://${h}:${classroom.port}/${h === '127.0.0.1' ? '   (this machine)' : '   (share this address on the LAN)'}`);
  if (classroom.restored.length) {
    const bad = classroom.restored.filter((r) => !r.hashOk);
    console.log(
      `  rebuilt ${classroom.restored.length} open exercise(s) from the store${bad.length ? `; ${bad.length} did not match their state hash: ${bad.map((b) => b.code).join(', ')}` : ', every state hash matches'}`,
    );
  }
  // Parent processes (tests) read this line to know the server is up.
  console.log(`READY ${classroom.port}`);
}

main().catch((e: unknown) => {
  console.error(`classroom: ${String((e as Error)?.message ?? e)}`);
  process.exit(1);
});
