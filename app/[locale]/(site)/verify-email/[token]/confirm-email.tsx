'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { Notice } from '@/components/ui/card';
import { fetchJson } from '@/lib/query-client';

export function ConfirmEmailButton({ token }: { token: string }) {
  const confirm = useMutation({ mutationFn: () => fetchJson<{ verified: string; email: string }>('/api/auth/verify-email', { method: 'POST', body: JSON.stringify({ token }) }) });
  if (confirm.data) {
    return (
      <div className="flex flex-col gap-3 text-sm">
        <Notice>{confirm.data.verified === 'new-address' ? `Done: your account now uses ${confirm.data.email}.` : `Thank you: ${confirm.data.email} is confirmed.`}</Notice>
        <Link href="/dashboard" className="text-muted hover:text-white">
          Go to the dashboard
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p className="text-muted">One click confirms that the address this link was sent to is yours.</p>
      <button type="button" onClick={() => confirm.mutate()} disabled={confirm.isPending} className="self-start rounded-lg bg-accent px-4 py-2 font-semibold disabled:opacity-60">
        {confirm.isPending ? 'Confirming…' : 'Confirm my address'}
      </button>
      {confirm.error && (
        <p role="alert" className="text-accent">
          {confirm.error.message}
        </p>
      )}
    </div>
  );
}
