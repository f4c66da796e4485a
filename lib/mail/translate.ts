// E-mails in their reader's language: a translator over the `email` namespace of the catalogues, for the
// user's saved language (users.locale; English when none).
import 'server-only';
import { createTranslator } from 'next-intl';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';

export type MailTranslator = Awaited<ReturnType<typeof mailTranslator>>;

/** The language of a stored `users.locale` value (anything unknown: English). */
export const userLocale = (stored: string | null | undefined): Locale => (isLocale(stored) ? stored : DEFAULT_LOCALE);

export async function mailTranslator(locale: Locale) {
  const messages = await loadMessages(locale);
  return createTranslator({ locale, messages, namespace: 'email' });
}
