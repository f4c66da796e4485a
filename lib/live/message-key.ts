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
  // FNV-1a, 64 bit, folded into the positive bigint range.
  let hash = 0xcbf29ce484222325n;
  for (const char of msgId) {
    hash ^= BigInt(char.codePointAt(0) ?? 0);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return String(hash & MAX_INT64);
}
