// The words of each notification, once, for every channel: a title, lines of text, and a link to the
// dashboard. Channels render them (Discord embed, Telegram text, email, webhook JSON).
import 'server-only';
import { appUrl } from '@/lib/env';
import type { NotificationPayload } from '@/lib/notifications/types';

export type FormattedNotification = { title: string; lines: string[]; url: string };

const usd = (value: number) => `$${value.toLocaleString('en-US', { maximumFractionDigits: value < 100 ? 2 : 0 })}`;
const who = (account: { handle: string; nickname: string | null }) => (account.nickname ? `${account.nickname} (@${account.handle})` : `@${account.handle}`);

export function formatNotification(payload: NotificationPayload): FormattedNotification {
  const site = appUrl();
  switch (payload.event) {
    case 'went-live':
      return {
        title: `${who(payload.account)} is LIVE`,
        lines: [payload.title ? `“${payload.title}”` : 'A LIVE just started.', `Started ${payload.startedAt.slice(11, 16)} UTC.`],
        url: `${site}/dashboard/lives/${payload.liveId}`,
      };
    case 'live-ended': {
      const hours = Math.floor(payload.durationMinutes / 60);
      const minutes = payload.durationMinutes % 60;
      return {
        title: `${who(payload.account)} ended the LIVE`,
        lines: [
          `Duration: ${hours > 0 ? `${hours} h ` : ''}${minutes} min`,
          `Peak viewers: ${payload.peakViewers.toLocaleString('en-US')}`,
          `Diamonds: ${payload.diamonds.toLocaleString('en-US')} (about ${usd(payload.earnings.low)}–${usd(payload.earnings.high)} estimated)`,
          `New followers: ${payload.newFollowers.toLocaleString('en-US')}`,
          payload.topGifters.length > 0
            ? `Top gifters: ${payload.topGifters.map((g, i) => `${i + 1}. ${g.nickname || g.handle} (${g.diamonds.toLocaleString('en-US')} 💎)`).join(', ')}`
            : 'No gifts this time.',
        ],
        url: `${site}/dashboard/lives/${payload.liveId}`,
      };
    }
    case 'gift-spike':
      return {
        title: `Gift spike on ${who(payload.account)}`,
        lines: [`${payload.diamondsLastMinute.toLocaleString('en-US')} diamonds in the last minute: ${payload.factor.toFixed(1)}× the LIVE's usual ${payload.baselinePerMinute.toLocaleString('en-US', { maximumFractionDigits: 1 })} a minute.`],
        url: `${site}/dashboard/lives/${payload.liveId}`,
      };
    case 'test':
      return { title: 'LiveLens test message', lines: [`Notifications of the workspace ${payload.workspace} reach this channel.`], url: `${site}/dashboard/notifications` };
  }
}
