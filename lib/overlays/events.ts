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

type Listeners = { [K in OverlayEventName]: Set<(data: OverlayEventMap[K]) => void> };

export class OverlayBus {
  private readonly listeners: Listeners = { gift: new Set(), chat: new Set(), social: new Set(), counters: new Set(), 'live-status': new Set(), game: new Set(), 'alert-test': new Set(), 'wheel-spin': new Set() };

  /** Calls `listener` for every `name` event until the returned function is called. */
  on<K extends OverlayEventName>(name: K, listener: (data: OverlayEventMap[K]) => void): () => void {
    const set: Set<(data: OverlayEventMap[K]) => void> = this.listeners[name];
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  emit<K extends OverlayEventName>(event: { name: K; data: OverlayEventMap[K] }): void {
    const set: Set<(data: OverlayEventMap[K]) => void> = this.listeners[event.name];
    for (const listener of [...set]) listener(event.data);
  }
}
