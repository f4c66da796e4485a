// The overlay editor's preview (`/overlay/{token}?preview=1` in an iframe): sample events so an overlay
// can be styled while the account is not live, and the message protocol the editor uses to push unsaved
// settings and to fire a test event.
import { z } from 'zod';
import type { BoardRow } from '@/lib/games/board';
import type { GameMessage, GameWinner } from '@/lib/games/realtime';
import type { OverlayEvent } from '@/lib/overlays/events';
import type { KindSettings } from '@/lib/overlays/settings';
import type { LiveCounters, RealtimeGift, RealtimeSocial, RealtimeUser } from '@/lib/realtime/payloads';
import { GIFT_CATALOG } from '@/lib/tiktok/gift-catalog';
import { chooseSegment, spinsForGift } from '@/lib/overlays/wheel';

// ---- The editor → preview protocol (window.postMessage, same origin only) ----

export const EDITOR_MESSAGE_SOURCE = 'livelens-editor';

export const editorMessageSchema = z.discriminatedUnion('type', [
  z.object({ source: z.literal(EDITOR_MESSAGE_SOURCE), type: z.literal('settings'), settings: z.unknown() }),
  /** `variationId`: play that alert variation (its "Test" button) rather than the kind's sample. */
  z.object({ source: z.literal(EDITOR_MESSAGE_SOURCE), type: z.literal('test'), variationId: z.string().max(40).optional() }),
]);

export type EditorMessage = z.infer<typeof editorMessageSchema>;

/** The editor's message, or null for anything else: other origins, other senders, other shapes. */
export function readEditorMessage(event: { origin: string; data: unknown }, ownOrigin: string): EditorMessage | null {
  if (event.origin !== ownOrigin) return null;
  const parsed = editorMessageSchema.safeParse(event.data);
  return parsed.success ? parsed.data : null;
}

// ---- Sample data ----

export type ScheduledEvent = { afterMs: number; event: OverlayEvent };

/** How often the preview adds a sample event while there is no live. */
export const PREVIEW_TICK_MS = 4000;

const PEOPLE: readonly [string, string][] = [
  ['mia.sparkles', 'Mia ✨'],
  ['coffee.ben', 'Ben'],
  ['aiko_draws', 'Aiko'],
  ['noah.plays', 'Noah'],
  ['lena.bakes', 'Lena'],
  ['jay_on_air', 'Jay'],
  ['priya.k', 'Priya'],
  ['tom_the_fan', 'Tom'],
];
const CHATS = ['Hi from Berlin! 👋', 'What are you making today?', 'Love this stream 💖', 'How long have you been streaming?', 'First time here, this is great', 'Can you say hi to my sister?', 'The music is so good', 'Where did you get that mug?'];
const QUESTIONS = ['What got you into streaming?', 'What is the best thing that happened on a live?', 'Which recipe should we try next week?'];
const PREVIEW_LIVE_ID = 'preview';

function metricValue(metric: 'likes' | 'diamonds' | 'follows', value: number): Partial<Record<'likes' | 'diamonds' | 'follows', number>> {
  const set: Partial<Record<'likes' | 'diamonds' | 'follows', number>> = {};
  set[metric] = value;
  return set;
}

