/** "Coût d’infrastructure (€)" → "cout d infrastructure": for comparing headers and enum spellings. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** The same without spaces, so "loadedSalaries", "Loaded salaries" and "LOADED_SALARIES" agree. */
export function compactLabel(text: string): string {
  return normalizeLabel(text).replace(/ /g, '');
}
