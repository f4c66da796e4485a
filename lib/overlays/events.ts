// What an overlay's renderers listen to. The overlay page puts realtime messages (and, in the editor's
// preview, sample ones) on one small bus, so a renderer does not care where an event came from.
import type { GameMessage } from '@/lib/games/realtime';
import type { WheelSpin } from '@/lib/overlays/wheel';
import type { LiveCounters, LiveStatus, RealtimeChat, RealtimeGift, RealtimeSocial } from '@/lib/realtime/payloads';

export type OverlayEventMap = {
  gift: RealtimeGift;
  chat: RealtimeChat;
  social: RealtimeSocial;
  counters: LiveCounters;
  'live-status': LiveStatus;
  game: GameMessage;
  /** The editor's "Test" button of one alert variation (preview only). */
  'alert-test': { variationId: string };
  /** A wheel-of-fortune spin chosen on the server (or a preview sample's). */
  'wheel-spin': WheelSpin;
};

export type OverlayEventName = keyof OverlayEventMap;
export type OverlayEvent = { [K in OverlayEventName]: { name: K; data: OverlayEventMap[K] } }[OverlayEventName];

/** A listener receives the event's data and, for realtime messages, the channel it came on (none for the editor's samples). */
type Listener<K extends OverlayEventName> = (data: OverlayEventMap[K], channel?: string) => void;
type Listeners = { [K in OverlayEventName]: Set<Listener<K>> };

export class OverlayBus {
  private readonly listeners: Listeners = { gift: new Set(), chat: new Set(), social: new Set(), counters: new Set(), 'live-status': new Set(), game: new Set(), 'alert-test': new Set(), 'wheel-spin': new Set() };

  /** Calls `listener` for every `name` event until the returned function is called. */
  on<K extends OverlayEventName>(name: K, listener: Listener<K>): () => void {
    const set: Set<Listener<K>> = this.listeners[name];
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  emit<K extends OverlayEventName>(event: { name: K; data: OverlayEventMap[K]; channel?: string }): void {
    const set: Set<Listener<K>> = this.listeners[event.name];
    for (const listener of [...set]) listener(event.data, event.channel);
  }
}
