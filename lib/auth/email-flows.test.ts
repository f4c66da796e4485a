// Account flows through a real SMTP server (the test mail catcher, which keeps what it receives): password
// reset, verification at sign-up and on a change of address, "you already have an account", receipts and
// the "set your password" link of an account made in the checkout, and workspace invites by email.
import { describe, expect, it } from 'vitest';
import { POST as signUp } from '@/app/api/auth/signup/route';
import { POST as forgot } from '@/app/api/auth/password-reset/route';
import { completePasswordReset, confirmEmail, previewPasswordToken, requestEmailChange, requestPasswordReset } from '@/lib/auth/email-flows';
import { createSession } from '@/lib/auth/sessions';
import { userFromHeaders } from '@/lib/auth/session';
import { verifyCredentials } from '@/lib/auth/users';
import { db } from '@/lib/db';
import { processOutbox } from '@/lib/mail/outbox';
import { createMailTransport } from '@/lib/mail/transport';
import { fulfilOrder } from '@/lib/payments/fulfil';
import { createTestAccount, uniqueSuffix, withinOneWindow } from '@/tools/testing/factories';
import { RATE_LIMITS } from '@/lib/rate-limit';
import { linkIn, waitForMessages } from '@/tools/testing/mail';
import { currentWorkspace } from '@/lib/workspaces/context';
import { createInvite } from '@/lib/workspaces/invites';
import { encode } from 'next-auth/jwt';
import { containing } from '@/tools/testing/match';

const transport = createMailTransport();
/** The worker's sender, over this address's messages only (other test files share the outbox). */
async function deliver(to: string) {
  const ids = (await db.emailMessage.findMany({ where: { to, status: 'PENDING' }, select: { id: true } })).map((m) => m.id);
  if (ids.length > 0) await processOutbox(db, transport, { ids, limit: 200 });
}
const address = (label: string) => `${label}-${uniqueSuffix()}@example.test`;
const post = (handler: typeof signUp, path: string, body: object, ip = `10.1.${uniqueSuffix()}`) =>
  handler(new Request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });

/** Mail for `to`, after the worker's sender has run. */
async function inbox(to: string, count = 1) {
  await deliver(to);
  return waitForMessages(to, count);
}

