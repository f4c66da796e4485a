'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { fetchJson } from '@/lib/query-client';

export function TestPayButton({ orderId }: { orderId: string }) {
  const t = useTranslations('checkout');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pay = async () => {
    setBusy(true);
    try {
      await fetchJson(`/api/checkout/${orderId}/test-payment`, { method: 'POST' });
      router.push(`/checkout/success?order=${orderId}`);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : t('testFailed'));
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void pay()} disabled={busy} className="w-full rounded-lg bg-accent-strong px-4 py-2.5 font-semibold hover:opacity-90 disabled:opacity-60">
        {busy ? t('completing') : t('completeTest')}
      </button>
      {error && (
        <p role="alert" className="mt-2 text-sm text-accent">
          {error}
        </p>
      )}
    </>
  );
}
