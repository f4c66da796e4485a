// next-intl's request configuration (wired in next.config.ts): the locale of this render and its
// messages. The locale comes from setRequestLocale() (pages rendered once for everyone) or the header
// proxy.ts sets; anything else falls back to English.
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';

export default getRequestConfig(async ({ requestLocale }) => {
  const asked = await requestLocale;
  const locale = isLocale(asked) ? asked : DEFAULT_LOCALE;
  return { locale, messages: await loadMessages(locale) };
});
