// How to add an overlay to OBS, and the source size we suggest per kind. Server-rendered.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { formatObsSize, OBS_SIZES, OVERLAY_KIND_ICONS } from '@/lib/overlays/editor';
import { OVERLAY_KINDS, type OverlayKind } from '@/lib/overlays/settings';
import { useKindLabels } from './kind-labels';

const strong = (chunks: ReactNode) => <strong className="text-white">{chunks}</strong>;

export function ObsSteps({ kind }: { kind?: OverlayKind }) {
  const t = useTranslations('overlayEditor');
  return (
    <ol className="flex list-decimal flex-col gap-1 pl-5 text-sm text-muted marker:text-white">
      <li>{t('guide.copy')}</li>
      <li>{t.rich('guide.addSource', { strong })}</li>
      <li>{kind ? t.rich('guide.sizeOf', { size: formatObsSize(OBS_SIZES[kind]), strong }) : t('guide.sizeSuggested')}</li>
      <li>{t('guide.place')}</li>
    </ol>
  );
}

export function ObsSizeTable() {
  const t = useTranslations('overlayEditor');
  const labels = useKindLabels();
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-1 text-left text-xs text-muted">{t('guide.sizesCaption')}</caption>
      <tbody>
        {OVERLAY_KINDS.map((kind) => (
          <tr key={kind} className="border-t border-line">
            <th scope="row" className="py-1.5 pr-2 font-normal">
              <span aria-hidden>{OVERLAY_KIND_ICONS[kind]} </span>
              {labels[kind].name}
            </th>
            <td className="py-1.5 text-right tabular-nums text-muted">{formatObsSize(OBS_SIZES[kind])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
