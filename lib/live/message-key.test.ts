import { describe, expect, it } from 'vitest';
import { messageKey } from '@/lib/live/message-key';

describe('messageKey', () => {
  it('keeps TikTok ids that fit a signed 64-bit integer as they are', () => {
    for (const id of ['0', '7', '7311111111111111111', '9223372036854775807']) expect(messageKey(id)).toBe(id);
  });

  it('writes a number with leading zeros the way the database stores it, so "007" and "7" are one message', () => {
    expect(messageKey('007')).toBe('7');
    expect(messageKey('000')).toBe('0');
    expect(messageKey('0009223372036854775807')).not.toBe('9223372036854775807'); // over 19 digits: hashed
    expect(messageKey('0922337203685477580')).toBe('922337203685477580');
  });

  it('hashes anything else into the positive 64-bit range, the same way every time', () => {
    for (const id of ['9223372036854775808', '9999999999999999999', '12345678901234567890', 'x17000000001', '', '-1', '1e5', ' 12']) {
      const key = messageKey(id);
      expect(key, id).toMatch(/^\d{1,19}$/);
      expect(BigInt(key) <= 2n ** 63n - 1n, id).toBe(true);
      expect(key, id).not.toBe(id);
      expect(messageKey(id)).toBe(key);
    }
    expect(messageKey('x1')).not.toBe(messageKey('x2'));
  });
});
