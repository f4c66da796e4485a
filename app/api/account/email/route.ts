// POST /api/account/email {email, password} — asks to move the account to another address; it moves when
// the link mailed there is opened (and the old address is told).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { requestEmailChange } from '@/lib/auth/email-flows';
import { credentialsSchema } from '@/lib/auth/users';
import { db } from '@/lib/db';
import { clientIp } from '@/lib/rate-limit';

export const dynamic = 'force-dynamic';

const body = z.object({ email: credentialsSchema.shape.email, password: z.string().max(200) });

export const POST = route({ access: 'user', body, maxBodyBytes: 1024 }, async ({ user, body, request }) => {
  await requestEmailChange(db, user.id, body, { ip: clientIp(request.headers) });
  return Response.json({ sent: true }, { status: 202 });
});
