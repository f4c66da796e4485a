// Shapes shared by the notification settings page (browser) and the server: channel kinds, what a channel
// shows back (secrets masked), the per-account rules, and the events.
import type { Platform } from '@/lib/platforms/events';

export const CHANNEL_KINDS = ['EMAIL', 'DISCORD', 'TELEGRAM', 'WEBHOOK'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export type ChannelView = {
  id: string;
  kind: ChannelKind;
  name: string;
  enabled: boolean;
  /** What the channel sends to, without secrets (a member's address, a chat id, a masked URL). */
  target: string;
  lastError: string | null;
  lastErrorAt: string | null;
  lastSentAt: string | null;
  /** Webhook channels: the signing secret, shown to the workspace so the receiver can check signatures. */
  signingSecret?: string;
};

export type RuleView = {
  accountId: string;
  /** How the dashboard names the account (lib/platforms/naming.ts). */
  platform: Platform;
  handle: string;
  nickname: string | null;
  wentLive: boolean;
  liveEnded: boolean;
  giftSpike: boolean;
  spikeFactor: number;
  spikeCooldownMinutes: number;
};

export const NOTIFICATION_EVENTS = ['went-live', 'live-ended', 'gift-spike', 'test'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** A gifter of the live; `diamonds` is what they gave in the platform's unit (Bilibili: gold). */
export type GifterLine = { handle: string; nickname: string; diamonds: number };

/**
 * The account a notification is about. `platform` is missing from deliveries queued before LiveLens read
 * Bilibili (all TikTok's), which the courier may still be retrying: read it as TikTok then.
 */
export type NotifiedAccount = { platform?: Platform; handle: string; nickname: string | null };

/**
 * What a notification says, whatever the channel: each channel formats it its own way. Values (`diamonds`,
 * `diamondsLastMinute`, `baselinePerMinute`) are in the account's platform's unit (lib/platforms/units.ts
 * VALUE_UNIT: TikTok diamonds, Bilibili gold); webhook receivers get this object as `data`.
 */
export type NotificationPayload =
  | { event: 'went-live'; account: NotifiedAccount; liveId: string; startedAt: string; title: string | null }
  | {
      event: 'live-ended';
      account: NotifiedAccount;
      liveId: string;
      startedAt: string;
      endedAt: string;
      durationMinutes: number;
      peakViewers: number;
      diamonds: number;
      earnings: { low: number; high: number };
      newFollowers: number;
      topGifters: GifterLine[];
    }
  | { event: 'gift-spike'; account: NotifiedAccount; liveId: string; diamondsLastMinute: number; baselinePerMinute: number; factor: number }
  | { event: 'test'; workspace: string };
