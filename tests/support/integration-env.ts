import { inject } from 'vitest';

// lib/env reads DATABASE_URL lazily, so setting it before any test imports lib/db is enough.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.NEXTAUTH_SECRET ??= 'integration-tests-secret-integration-tests-secret';
