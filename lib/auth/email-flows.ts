// Account flows that go through the user's mailbox: password reset, email verification (at sign-up and on
// a change of address, the old address being told), "you already have an account", and the "set your
// password" link for an account made inside the checkout. Every answer is the same whether or not the
// address has an account; requests are limited per address and per requesting address.
import 'server-only';
import { AppError, waitText } from '@/lib/api/errors';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { consumeToken, findToken, issueToken, type TokenProblem } from '@/lib/auth/tokens';
import type { Db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { renderMail } from '@/lib/mail/layout';
import { enqueueMail } from '@/lib/mail/outbox';
import { mailTranslator, userLocale, type MailTranslator } from '@/lib/mail/translate';
import type { Locale } from '@/lib/i18n/locales';
import { consumeRateLimit, RATE_LIMITS } from '@/lib/rate-limit';

const link = (path: string) => `${appUrl()}${path}`;

/** The layout's words and the language tag, for renderMail. */
const chrome = (t: MailTranslator, locale: Locale) => ({ labels: { orOpen: t('chrome.orOpen'), turnOff: t('chrome.turnOff') }, lang: locale });

/** Both limits for a mail that a visitor can trigger: per target address and per requesting address. */
async function limitMailRequests(db: Db, email: string, ip: string): Promise<void> {
  const [byEmail, byIp] = await Promise.all([consumeRateLimit(db, RATE_LIMITS.mailPerAddress, email), consumeRateLimit(db, RATE_LIMITS.mailPerRequester, ip)]);
  const refused = [byEmail, byIp].find((r) => !r.ok);
  if (refused && !refused.ok) {
    throw new AppError('RATE_LIMITED', `Too many requests; try again in ${waitText(refused.retryAfterSeconds)}.`, undefined, { 'retry-after': String(refused.retryAfterSeconds) });
  }
}

export const TOKEN_PROBLEMS: Record<TokenProblem, string> = {
  invalid: 'This link is not valid. It may have been copied incompletely; ask for a new one.',
  expired: 'This link has expired. Ask for a new one.',
  used: 'This link has already been used. Ask for a new one if you still need it.',
};

// ── password reset ──

/** Sends a reset link when the address has an account; says nothing either way. */
export async function requestPasswordReset(db: Db, emailInput: string, options: { ip: string }): Promise<void> {
  const email = emailInput.trim().toLowerCase();
  await limitMailRequests(db, email, options.ip);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, locale: true } });
  if (!user) return;
  const token = await issueToken(db, user.id, 'RESET_PASSWORD', email);
  const locale = userLocale(user.locale);
  const t = await mailTranslator(locale);
  await enqueueMail(db, {
    to: email,
    kind: 'password-reset',
    userId: user.id,
    ...renderMail({
      subject: t('reset.subject'),
      heading: t('reset.heading'),
      paragraphs: [t('reset.body')],
      action: { label: t('reset.action'), url: link(`/reset-password/${token}`) },
      note: t('reset.note'),
      ...chrome(t, locale),
    }),
  });
}

/** What the reset page shows before the new password is chosen. */
export async function previewPasswordToken(db: Db, token: string): Promise<{ email: string; kind: 'RESET_PASSWORD' | 'SET_PASSWORD' } | { problem: TokenProblem }> {
  const found = await findToken(db, token, ['RESET_PASSWORD', 'SET_PASSWORD']);
  if ('problem' in found) return found;
  return { email: found.email, kind: found.kind === 'SET_PASSWORD' ? 'SET_PASSWORD' : 'RESET_PASSWORD' };
}

/** Sets the new password and ends every session of the user; returns the address to sign in with. */
export async function completePasswordReset(db: Db, token: string, password: string): Promise<{ email: string }> {
  const found = await findToken(db, token, ['RESET_PASSWORD', 'SET_PASSWORD']);
  if ('problem' in found) throw new AppError(found.problem === 'invalid' ? 'NOT_FOUND' : 'CONFLICT', TOKEN_PROBLEMS[found.problem]);
  const passwordHash = await hashPassword(password);
  const user = await db.$transaction(async (tx) => {
    if (!(await consumeToken(tx, found.id))) throw new AppError('CONFLICT', TOKEN_PROBLEMS.used);
    // The link reached the mailbox, so the address is proved too.
    return tx.user.update({ where: { id: found.userId }, data: { passwordHash, emailVerifiedAt: new Date() }, select: { email: true } });
  });
  await revokeUserSessions(db, found.userId);
  return { email: user.email };
}

// ── verification ──

