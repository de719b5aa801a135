import { describe, expect, it } from 'vitest';
import { discoverRoutes, exportedMethods } from '../../e2e/security/routes';

// The access matrix is only as good as its route list: check the discovery itself.
describe('route discovery for the access matrix', () => {
  it('reads every way a route.ts exports its methods', () => {
    expect(exportedMethods('export async function GET() {}\nexport const POST = withApi(() => x);')).toEqual(['GET', 'POST']);
    expect(exportedMethods('const handler = NextAuth(o);\nexport { handler as GET, handler as POST };')).toEqual(['GET', 'POST']);
    expect(exportedMethods('export const PATCH = a;\nexport function DELETE() {}\nexport const PUT = b;')).toEqual(['PUT', 'PATCH', 'DELETE']);
    expect(exportedMethods('// GET is documented here\nexport const GETTER = 1;')).toEqual([]);
  });

  it('finds pages and handlers under app/, without route groups', () => {
    const keys = discoverRoutes().map((r) => r.key);
    expect(keys).toContain('GET /orgs/[slug]');
    expect(keys).toContain('GET /board/[token]');
    expect(keys).toContain('POST /api/v1/orgs/[slug]/[collection]');
    expect(keys).toContain('POST /api/auth/[...nextauth]');
    expect(keys.some((k) => k.includes('('))).toBe(false);
  });
});
