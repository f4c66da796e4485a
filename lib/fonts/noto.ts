// Noto Sans for text LiveLens draws itself (share images and the report PDF): Latin,
// Cyrillic and Greek from @fontsource/noto-sans, Thai from @fontsource/noto-sans-thai, Chinese from
// @fontsource/noto-sans-sc (SIL Open Font License 1.1). Each package splits a face into files by
// Unicode range (its CSS says which); fontsFor() loads only the files a text needs, so a card with a
// Chinese name reads a few hundred KB, not the whole 76 MB package. Files ship with npm install: no
// network and no system fonts needed.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';

export type FontWeight = 400 | 700;
export type FontFile = { file: string; weight: FontWeight; ranges: [number, number][] };
export type LoadedFont = { name: string; data: Buffer; weight: FontWeight; style: 'normal' };

/** The family to name in styles; each file loaded is its own family ("Noto Sans 1", …), and the renderer
 * falls back through all of them glyph by glyph (next/og keeps one font per name, weight and style). */
export const FONT_FAMILY = 'Noto Sans';
// Latin first, so digits and punctuation come from it whichever script surrounds them.
const PACKAGES = ['@fontsource/noto-sans', '@fontsource/noto-sans-thai', '@fontsource/noto-sans-sc'] as const;

let catalogue: FontFile[] | undefined;

// Read from the app's folder at run time (the web server and the tests start there); a bundler-resolved
// path would point into the build output, which has no font files.
function packageDir(name: string): string {
  return path.join(process.cwd(), 'node_modules', name);
}

/** "U+0400-045F,U+2116" → [[0x400, 0x45f], [0x2116, 0x2116]]. */
export function parseUnicodeRange(text: string): [number, number][] {
  return text
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part) => {
      const [lo = '', hi = lo] = part.split('-');
      return [parseInt(lo, 16), parseInt(hi, 16)] as [number, number];
    })
    .filter(([lo, hi]) => Number.isFinite(lo) && Number.isFinite(hi));
}

/** Every (file, weight, ranges) of the three packages, read from their CSS once. */
export function fontCatalogue(): FontFile[] {
  if (catalogue) return catalogue;
  const files: FontFile[] = [];
  for (const name of PACKAGES) {
    const dir = packageDir(name);
    for (const weight of [400, 700] as const) {
      const css = fs.readFileSync(path.join(dir, `${weight}.css`), 'utf8');
      for (const block of css.split('@font-face').slice(1)) {
        // Satori and pdfkit read WOFF (not WOFF2).
        const file = /url\(\.\/(files\/[^)]+\.woff)\)/.exec(block)?.[1];
        const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
        if (file && range) files.push({ file: path.join(dir, file), weight, ranges: parseUnicodeRange(range) });
      }
    }
  }
  catalogue = files;
  return files;
}

const covers = (font: FontFile, code: number) => font.ranges.some(([lo, hi]) => code >= lo && code <= hi);

/** The files (of `weight`) that draw the characters of `text`; characters no file has are left out. */
export function filesFor(text: string, weight: FontWeight): FontFile[] {
  const needed = new Set<FontFile>();
  const faces = fontCatalogue().filter((font) => font.weight === weight);
  for (const char of new Set(text)) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20) continue;
    const face = faces.find((font) => covers(font, code));
    if (face) needed.add(face);
  }
  return [...needed];
}

/** A piece of text and the file (of one weight) that draws it; `file` null when no file has its characters. */
export type FontRun = { file: string | null; text: string };

const glyphSets = new Map<string, Font>();

/**
 * Whether a file draws `code`: its CSS range names it and it really has the glyph. The packages' ranges
 * are wider than their files: Noto Sans SC's name Hangul and "₽", which its files do not draw (a box in
 * the PDF), so a file the ranges choose is checked against its character map.
 */
function draws(font: FontFile, code: number): boolean {
  return covers(font, code) && hasGlyph(font, code);
}

/** Whether the file has a glyph for `code`, whatever its CSS range says (a subset keeps the space, say). */
function hasGlyph(font: FontFile, code: number): boolean {
  let loadedFont = glyphSets.get(font.file);
  if (!loadedFont) {
    const opened = fontkit.create(fs.readFileSync(font.file));
    if (!('hasGlyphForCodePoint' in opened)) return false; // a collection: the packages ship none
    loadedFont = opened;
    glyphSets.set(font.file, loadedFont);
  }
  return loadedFont.hasGlyphForCodePoint(code);
}

/**
 * `text` cut into runs of one file each, for renderers that take one font per run (the PDF): a character
 * stays in the current run when that run's file draws it (so spaces inside Chinese keep the Chinese
 * file), else it opens a run in the first file that draws it, Latin first.
 */
export function fontRuns(text: string, weight: FontWeight): FontRun[] {
  const faces = fontCatalogue().filter((font) => font.weight === weight);
  const runs: { font: FontFile | null; text: string }[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const last = runs[runs.length - 1];
    const font = last?.font && hasGlyph(last.font, code) ? last.font : (faces.find((face) => draws(face, code)) ?? null);
    if (last && last.font === font) last.text += char;
    else runs.push({ font, text: char });
  }
  return runs.map((run) => ({ file: run.font?.file ?? null, text: run.text }));
}

const loaded = new Map<string, Buffer>();

/** Font data for drawing `text` in these weights (for next/og's ImageResponse `fonts`). */
export function fontsFor(text: string, weights: FontWeight[] = [400, 700]): LoadedFont[] {
  // Basic Latin always, so labels and digits have a face even when `text` is empty.
  const sample = `${text} 0123456789 ABCabc`;
  return weights.flatMap((weight) =>
    filesFor(sample, weight).map((font, i) => {
      let data = loaded.get(font.file);
      if (!data) {
        data = fs.readFileSync(font.file);
        loaded.set(font.file, data);
      }
      return { name: i === 0 ? FONT_FAMILY : `${FONT_FAMILY} ${i}`, data, weight, style: 'normal' as const };
    }),
  );
}
