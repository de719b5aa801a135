import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// No Docker engine runs here, so the deployment files are checked by reading them.
type Service = { image?: string; build?: unknown; environment?: Record<string, string>; healthcheck?: { test: unknown }; depends_on?: Record<string, { condition: string }> };

describe('docker-compose.yml and the Dockerfile', () => {
  const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as { services: Record<string, Service> };

  it('runs PostgreSQL and the app built from the Dockerfile, each with a health check', () => {
    const { db, app } = compose.services;
    expect(db?.image).toMatch(/^postgres:\d+/);
    expect(app?.build).toBe('.');
    expect(db?.healthcheck?.test).toBeDefined();
    expect(JSON.stringify(app?.healthcheck?.test)).toContain('/api/health');
    expect(app?.depends_on?.db?.condition).toBe('service_healthy');
  });

  it('gives the app its database and a secret from the environment, never a constant', () => {
    const env = compose.services.app?.environment ?? {};
    expect(env.DATABASE_URL).toMatch(/^postgresql:\/\/.+@db:5432\/tenure$/);
    expect(env.NEXTAUTH_SECRET).toMatch(/^\$\{NEXTAUTH_SECRET:\?/);
  });

  it('builds and serves the app, applying migrations at start', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(dockerfile).toMatch(/RUN npm ci/);
    expect(dockerfile).toMatch(/RUN npm run build/);
    // npm run build also bundles the PDF worker into the build directory the image copies.
    const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(packageJson.scripts.build).toMatch(/next build && tsx scripts\/build-pdf-worker\.ts$/);
    expect(dockerfile).toMatch(/COPY --from=build \/app \/app/);
    expect(dockerfile).toMatch(/MALLOC_ARENA_MAX=2/);
    expect(dockerfile).toMatch(/HEALTHCHECK .*\n?.*\/api\/health/);
    expect(dockerfile).toMatch(/CMD .*scripts\/start\.ts/);
  });

  it('run several app replicas behind a reverse proxy on one database', () => {
    const replicas = parse(readFileSync('docker-compose.replicas.yml', 'utf8'), { customTags: [{ tag: '!reset', collection: 'seq', resolve: () => [] }] }) as {
      services: Record<string, { deploy?: { replicas: number }; image?: string; volumes?: string[]; ports?: unknown[] }>;
    };
    expect(replicas.services.app?.deploy?.replicas).toBeGreaterThan(1);
    expect(replicas.services.app?.ports).toEqual([]);
    expect(replicas.services.proxy?.image).toMatch(/^nginx:/);
    expect(replicas.services.proxy?.volumes?.[0]).toContain('deploy/nginx.conf');
    expect(readFileSync('deploy/nginx.conf', 'utf8')).toMatch(/upstream tenure[\s\S]*server app:3000/);
  });
});
