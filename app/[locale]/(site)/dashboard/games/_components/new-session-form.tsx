'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { fetchJson } from '@/lib/query-client';
import { useExplainError } from './error-words';

/** Starts a new session on the overlay (ending its open one) and opens the host panel. */
export function NewSessionForm({ overlayId, disabled = false }: { overlayId: string; disabled?: boolean }) {
  const t = useTranslations('games');
  const explainError = useExplainError();
  const router = useRouter();
  const nameId = useId();
  const [name, setName] = useState('');
  const start = useMutation({
    mutationFn: (input: { overlayId: string; name?: string }) => fetchJson<{ session: { id: string } }>('/api/games/sessions', { method: 'POST', body: JSON.stringify(input) }),
    onSuccess: ({ session }) => router.push(`/dashboard/games/${session.id}`),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate({ overlayId, ...(name.trim() ? { name: name.trim() } : {}) });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <label htmlFor={nameId} className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
          {t('newSession.name')}
          <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} placeholder={t('newSession.placeholder')} autoComplete="off" className="min-h-12 rounded-lg border border-line bg-panel px-3 text-base" />
        </label>
        <button type="submit" disabled={disabled || start.isPending} className="min-h-12 rounded-lg bg-accent-strong px-6 text-lg font-semibold hover:opacity-90 disabled:opacity-60">
          {start.isPending ? t('newSession.starting') : t('newSession.submit')}
        </button>
      </div>
      <p className="text-sm text-muted">{t('newSession.hint')}</p>
      {start.error && (
        <p role="alert" className="text-sm text-accent">
          {explainError(start.error)}
        </p>
      )}
    </form>
  );
}
