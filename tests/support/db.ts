import { createDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';

let client: PrismaClient | undefined;

/** The test database, for factories and assertions (the code under test uses lib/db itself). */
export function testDb(): PrismaClient {
  client ??= createDb(process.env.DATABASE_URL!, 4);
  return client;
}
