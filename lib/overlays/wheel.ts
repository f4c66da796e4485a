// The wheel of fortune (browser-safe, shared by the worker, the API, the overlay page and its preview):
// its segments and trigger rules, how many spins a gift earns, the weighted choice of a segment, and where
// the wheel must stop to land on it. The choice itself is made on the server (worker/wheels.ts for gifts,
// lib/overlays/wheel-store.ts for the host's "Spin now") with a cryptographic random draw passed in here.
//
// Gifts are the worker's normalised "gift" events, the same the alerts and the goal read: one per single
// gift and one per finished streak with its final count. Each qualifying gift is one spin (a streak of 5
// Roses: 5 spins, up to the wheel's cap per gift); a streak seen again (closed by timeout, then its real end
// frame) adds only the spins its higher count earns, because a spin is stored under (gift key, number).
import { z } from 'zod';
import type { RealtimeGift } from '@/lib/realtime/payloads';

export const MAX_SEGMENTS = 24;
export const MAX_WHEEL_RULES = 20;

const id = z.string().trim().min(1).max(40).regex(/^[\w-]+$/);

export const wheelSegmentSchema = z.object({
  /** Stable across reordering (the editor's list keys). */
  id,
  label: z.string().trim().min(1, 'Give the segment a label.').max(40),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #ff2d55.').default('#ff2d55'),
  /** Relative chance: a segment of weight 2 wins twice as often as one of weight 1. */
  weight: z.number().int().min(1).max(1000).default(1),
});
export type WheelSegment = z.infer<typeof wheelSegmentSchema>;

export const wheelRuleSchema = z
  .object({
    id,
    enabled: z.boolean().default(true),
    /** 'gifts': any of `giftIds`; 'value': any gift whose single value is at least `minDiamonds`. */
    trigger: z.enum(['gifts', 'value']).default('gifts'),
    giftIds: z.array(z.string().trim().min(1).max(40).regex(/^[\w-]+$/)).max(50).default([]),
    minDiamonds: z.number().int().min(1).max(10_000_000).default(100),
  })
  .superRefine((rule, ctx) => {
    if (rule.trigger === 'gifts' && rule.giftIds.length === 0) ctx.addIssue({ code: 'custom', path: ['giftIds'], message: 'Choose at least one gift.' });
  });
export type WheelRule = z.infer<typeof wheelRuleSchema>;

/** The fields of a WHEEL overlay's settings (lib/overlays/settings.ts adds the common ones). */
export const wheelFields = {
  segments: z.array(wheelSegmentSchema).max(MAX_SEGMENTS).default([]),
  rules: z.array(wheelRuleSchema).max(MAX_WHEEL_RULES).default([]),
  /** A long streak earns at most this many spins (a 99-Rose combo should not hold the wheel for ten minutes). */
  maxSpinsPerGift: z.number().int().min(1).max(100).default(10),
  spinSeconds: z.number().int().min(2).max(20).default(6),
  /** How long the result stays on screen before the next spin in the queue. */
  resultSeconds: z.number().int().min(1).max(30).default(4),
};

type WheelRules = { rules: readonly WheelRule[]; maxSpinsPerGift: number };

/** Whether one gift (a single one of the event's count) meets any enabled rule. */
export function giftQualifies(rules: readonly WheelRule[], gift: Pick<RealtimeGift, 'giftId' | 'diamondCount'>): boolean {
  return rules.some((rule) => rule.enabled && (rule.trigger === 'gifts' ? rule.giftIds.includes(gift.giftId) : gift.diamondCount >= rule.minDiamonds));
}

/**
 * How many spins a gift event earns in all: its count of qualifying gifts (a finished streak's final count),
 * held to the cap. Rules do not add up: a gift matching two rules still spins once.
 */
export function spinsForGift(settings: WheelRules, gift: Pick<RealtimeGift, 'giftId' | 'diamondCount' | 'repeatCount'>): number {
  if (!giftQualifies(settings.rules, gift)) return 0;
  return Math.min(Math.max(1, Math.floor(gift.repeatCount)), settings.maxSpinsPerGift);
}

/** An integer in [0, total): crypto.randomInt on the server, crypto.getRandomValues in a browser, seeded in tests. */
export type Draw = (total: number) => number;

/** The index of the winning segment: each wins with a chance of its weight over the sum; -1 with none. */
export function chooseSegment(segments: readonly Pick<WheelSegment, 'weight'>[], draw: Draw): number {
  const total = segments.reduce((sum, s) => sum + Math.max(0, Math.floor(s.weight)), 0);
  if (total <= 0) return -1;
  const ticket = draw(total);
  if (!Number.isInteger(ticket) || ticket < 0 || ticket >= total) throw new RangeError(`draw(${total}) returned ${ticket}`);
  let left = ticket;
  for (const [index, segment] of segments.entries()) {
    left -= Math.max(0, Math.floor(segment.weight));
    if (left < 0) return index;
  }
  return segments.length - 1;
}

/** A browser's draw (the editor preview's sample spins), without modulo bias. */
export function browserDraw(total: number): number {
  const limit = Math.floor(0x1_0000_0000 / total) * total;
  const buffer = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    const value = buffer[0] ?? 0;
    if (value < limit) return value % total;
  }
}

/** How many results the editor lists (the API's page and the list kept in the browser). */
export const RECENT_SPINS = 20;

