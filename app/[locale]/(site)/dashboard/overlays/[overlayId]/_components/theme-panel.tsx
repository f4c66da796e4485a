'use client';

// Themes for an overlay that exists: each of its kind's themes with a swatch and an Apply that says what
// it replaces first. Applying saves at once through the API (the token and URL stay), and the editor
// takes the saved settings as its new starting point.
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Notice } from '@/components/ui/card';
import { ThemeSwatch, useThemeLabels } from '@/components/overlay/theme-swatch';
import { requestErrorMessage } from '@/lib/overlays/editor';
import type { OverlaySummary } from '@/lib/overlays/manage';
import { themesFor, type ThemeId } from '@/lib/overlays/themes';
import { fetchJson } from '@/lib/query-client';
import { ConfirmAction } from './confirm-action';
import { useEditorWords } from './editor-words';

type Props = { overlay: OverlaySummary; unsaved: boolean; onApplied: (overlay: OverlaySummary) => void };

export function ThemePanel({ overlay, unsaved, onApplied }: Props) {
  const t = useTranslations('overlayThemes');
  const labels = useThemeLabels();
  const words = useEditorWords();
  const [applied, setApplied] = useState<ThemeId | null>(null);
  const apply = useMutation({
    mutationFn: (themeId: ThemeId) => fetchJson<{ overlay: OverlaySummary }>(`/api/overlays/${overlay.id}/theme`, { method: 'POST', body: JSON.stringify({ themeId }) }),
    onSuccess: ({ overlay: updated }, themeId) => {
      setApplied(themeId);
      onApplied(updated);
    },
  });
  const alerts = overlay.kind === 'GIFT_ALERTS';
  return (
    <section aria-labelledby="themes-title" className="flex flex-col gap-3 rounded-xl border border-line bg-panel p-4 sm:p-5">
      <h2 id="themes-title" className="font-semibold">
        {t('apply.title')}
      </h2>
      <p className="text-sm text-muted">{t('apply.intro', { alerts: alerts ? 'yes' : 'no' })}</p>
      <ul className="grid gap-2 sm:grid-cols-2">
        {themesFor(overlay.kind).map((theme) => (
          <li key={theme.id} className="flex flex-col gap-2 rounded-xl border border-line bg-panel-2 p-3 text-sm">
            <div className="flex items-center gap-3">
              <ThemeSwatch look={theme.look} />
              <div className="flex min-w-0 flex-col gap-0.5">
                <span className="font-semibold">{labels[theme.id].name}</span>
                <span className="text-xs text-muted">{labels[theme.id].description}</span>
              </div>
            </div>
            <div>
              <ConfirmAction
                tone="normal"
                label={t('apply.apply')}
                title={t('apply.confirmTitle', { theme: labels[theme.id].name })}
                confirmLabel={t('apply.apply')}
                pendingLabel={t('apply.applying')}
                onConfirm={() => apply.mutateAsync(theme.id)}
                error={apply.error && apply.variables === theme.id ? requestErrorMessage(apply.error, words) : null}
              >
                <p>{t('apply.confirmBody')}</p>
                {alerts && <p>{t('apply.confirmAlerts')}</p>}
                {unsaved && <p className="font-semibold">{t('apply.confirmUnsaved')}</p>}
              </ConfirmAction>
            </div>
          </li>
        ))}
      </ul>
      {applied && <Notice>{t('apply.applied', { theme: labels[applied].name })}</Notice>}
    </section>
  );
}
