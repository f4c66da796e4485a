'use client';

// Creates an overlay: which account, what it shows (a card per kind), the theme it starts from, an optional
// name. On success the editor opens, where the URL is ready to copy.
import { useLocale, useTranslations } from 'next-intl';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { OverlaySummary } from '@/lib/overlays/manage';
import { formatObsSize, OBS_SIZES, OVERLAY_KIND_ICONS } from '@/lib/overlays/editor';
import { OVERLAY_KINDS, type OverlayKind } from '@/lib/overlays/settings';
import { fetchJson } from '@/lib/query-client';
import { AccountSelect, type AccountOption } from './account-select';
import { useKindLabels } from './kind-labels';
import { ThemePicker } from './theme-picker';
import { channelName } from '@/lib/platforms/naming';


const NAME_MAX = 80;

const muted = (chunks: ReactNode) => <span className="font-normal text-muted">{chunks}</span>;

export function CreateOverlayForm({ accounts, initialAccountId }: { accounts: AccountOption[]; initialAccountId?: string }) {
  const router = useRouter();
  const t = useTranslations('overlayEditor');
  const labels = useKindLabels();
  const ids = { account: useId(), name: useId(), error: useId() };
  const [accountId, setAccountId] = useState(() => accounts.find((a) => a.id === initialAccountId)?.id ?? accounts[0]?.id ?? '');
  const [kind, setKind] = useState<OverlayKind | null>(null);
  const [name, setName] = useState('');
  const [themeId, setThemeId] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  // New overlays write in the dashboard's language (changeable in the editor).
  const language = useLocale();
  const create = useMutation({
    mutationFn: (input: { accountId: string; kind: OverlayKind; name?: string; themeId?: string }) => fetchJson<{ overlay: OverlaySummary }>('/api/overlays', { method: 'POST', body: JSON.stringify({ ...input, language }) }),
    onSuccess: ({ overlay }) => router.push(`/dashboard/overlays/${overlay.id}?created=1`),
  });
  const account = accounts.find((a) => a.id === accountId);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!kind) {
      setLocalError(t('create.chooseKind'));
      document.getElementById(`kind-${OVERLAY_KINDS[0]}`)?.focus();
      return;
    }
    setLocalError(null);
    create.mutate({ accountId, kind, ...(name.trim() ? { name: name.trim() } : {}), ...(themeId ? { themeId } : {}) });
  };

  const error = localError ?? (create.error ? t('create.failed', { message: create.error.message.replace(/^\w+: /, '') }) : null);
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate aria-describedby={error ? ids.error : undefined}>
      <AccountSelect id={ids.account} label={t('create.account')} accounts={accounts} value={accountId} onChange={setAccountId} />

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-medium">{t('create.whatItShows')}</legend>
        <div className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
          {OVERLAY_KINDS.map((k) => (
            <label
              key={k}
              className="flex min-h-11 cursor-pointer gap-3 rounded-xl border border-line bg-panel-2 p-3 hover:border-muted has-[:checked]:border-accent has-[:checked]:bg-accent/10 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent-2"
            >
              <input id={`kind-${k}`} type="radio" name="kind" value={k} checked={kind === k} onChange={() => { setKind(k); setThemeId(''); setLocalError(null); }} className="sr-only" />
              <span aria-hidden className="text-2xl leading-none">
                {OVERLAY_KIND_ICONS[k]}
              </span>
              <span className="flex min-w-0 flex-col gap-0.5">
                <span className="font-semibold">{labels[k].name}</span>
                <span className="text-xs text-muted">{labels[k].description}</span>
                <span className="text-xs text-muted">{t('create.obsSize', { size: formatObsSize(OBS_SIZES[k]) })}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {kind && <ThemePicker kind={kind} value={themeId} onChange={setThemeId} />}

      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={ids.name} className="font-medium">
          {t.rich('create.name', { muted })}
        </label>
        <input
          id={ids.name}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={NAME_MAX}
          autoComplete="off"
          placeholder={kind && account ? `${labels[kind].name} · ${channelName(account)}` : t('create.namePlaceholder')}
          className="min-h-11 rounded-lg border border-line bg-panel-2 px-3 sm:max-w-sm"
        />
      </div>

      {error && (
        <p id={ids.error} role="alert" className="text-sm text-accent">
          {error}
        </p>
      )}
      <div>
        <button type="submit" disabled={create.isPending || create.isSuccess} className="min-h-11 rounded-lg bg-accent-strong px-5 font-semibold hover:opacity-90 disabled:opacity-60">
          {create.isPending || create.isSuccess ? t('create.creating') : t('create.submit')}
        </button>
      </div>
    </form>
  );
}
