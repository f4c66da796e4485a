// The wheel of fortune's stored spins as the editor sees them: the recent results of one of the workspace's
// wheels, and the host's "Spin now" test (a segment drawn on the server with crypto.randomInt by weight,
// stored as a test spin and played on every open copy of the overlay). Spins won by gifts are made by the
// worker (worker/wheels.ts). Every read is scoped to the caller's workspace: another workspace's overlay id
// answers NOT_FOUND, as one that does not exist.
import 'server-only';
import { randomInt } from 'node:crypto';
import { AppError } from '@/lib/api/errors';
import type { Db } from '@/lib/db';
import { notifyWheel } from '@/lib/overlays/realtime';
import { readKindSettings } from '@/lib/overlays/settings';
import { chooseSegment, RECENT_SPINS, type Draw, type WheelSpin } from '@/lib/overlays/wheel';

type SpinRow = { id: bigint; overlayId: string; segmentIndex: number; segmentLabel: string; viewerName: string; giftName: string | null; test: boolean; createdAt: Date };

const toSpin = (row: SpinRow): WheelSpin => ({
  id: row.id.toString(),
  overlayId: row.overlayId,
  segmentIndex: row.segmentIndex,
  segmentLabel: row.segmentLabel,
  viewerName: row.viewerName,
  giftName: row.giftName,
  test: row.test,
  at: row.createdAt.getTime(),
});

async function findWheel(db: Db, workspaceId: string, overlayId: string) {
  const overlay = await db.overlay.findFirst({ where: { id: overlayId, workspaceId, kind: 'WHEEL' }, select: { id: true, workspaceId: true, accountId: true, settings: true, revokedAt: true } });
  if (!overlay) throw new AppError('NOT_FOUND', 'No such overlay in this workspace.');
  return overlay;
}

/** The latest spins of one of the workspace's wheels, newest first. */
export async function listWheelSpins(db: Db, workspaceId: string, overlayId: string, limit = RECENT_SPINS): Promise<WheelSpin[]> {
  await findWheel(db, workspaceId, overlayId);
  const rows = await db.wheelSpin.findMany({ where: { overlayId, workspaceId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
  return rows.map(toSpin);
}

/** The host's test spin: chosen here from the saved segments, stored, and sent to the overlay. */
export async function spinWheelNow(db: Db, workspaceId: string, overlayId: string, draw: Draw = (total) => randomInt(total)): Promise<WheelSpin> {
  const overlay = await findWheel(db, workspaceId, overlayId);
  const read = readKindSettings('WHEEL', overlay.settings);
  const segments = read.kind === 'WHEEL' ? read.settings.segments : [];
  const index = chooseSegment(segments, draw);
  const segment = segments[index];
  if (!segment) throw new AppError('CONFLICT', 'Add a segment to the wheel and save it first.');
  const live = await db.live.findFirst({ where: { accountId: overlay.accountId, endedAt: null }, orderBy: { startedAt: 'desc' }, select: { id: true } });
  const row = await db.wheelSpin.create({ data: { workspaceId, overlayId, liveId: live?.id ?? null, viewerName: '', segmentIndex: index, segmentLabel: segment.label, test: true } });
  const spin = toSpin(row);
  // A revoked overlay has no open copy to play it; the editor still lists the result.
  if (!overlay.revokedAt) await notifyWheel(overlay, { overlayId, spin });
  return spin;
}