describe('password reset', () => {
  it('mails a single-use 30-minute link, sets the new password, ends every session, and answers the same for unknown addresses', async () => {
    const email = address('reset');
    expect((await post(signUp, '/api/auth/signup', { email, password: 'the old password' })).status).toBe(201);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const [one, two] = await Promise.all([createSession(db, user.id), createSession(db, user.id)]);

    const known = await post(forgot, '/api/auth/password-reset', { email });
    const unknown = await post(forgot, '/api/auth/password-reset', { email: address('nobody') });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(known.status);
    expect(await unknown.json()).toEqual(await known.json());

    const messages = await inbox(email, 2);
    const reset = messages.find((m) => m.subject === 'Reset your LiveLens password');
    if (!reset) throw new Error('no reset message');
    expect(reset.html).toContain('Choose a new password');
    expect(reset.text).toContain('30 minutes');
    const token = linkIn(reset, /\/reset-password\/[A-Za-z0-9_-]+/).split('/').pop() ?? '';
    expect(await previewPasswordToken(db, token)).toEqual({ email, kind: 'RESET_PASSWORD' });

    expect(await completePasswordReset(db, token, 'a brand new password')).toEqual({ email });
    expect(await verifyCredentials(db, email, 'a brand new password')).not.toBeNull();
    expect(await verifyCredentials(db, email, 'the old password')).toBeNull();
    for (const sid of [one, two]) {
      const cookie = `next-auth.session-token=${await encode({ token: { uid: user.id, sid, sub: user.id }, secret: process.env.AUTH_SECRET ?? '' })}`;
      expect(await userFromHeaders(new Headers({ cookie }))).toBeNull();
    }
    // Used: the link says so, and does nothing more.
    expect(await previewPasswordToken(db, token)).toEqual({ problem: 'used' });
    await expect(completePasswordReset(db, token, 'yet another password')).rejects.toMatchObject({ code: 'CONFLICT', message: containing('already been used') });
    // Expired after 30 minutes.
    await requestPasswordReset(db, email, { ip: `10.2.${uniqueSuffix()}` });
    await db.authToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const later = (await inbox(email, 3)).at(-1);
    const expired = linkIn(later ?? reset, /\/reset-password\/[A-Za-z0-9_-]+/).split('/').pop() ?? '';
    expect(await previewPasswordToken(db, expired)).toEqual({ problem: 'expired' });
  });

  it('limits reset requests per address and per requester', async () => {
    await withinOneWindow(RATE_LIMITS.mailPerAddress.windowSeconds);
    const email = address('flood');
    await post(signUp, '/api/auth/signup', { email, password: 'correct horse battery' });
    const ip = `10.3.${uniqueSuffix()}`;
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push((await post(forgot, '/api/auth/password-reset', { email }, `${ip}-${i}`)).status);
    // The sign-up's "confirm your address" counted too: five mails an hour per address.
    expect(answers.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    const many: number[] = [];
    for (let i = 0; i < 21; i++) many.push((await post(forgot, '/api/auth/password-reset', { email: address(`x${i}`) }, ip)).status);
    expect(many.at(-1)).toBe(429);
  });
});

describe('addresses', () => {
  it('sends the confirmation link at sign-up, and a registered address gets "you already have an account" instead', async () => {
    const email = address('welcome');
    await post(signUp, '/api/auth/signup', { email, password: 'correct horse battery' });
    const [welcome] = await inbox(email);
    if (!welcome) throw new Error('no welcome');
    expect(welcome.subject).toBe('Confirm your email address for LiveLens');
    expect(welcome.html).toContain('Welcome to LiveLens: confirm your address');
    const token = linkIn(welcome, /\/verify-email\/[A-Za-z0-9_-]+/).split('/').pop() ?? '';
    expect(await confirmEmail(db, token)).toEqual({ verified: 'address', email });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull();

    await post(signUp, '/api/auth/signup', { email, password: 'somebody else trying' });
    const messages = await inbox(email, 2);
    expect(messages.map((m) => m.subject)).toContain('You already have a LiveLens account');
    // Still one account, with its own password.
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await verifyCredentials(db, email, 'correct horse battery')).not.toBeNull();
  });

  it('moves the account to a new address only when the link sent there is opened, and tells the old one', async () => {
    const email = address('mover');
    await post(signUp, '/api/auth/signup', { email, password: 'correct horse battery' });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const next = address('moved');
    await expect(requestEmailChange(db, user.id, { email: next, password: 'wrong password here' }, { ip: `10.4.${uniqueSuffix()}` })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await requestEmailChange(db, user.id, { email: next, password: 'correct horse battery' }, { ip: `10.4.${uniqueSuffix()}` });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ email, pendingEmail: next });
    const [confirm] = await inbox(next);
    if (!confirm) throw new Error('no confirmation');
    expect(confirm.subject).toBe('Confirm your new address for LiveLens');
    const token = linkIn(confirm, /\/verify-email\/[A-Za-z0-9_-]+/).split('/').pop() ?? '';
    expect(await confirmEmail(db, token)).toEqual({ verified: 'new-address', email: next });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ email: next, pendingEmail: null });
    const told = await inbox(email, 2);
    expect(told.map((m) => m.subject)).toContain('Your LiveLens address was changed');
    expect(await verifyCredentials(db, next, 'correct horse battery')).not.toBeNull();
  });
});

