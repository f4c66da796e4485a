import { describe, expect, it } from 'vitest';
import { localeAddress, localePath, matchLocale, negotiateLocale, profilePath, requestLocale, splitLocalePrefix } from '@/lib/i18n/locales';

describe('choosing the language', () => {
  it('reads Accept-Language with its weights, Simplified Chinese only', () => {
    expect(negotiateLocale('ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('ru');
    expect(negotiateLocale('de-DE, th;q=0.5, en;q=0.4')).toBe('th');
    expect(negotiateLocale('en;q=0.2, zh-CN;q=0.9')).toBe('zh-CN');
    expect(negotiateLocale('zh-Hans-SG')).toBe('zh-CN');
    expect(negotiateLocale('zh-TW, zh-Hant;q=0.9')).toBeUndefined();
    expect(negotiateLocale('zh-HK, en;q=0.5')).toBe('en');
    expect(negotiateLocale('ru;q=0, en')).toBe('en');
    expect(negotiateLocale('*')).toBeUndefined();
    expect(negotiateLocale('')).toBeUndefined();
    expect(negotiateLocale(`${'x,'.repeat(5000)}ru`)).toBeUndefined(); // a huge header is cut, not parsed whole
    expect(matchLocale('TH_th')).toBe('th');
  });

  it('prefers the address, then the saved choice, then the browser, then English', () => {
    expect(splitLocalePrefix('/ru/@koji')).toEqual({ locale: 'ru', rest: '/@koji' });
    expect(splitLocalePrefix('/zh-CN')).toEqual({ locale: 'zh-CN', rest: '/' });
    expect(splitLocalePrefix('/zh-cn/about')).toEqual({ locale: undefined, rest: '/zh-cn/about' });
    expect(splitLocalePrefix('/ruby')).toEqual({ locale: undefined, rest: '/ruby' });
    expect(requestLocale('th', 'ru')).toBe('th');
    expect(requestLocale('klingon', 'ru')).toBe('ru');
    expect(requestLocale(undefined, null)).toBe('en');
  });

  it('builds the same page’s address in another language', () => {
    expect(localePath('en', '/about')).toBe('/about');
    expect(localePath('th', '/')).toBe('/th');
    expect(localeAddress('/@koji', 'ru')).toBe('/ru/@koji');
    expect(localeAddress('/ru/@koji', 'en')).toBe('/@koji');
    expect(localeAddress('/th', 'zh-CN')).toBe('/zh-CN');
    expect(localeAddress('/dashboard', 'ru')).toBe('/dashboard'); // the saved choice decides there
  });

  it('links a profile in the reader’s language', () => {
    expect(profilePath('ru', 'koji')).toBe('/ru/@koji');
    expect(profilePath('zh-CN', 'koji')).toBe('/zh-CN/@koji');
    expect(profilePath('en', 'koji')).toBe('/@koji');
    expect(profilePath('klingon', 'koji')).toBe('/@koji');
  });
});
