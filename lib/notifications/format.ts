// The words of each notification, once, for every channel: a title, lines of text, and a link to the
// dashboard. Channels render them (Discord embed, Telegram text, email, webhook JSON). Written in the
// reader's language, times in their zone and money in their currency: for an email channel the member it
// emails, for the others the person who set the channel up (lib/notifications/send.ts). Named and counted
// as the dashboard does for the account's platform: a Bilibili channel by its nickname (its handle is a uid),
// its value in gold coins.
import 'server-only';
import { appUrl } from '@/lib/env';
import type { MailReader } from '@/lib/mail/translate';
import type { NotificationPayload, NotifiedAccount } from '@/lib/notifications/types';
import type { Platform } from '@/lib/platforms/events';
import { channelHeadlineText } from '@/lib/platforms/naming';
import { VALUE_UNIT } from '@/lib/platforms/units';
import { formatGoldPaid, valueIcon } from '@/lib/platforms/value-format';
import { formatCount, formatMoneyRange, numberFormat } from '@/lib/stats/format';

export type FormattedNotification = { title: string; lines: string[]; url: string };

// Deliveries queued before Bilibili carry no platform: they were all TikTok's (lib/notifications/types.ts).
const platformOf = (account: NotifiedAccount): Platform => account.platform ?? 'tiktok';

export function formatNotification(payload: NotificationPayload, { t, display }: MailReader): FormattedNotification {
  const site = appUrl();
  const count = (value: number) => formatCount(value, display.locale);
  // "Luna (@luna)" on TikTok, "星海电台 (Bilibili)" on Bilibili, whose handle is a uid (lib/platforms/naming.ts).
  const who = (account: NotifiedAccount) => {
    const platform = platformOf(account);
    return channelHeadlineText({ platform, handle: account.handle, nickname: account.nickname }, t('notify.platform', { platform }));
  };
  switch (payload.event) {
    case 'went-live':
      return {
        title: t('notify.wentLiveTitle', { who: who(payload.account) }),
        lines: [payload.title ? `“${payload.title}”` : t('notify.wentLiveNoTitle'), t('notify.startedAt', { time: display.date(payload.startedAt, 'dateTime'), zone: display.zoneLabel })],
        url: `${site}/dashboard/lives/${payload.liveId}`,
      };
    case 'live-ended': {
      const platform = platformOf(payload.account);
      const earnings = formatMoneyRange(payload.earnings, display.money);
      // Gold tells a reader little alone: what viewers paid for it goes beside it, as on the dashboard.
      const value =
        VALUE_UNIT[platform] === 'gold'
          ? t('notify.gold', { count: count(payload.diamonds), paid: formatGoldPaid(payload.diamonds, display.locale), earnings })
          : t('notify.diamonds', { count: count(payload.diamonds), earnings });
      return {
        title: t('notify.endedTitle', { who: who(payload.account) }),
        lines: [
          t('notify.duration', { hours: Math.floor(payload.durationMinutes / 60), minutes: payload.durationMinutes % 60 }),
          t('notify.peakViewers', { count: count(payload.peakViewers) }),
          value,
          t('notify.newFollowers', { count: count(payload.newFollowers) }),
          payload.topGifters.length > 0
            ? t('notify.topGifters', { list: payload.topGifters.map((g, i) => `${i + 1}. ${g.nickname || g.handle} (${count(g.diamonds)} ${valueIcon(platform)})`).join(', ') })
            : t('notify.noGifts'),
          ...(display.currency === 'USD' ? [] : [t('notify.converted', { currency: display.currency, date: display.ratesDate })]),
        ],
        url: `${site}/dashboard/lives/${payload.liveId}`,
      };
    }
    case 'gift-spike': {
      const factor = numberFormat(display.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(payload.factor);
      const baseline = numberFormat(display.locale, { maximumFractionDigits: 1 }).format(payload.baselinePerMinute);
      const lastMinute = count(payload.diamondsLastMinute);
      return {
        title: t('notify.spikeTitle', { who: who(payload.account) }),
        lines: [
          VALUE_UNIT[platformOf(payload.account)] === 'gold'
            ? t('notify.spikeGold', { gold: lastMinute, factor, baseline })
            : t('notify.spike', { diamonds: lastMinute, factor, baseline }),
        ],
        url: `${site}/dashboard/lives/${payload.liveId}`,
      };
    }
    case 'test':
      return { title: t('notify.testTitle'), lines: [t('notify.test', { workspace: payload.workspace })], url: `${site}/dashboard/notifications` };
  }
}
