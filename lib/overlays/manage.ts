// Overlays in the dashboard: create one of a kind for an account the workspace watches, change its name
// and settings, regenerate its token (the old URL stops working at once) or revoke it, delete it. The
// token is the only credential an OBS browser source has, so it is long, random, and never reused; when it
// stops working, every realtime connection opened with it is ended (lib/realtime/identity.ts).
import type { Locale } from '@/lib/i18n/locales';
import { initialSettings } from '@/lib/overlays/default-texts';
import 'server-only';
import { AppError } from '@/lib/api/errors';
import type { Db } from '@/lib/db';
import { requireWatchedAccount } from '@/lib/dashboard/access';
import { maskSettings, sealSettings, unsealSettings } from '@/lib/overlays/obs-secret';
import { notifyOverlay } from '@/lib/overlays/realtime';
import { keepTimerState } from '@/lib/overlays/timer-store';
import { OVERLAY_KIND_LABELS, readSettings, validateSettings, type OverlayKind } from '@/lib/overlays/settings';
import { newOverlayToken } from '@/lib/overlays/token';
import { overlayIdentity, terminateIdentities } from '@/lib/realtime/identity';
import type { Actor } from '@/lib/workspaces/context';
import type { Platform } from '@/lib/platforms/events';
import { channelName } from '@/lib/platforms/naming';

export { newOverlayToken };

export const MAX_OVERLAYS_PER_WORKSPACE = 100;

export type OverlaySummary = {
  id: string;
  kind: OverlayKind;
  name: string;
  accountId: string;
  /** The account's platform, handle and nickname: how the dashboard names it (lib/platforms/naming.ts). */
  platform: Platform;
  handle: string;
  nickname: string | null;
  token: string | null;
  revoked: boolean;
  /** The settings, with a set OBS password shown as a placeholder. */
  settings: unknown;
  createdAt: string;
  updatedAt: string;
};

type OverlayRow = { id: string; workspaceId: string; kind: OverlayKind; name: string; accountId: string; token: string; revokedAt: Date | null; settings: unknown; createdAt: Date; updatedAt: Date; account: { platform: Platform; handle: string; nickname: string | null } };

