// This process's copies of shared cache entries, least recently used first out, bounded by the size of
// their JSON. A copy is only used after the database confirmed it is still the current version.
export type HeldEntry = { version: number; value: unknown; bytes: number };

export class MemoryCache {
  private readonly entries = new Map<string, HeldEntry>();
  private total = 0;

  constructor(readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): HeldEntry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Map keeps insertion order: moving the entry to the end makes the first one the least recent.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: HeldEntry): void {
    this.delete(key);
    if (entry.bytes > this.maxBytes) return;
    this.entries.set(key, entry);
    this.total += entry.bytes;
    for (const [oldest, held] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= held.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }
}
