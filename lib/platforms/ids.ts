// Ids of viewers and gifts from platforms other than TikTok are stored with the platform's name in front
// (`bilibili:<uid>`, `bilibili:<gift id>`; docs/platforms.md), so they never meet TikTok's. This reads the
// platform back from such an id, wherever only the id travels (a realtime gift's user id).
import type { Platform } from '@/lib/platforms/events';

export const BILIBILI_ID_PREFIX = 'bilibili:';

/** The platform an id of a viewer or gift belongs to: `bilibili:…` is Bilibili's, anything else TikTok's. */
export function platformOfId(id: string): Platform {
  return id.startsWith(BILIBILI_ID_PREFIX) ? 'bilibili' : 'tiktok';
}

/** An id as its own platform writes it, without our namespace: `bilibili:12345` → `12345`; TikTok's as it is. */
export function platformLocalId(id: string): string {
  return id.startsWith(BILIBILI_ID_PREFIX) ? id.slice(BILIBILI_ID_PREFIX.length) : id;
}
