// The words of each notification, once, for every channel: a title, lines of text, and a link to the
// dashboard. Channels render them (Discord embed, Telegram text, email, webhook JSON). Written in the
// reader's language, times in their zone and money in their currency: for an email channel the member it
// emails, for the others the person who set the channel up (lib/notifications/send.ts).
import 'server-only';
import { appUrl } from '@/lib/env';
import type { MailReader } from '@/lib/mail/translate';
import type { NotificationPayload } from '@/lib/notifications/types';
import { formatCount, formatMoneyRange, numberFormat } from '@/lib/stats/format';

export type FormattedNotification = { title: string; lines: string[]; url: string };

const who = (account: { handle: string; nickname: string | null }) => (account.nickname ? `${account.nickname} (@${account.handle})` : `@${account.handle}`);

export function formatNotification(payload: NotificationPayload, { t, display }: MailReader): FormattedNotification {
  const site = appUrl();
  const count = (value: number) => formatCount(value, display.locale);
  switch (payload.event) {
    case 'went-live':
      return {
        title: t('notify.wentLiveTitle', { who: who(payload.account) }),
        lines: [payload.title ? `“${payload.title}”` : t('notify.wentLiveNoTitle'), t('notify.startedAt', { time: display.date(payload.startedAt, 'dateTime'), zone: display.zoneLabel })],
        url: `${site}/dashboard/lives/${payload.liveId}`,
      };
    case 'live-ended': {
      const earnings = formatMoneyRange(payload.earnings, display.money);
      return {
        title: t('notify.endedTitle', { who: who(payload.account) }),
        lines: [
          t('notify.duration', { hours: Math.floor(payload.durationMinutes / 60), minutes: payload.durationMinutes % 60 }),
          t('notify.peakViewers', { count: count(payload.peakViewers) }),
          t('notify.diamonds', { count: count(payload.diamonds), earnings }),
          t('notify.newFollowers', { count: count(payload.newFollowers) }),
          payload.topGifters.length > 0
            ? t('notify.topGifters', { list: payload.topGifters.map((g, i) => `${i + 1}. ${g.nickname || g.handle} (${count(g.diamonds)} 💎)`).join(', ') })
            : t('notify.noGifts'),
          ...(display.currency === 'USD' ? [] : [t('notify.converted', { currency: display.currency, date: display.ratesDate })]),
        ],
        url: `${site}/dashboard/lives/${payload.liveId}`,
      };
    }
    case 'gift-spike':
      return {
        title: t('notify.spikeTitle', { who: who(payload.account) }),
        lines: [
          t('notify.spike', {
            diamonds: count(payload.diamondsLastMinute),
            factor: numberFormat(display.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(payload.factor),
            baseline: numberFormat(display.locale, { maximumFractionDigits: 1 }).format(payload.baselinePerMinute),
          }),
        ],
        url: `${site}/dashboard/lives/${payload.liveId}`,
      };
    case 'test':
      return { title: t('notify.testTitle'), lines: [t('notify.test', { workspace: payload.workspace })], url: `${site}/dashboard/notifications` };
  }
}
