import { describe, expect, it } from 'vitest';
import { cnyPaidForGold, USD_PER_GOLD, usdWorthOf, VALUE_UNIT } from '@/lib/platforms/units';

describe('value units per platform', () => {
  it('names each platform unit', () => {
    expect(VALUE_UNIT).toEqual({ tiktok: 'diamonds', bilibili: 'gold' });
  });

  it('prices TikTok diamonds and Bilibili gold for the creator', () => {
    // 200 diamonds at $0.005 each.
    expect(usdWorthOf('tiktok', 200).mid).toBeCloseTo(1, 10);
    // 1,000 gold = 1 CNY paid; half of it, at 7.076 CNY per USD.
    expect(usdWorthOf('bilibili', 1000).mid).toBeCloseTo(0.5 / 7.076, 10);
    expect(USD_PER_GOLD.low).toBeLessThan(USD_PER_GOLD.mid);
    expect(USD_PER_GOLD.mid).toBeLessThan(USD_PER_GOLD.high);
  });

  it('counts a value that is not a positive number as nothing', () => {
    expect(usdWorthOf('bilibili', -5)).toEqual({ low: 0, mid: 0, high: 0 });
    expect(usdWorthOf('tiktok', Number.NaN)).toEqual({ low: 0, mid: 0, high: 0 });
  });

  it('says what viewers paid for gold, in CNY', () => {
    expect(cnyPaidForGold(365_400)).toBeCloseTo(365.4, 10);
    expect(cnyPaidForGold(365_400n)).toBeCloseTo(365.4, 10);
    expect(cnyPaidForGold(-1)).toBe(0);
  });
});
