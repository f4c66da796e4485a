'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { fetchJson } from '@/lib/query-client';
import { parseHandle } from '@/lib/tiktok/handle';
import { useHandleError } from '@/components/lookup/handle-error';

export function AddAccountForm({ initialHandle }: { initialHandle: string }) {
  const router = useRouter();
  const t = useTranslations('dashboard');
  const handleError = useHandleError();
  const [value, setValue] = useState(initialHandle);
  const [error, setError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (handle: string) => fetchJson<{ accountId: string }>('/api/dashboard/accounts', { method: 'POST', body: JSON.stringify({ handle }) }),
    onSuccess: ({ accountId }) => router.push(`/dashboard/accounts/${accountId}`),
    onError: (caught) => setError(caught.message),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseHandle(value);
    if (!parsed.ok) return setError(handleError(parsed));
    setError(null);
    add.mutate(parsed.handle);
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2" noValidate>
      <div className="flex flex-col gap-2 sm:flex-row">
        <label className="sr-only" htmlFor="add-account">
          {t('addAccount.label')}
        </label>
        <input id="add-account" value={value} onChange={(e) => setValue(e.target.value)} placeholder="@username" autoComplete="off" autoCapitalize="none" aria-invalid={error ? true : undefined} className="min-w-0 flex-1 rounded-lg border border-line bg-panel px-3 py-2" />
        <button type="submit" disabled={add.isPending} className="rounded-lg bg-accent-strong px-4 py-2 font-semibold hover:opacity-90 disabled:opacity-60">
          {add.isPending ? t('addAccount.pending') : t('addAccount.submit')}
        </button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-accent">
          {error}
        </p>
      )}
    </form>
  );
}
