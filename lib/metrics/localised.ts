import type { Localised } from './types';

/** French typography wants a non-breaking space before « : » and « % ». */
export const NBSP = '\u00a0';

/** Writes French with ordinary spaces; the typography (espace insécable) is applied here. */
export function localised(en: string, fr: string): Localised {
  return { en, fr: fr.replace(/ ([:;?!%»])/g, `${NBSP}$1`).replace(/« /g, `«${NBSP}`) };
}

export function joinLocalised(parts: Localised[], separator = ' '): Localised {
  return {
    en: parts.map((part) => part.en).join(separator),
    fr: parts.map((part) => part.fr).join(separator),
  };
}

/** "1 expansion deal" / "12 expansion deals"; French plural forms are passed in full. */
export function counted(
  count: number,
  en: { one: string; many: string },
  fr: { one: string; many: string },
): Localised {
  // French treats 0 and 1 as singular; English only 1.
  return {
    en: `${count} ${count === 1 ? en.one : en.many}`,
    fr: `${count} ${count <= 1 ? fr.one : fr.many}`,
  };
}

export const SETTINGS_SOURCE = localised('Method settings', 'Paramètres de la méthode');
export const COMPUTED_SOURCE = localised('Computed by Tenure', 'Calculé par Tenure');
export const CONSTANT_SOURCE = localised('Fixed by the formula', 'Fixé par la formule');
