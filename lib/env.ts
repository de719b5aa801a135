import { z } from 'zod';

/**
 * Every environment variable Tenure reads, validated once. Defaults suit the embedded set-up that
 * `npm start` provides; scripts/start.ts fills DATABASE_URL and NEXTAUTH_SECRET before Next starts.
 */
const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  TENURE_DATA_DIR: z.string().default('.data'),
  TENURE_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54320),
  TENURE_DEMO: z.enum(['0', '1']).optional(),
  TENURE_INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start Tenure with `npm start`, which provides one.');
  return url;
}
