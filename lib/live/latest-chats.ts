// The latest chats of a live with their senders: the first paint of the dashboard's "live now" and of the
// chat overlay. chats has no foreign key to viewers (migration chats_viewer_lean_fk), so the senders are
// read in a second query by id. A sender that is missing (not possible while the worker is the only
// writer) shows as an unnamed viewer instead of hiding the message.
import 'server-only';
import type { Db } from '@/lib/db';

export type ChatSender = { tiktokUserId: string; handle: string | null; nickname: string | null; avatarUrl: string | null };

/** `since`: the live's window start (lib/live/event-window.ts), so that only its months' partitions are read. */
export async function latestChats(db: Db, liveId: bigint, take: number, since?: Date) {
  const chats = await db.chat.findMany({ where: { liveId, ...(since ? { createdAt: { gte: since } } : {}) }, orderBy: { createdAt: 'desc' }, take });
  if (chats.length === 0) return [];
  const senders = await db.viewer.findMany({
    where: { id: { in: [...new Set(chats.map((c) => c.viewerId))] } },
    select: { id: true, tiktokUserId: true, handle: true, nickname: true, avatarUrl: true },
  });
  const byId = new Map(senders.map((v) => [v.id, v]));
  return chats.map((c) => ({ ...c, viewer: (byId.get(c.viewerId) ?? { tiktokUserId: `unknown-${c.viewerId}`, handle: null, nickname: null, avatarUrl: null }) satisfies ChatSender }));
}
