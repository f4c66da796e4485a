// POST /api/auth/signup — creates an account (email + password); the browser then signs in.
import { headers } from 'next/headers';
import { AppError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { createUser, signUpSchema } from '@/lib/auth/users';
import { db } from '@/lib/db';
import { clientIp, consumeRateLimit, RATE_LIMITS } from '@/lib/rate-limit';

export const dynamic = 'force-dynamic';

export const POST = route({ body: signUpSchema, maxBodyBytes: 4096 }, async ({ body }) => {
  const limit = await consumeRateLimit(db, RATE_LIMITS.signUp, clientIp(await headers()));
  if (!limit.ok) throw new AppError('RATE_LIMITED', 'Too many new accounts from your address; try again later.', undefined, { 'retry-after': String(limit.retryAfterSeconds) });
  const user = await createUser(db, body);
  return Response.json({ user: { id: user.id, email: user.email } }, { status: 201 });
});
