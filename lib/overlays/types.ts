// Shapes shared by the overlay page (browser) and the server code that feeds it.
import type { GameSnapshot } from '@/lib/games/types';

export type { GameSnapshot };
import type { GifterTotal } from '@/lib/overlays/gift-tally';
import type { GoalSource } from '@/lib/overlays/goal-progress';
import type { KindSettings } from '@/lib/overlays/settings';
import type { TimerState, TimerTally } from '@/lib/overlays/timer';
import type { ValueRates } from '@/lib/overlays/variations';
import type { PublicRealtimeConfig } from '@/lib/realtime/channels';
import type { LiveCounters, RealtimeChat, RealtimeGift, RealtimeSocial } from '@/lib/realtime/payloads';

/** Published on the "overlay" event: an overlay's settings changed, or its token stopped working. */
export type OverlayControlMessage =
  | { type: 'settings'; overlayId: string; settings: unknown }
  | { type: 'revoked'; overlayId: string }
  /** The host started, paused, reset or added time to a subathon timer. */
  | { type: 'timer'; overlayId: string; state: TimerState };

type ViewBase = {
  overlayId: string;
  name: string;
  token: string;
  accountId: string;
  account: { handle: string; nickname: string | null };
  realtime: PublicRealtimeConfig;
  /** The account's public events, and the overlay's own settings and games. */
  /** `accounts`: the account channels it draws from (its own first; lib/overlays/sources.ts). */
  channels: { account: string; accounts: string[]; overlay: string };
  serverNow: number;
  /** The account's current LIVE (null when it is not live). */
  live: LiveCounters | null;
  recentChats: RealtimeChat[];
  recentActivity: (RealtimeSocial | RealtimeGift)[];
  game: GameSnapshot | null;
  /** A goal: each channel it counts (its own first, then its cluster's) with its current LIVE (empty for other kinds). */
  goalSources: GoalSource[];
  /** The top-gifter card: the current LIVE's biggest gifters so far (empty for other kinds). */
  topGifters: GifterTotal[];
  /** A subathon timer: its state, and what the LIVEs since its start gained (null for other kinds). */
  timer: { state: TimerState; tally: TimerTally } | null;
  /** What one unit of each platform's value is worth in the overlay's own channel's unit (1 for its own). */
  valueRates: ValueRates;
};

/** Everything /overlay/{token} needs for its first paint; one variant per kind. */
export type OverlayView = ViewBase & KindSettings;
