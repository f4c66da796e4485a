'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Notice } from '@/components/ui/card';
import { fetchJson } from '@/lib/query-client';

export function ConfirmEmailButton({ token }: { token: string }) {
  const t = useTranslations('authFlows');
  const confirm = useMutation({ mutationFn: () => fetchJson<{ verified: string; email: string }>('/api/auth/verify-email', { method: 'POST', body: JSON.stringify({ token }) }) });
  if (confirm.data) {
    return (
      <div className="flex flex-col gap-3 text-sm">
        <Notice>{confirm.data.verified === 'new-address' ? t('verify.changed', { email: confirm.data.email }) : t('verify.confirmed', { email: confirm.data.email })}</Notice>
        <Link href="/dashboard" className="text-muted hover:text-white">
          {t('verify.toDashboard')}
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p className="text-muted">{t('verify.intro')}</p>
      <button type="button" onClick={() => confirm.mutate()} disabled={confirm.isPending} className="self-start rounded-lg bg-accent-strong px-4 py-2 font-semibold disabled:opacity-60">
        {confirm.isPending ? t('verify.confirming') : t('verify.submit')}
      </button>
      {confirm.error && (
        <p role="alert" className="text-accent">
          {confirm.error.message}
        </p>
      )}
    </div>
  );
}
