import { describe, expect, it } from 'vitest';
import { formatGoldPaid, valueIcon } from '@/lib/platforms/value-format';

describe('value formatting per platform', () => {
  it('marks each platform’s unit with its own icon', () => {
    expect(valueIcon('tiktok')).toBe('💎');
    expect(valueIcon('bilibili')).toBe('🪙');
  });

  it('writes what viewers paid for gold in CNY, in the reader’s language', () => {
    // The demo live's 365,400 gold: ¥365.40 paid.
    expect(formatGoldPaid(365_400, 'en')).toBe('CN¥365');
    expect(formatGoldPaid(365_400n, 'zh-CN')).toBe('¥365');
    expect(formatGoldPaid(5_200, 'en')).toBe('CN¥5.20');
    expect(formatGoldPaid(0, 'en')).toBe('CN¥0');
  });
});
