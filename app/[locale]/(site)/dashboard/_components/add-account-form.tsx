'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { fetchJson } from '@/lib/query-client';
import { parseHandle } from '@/lib/tiktok/handle';
import { useHandleError } from '@/components/lookup/handle-error';

type AddablePlatform = 'tiktok' | 'bilibili';
const PLATFORMS: AddablePlatform[] = ['tiktok', 'bilibili'];

/**
 * Adds a channel to watch: a TikTok username or profile link, or a Bilibili room number or link. A TikTok
 * handle is checked here first; a Bilibili address is checked by the server (its message comes back in the
 * page's language).
 */
export function AddAccountForm({ initialHandle, initialPlatform = 'tiktok' }: { initialHandle: string; initialPlatform?: AddablePlatform }) {
  const router = useRouter();
  const t = useTranslations('dashboard');
  const handleError = useHandleError();
  const [platform, setPlatform] = useState<AddablePlatform>(initialPlatform);
  const [value, setValue] = useState(initialHandle);
  const [error, setError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (body: { handle: string; platform: AddablePlatform }) => fetchJson<{ accountId: string }>('/api/dashboard/accounts', { method: 'POST', body: JSON.stringify(body) }),
    onSuccess: ({ accountId }) => router.push(`/dashboard/accounts/${accountId}`),
    onError: (caught) => setError(caught.message),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (platform === 'bilibili') {
      if (!value.trim()) return setError(t('addAccount.bilibiliEmpty'));
      setError(null);
      return add.mutate({ handle: value.trim(), platform });
    }
    const parsed = parseHandle(value);
    if (!parsed.ok) return setError(handleError(parsed));
    setError(null);
    add.mutate({ handle: parsed.handle, platform });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2" noValidate>
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="sr-only">{t('addAccount.platform')}</legend>
        {PLATFORMS.map((option) => (
          <label key={option} className="cursor-pointer rounded-full border border-line px-3 py-1 text-sm has-checked:border-accent-2 has-checked:bg-accent-2/15 has-checked:font-semibold has-focus-visible:outline-2 has-focus-visible:outline-accent-2">
            <input
              type="radio"
              name="add-platform"
              value={option}
              checked={platform === option}
              onChange={() => {
                setPlatform(option);
                setError(null);
              }}
              className="sr-only"
            />
            {t('channel.platform', { platform: option })}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-col gap-2 sm:flex-row">
        <label className="sr-only" htmlFor="add-account">
          {platform === 'bilibili' ? t('addAccount.bilibiliLabel') : t('addAccount.label')}
        </label>
        <input
          id="add-account"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={platform === 'bilibili' ? t('addAccount.bilibiliPlaceholder') : '@username'}
          inputMode={platform === 'bilibili' ? 'url' : undefined}
          autoComplete="off"
          autoCapitalize="none"
          aria-invalid={error ? true : undefined}
          aria-describedby={platform === 'bilibili' ? 'add-account-hint' : undefined}
          className="min-w-0 flex-1 rounded-lg border border-line bg-panel px-3 py-2"
        />
        <button type="submit" disabled={add.isPending} className="rounded-lg bg-accent-strong px-4 py-2 font-semibold hover:opacity-90 disabled:opacity-60">
          {add.isPending ? t('addAccount.pending') : t('addAccount.submit')}
        </button>
      </div>
      {platform === 'bilibili' && (
        <p id="add-account-hint" className="text-sm text-muted">
          {t('addAccount.bilibiliHint')}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-accent">
          {error}
        </p>
      )}
    </form>
  );
}