function summary(row: OverlayRow): OverlaySummary {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    accountId: row.accountId,
    platform: row.account.platform,
    handle: row.account.handle,
    nickname: row.account.nickname,
    token: row.revokedAt ? null : row.token,
    revoked: row.revokedAt !== null,
    settings: readSettings(row.kind, maskSettings(row.kind, row.settings)),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const withAccount = { account: { select: { platform: true, handle: true, nickname: true } } } as const;

/** The workspace's overlays, newest first. */
export async function listOverlays(db: Db, workspaceId: string): Promise<OverlaySummary[]> {
  const rows = await db.overlay.findMany({ where: { workspaceId }, orderBy: { createdAt: 'desc' }, include: withAccount });
  return rows.map(summary);
}

export async function getOverlay(db: Db, workspaceId: string, overlayId: string): Promise<OverlaySummary> {
  return summary(await requireOverlay(db, workspaceId, overlayId));
}

async function requireOverlay(db: Db, workspaceId: string, overlayId: string) {
  const row = await db.overlay.findFirst({ where: { id: overlayId, workspaceId }, include: withAccount });
  if (!row) throw new AppError('NOT_FOUND', 'No such overlay in this workspace.');
  return row;
}

/**
 * A new overlay with default settings, its texts in `language` (the creating dashboard's; English by
 * default), or with `settings` given (a theme's, an imported file's), validated for the kind.
 */
export async function createOverlay(db: Db, actor: Actor, input: { accountId: string; kind: OverlayKind; name?: string; language?: Locale; settings?: unknown }): Promise<OverlaySummary> {
  let settings: object = readSettings(input.kind, initialSettings(input.kind, input.language ?? 'en'));
  if (input.settings !== undefined) {
    const checked = validateSettings(input.kind, input.settings);
    if (!checked.ok) throw new AppError('BAD_REQUEST', checked.error);
    settings = sealSettings(input.kind, checked.settings, null);
  }
  const account = await requireWatchedAccount(db, actor.workspaceId, input.accountId);
  if ((await db.overlay.count({ where: { workspaceId: actor.workspaceId } })) >= MAX_OVERLAYS_PER_WORKSPACE) {
    throw new AppError('CONFLICT', `This workspace has ${MAX_OVERLAYS_PER_WORKSPACE} overlays already; delete some you no longer use.`);
  }
  const name = input.name?.trim() || `${OVERLAY_KIND_LABELS[input.kind].name} · ${channelName(account)}`;
  const row = await db.overlay.create({
    data: { workspaceId: actor.workspaceId, createdById: actor.userId, accountId: account.id, kind: input.kind, name: name.slice(0, 80), settings, token: newOverlayToken() },
    include: withAccount,
  });
  return summary(row);
}

/** Saves a new name and/or settings (validated for the overlay's kind) and tells the open overlay. */
export async function updateOverlay(db: Db, workspaceId: string, overlayId: string, input: { name?: string; settings?: unknown }): Promise<OverlaySummary> {
  const row = await requireOverlay(db, workspaceId, overlayId);
  let settings: object | undefined;
  if (input.settings !== undefined) {
    const checked = validateSettings(row.kind, input.settings);
    if (!checked.ok) throw new AppError('BAD_REQUEST', checked.error);
    settings = keepTimerState(sealSettings(row.kind, checked.settings, row.settings), row.settings);
  }
  const name = input.name?.trim();
  if (input.name !== undefined && !name) throw new AppError('BAD_REQUEST', 'name: Give the overlay a name.');
  const updated = await db.overlay.update({ where: { id: row.id }, data: { ...(name ? { name: name.slice(0, 80) } : {}), ...(settings ? { settings } : {}) }, include: withAccount });
  if (settings && !updated.revokedAt) {
    // The overlay gets its password in the clear on its own channel; the workspace's pages a placeholder.
    await notifyOverlay(updated, { type: 'settings', overlayId: updated.id, settings: unsealSettings(updated.kind, settings) }, { type: 'settings', overlayId: updated.id, settings: maskSettings(updated.kind, settings) });
  }
  return summary(updated);
}

/** Ends what the old token opened: the page goes blank at once and its realtime connections are closed. */
async function retireToken(row: { id: string; workspaceId: string; token: string }): Promise<void> {
  const message = { type: 'revoked' as const, overlayId: row.id };
  await notifyOverlay(row, message, message);
  await terminateIdentities([overlayIdentity(row.id, row.token)]);
}

/** A new token: the old URL stops working (and open copies of it go blank) at once. */
export async function regenerateToken(db: Db, workspaceId: string, overlayId: string): Promise<OverlaySummary> {
  const row = await requireOverlay(db, workspaceId, overlayId);
  const updated = await db.overlay.update({ where: { id: row.id }, data: { token: newOverlayToken(), revokedAt: null }, include: withAccount });
  await retireToken(row);
  return summary(updated);
}

/** Turns the overlay off: its URL answers 404 and open copies go blank. Regenerate to use it again. */
export async function revokeOverlay(db: Db, workspaceId: string, overlayId: string): Promise<OverlaySummary> {
  const row = await requireOverlay(db, workspaceId, overlayId);
  const updated = await db.overlay.update({ where: { id: row.id }, data: { revokedAt: row.revokedAt ?? new Date() }, include: withAccount });
  await retireToken(row);
  return summary(updated);
}

export async function deleteOverlay(db: Db, workspaceId: string, overlayId: string): Promise<void> {
  const row = await requireOverlay(db, workspaceId, overlayId);
  await db.overlay.delete({ where: { id: row.id } });
  await retireToken(row);
}

/** New tokens for the given overlays (a removed member knew their URLs); the old URLs stop working. */
export async function rotateOverlayTokens(db: Db, overlays: { id: string; workspaceId: string; token: string }[]): Promise<void> {
  for (const row of overlays) {
    await db.overlay.update({ where: { id: row.id }, data: { token: newOverlayToken() } });
    await retireToken(row);
  }
}
