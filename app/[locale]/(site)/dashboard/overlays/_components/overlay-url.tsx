'use client';

// Copying an overlay's URL: the Clipboard API where the browser allows it, otherwise the URL is shown
// selected (with the old copy command tried) so Ctrl+C / ⌘C finishes the job.
import { useTranslations } from 'next-intl';
import { useId, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { overlayUrl } from '@/lib/overlays/editor';

const noSubscription = () => () => undefined;

/** This page's origin (what OBS on the same machine or network reaches); `fallback` while rendering on the server. */
export function useOrigin(fallback: string): string {
  return useSyncExternalStore(noSubscription, () => window.location.origin, () => fallback);
}

type CopyResult = 'copied' | 'select';

async function copyText(text: string, field: HTMLInputElement | null): Promise<CopyResult> {
  try {
    if (window.isSecureContext && navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // Denied (no permission, not focused): fall through to selecting the text.
  }
  if (field) {
    field.focus();
    field.select();
    try {
      // Deprecated, but the only way left on plain-HTTP pages reached by IP address.
      if (document.execCommand('copy')) return 'copied';
    } catch {
      // Some browsers throw instead of returning false.
    }
  }
  return 'select';
}

const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;

/** The URL in a read-only field with a Copy button (the editor). */
export function OverlayUrlField({ token, fallbackOrigin }: { token: string; fallbackOrigin: string }) {
  const t = useTranslations('overlayEditor');
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const url = overlayUrl(useOrigin(fallbackOrigin), token);
  const [result, setResult] = useState<CopyResult | null>(null);
  // A new token is a new URL: forget "Copied" from the old one.
  const [shownToken, setShownToken] = useState(token);
  if (shownToken !== token) {
    setShownToken(token);
    setResult(null);
  }
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold">
        {t('url.label')}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input ref={field} id={id} readOnly value={url} onFocus={(e) => e.currentTarget.select()} spellCheck={false} aria-describedby={`${id}-status`} className="min-h-11 min-w-0 flex-1 rounded-lg border border-line bg-panel-2 px-3 font-mono text-sm" data-testid="overlay-url" />
        <div className="flex gap-2">
          <button type="button" onClick={() => void copyText(url, field.current).then(setResult)} className="min-h-11 flex-1 rounded-lg bg-accent-strong px-4 font-semibold hover:opacity-90 sm:flex-none">
            {result === 'copied' ? t('url.copied') : t('url.copy')}
          </button>
          <a href={url} target="_blank" rel="noopener noreferrer" className="inline-flex min-h-11 flex-1 items-center justify-center rounded-lg border border-line px-4 font-semibold hover:bg-panel-2 sm:flex-none">
            {t.rich('url.open', { sr })}
          </a>
        </div>
      </div>
      <p id={`${id}-status`} role="status" className="text-xs text-muted">
        {result === 'copied' ? t('url.hintCopied') : result === 'select' ? t('url.hintSelect') : t('url.hint')}
      </p>
    </div>
  );
}

/** A compact Copy button for lists; when copying is refused it reveals the URL, selected. */
export function CopyUrlButton({ token, fallbackOrigin, name }: { token: string; fallbackOrigin: string; name: string }) {
  const t = useTranslations('overlayEditor');
  const field = useRef<HTMLInputElement>(null);
  const url = overlayUrl(useOrigin(fallbackOrigin), token);
  const [result, setResult] = useState<CopyResult | null>(null);
  const copy = async () => {
    const outcome = await copyText(url, null);
    setResult(outcome);
    if (outcome === 'select') {
      requestAnimationFrame(() => {
        field.current?.focus();
        field.current?.select();
      });
    }
  };
  return (
    <span className="flex min-w-0 flex-col gap-1">
      <button type="button" onClick={() => void copy()} className="min-h-10 rounded-lg border border-line px-3 text-sm font-semibold hover:bg-panel-2">
        {result === 'copied' ? t.rich('url.copiedOf', { name, sr }) : t.rich('url.copyOf', { name, sr })}
      </button>
      {result === 'select' && <input ref={field} readOnly value={url} onFocus={(e) => e.currentTarget.select()} aria-label={t('url.urlOf', { name })} className="min-w-0 rounded border border-line bg-panel-2 px-2 py-1 font-mono text-xs" />}
      <span role="status" className="sr-only">
        {result === 'copied' ? t('url.statusCopied') : result === 'select' ? t('url.statusSelect') : ''}
      </span>
    </span>
  );
}
