import { describe, expect, it } from 'vitest';
import { resolveDisplay } from '@/lib/i18n/display-settings';
import { DEFAULT_EXCHANGE_RATES } from '@/lib/money/convert';
import { formatDate, isTimeZone, timeZoneLabel, timeZoneList } from '@/lib/i18n/time';

const spaced = (text: string) => text.replace(/\s/g, ' ');

describe('times in the reader’s zone', () => {
  const lateUtc = new Date('2026-03-14T23:30:00Z');

  it('shows a live that started at 23:30 UTC on the next day in Asia/Bangkok', () => {
    expect(spaced(formatDate(lateUtc, 'dateTime', 'en', 'Asia/Bangkok'))).toBe('Mar 15, 2026, 6:30 AM');
    expect(spaced(formatDate(lateUtc, 'dateTime', 'en', 'UTC'))).toBe('Mar 14, 2026, 11:30 PM');
    expect(formatDate(lateUtc, 'date', 'th', 'Asia/Bangkok')).toContain('15');
    // ICU versions differ in which space they put before "г." and before AM/PM.
    expect(spaced(formatDate(lateUtc, 'dateTime', 'ru', 'Europe/Moscow'))).toBe('15 мар. 2026 г., 02:30');
    expect(formatDate(lateUtc.toISOString(), 'dateTime', 'zh-CN', 'Asia/Shanghai')).toBe('2026年3月15日 07:30');
  });

  it('names the zone with its offset at that moment, and falls back to UTC for an unknown zone', () => {
    expect(timeZoneLabel('Asia/Bangkok', 'en', lateUtc)).toBe('Asia/Bangkok (GMT+7)');
    expect(timeZoneLabel('America/New_York', 'en', new Date('2026-07-01T00:00:00Z'))).toBe('America/New York (GMT-4)');
    expect(timeZoneLabel('UTC', 'ru')).toBe('UTC');
    expect(spaced(formatDate(lateUtc, 'dateTime', 'en', 'Mars/Olympus'))).toBe('Mar 14, 2026, 11:30 PM');
    expect(formatDate('not a date', 'date', 'en', 'UTC')).toBe('—');
  });

  it('knows real zones only', () => {
    expect(isTimeZone('Asia/Bangkok')).toBe(true);
    expect(isTimeZone('Europe/Moscow')).toBe(true);
    for (const bad of ['', 'Mars/Olympus', '<script>', 42, null, 'x'.repeat(100)]) expect(isTimeZone(bad)).toBe(false);
    const zones = timeZoneList();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Asia/Bangkok');
  });

  it('takes the saved zone and currency over the browser’s, and the language’s currency by default', () => {
    expect(resolveDisplay('th', null, {}, DEFAULT_EXCHANGE_RATES)).toMatchObject({ timeZone: 'UTC', timeZoneSource: 'default', currency: 'THB' });
    expect(resolveDisplay('ru', null, { timeZone: 'Europe/Moscow', currency: 'EUR' }, DEFAULT_EXCHANGE_RATES)).toMatchObject({ timeZone: 'Europe/Moscow', timeZoneSource: 'browser', currency: 'EUR' });
    expect(resolveDisplay('ru', { timeZone: 'Asia/Bangkok', currency: 'USD' }, { timeZone: 'Europe/Moscow', currency: 'EUR' }, DEFAULT_EXCHANGE_RATES)).toMatchObject({ timeZone: 'Asia/Bangkok', timeZoneSource: 'saved', currency: 'USD' });
    // Forged cookies are ignored.
    expect(resolveDisplay('zh-CN', null, { timeZone: 'Nowhere/City', currency: 'BTC' }, DEFAULT_EXCHANGE_RATES)).toMatchObject({ timeZone: 'UTC', currency: 'CNY' });
  });
});
