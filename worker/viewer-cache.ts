// TikTok user id → our viewer id, for viewers already stored with the same names, so a busy room does
// not upsert the same viewers on every flush. Bounded; the least recently used are forgotten.
import { trimOldest } from '@/lib/bounded';
import type { ViewerRef } from '@/lib/live/events';

type Entry = { id: string; handle: string; nickname: string; avatarUrl: string | null; placeholder: boolean };

export class ViewerCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 200_000) {}

  /** Our id for this viewer when nothing about it needs writing; undefined means "upsert it". */
  lookup(viewer: ViewerRef): string | undefined {
    const entry = this.entries.get(viewer.userId);
    if (!entry) return undefined;
    // A placeholder never replaces a stored real name, so it needs no write either.
    const unchanged =
      (viewer.placeholder && !entry.placeholder) ||
      (entry.handle === viewer.handle && entry.nickname === viewer.nickname && entry.placeholder === viewer.placeholder && (viewer.avatarUrl === null || viewer.avatarUrl === entry.avatarUrl));
    if (!unchanged) return undefined;
    this.entries.delete(viewer.userId); // move to the most recently used end
    this.entries.set(viewer.userId, entry);
    return entry.id;
  }

  /** Records viewers whose upsert has been committed. */
  remember(viewers: ViewerRef[], ids: Map<string, string>): void {
    for (const viewer of viewers) {
      const id = ids.get(viewer.userId);
      if (!id) continue;
      this.entries.delete(viewer.userId);
      this.entries.set(viewer.userId, { id, handle: viewer.handle, nickname: viewer.nickname, avatarUrl: viewer.avatarUrl, placeholder: viewer.placeholder });
    }
    trimOldest(this.entries, this.capacity);
  }

  get size(): number {
    return this.entries.size;
  }
}
