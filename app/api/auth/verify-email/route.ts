// POST /api/auth/verify-email {token} — confirms an address from the link mailed to it (the account's own,
// or the new one it asked to move to).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { confirmEmail } from '@/lib/auth/email-flows';
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

// Public: the link's token is the credential (it may be opened in a browser that is not signed in).
export const POST = route({ access: 'public', body: z.object({ token: z.string().max(100) }), maxBodyBytes: 1024 }, async ({ body }) => confirmEmail(db, body.token));
