import { connection } from 'next/server';
import { db } from '@/lib/db';

/** 200 with the database's status when it answers, 503 when it does not (for load balancers). */
export async function GET() {
  await connection();
  const started = Date.now();
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: 'ok', database: { status: 'up', latencyMs: Date.now() - started } });
  } catch {
    return Response.json({ status: 'unavailable', database: { status: 'down' } }, { status: 503 });
  }
}