describe('receipts and invites', () => {
  it('sends every buyer a receipt; an account made in the checkout also gets a link to set its password', async () => {
    const email = address('buyer');
    await post(signUp, '/api/auth/signup', { email, password: 'correct horse battery', via: 'checkout' });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const account = await createTestAccount(db);
    await db.profileSnapshot.create({ data: { accountId: account.id, followers: 1000n, following: 10n, hearts: 5000n, videos: 20n, diggs: 1n, friends: 1n } });
    const order = await db.order.create({ data: { userId: user.id, accountId: account.id, amountCents: 1900, currency: 'usd', testMode: true } });
    expect(await fulfilOrder(db, order.id, { paymentIntentId: null })).toBe('fulfilled');
    const receipt = (await inbox(email, 2)).find((m) => m.subject.startsWith('Your LiveLens growth report'));
    if (!receipt) throw new Error('no receipt');
    const report = await db.report.findUniqueOrThrow({ where: { orderId: order.id } });
    expect(receipt.text).toContain(order.id);
    expect(receipt.text).toContain('$19.00');
    expect(receipt.text).toContain(`/reports/${report.id}`);
    const setLink = linkIn(receipt, /\/reset-password\/[A-Za-z0-9_-]+/).split('/').pop() ?? '';
    expect(await previewPasswordToken(db, setLink)).toEqual({ email, kind: 'SET_PASSWORD' });
    await completePasswordReset(db, setLink, 'chosen after the checkout');
    expect(await verifyCredentials(db, email, 'chosen after the checkout')).not.toBeNull();

    // A buyer who signed up normally gets the receipt without the link.
    const regular = address('regular');
    await post(signUp, '/api/auth/signup', { email: regular, password: 'correct horse battery' });
    const regularUser = await db.user.findUniqueOrThrow({ where: { email: regular } });
    const second = await db.order.create({ data: { userId: regularUser.id, accountId: account.id, amountCents: 1900, currency: 'usd', testMode: true } });
    await fulfilOrder(db, second.id, { paymentIntentId: null });
    const plain = (await inbox(regular, 2)).find((m) => m.subject.startsWith('Your LiveLens growth report'));
    expect(plain?.text).not.toMatch(/reset-password/);
  });

  it('mails a workspace invite link to the address given', async () => {
    const owner = address('inviter');
    await post(signUp, '/api/auth/signup', { email: owner, password: 'correct horse battery' });
    const user = await db.user.findUniqueOrThrow({ where: { email: owner } });
    const invitee = address('invitee');
    const { token } = await createInvite(db, await currentWorkspace(db, user.id), 'MEMBER', new Date(), invitee);
    const [mail] = await inbox(invitee);
    expect(mail?.subject).toContain('invites you to');
    expect(mail?.text).toContain(`/invite/${token}`);
  });
});

describe('messages in the reader’s language', () => {
  it('keeps the language a user signed up in and writes their account mail in it; the switcher changes it', async () => {
    const email = address('thai');
    const request = new Request('http://localhost/api/auth/signup', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.2.${uniqueSuffix()}`, 'accept-language': 'th-TH,th;q=0.9' }, body: JSON.stringify({ email, password: 'a thai password' }) });
    expect((await signUp(request, { params: Promise.resolve({}) })).status).toBe(201);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.locale).toBe('th');

    const [welcome] = await inbox(email, 1);
    expect(welcome?.subject).toBe('ยืนยันอีเมลของคุณสำหรับ LiveLens');
    expect(welcome?.html).toContain('<html lang="th">');
    expect(welcome?.html).toContain('หรือเปิดลิงก์นี้:'); // the layout's own words too

    // Chosen later with the language switcher (PUT /api/account/locale): the next message is Russian.
    await db.user.update({ where: { id: user.id }, data: { locale: 'ru' } });
    await requestPasswordReset(db, email, { ip: `10.3.${uniqueSuffix()}` });
    const messages = await inbox(email, 2);
    const reset = messages.find((m) => m.subject === 'Сброс пароля LiveLens');
    expect(reset?.text).toContain('Задать новый пароль');
  });
});