/** A small seeded generator, so a preview (and its tests) always tell the same story. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class PreviewSamples {
  private n = 0;
  private ticks = 0;
  private readonly random: () => number;
  private readonly scores = new Map<string, number>();
  private counters: LiveCounters | null = null;

  constructor(
    private readonly overlayId: string,
    private readonly sessionId: string,
    private readonly now: () => number = Date.now,
    seed = 7,
  ) {
    this.random = seeded(seed);
  }

  private pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.random() * list.length)] ?? list[0];
    if (item === undefined) throw new Error('empty sample list');
    return item;
  }

  private user(index?: number): RealtimeUser {
    const [handle, nickname] = index === undefined ? this.pick(PEOPLE) : (PEOPLE[index % PEOPLE.length] ?? PEOPLE[0] ?? ['fan', 'Fan']);
    return { id: `preview-${handle}`, handle, nickname, avatar: null, follower: this.random() < 0.5 };
  }

  private id(kind: string): string {
    this.n += 1;
    return `preview-${kind}-${this.n}-${this.now()}`;
  }

  /** A gift worth at least `minDiamonds` (so a test alert passes the overlay's own threshold). */
  gift(minDiamonds = 0): RealtimeGift {
    const gift = this.pick(GIFT_CATALOG.filter((g) => g.diamondCount <= 500));
    const repeatCount = gift.streakable ? Math.max(1 + Math.floor(this.random() * 9), Math.ceil(minDiamonds / gift.diamondCount)) : Math.max(1, Math.ceil(minDiamonds / gift.diamondCount));
    return { liveId: PREVIEW_LIVE_ID, id: this.id('gift'), user: this.user(), giftId: gift.giftId, name: gift.name, image: null, diamondCount: gift.diamondCount, repeatCount, diamonds: gift.diamondCount * repeatCount, streakable: gift.streakable, at: this.now() };
  }

  /** `count` of the gift a "100 Roses" goal counts, as one finished streak. */
  goalGift(settings: { giftId: string; giftName: string }, count: number): OverlayEvent {
    const known = GIFT_CATALOG.find((g) => g.giftId === settings.giftId);
    const diamondCount = known?.diamondCount ?? 1;
    const repeatCount = Math.max(1, count);
    return { name: 'gift', data: { liveId: PREVIEW_LIVE_ID, id: this.id('gift'), user: this.user(), giftId: settings.giftId, name: known?.name ?? settings.giftName, image: null, diamondCount, repeatCount, diamonds: diamondCount * repeatCount, streakable: known?.streakable ?? true, at: this.now() } };
  }

  /** A gift big enough to put its sender on top of the preview's top-gifter card. */
  bigGift(): OverlayEvent {
    const gift = GIFT_CATALOG.find((g) => g.diamondCount >= 1000) ?? GIFT_CATALOG[0];
    if (!gift) throw new Error('empty gift catalogue');
    return { name: 'gift', data: { liveId: PREVIEW_LIVE_ID, id: this.id('gift'), user: this.user(), giftId: gift.giftId, name: gift.name, image: null, diamondCount: gift.diamondCount, repeatCount: 1, diamonds: gift.diamondCount, streakable: false, at: this.now() } };
  }

  /**
   * A sample spin of the wheel (the preview's own draw; real spins are drawn on the server): won by a sample
   * gift that meets the wheel's first rule, or a test spin when no rule is set. Nothing without segments.
   */
  wheelSpin(overlayId: string, settings: { segments: readonly { label: string; weight: number }[]; rules: Parameters<typeof spinsForGift>[0]['rules'] }): OverlayEvent[] {
    const index = chooseSegment(settings.segments, (total) => Math.min(total - 1, Math.floor(this.random() * total)));
    const segment = settings.segments[index];
    if (!segment) return [];
    const gift = GIFT_CATALOG.find((g) => spinsForGift({ rules: settings.rules, maxSpinsPerGift: 1 }, { ...g, repeatCount: 1 }) > 0);
    const user = this.user();
    return [{ name: 'wheel-spin', data: { id: this.id('spin'), overlayId, segmentIndex: index, segmentLabel: segment.label, viewerName: gift ? user.nickname : '', giftName: gift?.name ?? null, test: !gift, at: this.now() } }];
  }

  chat(): OverlayEvent {
    return { name: 'chat', data: { liveId: PREVIEW_LIVE_ID, id: this.id('chat'), user: this.user(), content: this.pick(CHATS), moderator: this.random() < 0.15, at: this.now() } };
  }

  social(kind: RealtimeSocial['kind']): OverlayEvent {
    return { name: 'social', data: { liveId: PREVIEW_LIVE_ID, id: this.id(kind), kind, user: this.user(), at: this.now() } };
  }

  /** Running totals that grow a little each call; `set` overrides some of them. */
  countersEvent(set: Partial<Pick<LiveCounters, 'likes' | 'diamonds' | 'follows' | 'viewers'>> = {}): OverlayEvent {
    const previous = this.counters ?? { liveId: PREVIEW_LIVE_ID, startedAt: this.now(), viewers: 120, likes: 2400, diamonds: 180, gifts: 14, comments: 60, follows: 12, shares: 4 };
    const next: LiveCounters = {
      ...previous,
      viewers: Math.max(1, previous.viewers + Math.round((this.random() - 0.45) * 12)),
      likes: previous.likes + Math.round(this.random() * 120),
      diamonds: previous.diamonds + (this.random() < 0.4 ? Math.round(this.random() * 30) : 0),
      follows: previous.follows + (this.random() < 0.3 ? 1 : 0),
      comments: previous.comments + 1,
      ...set,
    };
    this.counters = next;
    return { name: 'counters', data: next };
  }

  /** The sample board, with one viewer gaining points (or `boost` jumping to the top). */
  boardEvent(boost?: 'last-to-first'): OverlayEvent {
    if (this.scores.size === 0) PEOPLE.slice(0, 6).forEach(([handle], i) => this.scores.set(handle, 120 - i * 17));
    else if (boost === 'last-to-first') {
      const ranked = this.rows();
      const last = ranked[ranked.length - 1];
      const first = ranked[0];
      if (last && first) this.scores.set(last.handle, first.points + 5);
    } else {
      const [handle] = this.pick(PEOPLE);
      this.scores.set(handle, (this.scores.get(handle) ?? 0) + 1 + Math.floor(this.random() * 15));
    }
    return this.game({ type: 'board', sessionId: this.sessionId, overlayId: this.overlayId, rows: this.rows(), at: this.now() });
  }

  private rows(): BoardRow[] {
    return [...this.scores]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([handle, points], i) => {
        const nickname = PEOPLE.find(([h]) => h === handle)?.[1] ?? handle;
        return { rank: i + 1, userId: `preview-${handle}`, handle, nickname, avatar: null, follower: i % 2 === 0, points, likes: points * 10, diamonds: 0 };
      });
  }

  private game(message: GameMessage): OverlayEvent {
    return { name: 'game', data: message };
  }

  /** Countdown, frozen board, the winner's question on screen, then back to an open board. */
  private qaRound(countdownSeconds: number): ScheduledEvent[] {
    const start = this.now();
    const freezeAt = start + countdownSeconds * 1000;
    const top = this.rows()[0];
    const winner: GameWinner = top ? { userId: top.userId, handle: top.handle, nickname: top.nickname, avatar: null, points: top.points } : { userId: 'preview-mia.sparkles', handle: 'mia.sparkles', nickname: 'Mia ✨', avatar: null, points: 120 };
    const base = { sessionId: this.sessionId, overlayId: this.overlayId };
    return [
      { afterMs: 0, event: this.game({ type: 'state', ...base, phase: 'countdown', freezeAt, serverNow: start }) },
      { afterMs: countdownSeconds * 1000, event: this.game({ type: 'state', ...base, phase: 'frozen', freezeAt, serverNow: freezeAt }) },
      { afterMs: countdownSeconds * 1000 + 1500, event: this.game({ type: 'winner', ...base, winner, question: this.pick(QUESTIONS) }) },
      { afterMs: countdownSeconds * 1000 + 9500, event: this.game({ type: 'question-cleared', ...base }) },
      { afterMs: countdownSeconds * 1000 + 9500, event: this.game({ type: 'state', ...base, phase: 'active', freezeAt: null, serverNow: freezeAt + 8000 }) },
    ];
  }

  /** What the preview shows every PREVIEW_TICK_MS while the account is not live. */
  tick(overlay: KindSettings): OverlayEvent[] {
    this.ticks += 1;
    switch (overlay.kind) {
      case 'GIFT_ALERTS':
        return this.ticks % 2 === 1 ? [{ name: 'gift', data: this.gift(overlay.settings.minDiamonds) }] : [];
      case 'LEADERBOARD':
      case 'QA_GAME':
        return [this.boardEvent()];
      case 'GOAL':
        if (overlay.settings.metric === 'gift') return overlay.settings.giftId ? [this.goalGift(overlay.settings, 1 + Math.floor(this.random() * Math.max(1, overlay.settings.target / 20)))] : [];
        return [this.countersEvent()];
      case 'VIEWER_COUNT':
      case 'TIMER':
        return [this.countersEvent()];
      case 'WHEEL':
        // The wheel waits for spins; the editor's test button plays one.
        return [];
      case 'TOP_GIFTER':
        return [{ name: 'gift', data: this.gift() }];
      case 'CHAT':
        return [this.chat()];
      case 'ACTIVITY': {
        const kinds = (['follow', 'share', 'join'] as const).filter((k) => overlay.settings[k === 'follow' ? 'follows' : k === 'share' ? 'shares' : 'joins']);
        if (overlay.settings.gifts && (kinds.length === 0 || this.random() < 0.4)) return [{ name: 'gift', data: this.gift() }];
        return kinds.length > 0 ? [this.social(this.pick(kinds))] : [];
      }
    }
  }

  /** The first sample state shown when the preview opens. */
  initial(overlay: KindSettings): OverlayEvent[] {
    switch (overlay.kind) {
      case 'GOAL': {
        const start = Math.round(overlay.settings.target * 0.4);
        if (overlay.settings.metric === 'gift') return overlay.settings.giftId ? [this.goalGift(overlay.settings, start)] : [];
        return [this.countersEvent(metricValue(overlay.settings.metric, start))];
      }
      case 'TOP_GIFTER':
        return [{ name: 'gift', data: this.gift() }, { name: 'gift', data: this.gift() }, { name: 'gift', data: this.gift() }];
      case 'CHAT':
        return [this.chat(), this.chat(), this.chat()];
      case 'ACTIVITY':
        return [...this.tick(overlay), ...this.tick(overlay)];
      case 'WHEEL':
        // One sample spin shows what the wheel does.
        return this.wheelSpin(this.overlayId, overlay.settings);
      default:
        return this.tick(overlay);
    }
  }

  /** The editor's "Send a test" button: one clear example of what this overlay does. */
  test(overlay: KindSettings): ScheduledEvent[] {
    const now = (event: OverlayEvent): ScheduledEvent[] => [{ afterMs: 0, event }];
    switch (overlay.kind) {
      case 'GIFT_ALERTS':
        return now({ name: 'gift', data: this.gift(overlay.settings.minDiamonds) });
      case 'LEADERBOARD':
        if (this.scores.size === 0) return [{ afterMs: 0, event: this.boardEvent() }, { afterMs: 1200, event: this.boardEvent('last-to-first') }];
        return now(this.boardEvent('last-to-first'));
      case 'QA_GAME':
        return this.qaRound(overlay.settings.countdownSeconds);
      case 'GOAL':
        if (overlay.settings.metric === 'gift') return overlay.settings.giftId ? now(this.goalGift(overlay.settings, overlay.settings.target)) : [];
        return now(this.countersEvent(metricValue(overlay.settings.metric, overlay.settings.target)));
      case 'TOP_GIFTER':
        return now(this.bigGift());
      case 'TIMER': {
        // A gift and a follow: the timer gains time and shows by how much.
        const first: ScheduledEvent[] = this.counters ? [] : [{ afterMs: 0, event: this.countersEvent() }];
        const diamonds = (this.counters?.diamonds ?? 0) + 100;
        const follows = (this.counters?.follows ?? 0) + 1;
        return [...first, { afterMs: first.length ? 300 : 0, event: this.countersEvent({ diamonds, follows }) }];
      }
      case 'VIEWER_COUNT':
        return now(this.countersEvent({ viewers: (this.counters?.viewers ?? 120) + 25 }));
      case 'WHEEL':
        return this.wheelSpin(this.overlayId, overlay.settings).map((event) => ({ afterMs: 0, event }));
      case 'CHAT':
        return now(this.chat());
      case 'ACTIVITY':
        return now(overlay.settings.follows || !overlay.settings.gifts ? this.social('follow') : { name: 'gift', data: this.gift() });
    }
  }
}
