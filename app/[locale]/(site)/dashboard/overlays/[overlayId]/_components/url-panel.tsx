'use client';

// "Add to OBS": the overlay's URL with Copy, the suggested source size and steps, and the two ways to
// stop a URL: regenerate (a new one replaces it) and revoke (off until regenerated).
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Notice } from '@/components/ui/card';
import { formatObsSize, OBS_SIZES, requestErrorMessage } from '@/lib/overlays/editor';
import type { OverlaySummary } from '@/lib/overlays/manage';
import { fetchJson } from '@/lib/query-client';
import { ObsSteps } from '../../_components/obs-guide';
import { OverlayUrlField } from '../../_components/overlay-url';
import { ConfirmAction } from './confirm-action';

type Props = { overlay: OverlaySummary; fallbackOrigin: string; onChange: (overlay: OverlaySummary) => void };

export function UrlPanel({ overlay, fallbackOrigin, onChange }: Props) {
  const [notice, setNotice] = useState<string | null>(null);
  const post = (action: 'token' | 'revoke') => fetchJson<{ overlay: OverlaySummary }>(`/api/overlays/${overlay.id}/${action}`, { method: 'POST' });
  const regenerate = useMutation({
    mutationFn: () => post('token'),
    onSuccess: ({ overlay: updated }) => {
      onChange(updated);
      setNotice(overlay.revoked ? 'The overlay is on again with a new URL. Paste it into OBS.' : 'New URL ready. The old one has stopped working: paste the new one into OBS.');
    },
  });
  const revoke = useMutation({
    mutationFn: () => post('revoke'),
    onSuccess: ({ overlay: updated }) => {
      onChange(updated);
      setNotice(null);
    },
  });
  const size = formatObsSize(OBS_SIZES[overlay.kind]);

  return (
    <section aria-labelledby="obs-title" className="flex flex-col gap-4 rounded-xl border border-line bg-panel p-4 sm:p-5">
      <h2 id="obs-title" className="font-semibold">
        Add to OBS
      </h2>
      {overlay.token ? (
        <>
          <OverlayUrlField token={overlay.token} fallbackOrigin={fallbackOrigin} />
          <p className="text-sm">
            Suggested browser-source size: <strong data-testid="obs-size">{size}</strong> <span className="text-muted">(width × height)</span>
          </p>
          <details className="group text-sm">
            <summary className="min-h-11 cursor-pointer content-center font-semibold text-muted hover:text-white">How to add it to OBS</summary>
            <div className="pt-1">
              <ObsSteps kind={overlay.kind} />
            </div>
          </details>
        </>
      ) : (
        <Notice tone="warn">This overlay is revoked: its URL shows nothing in OBS. Regenerate the URL to turn it back on — you will paste the new URL into OBS.</Notice>
      )}
      {notice && <Notice>{notice}</Notice>}
      <div className="flex flex-col gap-2 border-t border-line pt-4">
        <p className="text-xs text-muted">If the URL leaked (shown on stream, shared by mistake), replace it:</p>
        <div className="flex flex-wrap gap-2">
          <ConfirmAction
            label={overlay.revoked ? 'Turn on with a new URL' : 'Regenerate URL'}
            title={overlay.revoked ? 'Turn the overlay on with a new URL?' : 'Regenerate the URL?'}
            confirmLabel={overlay.revoked ? 'Turn on' : 'Regenerate URL'}
            pendingLabel="Regenerating…"
            tone={overlay.revoked ? 'normal' : 'danger'}
            onConfirm={() => regenerate.mutateAsync()}
            error={regenerate.error ? requestErrorMessage(regenerate.error) : null}
          >
            {overlay.revoked ? (
              <p>You get a new URL to paste into OBS. The old URL stays off.</p>
            ) : (
              <p>
                You get a new URL, and <strong className="text-white">the current one stops working at once</strong>: OBS sources using it go blank until you paste the new URL.
              </p>
            )}
          </ConfirmAction>
          {!overlay.revoked && (
            <ConfirmAction label="Revoke" title="Revoke this overlay’s URL?" confirmLabel="Revoke URL" pendingLabel="Revoking…" onConfirm={() => revoke.mutateAsync()} error={revoke.error ? requestErrorMessage(revoke.error) : null}>
              <p>
                <strong className="text-white">The URL stops working at once</strong> and the overlay disappears from OBS. Its settings are kept; “Turn on with a new URL” brings it back with a different URL.
              </p>
            </ConfirmAction>
          )}
        </div>
      </div>
    </section>
  );
}
