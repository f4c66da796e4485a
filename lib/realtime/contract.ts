// The realtime contract: every event name we publish and the shape of its data, in one map used by the
// publishers (the fan-out, the app's notifications of overlay and game changes) and by the browser hooks.
// Renaming an event or changing its data on one side fails `tsc` on the other.
import type { GameMessage } from '@/lib/games/realtime';
import type { OverlayControlMessage } from '@/lib/overlays/types';
import type { WheelSpinMessage } from '@/lib/overlays/wheel';
import type { LiveCounters, LiveStatus, RealtimeChat, RealtimeGift, RealtimeGiftProgress, RealtimeSocial } from '@/lib/realtime/payloads';

export type RealtimeEvents = {
  gift: RealtimeGift;
  'gift-progress': RealtimeGiftProgress;
  chat: RealtimeChat;
  social: RealtimeSocial;
  counters: LiveCounters;
  'live-status': LiveStatus;
  game: GameMessage;
  overlay: OverlayControlMessage;
  wheel: WheelSpinMessage;
};

export type RealtimeEventName = keyof RealtimeEvents;

/** An event's name with its data, before it has a channel. */
export type NamedRealtimeData = { [N in RealtimeEventName]: { name: N; data: RealtimeEvents[N] } }[RealtimeEventName];

/** One event on one channel, its data typed by its name. */
export type RealtimeMessage = { [N in RealtimeEventName]: { channel: string; name: N; data: RealtimeEvents[N] } }[RealtimeEventName];

/** Handlers a page binds, each receiving its event's data and the channel it came on (a page may watch several accounts). */
export type RealtimeHandlers = { [N in RealtimeEventName]?: (data: RealtimeEvents[N], channel: string) => void };
