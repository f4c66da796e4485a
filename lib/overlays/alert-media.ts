// Which media files an alerts overlay gets ready when it loads (browser-safe). The variations name them, so
// the page need not wait for the first alert to fetch them: fetched then, on the streamer's machine, a file
// competes with the alert it belongs to for the network and the processor. Pictures (GIFs included) are
// loaded and decoded as images; sounds and videos are only fetched into the browser's HTTP cache (the media
// route answers with a year's immutable caching), since a media element kept ready would hold a decoder.
import type { AlertVariation } from '@/lib/overlays/variations';

export type AlertMediaPreload = { mediaId: string; as: 'image' | 'media' };

/** Each file of the enabled variations once, in the variations' order (the first ones are tried first). */
export function alertMediaToPreload(variations: readonly AlertVariation[]): AlertMediaPreload[] {
  const seen = new Set<string>();
  const list: AlertMediaPreload[] = [];
  const add = (mediaId: string, as: AlertMediaPreload['as']) => {
    if (!mediaId || seen.has(mediaId)) return;
    seen.add(mediaId);
    list.push({ mediaId, as });
  };
  for (const v of variations) {
    if (!v.enabled) continue;
    if (v.visualId) add(v.visualId, v.visualKind === 'IMAGE' ? 'image' : 'media');
    if (v.sound === 'media') add(v.soundId, 'media');
  }
  return list;
}
