import { describe, expect, it } from 'vitest';
import { formatDecimal, formatWholePercent } from '@/components/stats/numbers';

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
