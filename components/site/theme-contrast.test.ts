// WCAG 2.2 AA (1.4.3) asks for 4.5:1 between text and its background. The theme's colours live in
// app/[locale]/globals.css; this reads them from there so a changed colour is checked, not a copy of it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const css = fs.readFileSync(path.join(root, 'app/[locale]/globals.css'), 'utf8');

function themeColour(name: string): string {
  const match = new RegExp(`--color-${name}:\\s*(#[0-9a-fA-F]{6})\\s*;`).exec(css);
  if (!match?.[1]) throw new Error(`--color-${name} is not a #rrggbb colour in globals.css`);
  return match[1];
}

/** Relative luminance as WCAG defines it (sRGB channels linearised). */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const bodyText = /body\s*{[^}]*color:\s*(#[0-9a-fA-F]{6})/.exec(css)?.[1] ?? '';

/** Every .tsx file under the given folders. */
function sources(...dirs: string[]): string[] {
  return dirs.flatMap((dir) => fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx')).map((f) => path.join(dir, f)));
}

describe('theme contrast', () => {
  it('measures the ratio the way WCAG does', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    // The brand pink with white text: the failure the issue reported.
    expect(contrast('#fe2c55', '#ffffff')).toBeCloseTo(3.68, 2);
  });

  it('gives white and body text at least 4.5:1 on the strong accent fill', () => {
    expect(bodyText).toMatch(/^#/);
    expect(contrast(themeColour('accent-strong'), '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(themeColour('accent-strong'), bodyText)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps pink text readable on the dark surfaces', () => {
    for (const surface of ['surface', 'panel', 'panel-2']) {
      expect(contrast(themeColour('accent'), themeColour(surface)), surface).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('puts no text on the bright accent fill', () => {
    // A solid bg-accent class together with a font or text class is a text-bearing fill; those use
    // bg-accent-strong. Tints (bg-accent/10) and decoration without text may keep the bright pink.
    const offenders = sources('app', 'components').flatMap((file) =>
      fs
        .readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
        .filter(({ line }) => /(?<![\w:-])bg-accent(?![\w/-])/.test(line) && /\b(font-(semibold|bold|medium)|text-(white|sm|xs|lg))\b/.test(line))
        .map(({ at }) => at),
    );
    expect(offenders).toEqual([]);
  });

  it('does not fade text-bearing pink fills', () => {
    // animate-pulse fades to half opacity, taking white text on the fill below 4.5:1 (axe found it on the
    // LIVE badge); LIVE badges glow with animate-live instead.
    const fading = sources('app', 'components').flatMap((file) =>
      fs
        .readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
        .filter(({ line }) => /\banimate-pulse\b[^'"`]*\bbg-accent-strong\b|\bbg-accent-strong\b[^'"`]*\banimate-pulse\b/.test(line))
        .map(({ at }) => at),
    );
    expect(fading).toEqual([]);
    expect(css).toMatch(/--animate-live:/);
  });
});
