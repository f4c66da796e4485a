// A bounded memory of message ids already handled, to drop duplicate frames (TikTok resends, the
// initial batch overlapping the websocket, reconnects). Oldest ids are forgotten first; storage keeps
// unique keys as the second line of defence.
//
// One of these lives in every watched room for as long as the room is live, so its size is the worker's
// main cost per room once a room has run for a while. A Set of `${kind}:${msgId}` strings cost about
// 128 bytes per id (the concatenated key, the id's own string, the Set's slot): 2.5 MB for a room that
// has reached the 20,000 ids, which a quiet room does after a few hours, and 12 GB for 5,000 such rooms.
// TikTok's ids are decimal numbers of up to 19 digits, so they are kept here as two doubles in a ring
// (arrival order, for forgetting the oldest) with an open-addressing index into it: about 25 bytes per
// id, outside the JS heap, grown as the room fills. Anything else (a made-up or zero-padded id) goes to
// a plain Map in the same ring, so what is remembered and what is forgotten stay exactly as before.
//
// Ids are also forgotten after MAX_AGE_MS (30 minutes): duplicates come within seconds or minutes, and
// a count cap alone let every room fill up to 20,000 ids over a few hours (about 0.5 MB each with the
// index, 2.5 GB for 5,000 rooms, docs/benchmarks.md). With the age limit a quiet room keeps what 30
// minutes bring (about 1,800 ids at one message a second) and the ring shrinks when it is mostly empty.
// A copy arriving later than that would pass here; storage still refuses it (unique keys, like buckets'
// message ids), so only a realtime counter could see it twice.

const INITIAL_SLOTS = 64;
/** Kinds are folded into the high part of a numeric key (`high × KIND_SLOTS + kind`, below 2^53). */
const KIND_SLOTS = 1024;
/** Marks a ring slot whose key is a string (kept in `strings`). */
const STRING_KEY = -1;
const EMPTY = 0;
/** How long an id is remembered (see the top of the file). */
export const MAX_AGE_MS = 30 * 60_000;

/** Splits a canonical decimal id (no leading zero, 1–19 digits) into two exact doubles; undefined otherwise. */
function decimalParts(id: string): [high: number, low: number] | undefined {
  const length = id.length;
  if (length === 0 || length > 19 || id.charCodeAt(0) === 48 /* 0 */) return undefined;
  let high = 0;
  let low = 0;
  const split = length - 9; // the last 9 digits are `low`, the rest (up to 10 digits) `high`
  for (let i = 0; i < length; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    if (i < split) high = high * 10 + digit;
    else low = low * 10 + digit;
  }
  return [high, low];
}

