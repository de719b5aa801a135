type Operation = { summary?: string; description?: string };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const COLOURS: Record<(typeof METHODS)[number], string> = {
  get: 'bg-sky-100 text-sky-800', post: 'bg-emerald-100 text-emerald-800', put: 'bg-amber-100 text-amber-800',
  patch: 'bg-amber-100 text-amber-800', delete: 'bg-red-100 text-red-800',
};

/** Every operation of the OpenAPI document, one line each: method, path, summary. */
export function ApiEndpoints({ paths, caption }: { paths: Record<string, Record<string, unknown>>; caption: string }) {
  const rows = Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, operation: item[method] as Operation })),
  );
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <tbody className="divide-y divide-slate-100">
          {rows.map(({ path, method, operation }) => (
            <tr key={`${method} ${path}`}>
              <td className="py-2 pr-3"><span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold uppercase ${COLOURS[method]}`}>{method}</span></td>
              <td className="py-2 pr-3 font-mono text-xs">/api/v1{path}</td>
              <td className="py-2 text-slate-700">
                {operation.summary}
                {operation.description && <p className="text-xs text-slate-500">{operation.description}</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