/** One spin as the overlay and the editor see it. */
export type WheelSpin = {
  id: string;
  overlayId: string;
  segmentIndex: number;
  segmentLabel: string;
  /** The gifter's name ('' for the host's test spin). */
  viewerName: string;
  giftName: string | null;
  test: boolean;
  at: number;
};

/** Published on the "wheel" event to the overlay's channel and its workspace's. */
export type WheelSpinMessage = { overlayId: string; spin: WheelSpin };

/** Newest first: later time, then the later stored row (ids are increasing integers, as strings). */
function newerFirst(a: WheelSpin, b: WheelSpin): number {
  if (a.at !== b.at) return b.at - a.at;
  return b.id.length !== a.id.length ? b.id.length - a.id.length : b.id < a.id ? -1 : b.id > a.id ? 1 : 0;
}

/**
 * The editor's recent results with one more spin (a realtime message or the host's own "Spin now"):
 * placed by its time, once however often it is delivered, the list held to RECENT_SPINS.
 */
export function addRecentSpin(list: readonly WheelSpin[], spin: WheelSpin, limit = RECENT_SPINS): WheelSpin[] {
  return [spin, ...list.filter((s) => s.id !== spin.id)].sort(newerFirst).slice(0, limit);
}

/**
 * Which segment to land on: the spin's index when it still holds the same label (the wheel was not edited
 * since), else the first segment with that label, else -1 (the result is shown without landing).
 */
export function landingIndex(segments: readonly Pick<WheelSegment, 'label'>[], spin: Pick<WheelSpin, 'segmentIndex' | 'segmentLabel'>): number {
  if (segments[spin.segmentIndex]?.label === spin.segmentLabel) return spin.segmentIndex;
  return segments.findIndex((s) => s.label === spin.segmentLabel);
}

/** Whole turns before stopping, so every spin looks like a spin. */
export const WHEEL_TURNS = 5;

/**
 * The wheel's rotation (degrees, clockwise) after a spin from `from` that stops with segment `index` under
 * the pointer at the top. Segments are equal slices drawn clockwise from the top; `offset` (0–1) places the
 * pointer inside the slice (0.5: its middle), kept off the edges so the result is never ambiguous.
 */
export function landingRotation(from: number, index: number, count: number, offset = 0.5): number {
  const slice = 360 / count;
  const inside = 0.15 + Math.min(1, Math.max(0, offset)) * 0.7;
  const target = (360 - (index + inside) * slice + 360) % 360;
  const current = ((from % 360) + 360) % 360;
  const extra = (target - current + 360) % 360;
  return from + WHEEL_TURNS * 360 + extra;
}

/** The segment under the pointer at `rotation` (the inverse of landingRotation, for tests and checks). */
export function segmentAt(rotation: number, count: number): number {
  const slice = 360 / count;
  const angle = (((360 - rotation) % 360) + 360) % 360;
  return Math.min(count - 1, Math.floor(angle / slice));
}

/** Spins waiting to be played: at most this many (older ones beyond it are dropped, newest kept). */
export const MAX_QUEUED_SPINS = 200;
/** Spin ids remembered as played (a message delivered twice plays once). */
const PLAYED_LIMIT = 500;

/** The overlay's wheel: the spins waiting, the one playing (turning, then its result shown), the wheel's angle. */
export type WheelPlay = {
  queue: WheelSpin[];
  playing: { spin: WheelSpin; index: number; phase: 'spinning' | 'result' } | null;
  rotation: number;
  played: string[];
};

export const IDLE_WHEEL: WheelPlay = { queue: [], playing: null, rotation: 0, played: [] };

type Segments = readonly Pick<WheelSegment, 'label'>[];

/** Starts the next queued spin when none is playing (so spins never overlap). `offset`: where in the slice to stop (0–1). */
function advance(state: WheelPlay, segments: Segments, offset: number): WheelPlay {
  const [next, ...rest] = state.queue;
  if (state.playing || !next) return state;
  const index = landingIndex(segments, next);
  const rotation = index >= 0 ? landingRotation(state.rotation, index, segments.length, offset) : state.rotation;
  // A spin whose segment is gone (the wheel was edited) shows its result without turning.
  return { queue: rest, playing: { spin: next, index, phase: index >= 0 ? 'spinning' : 'result' }, rotation, played: [...state.played, next.id].slice(-PLAYED_LIMIT) };
}

/** A spin arrived: queued in arrival order (a spin already queued or played is ignored), started if the wheel is free. */
export function receiveSpin(state: WheelPlay, spin: WheelSpin, segments: Segments, offset: number): WheelPlay {
  if (state.played.includes(spin.id) || state.queue.some((s) => s.id === spin.id)) return state;
  const queue = [...state.queue, spin];
  return advance({ ...state, queue: queue.length > MAX_QUEUED_SPINS ? queue.slice(queue.length - MAX_QUEUED_SPINS) : queue }, segments, offset);
}

/** The playing spin's phase ended: the turn shows its result; a shown result makes way for the next spin. */
export function finishPhase(state: WheelPlay, segments: Segments, offset: number): WheelPlay {
  if (!state.playing) return advance(state, segments, offset);
  if (state.playing.phase === 'spinning') return { ...state, playing: { ...state.playing, phase: 'result' } };
  return advance({ ...state, playing: null }, segments, offset);
}
