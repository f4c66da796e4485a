'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { fetchJson } from '@/lib/query-client';

type Props = { accountId: string; handle: string; verificationCode: string | null; verified: boolean; tracked: boolean };

export function StatusActions({ accountId, handle, verificationCode, verified, tracked }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const check = useMutation({ mutationFn: () => fetchJson(`/api/dashboard/accounts/${accountId}/check`, { method: 'POST' }), onSuccess: () => setMessage('Asked the worker to check now.'), onError: (e) => setMessage(e.message) });
  const verify = useMutation({
    mutationFn: () => fetchJson<{ verified: boolean; message: string }>(`/api/dashboard/accounts/${accountId}/verify`, { method: 'POST' }),
    onSuccess: (result) => {
      setMessage(result.message);
      if (result.verified) router.refresh();
    },
    onError: (e) => setMessage(e.message),
  });
  const remove = useMutation({ mutationFn: () => fetchJson(`/api/dashboard/accounts/${accountId}`, { method: 'DELETE' }), onSuccess: () => router.push('/dashboard'), onError: (e) => setMessage(e.message) });
  return (
    <div className="flex flex-col gap-4">
      <Card title="Actions">
        <div className="flex flex-col gap-2">
          <button type="button" disabled={!tracked || check.isPending} onClick={() => check.mutate()} className="rounded-lg border border-line px-3 py-2 font-semibold hover:bg-panel-2 disabled:opacity-50">
            Check now
          </button>
          {confirming ? (
            <div className="flex gap-2">
              <button type="button" onClick={() => remove.mutate()} className="flex-1 rounded-lg bg-accent px-3 py-2 font-semibold">
                Remove @{handle}
              </button>
              <button type="button" onClick={() => setConfirming(false)} className="rounded-lg border border-line px-3 py-2">
                Keep
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirming(true)} className="rounded-lg border border-accent/60 px-3 py-2 text-accent hover:bg-accent/10">
              Remove from dashboard
            </button>
          )}
        </div>
        {message && (
          <p role="status" className="mt-2 text-sm text-muted">
            {message}
          </p>
        )}
      </Card>
      <Card title="Ownership">
        {verified ? (
          <p className="text-sm text-emerald-400">Confirmed: this is your account.</p>
        ) : (
          <div className="flex flex-col gap-2 text-sm">
            <p className="text-muted">
              Optional: to show you manage @{handle}, put <code className="rounded bg-panel-2 px-1 text-white">{verificationCode ?? 'the code'}</code> anywhere in its TikTok bio, then:
            </p>
            <button type="button" disabled={verify.isPending} onClick={() => verify.mutate()} className="rounded-lg border border-line px-3 py-2 font-semibold hover:bg-panel-2 disabled:opacity-50">
              {verify.isPending ? 'Reading the bio…' : 'Check the bio'}
            </button>
          </div>
        )}
      </Card>
    </div>
  );
}
