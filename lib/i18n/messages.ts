// The message catalogues, one JSON file per locale (ICU message syntax). English is the source; every
// other catalogue has the same keys (lib/i18n/messages.test.ts fails on a missing, extra or unused key).
import type { Locale } from '@/lib/i18n/locales';
import type en from '@/lib/i18n/messages/en.json';

export type Messages = typeof en;

export async function loadMessages(locale: Locale): Promise<Messages> {
  switch (locale) {
    case 'ru':
      return (await import('@/lib/i18n/messages/ru.json')).default;
    case 'th':
      return (await import('@/lib/i18n/messages/th.json')).default;
    case 'zh-CN':
      return (await import('@/lib/i18n/messages/zh-CN.json')).default;
    default:
      return (await import('@/lib/i18n/messages/en.json')).default;
  }
}
