// The user's overlays grouped by account: kind, name, status, Copy URL and a link to the editor.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { ChannelLabel } from '@/components/ui/channel-label';
import { formatObsSize, OBS_SIZES, OVERLAY_KIND_ICONS } from '@/lib/overlays/editor';
import type { OverlaySummary } from '@/lib/overlays/manage';
import { channelName, type ChannelNaming } from '@/lib/platforms/naming';
import { useKindLabels } from './kind-labels';
import { CopyUrlButton } from './overlay-url';

const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;

export function StatusBadge({ revoked }: { revoked: boolean }) {
  const t = useTranslations('overlayEditor');
  return revoked ? (
    <span className="rounded-full border border-amber-400/50 bg-amber-400/10 px-2 py-0.5 text-xs font-semibold text-amber-300">{t('status.revoked')}</span>
  ) : (
    <span className="rounded-full border border-emerald-400/40 bg-emerald-400/10 px-2 py-0.5 text-xs font-semibold text-emerald-300">{t('status.active')}</span>
  );
}

type AccountGroup = { accountId: string; channel: ChannelNaming; overlays: OverlaySummary[] };

function groupByAccount(overlays: OverlaySummary[]): AccountGroup[] {
  const groups = new Map<string, AccountGroup>();
  for (const overlay of overlays) {
    const group = groups.get(overlay.accountId) ?? { accountId: overlay.accountId, channel: { platform: overlay.platform, handle: overlay.handle, nickname: overlay.nickname }, overlays: [] };
    group.overlays.push(overlay);
    groups.set(overlay.accountId, group);
  }
  return [...groups.values()].sort((a, b) => a.channel.handle.localeCompare(b.channel.handle));
}

export function OverlayList({ overlays, fallbackOrigin }: { overlays: OverlaySummary[]; fallbackOrigin: string }) {
  const t = useTranslations('overlayEditor');
  const labels = useKindLabels();
  return (
    <div className="flex flex-col gap-4">
      {groupByAccount(overlays).map((group) => (
        <Card
          key={group.accountId}
          title={<ChannelLabel channel={group.channel} />}
          action={
            <Link href={`/dashboard/overlays?account=${group.accountId}#new-overlay`} className="shrink-0 whitespace-nowrap text-sm text-muted hover:text-white">
              {t.rich('list.addOverlay', { channel: channelName(group.channel), sr })}
            </Link>
          }
        >
          <ul className="flex flex-col gap-2" aria-label={t('list.overlaysOf', { channel: channelName(group.channel) })}>
            {group.overlays.map((overlay) => (
              <li key={overlay.id} className="flex flex-col gap-3 rounded-lg bg-panel-2 p-3 sm:flex-row sm:items-center" data-testid="overlay-row">
                <div className="flex min-w-0 flex-1 items-center gap-3">
                  <span aria-hidden className="text-2xl">
                    {OVERLAY_KIND_ICONS[overlay.kind]}
                  </span>
                  <div className="min-w-0">
                    <Link href={`/dashboard/overlays/${overlay.id}`} className="block truncate font-semibold hover:underline">
                      {overlay.name}
                    </Link>
                    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
                      <span>{labels[overlay.kind].name}</span>
                      <span aria-hidden>·</span>
                      <span>{t('list.obsSize', { size: formatObsSize(OBS_SIZES[overlay.kind]) })}</span>
                      <StatusBadge revoked={overlay.revoked} />
                    </p>
                  </div>
                </div>
                <div className="flex gap-2 sm:shrink-0">
                  {overlay.token ? <CopyUrlButton token={overlay.token} fallbackOrigin={fallbackOrigin} name={overlay.name} /> : <span className="self-center text-xs text-muted">{t('list.urlOff')}</span>}
                  <Link href={`/dashboard/overlays/${overlay.id}`} className="inline-flex min-h-10 items-center rounded-lg border border-line px-3 text-sm font-semibold hover:bg-panel">
                    {t.rich('list.edit', { name: overlay.name, sr })}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
