'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Notice } from '@/components/ui/card';
import { fetchJson } from '@/lib/query-client';

export function UnsubscribeButton({ token }: { token: string }) {
  const t = useTranslations('authFlows');
  const off = useMutation({ mutationFn: () => fetchJson<{ channel?: string }>(`/api/notifications/unsubscribe/${encodeURIComponent(token)}`, { method: 'POST' }) });
  if (off.isSuccess) return <Notice>{t('unsubscribe.done')}</Notice>;
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p className="text-muted">{t('unsubscribe.intro')}</p>
      <button type="button" onClick={() => off.mutate()} disabled={off.isPending} className="self-start rounded-lg bg-accent-strong px-4 py-2 font-semibold disabled:opacity-60">
        {t('unsubscribe.submit')}
      </button>
      {off.error && (
        <p role="alert" className="text-accent">
          {off.error.message}
        </p>
      )}
    </div>
  );
}
