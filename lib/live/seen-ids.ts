// A bounded memory of message ids already handled, to drop duplicate frames (TikTok resends, the
// initial batch overlapping the websocket, reconnects). Oldest ids are forgotten first; storage keeps
// unique keys as the second line of defence.
import { trimOldest } from '@/lib/bounded';

export class SeenIds {
  private readonly ids = new Set<string>();

  // Duplicates arrive within seconds (resends, reconnect backlogs); 20,000 ids cover minutes of a busy
  // room and keep a quiet room’s memory small.
  constructor(private readonly capacity = 20_000) {}

  /** Records `id`; returns false when it was seen before. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    trimOldest(this.ids, this.capacity);
    return true;
  }

  get size(): number {
    return this.ids.size;
  }
}
