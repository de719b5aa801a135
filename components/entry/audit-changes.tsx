/** The fields an audit entry changed: "field: before → after" (or the values created / deleted). */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  if (keys.length === 0) return null;
  const show = (v: unknown) => (v === undefined || v === null || v === '' ? '∅' : typeof v === 'string' ? v : JSON.stringify(v));
  return (
    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-slate-600">
      {keys.map((k) => (
        <li key={k}>
          <span className="text-slate-500">{k}:</span>{' '}
          {before != null && <><del className="text-red-700">{show(b[k])}</del> → </>}
          <ins className="text-emerald-800 no-underline">{show(a[k])}</ins>
        </li>
      ))}
    </ul>
  );
}
