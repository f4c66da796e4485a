'use client';

import { useMutation } from '@tanstack/react-query';
import { Notice } from '@/components/ui/card';
import { fetchJson } from '@/lib/query-client';

export function UnsubscribeButton({ token }: { token: string }) {
  const off = useMutation({ mutationFn: () => fetchJson<{ channel?: string }>(`/api/notifications/unsubscribe/${encodeURIComponent(token)}`, { method: 'POST' }) });
  if (off.isSuccess) return <Notice>Done: this address gets no more notifications from this channel. A member of the workspace can turn it back on in Notifications.</Notice>;
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p className="text-muted">This stops the LiveLens notifications (went live, live ended, gift spikes) that came with this link. Password resets and receipts still reach you.</p>
      <button type="button" onClick={() => off.mutate()} disabled={off.isPending} className="self-start rounded-lg bg-accent px-4 py-2 font-semibold disabled:opacity-60">
        Turn them off
      </button>
      {off.error && (
        <p role="alert" className="text-accent">
          {off.error.message}
        </p>
      )}
    </div>
  );
}
