// POST /api/auth/password-reset {email} — mails a reset link when the address has an account. The answer
// is the same either way; requests are limited per address and per requester.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { requestPasswordReset } from '@/lib/auth/email-flows';
import { credentialsSchema } from '@/lib/auth/users';
import { db } from '@/lib/db';
import { clientIp } from '@/lib/rate-limit';

export const dynamic = 'force-dynamic';

export const POST = route({ access: 'public', body: z.object({ email: credentialsSchema.shape.email }), maxBodyBytes: 1024 }, async ({ body, request }) => {
  await requestPasswordReset(db, body.email, { ip: clientIp(request.headers) });
  return Response.json({ sent: true }, { status: 202 });
});
