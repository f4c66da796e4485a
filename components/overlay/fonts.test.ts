// The overlay fonts are bundled (no font service is reachable from a streamer's OBS in every country, nor
// from these machines): every face components/overlay/fonts.ts imports must have its files in the package,
// and each font a streamer can choose must draw Latin, Cyrillic, Thai and Chinese text at regular and bold
// weight, itself or through the bundled Noto fallbacks in its CSS family list (lib/overlays/look.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OVERLAY_FONTS, type OverlayFont } from '@/lib/overlays/look';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
type Face = { family: string; weight: number; ranges: [number, number][]; file: string };

/** The @font-face rules of every stylesheet fonts.ts imports. */
function bundledFaces(): Face[] {
  const source = fs.readFileSync(path.join(ROOT, 'components', 'overlay', 'fonts.ts'), 'utf8');
  const sheets = [...source.matchAll(/^import '(@fontsource\/[^']+\.css)';$/gm)].map((m) => path.join(ROOT, 'node_modules', m[1] ?? ''));
  expect(sheets.length).toBeGreaterThan(0);
  return sheets.flatMap((sheet) =>
    [...fs.readFileSync(sheet, 'utf8').matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m): Face => {
      const body = m[1] ?? '';
      const family = /font-family:\s*'([^']+)'/.exec(body)?.[1] ?? '';
      const weight = Number(/font-weight:\s*(\d+)/.exec(body)?.[1] ?? 0);
      const file = path.join(path.dirname(sheet), /url\(([^)]+\.woff2)\)/.exec(body)?.[1] ?? 'missing.woff2');
      const ranges = (/unicode-range:\s*([^;]+);/.exec(body)?.[1] ?? 'U+0-10FFFF').split(',').map((r): [number, number] => {
        const [from = '0', to] = r.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(from, 16), parseInt(to ?? from, 16)];
      });
      return { family, weight, ranges, file };
    }),
  );
}

/** The families a chosen font draws with, in order: its CSS family list, quotes removed. */
const familiesOf = (font: OverlayFont) => OVERLAY_FONTS[font].split(',').map((f) => f.trim().replace(/^"|"$/g, ''));

const SAMPLES = { Latin: 'A', Cyrillic: 'Ж', Thai: 'ก', Chinese: '中' } as const;

describe('bundled overlay fonts', () => {
  const faces = bundledFaces();

  it('has the file of every face it declares', () => {
    expect(faces.length).toBeGreaterThan(100);
    const missing = faces.filter((f) => !fs.existsSync(f.file)).map((f) => f.file);
    expect(missing).toEqual([]);
  });

  it('draws Latin, Cyrillic, Thai and Chinese at regular and bold weight with every bundled font choice', () => {
    const gaps: string[] = [];
    for (const font of (Object.keys(OVERLAY_FONTS) as OverlayFont[]).filter((f) => f !== 'system')) {
      for (const [script, sample] of Object.entries(SAMPLES)) {
        const code = sample.codePointAt(0) ?? 0;
        for (const weight of [400, 700]) {
          const drawnBy = familiesOf(font).find((family) => faces.some((f) => f.family === family && f.weight === weight && f.ranges.some(([a, b]) => code >= a && code <= b)));
          if (!drawnBy) gaps.push(`${font} ${weight}: no bundled face draws ${script} (${sample})`);
        }
      }
    }
    expect(gaps).toEqual([]);
  });
});
