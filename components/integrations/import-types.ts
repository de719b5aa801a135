/** What the import endpoint reports per row (lib/import/plan.ts, without server-only parts). */
export type PreviewError = { field: string; message: string; line?: number };
export type PreviewRow = { line: number; action: 'create' | 'update' | 'unchanged' | null; values: Record<string, string>; errors: PreviewError[] };
export type ImportCounts = { total: number; invalid: number; create: number; update: number; unchanged: number };
