// Fonts with full Vietnamese coverage, registered under our own aliases so each weight/style is a real face.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import type { FontFamily } from './page-spec.js';

export type FaceStyle = 'regular' | 'bold' | 'italic' | 'bolditalic';

/** Debian fonts-dejavu-core / fonts-dejavu-extra; override with SOHOA_DEJAVU_DIR. */
export const DEJAVU_DIR = process.env.SOHOA_DEJAVU_DIR ?? '/usr/share/fonts/truetype/dejavu';

/** Debian fonts-liberation2 (Liberation 2 covers Vietnamese; the 1.x copy inside pdfjs-dist does not). */
export const LIBERATION_DIR = process.env.SOHOA_LIBERATION_DIR ?? '/usr/share/fonts/truetype/liberation2';
/** Debian fonts-noto-core. */
export const NOTO_DIR = process.env.SOHOA_NOTO_DIR ?? '/usr/share/fonts/truetype/noto';

/** File of each face, per family. */
export function faceFiles(): Record<FontFamily, Record<FaceStyle, string>> {
  const dj = (n: string) => join(DEJAVU_DIR, `${n}.ttf`);
  const lib = (n: string) => join(LIBERATION_DIR, `Liberation${n}.ttf`);
  const noto = (n: string) => join(NOTO_DIR, `Noto${n}.ttf`);
  return {
    serif: {
      regular: dj('DejaVuSerif'),
      bold: dj('DejaVuSerif-Bold'),
      italic: dj('DejaVuSerif-Italic'),
      bolditalic: dj('DejaVuSerif-BoldItalic'),
    },
    'serif-condensed': {
      regular: dj('DejaVuSerifCondensed'),
      bold: dj('DejaVuSerifCondensed-Bold'),
      italic: dj('DejaVuSerifCondensed-Italic'),
      bolditalic: dj('DejaVuSerifCondensed-BoldItalic'),
    },
    sans: {
      regular: dj('DejaVuSans'),
      bold: dj('DejaVuSans-Bold'),
      italic: dj('DejaVuSans-Oblique'),
      bolditalic: dj('DejaVuSans-BoldOblique'),
    },
    'sans-condensed': {
      regular: dj('DejaVuSansCondensed'),
      bold: dj('DejaVuSansCondensed-Bold'),
      italic: dj('DejaVuSansCondensed-Oblique'),
      bolditalic: dj('DejaVuSansCondensed-BoldOblique'),
    },
    'liberation-sans': {
      regular: lib('Sans-Regular'),
      bold: lib('Sans-Bold'),
      italic: lib('Sans-Italic'),
      bolditalic: lib('Sans-BoldItalic'),
    },
    'liberation-serif': {
      regular: lib('Serif-Regular'),
      bold: lib('Serif-Bold'),
      italic: lib('Serif-Italic'),
      bolditalic: lib('Serif-BoldItalic'),
    },
    'noto-sans': {
      regular: noto('Sans-Regular'),
      bold: noto('Sans-Bold'),
      italic: noto('Sans-Italic'),
      bolditalic: noto('Sans-BoldItalic'),
    },
    'noto-serif': {
      regular: noto('Serif-Regular'),
      bold: noto('Serif-Bold'),
      italic: noto('Serif-Italic'),
      bolditalic: noto('Serif-BoldItalic'),
    },
  };
}

let registered: Set<FontFamily> | null = null;

/** Registers every face it can find; returns the families that are complete. Throws when none is. */
export function registerFonts(): Set<FontFamily> {
  if (registered) return registered;
  const ok = new Set<FontFamily>();
  for (const [family, faces] of Object.entries(faceFiles()) as [FontFamily, Record<FaceStyle, string>][]) {
    if (!Object.values(faces).every((f) => existsSync(f))) continue;
    for (const [style, file] of Object.entries(faces))
      GlobalFonts.registerFromPath(file, alias(family, style as FaceStyle));
    ok.add(family);
  }
  if (ok.size === 0)
    throw new Error(
      `no Vietnamese-capable fonts found: install fonts-dejavu-core or set SOHOA_DEJAVU_DIR (looked in ${DEJAVU_DIR})`,
    );
  registered = ok;
  return ok;
}

export function alias(family: FontFamily, style: FaceStyle): string {
  return `sohoa-${family}-${style}`;
}

export function faceStyle(bold: boolean | undefined, italic: boolean | undefined): FaceStyle {
  if (bold && italic) return 'bolditalic';
  if (bold) return 'bold';
  return italic ? 'italic' : 'regular';
}
