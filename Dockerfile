# Production image: builds Tenure and serves it with `next start`; migrations run at start-up.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
# next build, then the PDF worker bundled into .next/pdf-worker/render-worker.mjs (no tsx in the worker).
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
# MALLOC_ARENA_MAX: fewer glibc arenas for the server and its PDF worker thread (lower peak memory).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 MALLOC_ARENA_MAX=2
# The whole build stage, .next with its pdf-worker bundle included.
COPY --from=build /app /app
RUN mkdir -p /app/.data && chown node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://localhost:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# scripts/start.ts applies migrations, then starts Next (DATABASE_URL is required in this image).
CMD ["npx", "tsx", "scripts/start.ts"]
