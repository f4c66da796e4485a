// E-mails in their reader's language: a translator over the `email` namespace of the catalogues, for the
// user's saved language (users.locale; English when none).
import 'server-only';
import { createTranslator } from 'use-intl/core';
import { displayOf, resolveDisplay, type Display } from '@/lib/i18n/display-settings';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { exchangeRates } from '@/lib/money/rates';

export type MailTranslator = Awaited<ReturnType<typeof mailTranslator>>;

/** The language of a stored `users.locale` value (anything unknown: English). */
export const userLocale = (stored: string | null | undefined): Locale => (isLocale(stored) ? stored : DEFAULT_LOCALE);

export async function mailTranslator(locale: Locale) {
  const messages = await loadMessages(locale);
  return createTranslator({ locale, messages, namespace: 'email' });
}

/** What a message to this user is written with: their language, and their time zone and currency. */
export type MailReader = { t: MailTranslator; display: Display };

/**
 * A user's saved language, zone and currency. Mail has no browser: when they never chose a zone, the one
 * of the browser they last used signed in (users.browser_time_zone), else UTC, named in the message.
 */
export async function mailReader(user: { locale: string | null; timeZone: string | null; currency: string | null; browserTimeZone?: string | null } | null): Promise<MailReader> {
  const locale = userLocale(user?.locale);
  const display = displayOf(resolveDisplay(locale, user, { timeZone: user?.browserTimeZone ?? undefined }, exchangeRates()));
  return { t: await mailTranslator(locale), display };
}

/** The columns mailReader reads, for Prisma selects. */
export const READER_FIELDS = { locale: true, timeZone: true, currency: true, browserTimeZone: true } as const;
