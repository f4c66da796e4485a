import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createShareLink, getReadableReport, listShareLinks, revokeShareLink } from '@/lib/reports/access';
import { createTestAccount, createTestUser } from '@/tools/testing/factories';

async function reportOf() {
  const [owner, stranger, account] = await Promise.all([createTestUser(db), createTestUser(db), createTestAccount(db)]);
  const order = await db.order.create({ data: { userId: owner.id, accountId: account.id, amountCents: 1900, status: 'FULFILLED' } });
  const report = await db.report.create({ data: { orderId: order.id, userId: owner.id, accountId: account.id, data: { version: 1 } } });
  return { owner, stranger, report, order };
}

describe('who can read a report', () => {
  it('lets the owner read it and nobody else without a link', async () => {
    const { owner, stranger, report } = await reportOf();
    expect(await getReadableReport(db, report.id, { userId: owner.id })).toMatchObject({ isOwner: true });
    expect(await getReadableReport(db, report.id, { userId: stranger.id })).toBeNull();
    expect(await getReadableReport(db, report.id, {})).toBeNull();
    expect(await getReadableReport(db, 'not-a-report', { userId: owner.id })).toBeNull();
  });

  it('lets a share link holder read it until the link is revoked', async () => {
    const { owner, stranger, report } = await reportOf();
    const link = await createShareLink(db, report.id, owner.id);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await getReadableReport(db, report.id, { shareToken: link.token })).toMatchObject({ isOwner: false });
    expect(await getReadableReport(db, report.id, { userId: stranger.id, shareToken: link.token })).toMatchObject({ isOwner: false });
    // One character changed (the token may already end in 'x': 1 run in 64 failed when it always became 'x').
    expect(await getReadableReport(db, report.id, { shareToken: `${link.token.slice(0, -1)}${link.token.endsWith('x') ? 'y' : 'x'}` })).toBeNull();
    await revokeShareLink(db, report.id, link.id, owner.id);
    expect(await getReadableReport(db, report.id, { shareToken: link.token })).toBeNull();
    expect(await listShareLinks(db, report.id, owner.id)).toEqual([]);
  });

  it('does not let another user create, list or revoke links (they get "not found")', async () => {
    const { owner, stranger, report } = await reportOf();
    const link = await createShareLink(db, report.id, owner.id);
    await expect(createShareLink(db, report.id, stranger.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listShareLinks(db, report.id, stranger.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(revokeShareLink(db, report.id, link.id, stranger.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await getReadableReport(db, report.id, { shareToken: link.token })).not.toBeNull();
  });

  it('a link of one report does not open another', async () => {
    const first = await reportOf();
    const second = await reportOf();
    const link = await createShareLink(db, first.report.id, first.owner.id);
    expect(await getReadableReport(db, second.report.id, { shareToken: link.token })).toBeNull();
  });
});
