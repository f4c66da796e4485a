'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { fetchJson } from '@/lib/query-client';

export function AcceptInviteButton({ token }: { token: string }) {
  const router = useRouter();
  const t = useTranslations('authFlows');
  const accept = useMutation({
    mutationFn: () => fetchJson(`/api/invites/${encodeURIComponent(token)}/accept`, { method: 'POST' }),
    onSuccess: () => {
      router.push('/dashboard');
      router.refresh();
    },
  });
  return (
    <div className="flex flex-col gap-2">
      <button type="button" onClick={() => accept.mutate()} disabled={accept.isPending} className="self-start rounded-lg bg-accent-strong px-4 py-2 font-semibold disabled:opacity-60">
        {accept.isPending ? t('invite.joining') : t('invite.join')}
      </button>
      {accept.error && (
        <p role="alert" className="text-accent">
          {accept.error.message}
        </p>
      )}
    </div>
  );
}
