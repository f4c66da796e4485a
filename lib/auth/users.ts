// Accounts of people who sign in: email + password (scrypt, see password.ts). Messages never reveal
// whether an email is registered: signing up with a registered address answers exactly as a new sign-up
// (the email issue adds a message to the address's owner).
import type { Locale } from '@/lib/i18n/locales';
import 'server-only';
import { z } from 'zod';
import { AppError } from '@/lib/api/errors';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/rules';
import type { Db } from '@/lib/db';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { personalWorkspaceName } from '@/lib/workspaces/context';

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, 'That email address is too long.').email('Enter a valid email address.'),
  password: z.string().min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.`).max(200, 'That password is too long (200 characters at most).'),
});

export const signUpSchema = credentialsSchema.extend({ name: z.string().trim().max(80).optional(), via: z.enum(['signup', 'checkout']).default('signup') });

export const GENERIC_SIGN_IN_ERROR = 'Email or password is incorrect.';
export const GENERIC_SIGN_UP_ERROR = 'We could not create an account with these details. If you already have an account, sign in instead.';

// Verifying against this when the email is unknown keeps the response time the same either way.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==';

export type PublicUser = { id: string; email: string; name: string | null };

/**
 * Creates the user with their personal workspace, or returns null when the email is already registered
 * (the caller answers the same either way). The password is hashed first in both cases, so the time
 * taken does not tell them apart either.
 */
export async function createUser(db: Db, input: z.input<typeof signUpSchema>, options: { locale?: Locale } = {}): Promise<PublicUser | null> {
  const passwordHash = await hashPassword(input.password);
  const name = input.name || null;
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: input.email.trim().toLowerCase(), passwordHash, name, createdVia: input.via ?? 'signup', locale: options.locale ?? null } });
      const workspace = await tx.workspace.create({ data: { name: personalWorkspaceName(user), personal: true, members: { create: { userId: user.id, role: 'OWNER' } } } });
      await tx.user.update({ where: { id: user.id }, data: { currentWorkspaceId: workspace.id } });
      return { id: user.id, email: user.email, name: user.name };
    });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'P2002') return null;
    throw error;
  }
}

/** Sets a new password and ends every other session of the user (the current one, when given, stays). */
export async function changePassword(db: Db, userId: string, input: { current: string; next: string }, keepSid?: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(input.current, user.passwordHash))) throw new AppError('BAD_REQUEST', 'current: Your current password is not correct.');
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(input.next) } });
  await revokeUserSessions(db, userId, keepSid);
}

/** The user for these credentials, or null (wrong email or password: the caller cannot tell which). */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<PublicUser | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  return user && ok ? { id: user.id, email: user.email, name: user.name } : null;
}
