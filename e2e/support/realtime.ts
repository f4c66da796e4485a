// What a page receives from the realtime server, read off its websocket (Pusher protocol frames) rather
// than from the page, so a test can compare what arrived with what the page then showed.
import type { Page, WebSocket } from '@playwright/test';

/** A gift as the overlay channel carries it (the fields the browser tests read). */
export type GiftFrame = { id: string; giftId: string; name: string; diamonds: number; user: { nickname: string; handle: string } };

/** The `gift` events `page` receives from now on, in arrival order, each as `pick` makes it. */
export function recordGiftFrames<T>(page: Page, pick: (gift: GiftFrame) => T): T[] {
  const arrived: T[] = [];
  page.on('websocket', (socket: WebSocket) => {
    socket.on('framereceived', ({ payload }) => {
      try {
        const frame = JSON.parse(typeof payload === 'string' ? payload : payload.toString()) as { event?: string; data?: unknown };
        if (frame.event !== 'gift') return;
        // Pusher sends an event's data as a JSON string inside the frame.
        arrived.push(pick((typeof frame.data === 'string' ? JSON.parse(frame.data) : frame.data) as GiftFrame));
      } catch {
        // Not a JSON frame: not a gift.
      }
    });
  });
  return arrived;
}
