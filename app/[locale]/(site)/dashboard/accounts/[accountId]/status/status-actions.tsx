'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { channelName, type ChannelNaming } from '@/lib/platforms/naming';
import { fetchJson } from '@/lib/query-client';

type Props = { accountId: string; channel: ChannelNaming; verificationCode: string | null; verified: boolean; tracked: boolean };

export function StatusActions({ accountId, channel, verificationCode, verified, tracked }: Props) {
  const router = useRouter();
  const t = useTranslations('dashboard');
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const check = useMutation({ mutationFn: () => fetchJson(`/api/dashboard/accounts/${accountId}/check`, { method: 'POST' }), onSuccess: () => setMessage(t('monitoring.checkAsked')), onError: (e) => setMessage(e.message) });
  const verify = useMutation({
    mutationFn: () => fetchJson<{ verified: boolean; message: string }>(`/api/dashboard/accounts/${accountId}/verify`, { method: 'POST' }),
    onSuccess: (result) => {
      // The reason a check failed comes from the server, in the page's language.
      setMessage(result.verified ? t('monitoring.verifiedNow') : result.message);
      if (result.verified) router.refresh();
    },
    onError: (e) => setMessage(e.message),
  });
  const remove = useMutation({ mutationFn: () => fetchJson(`/api/dashboard/accounts/${accountId}`, { method: 'DELETE' }), onSuccess: () => router.push('/dashboard'), onError: (e) => setMessage(e.message) });
  return (
    <div className="flex flex-col gap-4">
      <Card title={t('monitoring.actions')}>
        <div className="flex flex-col gap-2">
          <button type="button" disabled={!tracked || check.isPending} onClick={() => check.mutate()} className="rounded-lg border border-line px-3 py-2 font-semibold hover:bg-panel-2 disabled:opacity-50">
            {t('monitoring.checkNow')}
          </button>
          {confirming ? (
            <div className="flex gap-2">
              <button type="button" onClick={() => remove.mutate()} className="flex-1 rounded-lg bg-accent-strong px-3 py-2 font-semibold">
                {t('monitoring.remove', { channel: channelName(channel) })}
              </button>
              <button type="button" onClick={() => setConfirming(false)} className="rounded-lg border border-line px-3 py-2">
                {t('monitoring.keep')}
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirming(true)} className="rounded-lg border border-accent/60 px-3 py-2 text-accent hover:bg-accent/10">
              {t('monitoring.removeAsk')}
            </button>
          )}
        </div>
        {message && (
          <p role="status" className="mt-2 text-sm text-muted">
            {message}
          </p>
        )}
      </Card>
      <Card title={t('monitoring.ownership')}>
        {verified ? (
          <p className="text-sm text-emerald-400">{t('monitoring.confirmed')}</p>
        ) : (
          // Where only the owner can put the code: a TikTok bio, a Bilibili live room's title.
          <div className="flex flex-col gap-2 text-sm">
            <p className="text-muted">
              {t.rich(channel.platform === 'bilibili' ? 'monitoring.howToBilibili' : 'monitoring.howTo', {
                handle: channel.handle,
                code: verificationCode ?? t('monitoring.theCode'),
                mono: (chunks) => <code className="rounded bg-panel-2 px-1 text-white">{chunks}</code>,
              })}
            </p>
            <button type="button" disabled={verify.isPending} onClick={() => verify.mutate()} className="rounded-lg border border-line px-3 py-2 font-semibold hover:bg-panel-2 disabled:opacity-50">
              {channel.platform === 'bilibili' ? (verify.isPending ? t('monitoring.readingTitle') : t('monitoring.checkTitle')) : verify.isPending ? t('monitoring.reading') : t('monitoring.checkBio')}
            </button>
          </div>
        )}
      </Card>
    </div>
  );
}
