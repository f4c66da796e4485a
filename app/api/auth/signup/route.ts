// POST /api/auth/signup — creates an account (email + password); the browser then signs in. A registered
// email gets exactly the same answer as a new one, so the endpoint cannot be used to find out who has an
// account.
import { AppError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { notifyExistingAccount, welcome } from '@/lib/auth/email-flows';
import { createUser, signUpSchema } from '@/lib/auth/users';
import { db } from '@/lib/db';
import { localeOfRequest } from '@/lib/i18n/locales';
import { clientIp, consumeRateLimit, RATE_LIMITS } from '@/lib/rate-limit';

export const dynamic = 'force-dynamic';

export const POST = route({ access: 'public', body: signUpSchema, maxBodyBytes: 4096 }, async ({ body, request }) => {
  const limit = await consumeRateLimit(db, RATE_LIMITS.signUp, clientIp(request.headers));
  if (!limit.ok) throw new AppError('RATE_LIMITED', 'Too many new accounts from your address; try again later.', undefined, { 'retry-after': String(limit.retryAfterSeconds) });
  const user = await createUser(db, body, { locale: localeOfRequest(request) });
  // A new account gets its verification link; an address that has one is told someone tried.
  if (user) await welcome(db, user);
  else await notifyExistingAccount(db, body.email);
  return Response.json({ created: true, email: body.email }, { status: 201 });
});
