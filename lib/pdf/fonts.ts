import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Font } from '@react-pdf/renderer';
import { woffToSfnt } from './woff';

/**
 * Inter from @fontsource/inter, embedded in every pack: no download at run time. The Latin subset
 * carries French and €, the Latin-ext and Greek subsets are fallbacks (Σ in the formulas).
 */
export const FONT_FAMILY = ['Inter', 'InterLatinExt', 'InterGreek'];

let registered = false;

function fontFile(subset: string, weight: number): string {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  const packageJson = require.resolve('@fontsource/inter/package.json');
  return path.join(path.dirname(packageJson), 'files', `inter-${subset}-${weight}-normal.woff`);
}

/**
 * Registers the fonts once, and drops the glyphs cached by the previous render: fontkit caches
 * glyphs per font object, and a glyph cached by one document can carry the wrong Unicode mapping
 * into the next (seen with ’ after a first render: drawn right, extracted as a control character).
 * Only the glyph cache goes: the parsed tables (GSUB/GPOS, cmap) are kept, since reparsing them
 * for every render cost about a third of the render's time.
 */
export function prepareFonts(): void {
  registerFonts();
  const families = Font.getRegisteredFonts() as Record<string, { sources: { data: { _glyphs?: Record<number, unknown> } | null }[] }>;
  for (const family of FONT_FAMILY) {
    for (const source of families[family]?.sources ?? []) {
      if (source.data?._glyphs) source.data._glyphs = {};
    }
  }
}

export function registerFonts(): void {
  if (registered) return;
  const families: [string, string][] = [
    ['Inter', 'latin'],
    ['InterLatinExt', 'latin-ext'],
    ['InterGreek', 'greek'],
  ];
  for (const [family, subset] of families) {
    // Decoded once to TrueType and kept as a data URL: reopening it per render costs no inflating.
    const src = (weight: number) => `data:font/ttf;base64,${woffToSfnt(readFileSync(fontFile(subset, weight))).toString('base64')}`;
    Font.register({ family, fonts: [400, 600, 700].map((fontWeight) => ({ src: src(fontWeight), fontWeight })) });
  }
  // Words are never hyphenated: a figure or a name split across lines reads wrong in a board pack.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
