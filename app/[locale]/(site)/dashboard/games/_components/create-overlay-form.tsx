'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { usePlatformName } from '@/components/ui/channel-label';
import { channelOptionText, type ChannelNaming } from '@/lib/platforms/naming';
import { fetchJson } from '@/lib/query-client';
import { useExplainError } from './error-words';

type AccountOption = ChannelNaming & { id: string };

/** Creates a Q&A overlay for one of the user's accounts and selects it. */
export function CreateOverlayForm({ accounts }: { accounts: AccountOption[] }) {
  const t = useTranslations('games');
  const explainError = useExplainError();
  const platformName = usePlatformName();
  const router = useRouter();
  const selectId = useId();
  const [accountId, setAccountId] = useState(accounts[0]?.id ?? '');
  // New overlays write in the dashboard's language (changeable in the editor).
  const language = useLocale();
  const create = useMutation({
    mutationFn: (input: { accountId: string }) => fetchJson<{ overlay: { id: string } }>('/api/overlays', { method: 'POST', body: JSON.stringify({ accountId: input.accountId, kind: 'QA_GAME', language }) }),
    onSuccess: ({ overlay }) => {
      router.push(`/dashboard/games?overlay=${overlay.id}`);
      router.refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (accountId) create.mutate({ accountId });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <label htmlFor={selectId} className="flex flex-col gap-1 text-sm">
          {t('createOverlay.account')}
          <select id={selectId} value={accountId} onChange={(e) => setAccountId(e.target.value)} className="min-h-12 rounded-lg border border-line bg-panel px-3 text-base">
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {channelOptionText(a, platformName(a.platform), ' · ')}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!accountId || create.isPending} className="min-h-12 rounded-lg bg-accent-strong px-5 font-semibold hover:opacity-90 disabled:opacity-60">
          {create.isPending ? t('createOverlay.creating') : t('createOverlay.submit')}
        </button>
      </div>
      {create.error && (
        <p role="alert" className="text-sm text-accent">
          {explainError(create.error)}
        </p>
      )}
    </form>
  );
}
