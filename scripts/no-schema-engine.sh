#!/bin/sh
# Prisma's schema engine is not used by Tenure: migrations are hand-written SQL files in
# prisma/migrations/, applied by `npm run db:migrate` (and at every `npm start`).
echo "Tenure applies its own SQL migrations: run 'npm run db:migrate'. Set PRISMA_SCHEMA_ENGINE_BINARY to a real Prisma schema engine to use 'prisma migrate' commands." >&2
exit 1
