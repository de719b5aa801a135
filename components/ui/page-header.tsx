export function PageHeader({ title, intro }: { title: string; intro?: string }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      {intro && <p className="mt-1 text-slate-600">{intro}</p>}
    </div>
  );
}
