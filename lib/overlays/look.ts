// How any overlay looks, whatever its kind: a font from the bundled open fonts (served from our own
// origin: OBS machines may reach no font service), text and panel colours, where its content sits in the
// browser source (a 3×3 anchor, or the kind's own layout), and optional custom CSS (sanitised by
// lib/overlays/custom-css.ts). Shared by the settings schema, the editor and the overlay page.
import { z } from 'zod';
import { MAX_CUSTOM_CSS, sanitizeCustomCss } from '@/lib/overlays/custom-css';

/** Thai and Chinese come from Noto in every choice (the display fonts cover Latin and Cyrillic only). */
const NOTO_FALLBACK = '"Noto Sans", "Noto Sans Thai", "Noto Sans SC", sans-serif';

/** The fonts an overlay can use (components/overlay/fonts.ts loads their files; all SIL OFL 1.1). */
export const OVERLAY_FONTS = {
  system: 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Noto Sans Thai", "Noto Sans SC", sans-serif',
  noto: NOTO_FALLBACK,
  rubik: `Rubik, ${NOTO_FALLBACK}`,
  montserrat: `Montserrat, ${NOTO_FALLBACK}`,
} as const;
export type OverlayFont = keyof typeof OVERLAY_FONTS;
export const OVERLAY_FONT_IDS = Object.keys(OVERLAY_FONTS) as [OverlayFont, ...OverlayFont[]];

/** 'auto': the kind's own layout; otherwise where in the source the content is anchored. */
export const OVERLAY_POSITIONS = ['auto', 'top-left', 'top', 'top-right', 'left', 'center', 'right', 'bottom-left', 'bottom', 'bottom-right'] as const;
export type OverlayPosition = (typeof OVERLAY_POSITIONS)[number];

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #ff2d55.');

export const lookFields = {
  font: z.enum(OVERLAY_FONT_IDS).default('system'),
  textColour: hex.default('#ffffff'),
  /** The translucent card behind text, and how opaque it is (0: none). */
  panelColour: hex.default('#0a0a10'),
  panelOpacity: z.number().min(0).max(1).default(0.62),
  position: z.enum(OVERLAY_POSITIONS).default('auto'),
  customCss: z
    .string()
    .max(MAX_CUSTOM_CSS, `Custom CSS is limited to ${MAX_CUSTOM_CSS} characters.`)
    .default('')
    .superRefine((css, ctx) => {
      const { error } = sanitizeCustomCss(css);
      if (error) ctx.addIssue({ code: 'custom', message: error });
    }),
};

export type OverlayLook = { font: OverlayFont; textColour: string; panelColour: string; panelOpacity: number; position: OverlayPosition };

/** The panel colour with its opacity, as CSS. */
export function panelBackground(look: Pick<OverlayLook, 'panelColour' | 'panelOpacity'>): string {
  const n = Number.parseInt(look.panelColour.slice(1), 16);
  const alpha = Math.round(Math.min(1, Math.max(0, look.panelOpacity)) * 100) / 100;
  return `rgb(${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255} / ${alpha})`;
}

/** The flexbox alignment that puts content at `position` (null: the kind lays itself out). */
export function positionAlignment(position: OverlayPosition): { justifyContent: string; alignItems: string } | null {
  if (position === 'auto') return null;
  const [vertical, horizontal] = position === 'center' ? ['center', 'center'] : position.includes('-') ? position.split('-') : ['top', 'bottom'].includes(position) ? [position, 'center'] : ['center', position];
  const place = (side: string | undefined) => (side === 'top' || side === 'left' ? 'flex-start' : side === 'bottom' || side === 'right' ? 'flex-end' : 'center');
  return { justifyContent: place(vertical), alignItems: place(horizontal) };
}
