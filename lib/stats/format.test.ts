import { describe, expect, it } from 'vitest';
import { estimateLiveEarnings } from '@/lib/stats/estimates';
import { formatCompact, formatCount, formatCurrency, formatMoney, formatMoneyRange, formatPercent, formatUsd, formatUsdRange, MISSING_VALUE } from '@/lib/stats/format';
import { DEFAULT_EXCHANGE_RATES, parseExchangeRates } from '@/lib/money/convert';

describe('formatCompact', () => {
  it('abbreviates with at most one decimal and drops a trailing .0', () => {
    expect(formatCompact(0)).toBe('0');
    expect(formatCompact(999)).toBe('999');
    expect(formatCompact(1_000)).toBe('1K');
    expect(formatCompact(1_234)).toBe('1.2K');
    expect(formatCompact(3_400_000)).toBe('3.4M');
    expect(formatCompact(13_400_000_000n)).toBe('13.4B');
    expect(formatCompact(2_000_000_000_000)).toBe('2T');
    expect(formatCompact(-1_500)).toBe('-1.5K');
  });

  it('rounds halves up on the exact integer', () => {
    // 1,150 / 1,000 = 1.15 exactly → 1.2; as a double 1.15 is 1.1499…, which toFixed(1) shows as 1.1
    expect(formatCompact(1_150)).toBe('1.2K');
    expect(formatCompact(1_149)).toBe('1.1K');
    expect(formatCompact(999_949)).toBe('999.9K');
    // 999,950 would be "1,000.0K": moves up to the next unit
    expect(formatCompact(999_950)).toBe('1M');
    expect(formatCompact(999_950_000n)).toBe('1B');
  });

  it('rounds non-integer numbers to a whole count first', () => {
    expect(formatCompact(12.5)).toBe('13');
    expect(formatCompact(1_234.6)).toBe('1.2K');
  });

  it('formats bigints above 2^53 from the exact value', () => {
    // 2^53 + 1 = 9,007,199,254,740,993 → 90,071.99… tenths of a trillion → 90,072 → 9,007.2T
    expect(formatCompact(2n ** 53n + 1n)).toBe('9,007.2T');
  });

  it('shows a dash for missing or non-finite values', () => {
    for (const bad of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatCompact(bad)).toBe(MISSING_VALUE);
  });
});

describe('formatCount', () => {
  it('groups thousands and stays exact beyond 2^53', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1_204)).toBe('1,204');
    // Number(2n ** 53n + 1n) would print ...992
    expect(formatCount(2n ** 53n + 1n)).toBe('9,007,199,254,740,993');
    expect(formatCount(Number.NaN)).toBe(MISSING_VALUE);
    expect(formatCount(null)).toBe(MISSING_VALUE);
  });
});

describe('formatUsd', () => {
  it('uses cents below $10, whole dollars below $10,000 and compact form above', () => {
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(0.004)).toBe('<$0.01');
    expect(formatUsd(0.4)).toBe('$0.40');
    expect(formatUsd(4.5)).toBe('$4.50');
    expect(formatUsd(12.4)).toBe('$12');
    expect(formatUsd(1_234.5)).toBe('$1,235');
    expect(formatUsd(12_345)).toBe('$12.3K');
    expect(formatUsd(1_500_000)).toBe('$1.5M');
  });

  it('shows a dash for negative or non-finite amounts', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatUsd(bad)).toBe(MISSING_VALUE);
  });
});

describe('formatCurrency', () => {
  it('writes another currency by the same rules as USD, in the reader’s language', () => {
    // What viewers paid for Bilibili gold: 365,400 gold is 365.40 CNY.
    expect(formatCurrency(365.4, 'CNY')).toBe('CN¥365');
    expect(formatCurrency(3.654, 'CNY')).toBe('CN¥3.65');
    expect(formatCurrency(365.4, 'CNY', 'zh-CN')).toBe('¥365');
    expect(formatCurrency(12_345, 'CNY', 'zh-CN')).toBe('¥1.2万');
    expect(formatCurrency(-1, 'CNY')).toBe(MISSING_VALUE);
  });
});

describe('formatUsdRange', () => {
  it('joins both ends with an en dash', () => {
    // 10,000 diamonds → $40–$60 (see estimates.test.ts)
    expect(formatUsdRange(estimateLiveEarnings(10_000))).toBe('$40–$60');
    expect(formatUsdRange({ low: 12.4, high: 25 })).toBe('$12–$25');
    expect(formatUsdRange({ low: 0.4, high: 1 })).toBe('$0.40–$1.00');
    expect(formatUsdRange({ low: 2_000, high: 5_050 })).toBe('$2,000–$5,050');
  });

  it('collapses equal ends and refuses invalid ones', () => {
    expect(formatUsdRange({ low: 50, high: 50 })).toBe('$50');
    expect(formatUsdRange({ low: 0, high: 0 })).toBe('$0');
    expect(formatUsdRange({ low: Number.NaN, high: 3 })).toBe(MISSING_VALUE);
  });
});