function hashParts(a: number, b: number): number {
  let h = Math.imul((b | 0) ^ Math.imul(a % 4294967296 | 0, 0x85ebca6b) ^ Math.imul((a / 4294967296) | 0, 0xc2b2ae35), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

export class SeenIds {
  /** Ring of keys in arrival order: two doubles per slot (`a` = high × KIND_SLOTS + kind, or STRING_KEY; `b` = low). */
  private keys = new Float64Array(INITIAL_SLOTS * 2);
  /** Open-addressing index: ring slot + 1, or EMPTY. */
  private index = new Int32Array(INITIAL_SLOTS * 2);
  /** When each ring slot's id arrived, in whole seconds after `epoch`. */
  private times = new Uint32Array(INITIAL_SLOTS);
  private readonly epoch: number;
  private readonly maxAgeSeconds: number;
  private head = 0;
  private count = 0;
  private readonly kinds = new Map<string, number>();
  /** Keys that are not canonical decimal ids, with their ring slot. */
  private strings: Map<string, number> | undefined;
  private stringAt: (string | undefined)[] | undefined;
  private readonly maxSlots: number;

  // Duplicates arrive within seconds (resends, reconnect backlogs); 20,000 ids cover minutes of a busy
  // room and keep a quiet room’s memory small.
  constructor(
    private readonly capacity = 20_000,
    maxAgeMs = MAX_AGE_MS,
    private readonly clock: () => number = Date.now,
  ) {
    // Forgetting happens in bulk once the memory is an eighth over capacity (as `trimOldest` does for
    // the other bounded memories), so the ring must hold that many.
    this.maxSlots = capacity + (capacity >> 3) + 1;
    this.epoch = clock();
    this.maxAgeSeconds = Math.ceil(maxAgeMs / 1000);
  }

  /** Seconds since `epoch`, for the ring's arrival times. */
  private seconds(): number {
    return Math.max(0, Math.floor((this.clock() - this.epoch) / 1000));
  }

  /** Records message `msgId` of this kind; returns false when it was seen before. */
  add(kind: string, msgId: string): boolean {
    this.forgetExpired();
    let kindIndex = this.kinds.get(kind);
    if (kindIndex === undefined && this.kinds.size < KIND_SLOTS) {
      kindIndex = this.kinds.size;
      this.kinds.set(kind, kindIndex);
    }
    const parts = kindIndex === undefined ? undefined : decimalParts(msgId);
    if (!parts || kindIndex === undefined) return this.addString(`${kind}:${msgId}`);
    const a = parts[0] * KIND_SLOTS + kindIndex;
    const b = parts[1];
    const mask = this.index.length - 1;
    let position = hashParts(a, b) & mask;
    for (let entry = this.index[position] ?? EMPTY; entry !== EMPTY; entry = this.index[position] ?? EMPTY) {
      const slot = (entry - 1) * 2;
      if (this.keys[slot] === a && this.keys[slot + 1] === b) return false;
      position = (position + 1) & mask;
    }
    const slot = this.push(a, b);
    if (slot === undefined) return this.add(kind, msgId); // the ring grew: the index was rebuilt
    this.place(slot);
    this.forgetOldest();
    return true;
  }

  get size(): number {
    return this.count;
  }

  /** The typed arrays' bytes (the ring, its arrival times and the index; strings not counted). */
  get bytes(): number {
    return this.keys.byteLength + this.times.byteLength + this.index.byteLength;
  }

  private addString(key: string): boolean {
    this.strings ??= new Map();
    if (this.strings.has(key)) return false;
    const slot = this.push(STRING_KEY, 0);
    if (slot === undefined) return this.addString(key);
    this.strings.set(key, slot);
    (this.stringAt ??= [])[slot] = key;
    this.forgetOldest();
    return true;
  }

  /** Appends a key to the ring and returns its slot, or undefined after growing the ring (try again). */
  private push(a: number, b: number): number | undefined {
    const slots = this.keys.length / 2;
    if (this.count === slots) {
      // Cannot happen: forgetOldest() keeps the count below maxSlots, the ring's largest size.
      if (slots >= this.maxSlots) throw new Error('SeenIds: the ring is full');
      this.grow(Math.min(this.maxSlots, slots * 2));
      return undefined;
    }
    const slot = (this.head + this.count) % slots;
    this.keys[slot * 2] = a;
    this.keys[slot * 2 + 1] = b;
    this.times[slot] = this.seconds();
    this.count++;
    return slot;
  }

  /** Enters a numeric ring slot into the index. */
  private place(slot: number): void {
    const mask = this.index.length - 1;
    let position = hashParts(this.keys[slot * 2] ?? 0, this.keys[slot * 2 + 1] ?? 0) & mask;
    while ((this.index[position] ?? EMPTY) !== EMPTY) position = (position + 1) & mask;
    this.index[position] = slot + 1;
  }

  /** Drops the oldest keys down to capacity once the memory is an eighth over it. */
  private forgetOldest(): void {
    if (this.count <= this.capacity + (this.capacity >> 3)) return;
    while (this.count > this.capacity) this.dropHead();
  }

  /** Drops the ids older than the age limit, then halves the ring while it is at most a quarter full. */
  private forgetExpired(): void {
    if (this.count > 0 && (this.times[this.head] ?? 0) + this.maxAgeSeconds < this.seconds()) {
      const cutoff = this.seconds() - this.maxAgeSeconds;
      while (this.count > 0 && (this.times[this.head] ?? 0) < cutoff) this.dropHead();
    }
    // One halving per call: a ring emptied by age comes down over the next few ids, never below what it holds × 2.
    const slots = this.keys.length / 2;
    if (slots > INITIAL_SLOTS && this.count * 4 <= slots) this.grow(Math.max(INITIAL_SLOTS, slots >> 1));
  }

  /** Forgets the oldest id. */
  private dropHead(): void {
    const slots = this.keys.length / 2;
    const slot = this.head;
    if (this.keys[slot * 2] === STRING_KEY) {
      const key = this.stringAt?.[slot];
      if (key !== undefined) this.strings?.delete(key);
      if (this.stringAt) this.stringAt[slot] = undefined;
    } else {
      this.unplace(slot);
    }
    this.head = (this.head + 1) % slots;
    this.count--;
  }

  /** Removes a numeric ring slot from the index (linear probing's backward-shift deletion). */
  private unplace(slot: number): void {
    const mask = this.index.length - 1;
    let hole = hashParts(this.keys[slot * 2] ?? 0, this.keys[slot * 2 + 1] ?? 0) & mask;
    while (this.index[hole] !== slot + 1) hole = (hole + 1) & mask;
    this.index[hole] = EMPTY;
    for (let next = (hole + 1) & mask; (this.index[next] ?? EMPTY) !== EMPTY; next = (next + 1) & mask) {
      const entry = this.index[next] ?? EMPTY;
      const home = hashParts(this.keys[(entry - 1) * 2] ?? 0, this.keys[(entry - 1) * 2 + 1] ?? 0) & mask;
      // The entry may move into the hole unless its home lies cyclically after the hole, up to `next`.
      const stays = hole <= next ? home > hole && home <= next : home > hole || home <= next;
      if (stays) continue;
      this.index[hole] = entry;
      this.index[next] = EMPTY;
      hole = next;
    }
  }

  /** Copies the ring in arrival order into `slots` slots (more to grow, fewer to shrink; at least the
   *  count) and rebuilds the index (at most 70% full: linear probing stays at a few probes per lookup,
   *  and the index is a third of the memory at 20,000 ids). */
  private grow(slots: number): void {
    const old = this.keys;
    const oldTimes = this.times;
    const oldSlots = old.length / 2;
    const keys = new Float64Array(slots * 2);
    const times = new Uint32Array(slots);
    const stringAt: (string | undefined)[] | undefined = this.stringAt ? [] : undefined;
    for (let i = 0; i < this.count; i++) {
      const from = (this.head + i) % oldSlots;
      keys[i * 2] = old[from * 2] ?? 0;
      keys[i * 2 + 1] = old[from * 2 + 1] ?? 0;
      times[i] = oldTimes[from] ?? 0;
      const key = this.stringAt?.[from];
      if (stringAt && key !== undefined) {
        stringAt[i] = key;
        this.strings?.set(key, i);
      }
    }
    this.keys = keys;
    this.times = times;
    this.stringAt = stringAt;
    this.head = 0;
    let indexSize = 1;
    while (indexSize * 0.7 < slots) indexSize *= 2;
    this.index = new Int32Array(indexSize);
    for (let slot = 0; slot < this.count; slot++) if (keys[slot * 2] !== STRING_KEY) this.place(slot);
  }
}
