import { rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/db/embedded-postgres';
import { migrate } from '@/lib/db/migrate';

/** A port nobody listens on right now (the kernel picks it), so parallel sessions never collide. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export type DedicatedPostgres = {
  url: string;
  /** Stops the server the way an operator or a crash would: every open connection is cut. */
  stop: () => Promise<void>;
  /** Starts it again on the same files and port (the URL does not change). */
  start: () => Promise<void>;
  /** Stops it and deletes its files. */
  destroy: () => Promise<void>;
};

/**
 * A PostgreSQL of the test's own, which the test may stop and restart without disturbing the shared
 * test database. Its files live under .data/faults/ and are deleted afterwards.
 */
export async function startDedicatedPostgres(name: string): Promise<DedicatedPostgres> {
  const port = await freePort();
  const dataDir = path.resolve(`.data/faults/${name}-${process.pid}-${port}`);
  const open = () => startEmbeddedPostgres({ dataDir, port, database: 'tenure_faults' });
  let running: EmbeddedDatabase | undefined = await open();
  const url = running.url;
  await migrate(url);
  return {
    url,
    stop: async () => {
      await running?.stop();
      running = undefined;
    },
    start: async () => {
      running ??= await open();
    },
    destroy: async () => {
      await running?.stop();
      running = undefined;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