describe('formatPercent', () => {
  it('shows one decimal', () => {
    expect(formatPercent(4.3)).toBe('4.3%');
    expect(formatPercent(4)).toBe('4.0%');
    expect(formatPercent(10.25)).toBe('10.3%');
    expect(formatPercent(1_234.56)).toBe('1,234.6%');
    expect(formatPercent(-2.5)).toBe('-2.5%');
  });

  it('never shows -0.0% and shows a dash for missing values', () => {
    expect(formatPercent(-0.04)).toBe('0.0%');
    expect(formatPercent(null)).toBe(MISSING_VALUE);
    expect(formatPercent(Number.NaN)).toBe(MISSING_VALUE);
  });
});

describe('numbers and money in every language', () => {
  const rates = { date: '2025-11-28', perUsd: { USD: 1, EUR: 0.8628, RUB: 78.23, THB: 32.26, CNY: 7.076 } };
  it('writes compact counts as each language does', () => {
    expect(formatCompact(1_234, 'ru')).toBe('1,2\u00a0тыс.');
    expect(formatCompact(12_345, 'zh-CN')).toBe('1.2万');
    expect(formatCompact(134_500_000, 'zh-CN')).toBe('1.3亿');
    expect(formatCompact(3_400_000, 'th')).toBe('3.4M');
    expect(formatCompact(1_150, 'ru')).toBe('1,2\u00a0тыс.');
    expect(formatCompact(2n ** 53n + 1n, 'ru')).toBe('9007,2\u00a0трлн');
    expect(formatCompact(10_000_000_000, 'zh-CN')).toBe('100亿');
    expect(formatCompact(10_000_000, 'zh-CN')).toBe('1000万');
  });

  it('groups counts and writes percentages as each language does', () => {
    expect(formatCount(1_234_567, 'ru')).toBe('1\u00a0234\u00a0567');
    expect(formatCount(1_234_567, 'zh-CN')).toBe('1,234,567');
    expect(formatPercent(4.3, 'ru')).toBe('4,3\u00a0%');
    expect(formatPercent(10.25, 'th')).toBe('10.3%');
    expect(formatPercent(-0.04, 'zh-CN')).toBe('0.0%');
  });

  it('converts USD at the dated rate, marks the result as converted and uses the currency’s own sign', () => {
    expect(formatMoney(100, { locale: 'ru', currency: 'RUB', rates })).toBe('≈7\u00a0823\u00a0₽');
    expect(formatMoney(1_000, { locale: 'th', currency: 'THB', rates })).toBe('≈฿32.3K');
    expect(formatMoney(1_000, { locale: 'zh-CN', currency: 'CNY', rates })).toBe('≈¥7,076');
    expect(formatMoney(4.5, { locale: 'en', currency: 'EUR', rates })).toBe('≈€3.88');
    // USD is not converted and carries no mark.
    expect(formatMoney(4.5, { locale: 'ru', currency: 'USD', rates })).toBe('4,50\u00a0$');
    expect(formatMoneyRange({ low: 40, high: 60 }, { locale: 'ru', currency: 'RUB', rates })).toBe('≈3\u00a0129\u00a0₽–4\u00a0694\u00a0₽');
    expect(formatMoneyRange({ low: 40, high: 60 }, { locale: 'en', currency: 'USD', rates })).toBe('$40–$60');
    expect(formatMoney(-1, { locale: 'en', currency: 'EUR', rates })).toBe(MISSING_VALUE);
  });

  it('reads EXCHANGE_RATES and refuses what is not a rate', () => {
    expect(parseExchangeRates('eur=0.9, RUB = 80', '2026-12-01')).toEqual({ date: '2026-12-01', perUsd: { USD: 1, EUR: 0.9, RUB: 80, THB: DEFAULT_EXCHANGE_RATES.perUsd.THB, CNY: DEFAULT_EXCHANGE_RATES.perUsd.CNY } });
    expect(() => parseExchangeRates('GBP=0.8', 'x')).toThrow(/GBP is not one of/);
    expect(() => parseExchangeRates('EUR=abc', 'x')).toThrow(/not CODE=rate/);
    expect(() => parseExchangeRates('EUR=0', 'x')).toThrow(/above 0/);
    expect(() => parseExchangeRates('USD=2', 'x')).toThrow(/base/);
  });
});
