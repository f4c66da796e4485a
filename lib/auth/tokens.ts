// Links sent by email (password reset, email verification, "set your password"): a random token in the
// link, only its SHA-256 stored, single use, with an expiry. Looking one up tells exactly what is wrong
// with it (unknown, expired, used), for a page that says so.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db';
import type { AuthTokenKind } from '@/lib/generated/prisma/client';

export const TOKEN_TTL_MS: Record<AuthTokenKind, number> = {
  RESET_PASSWORD: 30 * 60_000,
  VERIFY_EMAIL: 48 * 3600_000,
  SET_PASSWORD: 7 * 24 * 3600_000,
};

const TOKEN = /^[A-Za-z0-9_-]{30,60}$/;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function issueToken(db: Db, userId: string, kind: AuthTokenKind, email: string, now = new Date()): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db.authToken.create({ data: { userId, kind, email, tokenHash: hash(token), expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[kind]), createdAt: now } });
  return token;
}

export type TokenProblem = 'invalid' | 'expired' | 'used';
export type FoundToken = { id: string; userId: string; kind: AuthTokenKind; email: string };

/** The token's row if it is one of `kinds`, unused and unexpired; otherwise what is wrong with it. */
export async function findToken(db: Db, token: string, kinds: readonly AuthTokenKind[], now = new Date()): Promise<FoundToken | { problem: TokenProblem }> {
  if (!TOKEN.test(token)) return { problem: 'invalid' };
  const row = await db.authToken.findUnique({ where: { tokenHash: hash(token) } });
  if (!row || !kinds.includes(row.kind)) return { problem: 'invalid' };
  if (row.usedAt) return { problem: 'used' };
  if (row.expiresAt <= now) return { problem: 'expired' };
  return { id: row.id, userId: row.userId, kind: row.kind, email: row.email };
}

/** Marks the token used; false when another request used it first. */
export async function consumeToken(db: Pick<Db, 'authToken'>, id: string, now = new Date()): Promise<boolean> {
  const { count } = await db.authToken.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } });
  return count === 1;
}
