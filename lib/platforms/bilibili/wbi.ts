// Bilibili's "wbi" query signature, which its web API asks of getDanmuInfo callers since 2024 (answering
// -352 without it), and the anonymous browser id (buvid3) it expects beside it. The algorithm is the one the
// web client runs (documented by the bilibili-API-collect project; its test vector is in wbi.test.ts):
// 1. the nav endpoint names two keys in its `wbi_img` URLs (the file names, without extension);
// 2. their concatenation, reordered by MIXIN_KEY_ENC_TAB and cut to 32 characters, is the mixin key;
// 3. the query with `wts` (unix seconds) added, sorted by name, values stripped of !'()* and URI-encoded,
//    followed by the mixin key, hashed with MD5, is `w_rid`.
import { createHash } from 'node:crypto';

const MIXIN_KEY_ENC_TAB = [
  46, 47, 18, 2, 53, 8, 23, 32, 15, 50, 10, 31, 58, 3, 45, 35, 27, 43, 5, 49, 33, 9, 42, 19, 29, 28, 14, 39, 12, 38, 41, 13, 37, 48, 7, 16, 24, 55, 40, 61, 26, 17, 0, 1, 60, 51, 30, 4, 22, 25, 54,
  21, 56, 59, 6, 63, 57, 62, 11, 36, 20, 34, 44, 52,
];

export function wbiMixinKey(imgKey: string, subKey: string): string {
  const raw = imgKey + subKey;
  return MIXIN_KEY_ENC_TAB.map((index) => raw[index] ?? '')
    .join('')
    .slice(0, 32);
}

/** The two keys in the nav endpoint's `data.wbi_img` (…/bfs/wbi/<key>.png), or null when they are not there. */
export function wbiKeysFromNav(data: Record<string, unknown>): { imgKey: string; subKey: string } | null {
  const img = typeof data.wbi_img === 'object' && data.wbi_img !== null ? (data.wbi_img as Record<string, unknown>) : {};
  const key = (url: unknown) => (typeof url === 'string' ? (/\/([0-9a-zA-Z]{16,64})\.[a-z]+$/.exec(url)?.[1] ?? null) : null);
  const imgKey = key(img.img_url);
  const subKey = key(img.sub_url);
  return imgKey && subKey ? { imgKey, subKey } : null;
}

/** `params` as a signed query string: the params and `wts` sorted by name, then `w_rid`. */
export function signWbiQuery(params: Record<string, string | number>, mixinKey: string, wts = Math.round(Date.now() / 1000)): string {
  const query = Object.entries({ ...params, wts })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value).replace(/[!'()*]/g, ''))}`)
    .join('&');
  const wRid = createHash('md5')
    .update(query + mixinKey)
    .digest('hex');
  return `${query}&w_rid=${wRid}`;
}
