// POST /api/account/email/verification — sends the confirmation link again (to the pending new address,
// or to the account's own when it is not confirmed yet).
import { route } from '@/lib/api/route';
import { resendVerification } from '@/lib/auth/email-flows';
import { db } from '@/lib/db';
import { clientIp } from '@/lib/rate-limit';

export const dynamic = 'force-dynamic';

export const POST = route({ access: 'user' }, async ({ user, request }) => {
  await resendVerification(db, user.id, { ip: clientIp(request.headers) });
  return Response.json({ sent: true }, { status: 202 });
});
