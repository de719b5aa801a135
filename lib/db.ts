import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createDb } from '@/lib/db/client';
import { requireDatabaseUrl } from '@/lib/env';

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

// One client per process; kept on globalThis so dev-mode reloads do not open a pool each time.
const globalForDb = globalThis as unknown as { tenureDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.tenureDb ??= createDb(requireDatabaseUrl());
  return globalForDb.tenureDb;
}
