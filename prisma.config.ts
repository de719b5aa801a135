import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Prisma's CLI wants a native schema engine it would download; `prisma generate` never runs it.
// Point it at a script that explains Tenure's own migrator, unless the user provides a real engine.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, 'scripts/no-schema-engine.sh');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5433/tenure' },
});
