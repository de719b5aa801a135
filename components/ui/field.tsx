import type { InputHTMLAttributes } from 'react';

/** A labelled input with its hint and errors wired for screen readers. */
export function Field({ label, name, errors, hint, ...input }: { label: string; name: string; errors?: string[]; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={name} className="field-label">{label}</label>
      <input id={name} name={name} className="field-input" aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint && <p id={`${name}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p>}
      {errors?.length ? <p id={`${name}-error`} className="field-error" role="alert">{errors.join(' ')}</p> : null}
    </div>
  );
}
