// What a streamer pastes to name a Bilibili live room: the room number ("21144080", short numbers like "6"
// included), the room's link (live.bilibili.com/21144080, /h5/… and /blanc/… too), or the streamer's space
// link (space.bilibili.com/<uid>) or "UID 12345". A bare number is a room number, as on the room's page;
// a uid needs its space link or the "UID" prefix. Runs in the browser (the add form) and on the server.

export type BilibiliAddress = { kind: 'room'; roomId: string } | { kind: 'uid'; uid: string };

export type BilibiliAddressResult = { ok: true; address: BilibiliAddress } | { ok: false; error: string };

export const BILIBILI_EXAMPLE = 'https://live.bilibili.com/21144080';

export const BILIBILI_ADDRESS_ERRORS = {
  empty: 'Enter a Bilibili live room number or link.',
  tooLong: 'That is too long to be a Bilibili live room number or link.',
  notBilibili: `That is not a Bilibili room number or link. Paste a live room link like ${BILIBILI_EXAMPLE}.`,
  notRoomLink: `That Bilibili link is not a live room or space link. Paste a link like ${BILIBILI_EXAMPLE}.`,
  shortLink: `Short b23.tv links cannot be opened here. Open it, then paste the room’s link like ${BILIBILI_EXAMPLE}.`,
} as const;

/** A Bilibili uid or room number as written: digits without a leading zero, at most 20. */
export const BILIBILI_NUMBER = /^[1-9][0-9]{0,19}$/;

const MAX_INPUT = 2048;

export function parseBilibiliAddress(input: string): BilibiliAddressResult {
  if (input.length > MAX_INPUT) return { ok: false, error: BILIBILI_ADDRESS_ERRORS.tooLong };
  const text = input.trim();
  if (!text) return { ok: false, error: BILIBILI_ADDRESS_ERRORS.empty };
  if (BILIBILI_NUMBER.test(text)) return { ok: true, address: { kind: 'room', roomId: text } };
  const uid = /^(?:uid|mid)\s*[:：#]?\s*([0-9]+)$/i.exec(text)?.[1];
  if (uid !== undefined) return BILIBILI_NUMBER.test(uid) ? { ok: true, address: { kind: 'uid', uid } } : { ok: false, error: BILIBILI_ADDRESS_ERRORS.notBilibili };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, error: BILIBILI_ADDRESS_ERRORS.notBilibili };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: BILIBILI_ADDRESS_ERRORS.notBilibili };
  const host = url.hostname.toLowerCase();
  if (host === 'b23.tv') return { ok: false, error: BILIBILI_ADDRESS_ERRORS.shortLink };
  if (host !== 'bilibili.com' && !host.endsWith('.bilibili.com')) return { ok: false, error: BILIBILI_ADDRESS_ERRORS.notBilibili };
  const segments = url.pathname.split('/').filter(Boolean);
  if (host === 'live.bilibili.com' || host === 'm.live.bilibili.com') {
    // /21144080, /h5/21144080, /blanc/21144080
    const room = segments.length === 1 ? segments[0] : segments.length === 2 && (segments[0] === 'h5' || segments[0] === 'blanc') ? segments[1] : undefined;
    if (room && BILIBILI_NUMBER.test(room)) return { ok: true, address: { kind: 'room', roomId: room } };
    return { ok: false, error: BILIBILI_ADDRESS_ERRORS.notRoomLink };
  }
  if (host === 'space.bilibili.com') {
    const first = segments[0];
    if (first && BILIBILI_NUMBER.test(first)) return { ok: true, address: { kind: 'uid', uid: first } };
  }
  return { ok: false, error: BILIBILI_ADDRESS_ERRORS.notRoomLink };
}
