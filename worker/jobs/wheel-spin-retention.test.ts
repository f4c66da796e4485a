// The wheels' results past retention, against the real database: spins older than the retention go, newer
// ones stay (test spins and won ones alike), and one run deletes no more than its batches allow, the rest
// going in the next runs.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createLogger } from '@/lib/logger';
import { createTestAccount, createTestOverlay, createTestUser } from '@/tools/testing/factories';
import { wheelSpinRetentionJob } from '@/worker/jobs/wheel-spin-retention';

const log = createLogger('jobs-test');
const DAY = 86_400_000;

describe('wheel spin retention', () => {
  it('deletes spins older than the retention in bounded batches and keeps newer ones', async () => {
    const now = new Date();
    const user = await createTestUser(db);
    const account = await createTestAccount(db);
    const [wheel, other] = await Promise.all([0, 1].map(() => createTestOverlay(db, { workspaceId: user.workspaceId, accountId: account.id, kind: 'WHEEL' })));
    if (!wheel || !other) throw new Error('overlays not created');
    const spin = (overlayId: string, ageDays: number, test = false) => ({
      workspaceId: user.workspaceId, overlayId, viewerName: test ? '' : 'ann', giftName: test ? null : 'Rose', segmentIndex: 0, segmentLabel: 'Dance', test,
      createdAt: new Date(now.getTime() - ageDays * DAY),
    });
    await db.wheelSpin.createMany({
      data: [spin(wheel.id, 200), spin(wheel.id, 120, true), spin(wheel.id, 90.01), spin(other.id, 95), spin(wheel.id, 89.9), spin(wheel.id, 1, true), spin(other.id, 0)],
    });
    const ages = async () => (await db.wheelSpin.findMany({ where: { overlayId: { in: [wheel.id, other.id] } }, select: { createdAt: true } })).map((s) => Math.round((now.getTime() - s.createdAt.getTime()) / DAY)).sort((a, b) => a - b);
    expect(await ages()).toEqual([0, 1, 90, 90, 95, 120, 200]);

    // One batch of two: two deleted at most, whatever else is old in the database.
    const first = await wheelSpinRetentionJob.run({ db, log, settings: { retentionDays: 90, batchSize: 2, maxBatches: 1 }, now });
    expect(first).toEqual({ wheelSpins: 2, batches: 1, more: true });
    expect((await ages()).length).toBe(5);

    // Later runs finish the job and stop by themselves.
    let last = first;
    for (let run = 0; run < 50 && last.more; run++) last = await wheelSpinRetentionJob.run({ db, log, settings: { retentionDays: 90, batchSize: 2, maxBatches: 3 }, now });
    expect(last.more).toBe(false);
    expect(await ages()).toEqual([0, 1, 90]);
    expect(await db.wheelSpin.count({ where: { overlayId: wheel.id, createdAt: { lt: new Date(now.getTime() - 90 * DAY) } } })).toBe(0);
  });
});
