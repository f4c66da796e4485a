// The scoreboard of one leaderboard or Q&A session, kept in memory by the worker that holds the account
// (and persisted by it, see worker/games.ts). Pure: events in, ranked rows out.
//
// - Likes accumulate per viewer; points = floor(likes ÷ the follower or non-follower rate). A viewer
//   known to follow the streamer (from any of their messages, or a follow during the session) scores at
//   the follower rate for all their likes of the session, so a viewer's like points never go down.
// - A completed gift scores diamonds × the multiplier of its value tier; streak progress scores nothing,
//   so a streak counts once, when it ends. Only whole points count: a gift's fraction (×1.2) carries over.
//   Another platform's gift scores by its worth in diamonds (`diamondsPerUnit`: a Bilibili gift of 1,000
//   gold, ¥1, is about 14 diamonds at the default rates), so tiers and points mean the same everywhere.
// - Whether the session accepts points at all (frozen, ended) is decided by the caller.
// - A winner is removed from the board for the rest of the session.
import type { LiveEvent, ViewerRef } from '@/lib/live/events';
import { giftPoints, roundPoints, viewerPoints, type ScoringRules } from '@/lib/games/rules';
import type { Platform } from '@/lib/platforms/events';
import { platformOfId } from '@/lib/platforms/ids';

export type BoardEntry = {
  /** TikTok user id. */
  userId: string;
  handle: string;
  nickname: string;
  avatar: string | null;
  follower: boolean;
  likes: number;
  diamonds: number;
  giftPoints: number;
  points: number;
  /** When the viewer reached their current points (ties rank the earlier one first). */
  reachedAt: number;
  removed: boolean;
};

export type BoardRow = {
  rank: number;
  userId: string;
  handle: string;
  nickname: string;
  avatar: string | null;
  follower: boolean;
  points: number;
  likes: number;
  diamonds: number;
};

export class ScoreBoard {
  private readonly entries = new Map<string, BoardEntry>();
  private readonly dirty = new Set<string>();

  constructor(
    readonly rules: ScoringRules,
    initial: Iterable<BoardEntry> = [],
    /** Diamonds one unit of a platform's gift value is worth (lib/dashboard/value.ts valueRate); TikTok's is 1. */
    private readonly diamondsPerUnit: Partial<Record<Platform, number>> = {},
  ) {
    for (const entry of initial) this.entries.set(entry.userId, { ...entry });
  }

  /** Scores one event; returns the entry when its points changed (the board needs publishing). */
  apply(event: LiveEvent): BoardEntry | undefined {
    switch (event.type) {
      case 'like': {
        if (event.count <= 0) return undefined;
        const entry = this.entry(event.viewer);
        if (!entry) return undefined;
        entry.likes += event.count;
        return this.rescore(entry, event.at);
      }
      case 'gift': {
        const entry = this.entry(event.viewer);
        if (!entry) return undefined;
        entry.diamonds += event.diamonds;
        const rate = this.diamondsPerUnit[platformOfId(event.viewer.userId)] ?? 1;
        entry.giftPoints = roundPoints(entry.giftPoints + giftPoints(this.rules, event.diamondCount * rate, event.repeatCount));
        return this.rescore(entry, event.at);
      }
      case 'follow':
      case 'chat':
      case 'member':
      case 'share': {
        // No points, but what we learn about the viewer (follower, name) applies to their entry.
        const known = this.entries.get(event.viewer.userId);
        if (!known && event.type !== 'follow') return undefined;
        const entry = this.entry(event.viewer, event.type === 'follow');
        return entry ? this.rescore(entry, event.at) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** Takes a viewer off the board (a winner); their later events score nothing. */
  remove(userId: string): void {
    const entry = this.entries.get(userId);
    if (entry && !entry.removed) {
      entry.removed = true;
      this.dirty.add(userId);
    }
  }

  get(userId: string): BoardEntry | undefined {
    return this.entries.get(userId);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The board: viewers with points, best first, winners excluded. */
  top(limit: number): BoardRow[] {
    const ranked = [...this.entries.values()].filter((e) => !e.removed && e.points > 0).sort(compareEntries);
    return ranked.slice(0, limit).map((e, i) => ({ rank: i + 1, userId: e.userId, handle: e.handle, nickname: e.nickname, avatar: e.avatar, follower: e.follower, points: e.points, likes: e.likes, diamonds: e.diamonds }));
  }

  /** Entries changed since the last call (for persisting). */
  takeDirty(): BoardEntry[] {
    const out: BoardEntry[] = [];
    for (const id of this.dirty) {
      const entry = this.entries.get(id);
      if (entry) out.push({ ...entry });
    }
    this.dirty.clear();
    return out;
  }

  /** Puts entries back in the dirty set (a persist that failed). */
  markDirty(userIds: Iterable<string>): void {
    for (const id of userIds) this.dirty.add(id);
  }

  private entry(viewer: ViewerRef, followed = false): BoardEntry | undefined {
    let entry = this.entries.get(viewer.userId);
    if (!entry) {
      entry = { userId: viewer.userId, handle: viewer.handle, nickname: viewer.nickname, avatar: viewer.avatarUrl, follower: false, likes: 0, diamonds: 0, giftPoints: 0, points: 0, reachedAt: 0, removed: false };
      this.entries.set(viewer.userId, entry);
    }
    if (entry.removed) return undefined;
    if (!viewer.placeholder || entry.handle === '') {
      entry.handle = viewer.handle;
      entry.nickname = viewer.nickname;
    }
    if (viewer.avatarUrl) entry.avatar = viewer.avatarUrl;
    entry.follower ||= viewer.isFollower || followed;
    return entry;
  }

  private rescore(entry: BoardEntry, at: number): BoardEntry | undefined {
    this.dirty.add(entry.userId);
    const points = viewerPoints(this.rules, entry.likes, entry.follower, entry.giftPoints);
    if (points === entry.points) return undefined;
    entry.points = points;
    entry.reachedAt = at;
    return entry;
  }
}

/** Points first; on a tie, whoever got there first; then a stable id order. */
export function compareEntries(a: BoardEntry, b: BoardEntry): number {
  return b.points - a.points || a.reachedAt - b.reachedAt || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
}
