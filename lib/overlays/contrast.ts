// WCAG 2 contrast between an overlay's colours. An overlay's panel is translucent and the stream behind it
// can be anything, so a colour pair is judged on the panel laid over both a black and a white backdrop and
// the worse of the two counts. Pure, shared by the theme presets' tests and the theme picker.

type Rgb = readonly [number, number, number];

function rgbOf(hex: string): Rgb {
  const n = Number.parseInt(hex.replace(/^#/, ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Relative luminance (WCAG 2.x definition). */
function luminance([r, g, b]: Rgb): number {
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function ratio(a: Rgb, b: Rgb): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function over(top: Rgb, alpha: number, bottom: Rgb): Rgb {
  const mix = (t: number, b: number) => Math.round(t * alpha + b * (1 - alpha));
  return [mix(top[0], bottom[0]), mix(top[1], bottom[1]), mix(top[2], bottom[2])];
}

/** The contrast ratio of two opaque colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  return ratio(rgbOf(a), rgbOf(b));
}

const BACKDROPS: Rgb[] = [
  [0, 0, 0],
  [255, 255, 255],
];

/** The contrast of `colour` on a panel of `panelColour` at `panelOpacity`, over the worst of a black and a white stream. */
export function contrastOnPanel(colour: string, panelColour: string, panelOpacity: number): number {
  const fg = rgbOf(colour);
  return Math.min(...BACKDROPS.map((backdrop) => ratio(fg, over(rgbOf(panelColour), panelOpacity, backdrop))));
}

/** WCAG AA: normal text, and large or bold text (titles, names) and graphics such as a goal's bar. */
export const MIN_TEXT_CONTRAST = 4.5;
export const MIN_LARGE_CONTRAST = 3;

/** How readable a look is: body text on the panel, the accent (titles, names, bars) on the panel, text on the accent (badges, banners). */
export function lookContrast(look: { textColour: string; panelColour: string; panelOpacity: number; accent: string }): { text: number; accent: number; onAccent: number } {
  return {
    text: contrastOnPanel(look.textColour, look.panelColour, look.panelOpacity),
    accent: contrastOnPanel(look.accent, look.panelColour, look.panelOpacity),
    onAccent: contrastRatio(look.textColour, look.accent),
  };
}

/** True when every pair of the look meets its minimum. */
export function isReadableLook(look: { textColour: string; panelColour: string; panelOpacity: number; accent: string }): boolean {
  const c = lookContrast(look);
  return c.text >= MIN_TEXT_CONTRAST && c.accent >= MIN_LARGE_CONTRAST && c.onAccent >= MIN_LARGE_CONTRAST;
}
