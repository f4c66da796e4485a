// Sign-in, sign-up and sessions, through next-auth's own handlers and our routes against the real
// database: a signed-out cookie stops working on the server, failures from other addresses do not lock
// the owner out, sign-up answers the same for a registered email, and return paths stay on this site.
import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { POST as signUp } from '@/app/api/auth/signup/route';
import { GET as ordersGet } from '@/app/api/orders/[id]/route';
import { createSession, revokeSession, revokeUserSessions } from '@/lib/auth/sessions';
import { safeReturnPath, safeReturnUrl } from '@/lib/auth/return-path';
import { checkSignInAllowed, recordSignInFailure } from '@/lib/auth/sign-in-limits';
import { userFromHeaders } from '@/lib/auth/session';
import { changePassword, createUser } from '@/lib/auth/users';
import { db } from '@/lib/db';
import { uniqueSuffix } from '@/tools/testing/factories';
import { withProps } from '@/tools/testing/match';

const cookieFor = async (uid: string, sid: string) => `next-auth.session-token=${await encode({ token: { uid, sid, sub: uid }, secret: process.env.AUTH_SECRET ?? '' })}`;
const headersWith = (cookie: string) => new Headers({ cookie });

describe('server-side sessions', () => {
  it('honours a cookie only while its session is active: sign-out, password change and "everywhere" end it', async () => {
    const user = await createUser(db, { email: `s-${uniqueSuffix()}@example.test`, password: 'correct horse battery' });
    if (!user) throw new Error('no user');
    const [one, two, three] = await Promise.all([createSession(db, user.id), createSession(db, user.id), createSession(db, user.id)]);
    expect(await userFromHeaders(headersWith(await cookieFor(user.id, one)))).toMatchObject({ id: user.id, sid: one });

    await revokeSession(db, one);
    expect(await userFromHeaders(headersWith(await cookieFor(user.id, one)))).toBeNull();
    // A cookie naming someone else's session does not work either.
    const other = await createUser(db, { email: `o-${uniqueSuffix()}@example.test`, password: 'correct horse battery' });
    expect(await userFromHeaders(headersWith(await cookieFor(other?.id ?? '', two)))).toBeNull();

    await changePassword(db, user.id, { current: 'correct horse battery', next: 'a brand new password' }, two);
    expect(await userFromHeaders(headersWith(await cookieFor(user.id, two)))).not.toBeNull();
    expect(await userFromHeaders(headersWith(await cookieFor(user.id, three)))).toBeNull();
    await expect(changePassword(db, user.id, { current: 'wrong one here', next: 'another new password' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    await revokeUserSessions(db, user.id);
    expect(await userFromHeaders(headersWith(await cookieFor(user.id, two)))).toBeNull();
    // And a route sees a signed-out request.
    const response = await ordersGet(new Request('http://localhost/api/orders/x', { headers: { cookie: await cookieFor(user.id, two) } }), { params: Promise.resolve({ id: 'x' }) });
    expect(response.status).toBe(401);
  });

  it('refuses an expired session and a cookie without a session id (issued before sessions were stored)', async () => {
    const user = await createUser(db, { email: `e-${uniqueSuffix()}@example.test`, password: 'correct horse battery' });
    if (!user) throw new Error('no user');
    const sid = await createSession(db, user.id, null, new Date(Date.now() - 31 * 86_400_000));
    expect(await userFromHeaders(headersWith(await cookieFor(user.id, sid)))).toBeNull();
    const legacy = `next-auth.session-token=${await encode({ token: { uid: user.id, sub: user.id }, secret: process.env.AUTH_SECRET ?? '' })}`;
    expect(await userFromHeaders(headersWith(legacy))).toBeNull();
  });
});

describe('sign-in failures', () => {
  it('locks an address out of one account after 10 failures, never the owner on their own address', async () => {
    const email = `lock-${uniqueSuffix()}@example.test`;
    const attacker = `198.51.100.${Math.floor(Math.random() * 200)}-${uniqueSuffix()}`;
    const owner = `203.0.113.7-${uniqueSuffix()}`;
    for (let i = 0; i < 10; i++) await recordSignInFailure(db, email, attacker);
    expect(await checkSignInAllowed(db, email, attacker)).toBe(false);
    expect(await checkSignInAllowed(db, email, owner)).toBe(true);
    // Many addresses failing on the account still leave the owner's address alone.
    for (let i = 0; i < 10; i++) await recordSignInFailure(db, email, `${attacker}-${i}`);
    expect(await checkSignInAllowed(db, email, owner)).toBe(true);
  });

  it('stops one address trying many accounts after 30 failures', async () => {
    const ip = `192.0.2.1-${uniqueSuffix()}`;
    for (let i = 0; i < 30; i++) await recordSignInFailure(db, `spray-${i}-${uniqueSuffix()}@example.test`, ip);
    expect(await checkSignInAllowed(db, `fresh-${uniqueSuffix()}@example.test`, ip)).toBe(false);
  });
});

describe('sign-up', () => {
  const post = (body: object) =>
    signUp(new Request('http://localhost/api/auth/signup', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${uniqueSuffix()}` }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });

  it('answers a registered email exactly as a new one, and creates the personal workspace once', async () => {
    const email = `dup-${uniqueSuffix()}@example.test`;
    const first = await post({ email, password: 'correct horse battery' });
    const second = await post({ email, password: 'another password entirely' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(first.status);
    expect(await second.json()).toEqual(await first.json());
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: { include: { workspace: true } } } });
    expect(user.memberships).toEqual([withProps({ role: 'OWNER', workspace: withProps({ personal: true }) })]);
    expect(user.currentWorkspaceId).toBe(user.memberships[0]?.workspaceId);
  });
});

describe('return paths', () => {
  it('follows only paths of this site', () => {
    for (const bad of ['/\\localhost:9999/pwned', '/%5Clocalhost:9999/pwned', '//evil.example', '/%2F%2Fevil.example', 'https://evil.example/x', 'javascript:alert(1)', '/\t/evil.example', '%2F%5Cevil', '/%E0%A4%A', '']) {
      expect(safeReturnPath(bad), bad).toBe('/dashboard');
    }
    expect(safeReturnPath('/dashboard/overlays?account=1#x')).toBe('/dashboard/overlays?account=1#x');
    expect(safeReturnPath('/reports/abc?share=t%20x')).toBe('/reports/abc?share=t%20x');
    expect(safeReturnUrl('http://localhost:9999/pwned', 'http://localhost:3000')).toBe('http://localhost:3000/dashboard');
    expect(safeReturnUrl('/\\localhost:9999/pwned', 'http://localhost:3000')).toBe('http://localhost:3000/dashboard');
    expect(safeReturnUrl('http://localhost:3000/top', 'http://localhost:3000')).toBe('http://localhost:3000/top');
  });
});
