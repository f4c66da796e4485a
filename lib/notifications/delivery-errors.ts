// What a failed delivery says on the channel's settings card. Stored in English in the database (logs and
// scripts read it); shown in the reader's language by translateDeliveryError, sentence by sentence, with
// the `errors` catalogue's `delivery` templates (lib/i18n/errors.ts). The service's own explanation
// ("Bad Request: chat not found") stays as the service wrote it.
import { translateError } from '@/lib/i18n/errors';
import type { Locale } from '@/lib/i18n/locales';

/** The services a channel posts to, as the messages name them ("The webhook" is the user's own server). */
export type DeliveryService = 'Discord' | 'Telegram' | 'The webhook';

const CHECK_SETTINGS = 'Check the channel’s settings (the token or URL may be wrong or revoked).';
const GAVE_UP = /^Gave up after \d+ attempts?\.$/;

export const DELIVERY_ERRORS = {
  timedOut: (service: DeliveryService, seconds: number) => `${service} did not answer within ${seconds} s.`,
  unreachable: (service: DeliveryService, detail: string) => `${service} could not be reached (${detail}).`,
  slowDown: (service: DeliveryService) => `${service} asked us to slow down (429).`,
  redirect: (service: DeliveryService, status: number) => `${service} answered with a redirect (${status}); use the final address.`,
  /** A refusal, with what the service said, and where the fault is likely the channel's settings a hint. */
  refused: (service: DeliveryService, status: number, detail: string) => `${service} answered ${status}${detail ? `: ${detail}` : ''}.${status === 401 || status === 404 ? ` ${CHECK_SETTINGS}` : ''}`,
  unreadableUrl: 'The webhook URL cannot be read; save the channel again.',
  unreadableToken: 'The bot token cannot be read; save the channel again.',
  memberLeft: 'The member this channel emails has left the workspace; choose another.',
  gaveUp: (error: string, attempts: number) => `${error} Gave up after ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}.`,
} as const;

/** Every sentence the messages above are made of, once each, for the catalogue test (lib/i18n/errors.test.ts). */
export function deliveryErrorSentences(): string[] {
  const e = DELIVERY_ERRORS;
  return [e.timedOut('Discord', 10), e.unreachable('Telegram', 'fetch failed'), e.slowDown('The webhook'), e.redirect('Discord', 301), e.refused('Telegram', 400, 'Bad Request: chat not found'), e.refused('Discord', 500, ''), CHECK_SETTINGS, e.unreadableUrl, e.unreadableToken, e.memberLeft, e.gaveUp('x', 5).slice(2)];
}

/** A stored delivery error in `locale`: its trailing hint and "gave up" sentences translated on their own. */
export function translateDeliveryError(message: string, locale: Locale): string {
  if (locale === 'en') return message;
  const tail: string[] = [];
  let rest = message.trim();
  for (;;) {
    const gaveUp = / (Gave up after \d+ attempts?\.)$/.exec(rest);
    if (gaveUp?.[1] && GAVE_UP.test(gaveUp[1])) {
      tail.unshift(gaveUp[1]);
      rest = rest.slice(0, gaveUp.index);
    } else if (rest.endsWith(` ${CHECK_SETTINGS}`)) {
      tail.unshift(CHECK_SETTINGS);
      rest = rest.slice(0, -CHECK_SETTINGS.length - 1);
    } else break;
  }
  // Chinese runs sentences together; Russian and Thai separate them with a space.
  return [rest, ...tail].map((sentence) => translateError(sentence, locale)).join(locale === 'zh-CN' ? '' : ' ');
}
