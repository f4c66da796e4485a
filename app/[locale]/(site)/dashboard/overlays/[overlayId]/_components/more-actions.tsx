'use client';

// What else can be done with an overlay: reset a leaderboard's board, delete the overlay. (The Q&A host
// panel link sits in the editor's header, where a host looks for it.)
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Notice } from '@/components/ui/card';
import { requestErrorMessage } from '@/lib/overlays/editor';
import type { OverlaySummary } from '@/lib/overlays/manage';
import { fetchJson } from '@/lib/query-client';
import { ConfirmAction } from './confirm-action';

export function MoreActions({ overlay, unsaved }: { overlay: OverlaySummary; unsaved: boolean }) {
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const reset = useMutation({
    mutationFn: () => fetchJson<{ session: { id: string } }>('/api/games/sessions', { method: 'POST', body: JSON.stringify({ overlayId: overlay.id }) }),
    onSuccess: () => setNotice('A fresh board has started. Points count from now on.'),
  });
  const remove = useMutation({
    mutationFn: () => fetchJson(`/api/overlays/${overlay.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      router.push('/dashboard/overlays');
      router.refresh();
    },
  });
  return (
    <section aria-labelledby="more-title" className="flex flex-col gap-4 rounded-xl border border-line bg-panel p-4 sm:p-5">
      <h2 id="more-title" className="font-semibold">
        More
      </h2>
      {overlay.kind === 'LEADERBOARD' && (
        <div className="flex flex-col gap-2 text-sm">
          <p className="text-muted">Start over during a LIVE, e.g. for a new round.</p>
          <div>
            <ConfirmAction
              label="Reset board"
              title="Start a fresh board?"
              confirmLabel="Reset board"
              pendingLabel="Resetting…"
              onConfirm={() => reset.mutateAsync()}
              error={reset.error ? requestErrorMessage(reset.error) : null}
            >
              <p>Everyone’s points go back to 0 on the overlay at once. The new board uses the saved scoring rules{unsaved ? ' — save your changes first if you want it to use them' : ''}.</p>
            </ConfirmAction>
          </div>
          {notice && <Notice>{notice}</Notice>}
        </div>
      )}
      <div className={`flex flex-col gap-2 text-sm ${overlay.kind === 'LEADERBOARD' ? 'border-t border-line pt-4' : ''}`}>
        <div>
          <ConfirmAction label="Delete overlay" title={`Delete “${overlay.name}”?`} confirmLabel="Delete for good" pendingLabel="Deleting…" onConfirm={() => remove.mutateAsync()} error={remove.error ? requestErrorMessage(remove.error) : null}>
            <p>The overlay and its settings are deleted and its URL stops working at once; OBS sources using it go blank. This cannot be undone.</p>
          </ConfirmAction>
        </div>
      </div>
    </section>
  );
}
