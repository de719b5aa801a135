/** Placeholder while a section streams in: same footprint as the section, no layout shift. */
export function SectionSkeleton({ height = 'h-72', label }: { height?: string; label?: string }) {
  return (
    <div role="status" aria-busy="true" className={`animate-pulse rounded-xl border border-slate-200 bg-white p-5 ${height}`}>
      <div className="h-4 w-40 rounded bg-slate-200" />
      <div className="mt-4 h-8 w-24 rounded bg-slate-100" />
      <div className="mt-6 h-[55%] rounded bg-slate-100" />
      {label && <span className="sr-only">{label}</span>}
    </div>
  );
}

export function KpiSkeleton({ label }: { label?: string }) {
  return (
    <div role="status" aria-busy="true" className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="h-32 animate-pulse rounded-xl border border-slate-200 bg-white p-4">
          <div className="h-3 w-24 rounded bg-slate-200" />
          <div className="mt-4 h-7 w-20 rounded bg-slate-100" />
          <div className="mt-4 h-4 w-16 rounded bg-slate-100" />
        </div>
      ))}
      {label && <span className="sr-only">{label}</span>}
    </div>
  );
}
