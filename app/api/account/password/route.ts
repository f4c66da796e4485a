// POST /api/account/password {current, next} — changes the password; every other session of the user
// ends (this one stays signed in).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { credentialsSchema, changePassword } from '@/lib/auth/users';
import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

const body = z.object({ current: z.string().max(200), next: credentialsSchema.shape.password });

export const POST = route({ access: 'user', body, maxBodyBytes: 2048 }, async ({ user, body }) => {
  await changePassword(db, user.id, body, user.sid);
  return { changed: true };
});
