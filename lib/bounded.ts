// Bounded memories (recent message ids, closed streaks, known viewers, built profile views) kept in a
// Map or Set, whose insertion order makes the first entries the oldest.

/**
 * Drops the oldest entries of `collection` down to `capacity`, in bulk once it has grown an eighth past
 * it. Dropping one entry per insert through `keys().next()` looks O(1) but is not: V8 leaves deleted
 * entries as holes that an iterator from the start walks over until the table is rebuilt, which cost
 * 11 µs per message in the normaliser's duplicate filter (20,000 ids). One walk per bulk trim keeps it
 * amortised O(1).
 */
export function trimOldest<K>(collection: Map<K, unknown> | Set<K>, capacity: number): void {
  if (collection.size <= capacity + (capacity >> 3)) return;
  let excess = collection.size - capacity;
  for (const key of collection.keys()) {
    if (excess-- <= 0) break;
    collection.delete(key);
  }
}
