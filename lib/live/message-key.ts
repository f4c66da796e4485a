// TikTok message ids are 64-bit numbers sent as strings; stored as bigint they make small, fast index
// keys. Anything else (a missing id we made up) becomes a stable 63-bit hash, so it still has a key.
const MAX_INT64 = 2n ** 63n - 1n;
const MAX_INT64_TEXT = MAX_INT64.toString();
const DIGITS = /^\d{1,19}$/;

export function messageKey(msgId: string): string {
  // Up to 18 digits always fits; 19 digits fit up to 9223372036854775807 (same length, so compared as text).
  // Leading zeros are dropped: "007" and "7" are the same bigint, so they must be the same key, or the
  // writer would see two messages where the database sees one.
  if (DIGITS.test(msgId) && (msgId.length < 19 || msgId <= MAX_INT64_TEXT)) return msgId.charCodeAt(0) === 48 && msgId.length > 1 ? msgId.replace(/^0+(?=\d)/, '') : msgId;
  // FNV-1a, 64 bit, folded into the positive bigint range. Computed on two 32-bit halves in plain numbers
  // (every intermediate stays below 2^53, so it is exact): BigInt arithmetic per character cost more than
  // the rest of the writer's work on an event, and every Bilibili like and enter takes this path.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < msgId.length; i++) {
    const code = msgId.codePointAt(i) ?? 0;
    if (code > 0xffff) i++; // a surrogate pair is one character, as `for…of` reads it
    lo = (lo ^ code) >>> 0;
    // × 0x100000001b3 = × 0x1b3 plus the value shifted left by 40 bits (only lo's low 24 bits stay in range).
    const low = lo * 0x1b3;
    hi = (hi * 0x1b3 + Math.floor(low / 0x100000000) + (lo & 0xffffff) * 0x100) >>> 0;
    lo = low >>> 0;
  }
  return ((BigInt(hi & 0x7fffffff) << 32n) | BigInt(lo)).toString();
}
