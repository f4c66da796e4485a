// Who may read a report: its owner, or anyone holding a live share link. Everyone else — another user,
// a visitor, a revoked link, a guessed id — gets the same "not found", so ids cannot be probed.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { AppError } from '@/lib/api/errors';
import type { Db } from '@/lib/db';

export type ReportViewer = { userId?: string | null; shareToken?: string | null };

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

export async function getReadableReport(db: Db, reportId: string, viewer: ReportViewer) {
  const report = await db.report.findUnique({
    where: { id: reportId },
    include: { order: { select: { status: true } }, account: { select: { handle: true } }, shareLinks: { where: { revokedAt: null }, orderBy: { createdAt: 'desc' } } },
  });
  if (!report || report.order.status === 'REFUNDED') return null;
  const isOwner = Boolean(viewer.userId) && report.userId === viewer.userId;
  const token = viewer.shareToken && TOKEN.test(viewer.shareToken) ? viewer.shareToken : null;
  const viaLink = token !== null && report.shareLinks.some((link) => link.token === token);
  if (!isOwner && !viaLink) return null;
  return { report, isOwner };
}

async function ownReport(db: Db, reportId: string, userId: string) {
  const report = await db.report.findUnique({ where: { id: reportId }, select: { userId: true } });
  if (!report || report.userId !== userId) throw new AppError('NOT_FOUND', 'No such report.');
}

/** A new share link: an unguessable token (192 random bits). */
export async function createShareLink(db: Db, reportId: string, userId: string) {
  await ownReport(db, reportId, userId);
  return db.reportShareLink.create({ data: { reportId, token: randomBytes(24).toString('base64url') } });
}

export async function listShareLinks(db: Db, reportId: string, userId: string) {
  await ownReport(db, reportId, userId);
  return db.reportShareLink.findMany({ where: { reportId, revokedAt: null }, orderBy: { createdAt: 'desc' } });
}

/** Revokes a link at once: the next request with it gets "not found". */
export async function revokeShareLink(db: Db, reportId: string, linkId: string, userId: string): Promise<void> {
  await ownReport(db, reportId, userId);
  const updated = await db.reportShareLink.updateMany({ where: { id: linkId, reportId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (updated.count === 0) throw new AppError('NOT_FOUND', 'No such share link.');
}
