// A theme's look in miniature, for the theme pickers: its panel (at its opacity, over a stripe of dark and
// light "stream"), its text colour and font, and its accent as the border and a dot. Decorative: the
// picker's label names the theme.
import { useTranslations } from 'next-intl';
import { OVERLAY_FONTS, panelBackground } from '@/lib/overlays/look';
import type { ThemeId, ThemeLook } from '@/lib/overlays/themes';

/** The look a new overlay has without a theme (lib/overlays/look.ts and settings.ts defaults). */
export const DEFAULT_LOOK: ThemeLook = { font: 'system', textColour: '#ffffff', panelColour: '#0a0a10', panelOpacity: 0.62, accent: '#ff2d55' };

const STREAM = 'linear-gradient(135deg, #1f2937 0%, #1f2937 35%, #e5e7eb 35%, #e5e7eb 65%, #6b7280 65%)';

export function ThemeSwatch({ look }: { look: ThemeLook }) {
  const t = useTranslations('overlayThemes');
  return (
    <span aria-hidden className="flex h-12 w-24 shrink-0 items-center justify-center overflow-hidden rounded-lg border border-line" style={{ background: STREAM }}>
      <span
        className="flex items-center gap-1.5 rounded-md border-2 px-2 py-0.5 text-base leading-tight font-extrabold"
        style={{ background: panelBackground(look), color: look.textColour, fontFamily: OVERLAY_FONTS[look.font], borderColor: look.accent }}
      >
        {t('picker.sample')}
        <span className="size-2.5 rounded-full" style={{ background: look.accent }} />
      </span>
    </span>
  );
}

/** Each theme's name and one-line description in the dashboard's language. */
export function useThemeLabels(): Record<ThemeId, { name: string; description: string }> {
  const t = useTranslations('overlayThemes');
  return {
    classic: { name: t('names.classic'), description: t('descriptions.classic') },
    neon: { name: t('names.neon'), description: t('descriptions.neon') },
    gold: { name: t('names.gold'), description: t('descriptions.gold') },
    light: { name: t('names.light'), description: t('descriptions.light') },
    ocean: { name: t('names.ocean'), description: t('descriptions.ocean') },
  };
}
