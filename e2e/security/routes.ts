import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type DiscoveredRoute = { key: string; method: string; pattern: string; kind: 'page' | 'api'; file: string };

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The HTTP methods a route.ts exports (`export const GET`, `export async function GET`, `export { x as GET }`). */
export function exportedMethods(source: string): string[] {
  return METHODS.filter((m) => new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b|export\\s*\\{[^}]*\\bas\\s+${m}\\b`).test(source));
}

/** Every page and route handler under app/, as "METHOD /url/[param]" (route groups removed). */
export function discoverRoutes(appDir = path.resolve('app')): DiscoveredRoute[] {
  const found: DiscoveredRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'page.tsx' || entry.name === 'route.ts') {
        const segments = path.relative(appDir, dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
        const pattern = '/' + segments.join('/');
        if (entry.name === 'page.tsx') found.push({ key: `GET ${pattern}`, method: 'GET', pattern, kind: 'page', file: full });
        else for (const method of exportedMethods(readFileSync(full, 'utf8'))) found.push({ key: `${method} ${pattern}`, method, pattern, kind: 'api', file: full });
      }
    }
  };
  walk(appDir);
  return found.sort((a, b) => a.key.localeCompare(b.key));
}
