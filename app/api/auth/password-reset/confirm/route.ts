// POST /api/auth/password-reset/confirm {token, password} — sets the new password from a reset (or "set
// your password") link, once; every session of the account ends. Answers the address to sign in with.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { completePasswordReset } from '@/lib/auth/email-flows';
import { credentialsSchema } from '@/lib/auth/users';
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

const body = z.object({ token: z.string().max(100), password: credentialsSchema.shape.password });

// Public: the link's token is the credential.
export const POST = route({ access: 'public', body, maxBodyBytes: 1024 }, async ({ body }) => completePasswordReset(db, body.token, body.password));
