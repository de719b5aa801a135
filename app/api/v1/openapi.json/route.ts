import { openApiDocument } from '@/lib/api/openapi';

/** GET /api/v1/openapi.json — public: the document describes the API, it grants nothing. */
export async function GET() {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
