import type { InputHTMLAttributes } from 'react';

/** A labelled input whose id can differ from its name (several entry forms share a page). */
export function EntryField({ label, name, id, errors, hint, ...input }: { label: string; name: string; id?: string; errors?: string[]; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const inputId = id ?? name;
  const describedBy = [hint ? `${inputId}-hint` : null, errors?.length ? `${inputId}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={inputId} className="field-label">{label}</label>
      <input id={inputId} name={name} className="field-input" aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint && <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p>}
      {errors?.length ? <p id={`${inputId}-error`} className="field-error" role="alert">{errors.join(' ')}</p> : null}
    </div>
  );
}
