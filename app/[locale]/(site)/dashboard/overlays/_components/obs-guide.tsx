// How to add an overlay to OBS, and the source size we suggest per kind. Server-rendered.
import { formatObsSize, OBS_SIZES, OVERLAY_KIND_ICONS } from '@/lib/overlays/editor';
import { OVERLAY_KIND_LABELS, OVERLAY_KINDS, type OverlayKind } from '@/lib/overlays/settings';

export function ObsSteps({ kind }: { kind?: OverlayKind }) {
  return (
    <ol className="flex list-decimal flex-col gap-1 pl-5 text-sm text-muted marker:text-white">
      <li>Copy the overlay’s URL.</li>
      <li>
        In OBS, under <strong className="text-white">Sources</strong>, press <strong className="text-white">+</strong> and choose <strong className="text-white">Browser</strong>.
      </li>
      <li>
        Paste the URL and set the width and height{kind ? <> to <strong className="text-white">{formatObsSize(OBS_SIZES[kind])}</strong></> : ' to the suggested size'}.
      </li>
      <li>Place it on your scene. Its background is transparent; only the overlay shows.</li>
    </ol>
  );
}

export function ObsSizeTable() {
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-1 text-left text-xs text-muted">Suggested browser-source sizes (width × height)</caption>
      <tbody>
        {OVERLAY_KINDS.map((kind) => (
          <tr key={kind} className="border-t border-line">
            <th scope="row" className="py-1.5 pr-2 font-normal">
              <span aria-hidden>{OVERLAY_KIND_ICONS[kind]} </span>
              {OVERLAY_KIND_LABELS[kind].name}
            </th>
            <td className="py-1.5 text-right tabular-nums text-muted">{formatObsSize(OBS_SIZES[kind])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
