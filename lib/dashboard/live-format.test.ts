import { describe, expect, it } from 'vitest';
import { formatDecimal, formatDuration, formatLiveTime } from '@/lib/dashboard/live-format';

const AT = '2031-01-01T22:05:09Z';

describe('live display helpers', () => {
  it('formats durations in the language’s short units', () => {
    const samples = [0, 45, 60, 719, 3600, 5400, 7_500, -1, Number.NaN];
    expect(samples.map((s) => formatDuration(s))).toEqual(['0 sec', '45 sec', '1 min', '11 min', '1 hr', '1 hr 30 min', '2 hr 5 min', '—', '—']);
    expect(samples.map((s) => formatDuration(s, 'ru'))).toEqual(['0 с', '45 с', '1 мин', '11 мин', '1 ч', '1 ч 30 мин', '2 ч 5 мин', '—', '—']);
    expect(formatDuration(7_500, 'th')).toBe('2 ชม. 5 นาที');
    expect(formatDuration(7_500, 'zh-CN')).toBe('2小时5分钟');
  });

  it('formats times of day in the reader’s zone and language', () => {
    expect(formatLiveTime(AT, 'en', 'UTC')).toBe('10:05 PM');
    expect(formatLiveTime(AT, 'en', 'Asia/Bangkok')).toBe('05:05 AM');
    expect(formatLiveTime(AT, 'ru', 'Asia/Bangkok')).toBe('05:05');
    expect(formatLiveTime(new Date(AT), 'ru', 'UTC', { seconds: true })).toBe('22:05:09');
    expect(formatLiveTime(AT, 'en', 'Asia/Bangkok', { zoneName: true })).toBe('05:05 AM GMT+7');
    expect(formatLiveTime(AT, 'zh-CN', 'UTC', { zoneName: true })).toBe('UTC 22:05');
    // An unknown zone falls back to UTC; a missing or bad time shows as "—".
    expect(formatLiveTime(AT, 'ru', 'Not/AZone', { seconds: true })).toBe('22:05:09');
    expect(formatLiveTime(null, 'en', 'UTC')).toBe('—');
    expect(formatLiveTime('not a date', 'en', 'UTC', { seconds: true })).toBe('—');
  });

  it('formats decimals in the language’s form', () => {
    expect(formatDecimal(1234.56, 'en')).toBe('1,234.6');
    expect(formatDecimal(1234.56, 'ru')).toBe('1\u00a0234,6');
    expect(formatDecimal(3, 'en', { minDigits: 1 })).toBe('3.0');
    expect(formatDecimal(12.345, 'ru', { maxDigits: 2 })).toBe('12,35');
    expect(formatDecimal(-0.01, 'en')).toBe('0');
    expect(formatDecimal(Number.NaN, 'en')).toBe('—');
  });
});
