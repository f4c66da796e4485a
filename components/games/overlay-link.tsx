'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

/**
 * The overlay's address to paste into an OBS browser source, with copy and preview. The address uses the
 * origin this page was opened on (what OBS on the same network reaches), the configured app URL before
 * hydration.
 */
export function OverlayLink({ appUrl, token }: { appUrl: string; token: string }) {
  const t = useTranslations('games');
  const inputId = useId();
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => appUrl);
  const path = `/overlay/${token}`;
  const url = `${origin}${path}`;
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="@container flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm font-semibold">
        {t('overlayLink.label')}
      </label>
      <div className="flex flex-col gap-2 @lg:flex-row">
        <input id={inputId} readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="min-h-11 min-w-0 flex-1 rounded-lg border border-line bg-panel-2 px-3 font-mono text-sm" data-testid="overlay-url" />
        <div className="flex gap-2">
          <button type="button" onClick={() => void copy()} className="min-h-11 flex-1 rounded-lg border border-line px-4 font-semibold hover:bg-panel-2">
            {t('overlayLink.copy')}
          </button>
          <a href={path} target="_blank" rel="noopener" className="inline-flex min-h-11 flex-1 items-center justify-center rounded-lg border border-line px-4 font-semibold hover:bg-panel-2">
            {t('overlayLink.preview')}
          </a>
        </div>
      </div>
      <p role="status" className="text-xs text-muted">
        {copied === 'yes' ? t('overlayLink.copied') : copied === 'failed' ? t('overlayLink.copyFailed') : t('overlayLink.hint')}
      </p>
    </div>
  );
}
