// Server-side sessions. The session cookie is a next-auth JWT that carries the id of a user_sessions
// row (`sid`); a cookie is honoured only while its row is neither revoked nor expired, so signing out,
// changing the password and "sign out everywhere" end a session on the server, not just in the browser
// (a copied cookie stops working at once). The lifetime is absolute: renewing the cookie does not extend it.
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db';

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;
/** last_seen_at is written at most this often per session (a write per request would be waste). */
const SEEN_EVERY_MS = 60 * 60 * 1000;

export async function createSession(db: Db, userId: string, userAgent?: string | null, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString('base64url');
  await db.userSession.create({
    data: { id, userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000), userAgent: userAgent?.slice(0, 300) ?? null },
  });
  return id;
}

/** True while the session exists for this user, is not revoked and has not expired. */
export async function isSessionActive(db: Db, sid: string, userId: string, now = new Date()): Promise<boolean> {
  const row = await db.userSession.findUnique({ where: { id: sid }, select: { userId: true, revokedAt: true, expiresAt: true, lastSeenAt: true } });
  if (!row || row.userId !== userId || row.revokedAt || row.expiresAt <= now) return false;
  if (now.getTime() - row.lastSeenAt.getTime() > SEEN_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: sid }, data: { lastSeenAt: now } });
  }
  return true;
}

export async function revokeSession(db: Db, sid: string): Promise<void> {
  await db.userSession.updateMany({ where: { id: sid, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session of the user (but `exceptSid`, the one making the request, when given). */
export async function revokeUserSessions(db: Db, userId: string, exceptSid?: string): Promise<number> {
  const { count } = await db.userSession.updateMany({ where: { userId, revokedAt: null, ...(exceptSid ? { id: { not: exceptSid } } : {}) }, data: { revokedAt: new Date() } });
  return count;
}

export type ActiveSession = { id: string; createdAt: string; lastSeenAt: string; userAgent: string | null; current: boolean };

export async function listActiveSessions(db: Db, userId: string, currentSid: string, now = new Date()): Promise<ActiveSession[]> {
  const rows = await db.userSession.findMany({ where: { userId, revokedAt: null, expiresAt: { gt: now } }, orderBy: { lastSeenAt: 'desc' }, take: 50 });
  return rows.map((r) => ({ id: r.id.slice(0, 8), createdAt: r.createdAt.toISOString(), lastSeenAt: r.lastSeenAt.toISOString(), userAgent: r.userAgent, current: r.id === currentSid }));
}

/** Drops rows of sessions that ended more than a day ago (the worker's retention job). */
export async function pruneSessions(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - 24 * 3600 * 1000);
  const { count } = await db.userSession.deleteMany({ where: { OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] } });
  return count;
}
