// Small builders for test rows with unique keys, so test files can share one database.
import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db';
import type { OverlayKind } from '@/lib/overlays/settings';

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export async function createTestAccount(db: Db, handle = `test.${uniqueSuffix()}`) {
  return db.tiktokAccount.create({ data: { handle, nickname: `Test ${handle}` } });
}

export async function createTestUser(db: Db, email = `user-${uniqueSuffix()}@example.test`) {
  return db.user.create({ data: { email, passwordHash: 'not-a-real-hash' } });
}

export async function createTestOverlay(db: Db, options: { userId: string; accountId: string; revoked?: boolean; kind?: OverlayKind; settings?: object }) {
  return db.overlay.create({
    data: {
      userId: options.userId,
      accountId: options.accountId,
      kind: options.kind ?? 'GIFT_ALERTS',
      name: 'Test overlay',
      settings: options.settings ?? {},
      token: randomBytes(24).toString('base64url'),
      revokedAt: options.revoked ? new Date() : null,
    },
  });
}
