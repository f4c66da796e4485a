// The chat browser of one live: newest first, optionally filtered by a case- and accent-insensitive
// substring of the message or of the sender's nickname, or a substring of their handle. Callers check
// first that the user manages the live.
//
// The message filter is a regular expression that ignores accents (lib/dashboard/accent-pattern.ts:
// "mexico" finds "México"), matched with ~*. Its character classes are too wide for the trigram index
// on chats.content (migration chat_search) to narrow by, so Postgres reads the live's chats through the
// (live_id, created_at) index and tests each: about 60 ms for 50,000 messages (measured; ILIKE through
// the trigram index took 8 ms but missed every accented spelling). The sender filter is
// a separate branch of a UNION so that an OR across the join does not stop the planner from using it.
// Senders are LEFT JOINed: chats has no foreign key to viewers (migration chats_viewer_lean_fk), and a
// message must not vanish because its sender row does.
import 'server-only';
import type { Db } from '@/lib/db';
import { accentInsensitivePattern } from '@/lib/dashboard/accent-pattern';
import { liveEventWindow, type LiveRef } from '@/lib/live/event-window';
import { buildPaged, normalisePaging, type Paged } from '@/lib/dashboard/paging';

export const CHATS_PAGE_SIZE = 50;
export const MAX_CHAT_QUERY_LENGTH = 100;

export type ChatMessage = {
  id: string;
  at: string;
  content: string;
  viewer: { id: string; handle: string | null; nickname: string | null; avatarUrl: string | null };
};

type ChatSqlRow = { id: bigint; content: string; created_at: Date; viewer_id: bigint; handle: string | null; nickname: string | null; avatar_url: string | null };
type NullableChatSqlRow = { [K in keyof ChatSqlRow]: ChatSqlRow[K] | null };

/** `%term%` for ILIKE, with the pattern characters of the term matched literally. */
export function buildContainsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** False for the all-null row of an empty page (it still carries the total). */
function isChatRow<T extends NullableChatSqlRow>(r: T): r is T & ChatSqlRow {
  return r.id !== null && r.content !== null && r.created_at !== null && r.viewer_id !== null;
}

function toChatMessage(r: ChatSqlRow): ChatMessage {
  return {
    id: r.id.toString(),
    at: r.created_at.toISOString(),
    content: r.content,
    viewer: { id: r.viewer_id.toString(), handle: r.handle, nickname: r.nickname, avatarUrl: r.avatar_url },
  };
}

/** A page of the live's chat, newest first, with the number of messages that match. */
export async function searchChats(db: Db, live: LiveRef, options: { q?: string; page?: number; pageSize?: number } = {}): Promise<Paged<ChatMessage>> {
  const { page, pageSize } = normalisePaging(options.page, options.pageSize, CHATS_PAGE_SIZE);
  const offset = (page - 1) * pageSize;
  const term = (options.q ?? '').trim().slice(0, MAX_CHAT_QUERY_LENGTH);
  // The live's window: only the chats partitions of its months are read.
  const { id: liveId, since } = await liveEventWindow(db, live);
  if (!since) return buildPaged([], page, pageSize, 0);

  if (term === '') {
    const [total, rows] = await Promise.all([
      db.chat.count({ where: { liveId, createdAt: { gte: since } } }),
      db.$queryRaw<ChatSqlRow[]>`
        SELECT c.id, c.content, c.created_at, c.viewer_id, v.handle, v.nickname, v.avatar_url
        FROM chats c LEFT JOIN viewers v ON v.id = c.viewer_id
        WHERE c.live_id = ${liveId} AND c.created_at >= ${since}
        ORDER BY c.created_at DESC, c.id DESC
        LIMIT ${pageSize} OFFSET ${offset}`,
    ]);
    return buildPaged(rows.map(toChatMessage), page, pageSize, total);
  }

  const pattern = accentInsensitivePattern(term);
  // Handles are stored without "@", so "@luna" should still find luna.streams.
  const handlePattern = buildContainsPattern(term.replace(/^@+/, '') || term);
  // One statement, so the matches are found once for both the page and the total. Only the page's ids
  // are joined back to chats and viewers; the total row comes back even when the page is empty.
  const rows = await db.$queryRaw<(NullableChatSqlRow & { total: number })[]>`
    WITH matches AS (
      SELECT id, created_at FROM chats WHERE live_id = ${liveId} AND created_at >= ${since} AND content ~* ${pattern}
      UNION
      SELECT c.id, c.created_at FROM chats c JOIN viewers v ON v.id = c.viewer_id
      WHERE c.live_id = ${liveId} AND c.created_at >= ${since} AND (v.handle ILIKE ${handlePattern} OR v.nickname ~* ${pattern})
    ),
    page AS (
      SELECT id, created_at FROM matches ORDER BY created_at DESC, id DESC LIMIT ${pageSize} OFFSET ${offset}
    )
    SELECT t.total, c.id, c.content, c.created_at, c.viewer_id, v.handle, v.nickname, v.avatar_url
    FROM (SELECT count(*)::int AS total FROM matches) t
    LEFT JOIN page p ON true
    LEFT JOIN chats c ON c.id = p.id AND c.created_at = p.created_at AND c.created_at >= ${since}
    LEFT JOIN viewers v ON v.id = c.viewer_id
    ORDER BY p.created_at DESC, p.id DESC`;
  return buildPaged(rows.filter(isChatRow).map(toChatMessage), page, pageSize, rows[0]?.total ?? 0);
}
