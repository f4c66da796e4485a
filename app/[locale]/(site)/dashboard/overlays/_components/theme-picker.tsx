'use client';

// Which theme a new overlay starts from: the default look or one of the kind's themes, each shown with a
// small swatch of its look (lib/overlays/themes.ts).
import { useTranslations } from 'next-intl';
import { DEFAULT_LOOK, ThemeSwatch, useThemeLabels } from '@/components/overlay/theme-swatch';
import type { OverlayKind } from '@/lib/overlays/settings';
import { themesFor, type ThemeLook } from '@/lib/overlays/themes';

type Props = { kind: OverlayKind; value: string; onChange: (themeId: string) => void };

export function ThemePicker({ kind, value, onChange }: Props) {
  const t = useTranslations('overlayThemes');
  const labels = useThemeLabels();
  const options: { id: string; name: string; description: string; look: ThemeLook }[] = [
    { id: '', name: t('picker.plain'), description: t('picker.plainDescription'), look: DEFAULT_LOOK },
    ...themesFor(kind).map((theme) => ({ id: theme.id, ...labels[theme.id], look: theme.look })),
  ];
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 text-sm font-medium">{t('picker.legend')}</legend>
      <div className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
        {options.map((option) => (
          <label
            key={option.id || 'default'}
            className="flex min-h-11 cursor-pointer items-center gap-3 rounded-xl border border-line bg-panel-2 p-3 hover:border-muted has-[:checked]:border-accent has-[:checked]:bg-accent/10 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent-2"
          >
            <input type="radio" name="theme" value={option.id} checked={value === option.id} onChange={() => onChange(option.id)} className="sr-only" />
            <ThemeSwatch look={option.look} />
            <span className="flex min-w-0 flex-col gap-0.5">
              <span className="font-semibold">{option.name}</span>
              <span className="text-xs text-muted">{option.description}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
