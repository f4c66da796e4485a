import { describe, expect, it } from 'vitest';
import { formatDayRange, formatDecimal, formatSignedCount, formatWholePercent } from '@/components/stats/numbers';

describe('formatDecimal', () => {
  it('keeps the decimals asked for, in the language’s form', () => {
    expect(formatDecimal(12.5, 'en')).toBe('12.5');
    expect(formatDecimal(3, 'en')).toBe('3.0');
    expect(formatDecimal(1234.56, 'ru')).toBe('1\u00a0234,6');
    expect(formatDecimal(2, 'zh-CN', 2)).toBe('2.00');
  });
});

describe('formatWholePercent', () => {
  it('writes a whole percentage with the language’s sign and spacing', () => {
    expect(formatWholePercent(70, 'en')).toBe('70%');
    expect(formatWholePercent(29, 'en')).toBe('29%');
    expect(formatWholePercent(99, 'ru')).toBe('99\u00a0%');
    expect(formatWholePercent(100, 'th')).toBe('100%');
  });
});

describe('formatSignedCount', () => {
  it('signs gains and losses, leaves zero bare, and shortens large changes', () => {
    expect(formatSignedCount(1204, 'en')).toBe('+1,204');
    expect(formatSignedCount(-35.4, 'en')).toBe('-35');
    expect(formatSignedCount(0, 'en')).toBe('0');
    expect(formatSignedCount(1_234_567, 'en')).toBe('+1.2M');
    expect(formatSignedCount(-2500, 'ru')).toBe('-2\u00a0500');
  });
});

describe('formatDayRange', () => {
  it('writes UTC calendar days whatever the reader’s zone', () => {
    expect(formatDayRange('2026-11-30', '2026-12-06', 'en')).toBe('Nov 30\u2009–\u2009Dec 6, 2026');
    expect(formatDayRange('2026-12-01', '2026-12-01', 'en')).toBe('Dec 1, 2026');
  });
});
