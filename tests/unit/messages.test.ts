import { describe, expect, it } from 'vitest';
import { loadMessages } from '@/lib/i18n/messages';

const en = loadMessages('en');
const fr = loadMessages('fr');

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('interface strings', () => {
  it('exist in both French and English, key for key', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });

  it('are never left empty or untranslated by accident', () => {
    const enFlat = new Map(keys(en).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en)]));
    const frFlat = new Map(keys(fr).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], fr)]));
    for (const [key, text] of frFlat) expect(String(text).trim(), key).not.toBe('');
    const identical = [...frFlat].filter(([key, text]) => text === enFlat.get(key) && String(text).split(' ').length > 3);
    expect(identical.map(([k]) => k)).toEqual([]);
  });
});