/** Sends the link that proves `email` is the user's (their address, or a new one they asked for). */
export async function sendVerification(db: Db, user: { id: string }, email: string, reason: 'signup' | 'change' | 'resend'): Promise<void> {
  const token = await issueToken(db, user.id, 'VERIFY_EMAIL', email);
  const locale = userLocale((await db.user.findUnique({ where: { id: user.id }, select: { locale: true } }))?.locale);
  const t = await mailTranslator(locale);
  await enqueueMail(db, {
    to: email,
    kind: 'verify-email',
    userId: user.id,
    ...renderMail({
      subject: reason === 'change' ? t('verify.subjectChange') : t('verify.subject'),
      heading: reason === 'change' ? t('verify.headingChange') : t('verify.heading'),
      paragraphs: [reason === 'change' ? t('verify.bodyChange') : t('verify.body')],
      action: { label: t('verify.action'), url: link(`/verify-email/${token}`) },
      note: t('verify.note'),
      ...chrome(t, locale),
    }),
  });
}

export async function resendVerification(db: Db, userId: string, options: { ip: string }): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, emailVerifiedAt: true, pendingEmail: true } });
  const target = user.pendingEmail ?? user.email;
  if (!user.pendingEmail && user.emailVerifiedAt) throw new AppError('CONFLICT', 'Your address is already confirmed.');
  await limitMailRequests(db, target, options.ip);
  await sendVerification(db, user, target, user.pendingEmail ? 'change' : 'resend');
}

/** Asks to move the account to `newEmail` (after the current password); the move happens on confirmation. */
export async function requestEmailChange(db: Db, userId: string, input: { email: string; password: string }, options: { ip: string }): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, passwordHash: true } });
  if (!(await verifyPassword(input.password, user.passwordHash))) throw new AppError('BAD_REQUEST', 'password: Your current password is not correct.');
  if (email === user.email) throw new AppError('BAD_REQUEST', 'email: That is already your address.');
  await limitMailRequests(db, email, options.ip);
  await db.user.update({ where: { id: userId }, data: { pendingEmail: email } });
  // Sent even when the address belongs to another account: the answer must not tell (confirming fails then).
  await sendVerification(db, user, email, 'change');
}

export type VerifyOutcome = { verified: 'address' | 'new-address'; email: string };

/** Confirms an address from its link: the user's own, or the new one they asked for (the old one is told). */
export async function confirmEmail(db: Db, token: string): Promise<VerifyOutcome> {
  const found = await findToken(db, token, ['VERIFY_EMAIL']);
  if ('problem' in found) throw new AppError(found.problem === 'invalid' ? 'NOT_FOUND' : 'CONFLICT', TOKEN_PROBLEMS[found.problem]);
  const user = await db.user.findUniqueOrThrow({ where: { id: found.userId }, select: { id: true, email: true, pendingEmail: true, locale: true } });
  if (found.email === user.email) {
    await db.$transaction(async (tx) => {
      if (!(await consumeToken(tx, found.id))) throw new AppError('CONFLICT', TOKEN_PROBLEMS.used);
      await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    });
    return { verified: 'address', email: user.email };
  }
  if (found.email !== user.pendingEmail) throw new AppError('CONFLICT', 'This link is for an address change that was replaced by a newer one. Use the newest link.');
  const old = user.email;
  try {
    await db.$transaction(async (tx) => {
      if (!(await consumeToken(tx, found.id))) throw new AppError('CONFLICT', TOKEN_PROBLEMS.used);
      await tx.user.update({ where: { id: user.id }, data: { email: found.email, pendingEmail: null, emailVerifiedAt: new Date() } });
    });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'P2002') throw new AppError('CONFLICT', 'Another account uses that address now, so it cannot be moved to yours.');
    throw error;
  }
  const locale = userLocale(user.locale);
  const t = await mailTranslator(locale);
  await enqueueMail(db, {
    to: old,
    kind: 'email-changed',
    userId: user.id,
    ...renderMail({
      subject: t('changed.subject'),
      heading: t('changed.heading'),
      paragraphs: [t('changed.body', { email: found.email })],
      note: t('changed.note'),
      ...chrome(t, locale),
    }),
  });
  return { verified: 'new-address', email: found.email };
}

// ── sign-up ──

/** A sign-up with an address that already has an account: tell the address, answer as for a new one. */
export async function notifyExistingAccount(db: Db, email: string): Promise<void> {
  // At most a few a day per address, silently: the answer to the sign-up must not change.
  const limit = await consumeRateLimit(db, RATE_LIMITS.mailPerAddress, email);
  if (!limit.ok) return;
  const locale = userLocale((await db.user.findUnique({ where: { email }, select: { locale: true } }))?.locale);
  const t = await mailTranslator(locale);
  await enqueueMail(db, {
    to: email,
    kind: 'already-registered',
    ...renderMail({
      subject: t('existing.subject'),
      heading: t('existing.heading'),
      paragraphs: [t('existing.body')],
      action: { label: t('existing.action'), url: link('/signin') },
      note: t('existing.note'),
      ...chrome(t, locale),
    }),
  });
}

/** After a sign-up: the verification link. */
export async function welcome(db: Db, user: { id: string; email: string }): Promise<void> {
  await sendVerification(db, user, user.email, 'signup');
}
