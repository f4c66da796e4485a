// Overlays in the dashboard: create one of a kind for a managed account, change its name and settings,
// regenerate its token (the old URL stops working at once) or revoke it, delete it. The token is the
// only credential an OBS browser source has, so it is long, random, and never reused.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { AppError } from '@/lib/api/errors';
import type { Db } from '@/lib/db';
import { requireManagedAccount } from '@/lib/dashboard/access';
import { notifyAccount } from '@/lib/overlays/realtime';
import { OVERLAY_KIND_LABELS, readSettings, validateSettings, type OverlayKind } from '@/lib/overlays/settings';
import type { OverlayControlMessage } from '@/lib/overlays/types';
import { RealtimeEvent } from '@/lib/realtime/channels';

export const MAX_OVERLAYS_PER_USER = 100;

export function newOverlayToken(): string {
  return randomBytes(24).toString('base64url');
}

export type OverlaySummary = {
  id: string;
  kind: OverlayKind;
  name: string;
  accountId: string;
  handle: string;
  token: string | null;
  revoked: boolean;
  settings: unknown;
  createdAt: string;
  updatedAt: string;
};

type OverlayRow = { id: string; kind: OverlayKind; name: string; accountId: string; token: string; revokedAt: Date | null; settings: unknown; createdAt: Date; updatedAt: Date; account: { handle: string } };

function summary(row: OverlayRow): OverlaySummary {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    accountId: row.accountId,
    handle: row.account.handle,
    token: row.revokedAt ? null : row.token,
    revoked: row.revokedAt !== null,
    settings: readSettings(row.kind, row.settings),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const withAccount = { account: { select: { handle: true } } } as const;

/** Overlays of the accounts the user manages (also ones a co-manager created), newest first. */
export async function listOverlays(db: Db, userId: string): Promise<OverlaySummary[]> {
  const rows = await db.overlay.findMany({ where: { account: { managers: { some: { userId } } } }, orderBy: { createdAt: 'desc' }, include: withAccount });
  return rows.map(summary);
}

export async function getOverlay(db: Db, userId: string, overlayId: string): Promise<OverlaySummary> {
  return summary(await requireOverlay(db, userId, overlayId));
}

async function requireOverlay(db: Db, userId: string, overlayId: string) {
  const row = await db.overlay.findFirst({ where: { id: overlayId, account: { managers: { some: { userId } } } }, include: withAccount });
  if (!row) throw new AppError('NOT_FOUND', 'No such overlay in your dashboard.');
  return row;
}

export async function createOverlay(db: Db, userId: string, input: { accountId: string; kind: OverlayKind; name?: string }): Promise<OverlaySummary> {
  const account = await requireManagedAccount(db, userId, input.accountId);
  if ((await db.overlay.count({ where: { userId } })) >= MAX_OVERLAYS_PER_USER) {
    throw new AppError('CONFLICT', `You have ${MAX_OVERLAYS_PER_USER} overlays already; delete some you no longer use.`);
  }
  const name = input.name?.trim() || `${OVERLAY_KIND_LABELS[input.kind].name} · @${account.handle}`;
  const row = await db.overlay.create({
    data: { userId, accountId: account.id, kind: input.kind, name: name.slice(0, 80), settings: readSettings(input.kind, {}), token: newOverlayToken() },
    include: withAccount,
  });
  return summary(row);
}

/** Saves a new name and/or settings (validated for the overlay's kind) and tells open overlays. */
export async function updateOverlay(db: Db, userId: string, overlayId: string, input: { name?: string; settings?: unknown }): Promise<OverlaySummary> {
  const row = await requireOverlay(db, userId, overlayId);
  let settings: object | undefined;
  if (input.settings !== undefined) {
    const checked = validateSettings(row.kind, input.settings);
    if (!checked.ok) throw new AppError('BAD_REQUEST', checked.error);
    settings = checked.settings;
  }
  const name = input.name?.trim();
  if (input.name !== undefined && !name) throw new AppError('BAD_REQUEST', 'name: Give the overlay a name.');
  const updated = await db.overlay.update({ where: { id: row.id }, data: { ...(name ? { name: name.slice(0, 80) } : {}), ...(settings ? { settings } : {}) }, include: withAccount });
  if (settings && !updated.revokedAt) await control(updated.accountId, { type: 'settings', overlayId: updated.id, settings });
  return summary(updated);
}

/** A new token: the old URL stops working (and open copies of it go blank) at once. */
export async function regenerateToken(db: Db, userId: string, overlayId: string): Promise<OverlaySummary> {
  const row = await requireOverlay(db, userId, overlayId);
  const updated = await db.overlay.update({ where: { id: row.id }, data: { token: newOverlayToken(), revokedAt: null }, include: withAccount });
  await control(updated.accountId, { type: 'revoked', overlayId: updated.id });
  return summary(updated);
}

/** Turns the overlay off: its URL answers 404 and open copies go blank. Regenerate to use it again. */
export async function revokeOverlay(db: Db, userId: string, overlayId: string): Promise<OverlaySummary> {
  const row = await requireOverlay(db, userId, overlayId);
  const updated = await db.overlay.update({ where: { id: row.id }, data: { revokedAt: row.revokedAt ?? new Date() }, include: withAccount });
  await control(updated.accountId, { type: 'revoked', overlayId: updated.id });
  return summary(updated);
}

export async function deleteOverlay(db: Db, userId: string, overlayId: string): Promise<void> {
  const row = await requireOverlay(db, userId, overlayId);
  await db.overlay.delete({ where: { id: row.id } });
  await control(row.accountId, { type: 'revoked', overlayId: row.id });
}

async function control(accountId: string, message: OverlayControlMessage): Promise<void> {
  await notifyAccount(accountId, RealtimeEvent.overlay, message);
}
