// Who may use what, for every route handler, server action and realtime channel, tried with two users in
// two workspaces that watch the same TikTok account (the public data is shared; what a workspace makes is
// not) and a plain member of the first workspace. Every route file is found on disk: a route, method or
// channel kind missing from the tables below fails this test, so nothing new ships without a rule.
// Pages have their own table in e2e/support/page-access.ts, checked here for completeness and in the
// browser by e2e/isolation.spec.ts.
import fs from 'node:fs';
import path from 'node:path';
import type PusherClient from 'pusher-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOREIGN_ORIGIN } from '@/lib/api/origin';
import { SIGNED_OUT, type Access, type RouteHandler } from '@/lib/api/route';
import { db } from '@/lib/db';
import { accountChannel, CHANNEL_KINDS, overlayChannel, workspaceChannel } from '@/lib/realtime/channels';
import { addTestMember, createTestAccount, createTestOverlay, createTestUser, watchTestAccount } from '@/tools/testing/factories';
import { createTestClient, sessionCookie, subscribe } from '@/tools/testing/realtime-client';
import { createInvite } from '@/lib/workspaces/invites';
import { currentWorkspace } from '@/lib/workspaces/context';
import { PAGE_ACCESS } from '@/e2e/support/page-access';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

type World = Awaited<ReturnType<typeof buildWorld>>;
type Call = { params?: Record<string, string | string[]>; query?: Record<string, string>; body?: unknown };

type Rule = {
  access: Access;
  /** B (another workspace, watching the same account) calls with A's ids: refused with this status, nothing changes. */
  foreign?: { call: (w: World) => Call; status: number };
  /** A list: B's answer mentions none of A's private ids. */
  list?: (w: World) => Call;
  /** A plain member of A's workspace calls this admin/owner route: refused with this status. */
  asMember?: (w: World) => Call;
  /** Why there is no cross-workspace case (the route only ever acts on the caller's own things). */
  own?: string;
  /** Why it accepts requests from any origin (a caller that proves itself otherwise). */
  anyOrigin?: string;
};

const ROUTES: Record<string, Partial<Record<Method, Rule>>> = {
  'app/[locale]/(site)/reports/[id]/pdf/route.ts': { GET: { access: 'optional', foreign: { call: (w) => ({ params: { id: w.a.reportId } }), status: 404 } } },
  'app/api/account/password/route.ts': { POST: { access: 'user', own: 'changes the caller’s own password' } },
  'app/api/account/locale/route.ts': { PUT: { access: 'user', own: 'sets the caller’s own language' } },
  'app/api/account/display/route.ts': { PUT: { access: 'user', own: 'sets the caller’s own time zone and currency' } },
  'app/api/account/email/route.ts': { POST: { access: 'user', own: 'changes the caller’s own address' } },
  'app/api/account/email/verification/route.ts': { POST: { access: 'user', own: 'resends the caller’s own confirmation link' } },
  'app/api/auth/password-reset/route.ts': { POST: { access: 'public', own: 'mails a link to the address given (same answer for every address)' } },
  'app/api/auth/password-reset/confirm/route.ts': { POST: { access: 'public', own: 'the mailed token is the credential (email-flows.test.ts)' } },
  'app/api/auth/verify-email/route.ts': { POST: { access: 'public', own: 'the mailed token is the credential (email-flows.test.ts)' } },
  'app/api/notifications/channels/route.ts': {
    GET: { access: 'member', list: () => ({}) },
    POST: { access: 'member', foreign: { call: (w) => ({ body: { kind: 'EMAIL', userId: w.a.ownerId } }), status: 400 } },
  },
  'app/api/notifications/channels/[channelId]/route.ts': {
    PATCH: { access: 'member', foreign: { call: (w) => ({ params: { channelId: w.a.channelId }, body: { enabled: false } }), status: 404 } },
    DELETE: { access: 'member', foreign: { call: (w) => ({ params: { channelId: w.a.channelId } }), status: 404 } },
  },
  'app/api/notifications/channels/[channelId]/test/route.ts': { POST: { access: 'member', foreign: { call: (w) => ({ params: { channelId: w.a.channelId } }), status: 404 } } },
  'app/api/notifications/rules/route.ts': {
    GET: { access: 'member', list: () => ({}) },
    PUT: { access: 'member', foreign: { call: (w) => ({ body: { accountId: w.a.privateAccountId, wentLive: false, liveEnded: false, giftSpike: true, spikeFactor: 2, spikeCooldownMinutes: 5 } }), status: 404 } },
  },
  'app/api/notifications/unsubscribe/[token]/route.ts': { POST: { access: 'public', own: 'the signed token is the credential (notifications.test.ts)', anyOrigin: 'mail programs post the one-click unsubscribe themselves' } },
  'app/api/account/sessions/route.ts': { GET: { access: 'user', own: 'the caller’s sessions' }, DELETE: { access: 'user', own: 'ends the caller’s sessions' } },
  'app/api/accounts/[handle]/route.ts': { GET: { access: 'public', own: 'public lookup of what TikTok shows' } },
  'app/api/accounts/[handle]/view/route.ts': { POST: { access: 'public', own: 'counts a public page view' } },
  'app/api/auth/[...nextauth]/route.ts': { GET: { access: 'public', own: 'next-auth' }, POST: { access: 'public', own: 'next-auth (its own CSRF token too)' } },
  'app/api/auth/signup/route.ts': { POST: { access: 'public', own: 'creates an account' } },
  'app/api/checkout/route.ts': { POST: { access: 'user', own: 'creates the caller’s own order' } },
  'app/api/checkout/[orderId]/test-payment/route.ts': { POST: { access: 'user', foreign: { call: (w) => ({ params: { orderId: w.a.orderId } }), status: 404 } } },
  'app/api/clusters/route.ts': { POST: { access: 'member', foreign: { call: (w) => ({ body: { name: 'Steal', accountIds: [w.a.privateAccountId] } }), status: 400 } } },
  'app/api/clusters/[clusterId]/route.ts': {
    PATCH: { access: 'member', foreign: { call: (w) => ({ params: { clusterId: w.a.clusterId }, body: { name: 'Hijacked' } }), status: 404 } },
    DELETE: { access: 'member', foreign: { call: (w) => ({ params: { clusterId: w.a.clusterId } }), status: 404 } },
  },
  'app/api/dashboard/accounts/route.ts': { GET: { access: 'member', list: () => ({}) }, POST: { access: 'member', own: 'adds an account to the caller’s workspace' } },
  'app/api/dashboard/accounts/[accountId]/route.ts': { DELETE: { access: 'member', foreign: { call: (w) => ({ params: { accountId: w.a.privateAccountId } }), status: 404 } } },
  'app/api/dashboard/accounts/[accountId]/check/route.ts': { POST: { access: 'member', foreign: { call: (w) => ({ params: { accountId: w.a.privateAccountId } }), status: 404 } } },
  'app/api/dashboard/accounts/[accountId]/gifters/route.ts': { GET: { access: 'member', foreign: { call: (w) => ({ params: { accountId: w.a.privateAccountId } }), status: 404 } } },
  'app/api/dashboard/accounts/[accountId]/live/route.ts': { GET: { access: 'member', foreign: { call: (w) => ({ params: { accountId: w.a.privateAccountId } }), status: 404 } } },
  'app/api/dashboard/accounts/[accountId]/verify/route.ts': { POST: { access: 'member', foreign: { call: (w) => ({ params: { accountId: w.a.privateAccountId } }), status: 404 } } },
  'app/api/games/sessions/route.ts': {
    GET: { access: 'member', list: () => ({}) },
    POST: { access: 'member', foreign: { call: (w) => ({ body: { overlayId: w.a.overlayId } }), status: 404 } },
  },
  'app/api/games/sessions/[sessionId]/route.ts': { GET: { access: 'member', foreign: { call: (w) => ({ params: { sessionId: w.a.sessionId } }), status: 404 } } },
  'app/api/games/sessions/[sessionId]/actions/route.ts': { POST: { access: 'member', foreign: { call: (w) => ({ params: { sessionId: w.a.sessionId }, body: { action: 'freeze' } }), status: 404 } } },
  'app/api/games/sessions/[sessionId]/candidate/route.ts': { GET: { access: 'member', foreign: { call: (w) => ({ params: { sessionId: w.a.sessionId } }), status: 404 } } },
  'app/api/games/sessions/[sessionId]/question/route.ts': { DELETE: { access: 'member', foreign: { call: (w) => ({ params: { sessionId: w.a.sessionId } }), status: 404 } } },
  'app/api/games/sessions/[sessionId]/winner/route.ts': {
    POST: { access: 'member', foreign: { call: (w) => ({ params: { sessionId: w.a.sessionId }, body: { userId: '123', question: 'Question injected by user B' } }), status: 404 } },
  },
  'app/api/health/route.ts': { GET: { access: 'public', own: 'service health, no data' } },
  'app/api/invites/[token]/accept/route.ts': { POST: { access: 'user', own: 'the link’s token is the credential (tested in workspaces.test.ts)' } },
  'app/api/lives/[liveId]/chats/route.ts': { GET: { access: 'member', foreign: { call: (w) => ({ params: { liveId: w.a.privateLiveId } }), status: 404 } } },
  'app/api/lives/[liveId]/export/route.ts': { GET: { access: 'member', foreign: { call: (w) => ({ params: { liveId: w.a.privateLiveId }, query: { type: 'chats' } }), status: 404 } } },
  'app/api/gifts/route.ts': { GET: { access: 'user', own: 'gift names and values TikTok shows every viewer; no workspace’s data' } },
  'app/api/media/route.ts': { GET: { access: 'member', list: () => ({}) } },
  'app/api/media/[mediaId]/route.ts': {
    GET: { access: 'member', foreign: { call: (w) => ({ params: { mediaId: w.a.mediaId } }), status: 404 } },
    PATCH: { access: 'member', foreign: { call: (w) => ({ params: { mediaId: w.a.mediaId }, body: { name: 'Mine now' } }), status: 404 } },
    DELETE: { access: 'member', foreign: { call: (w) => ({ params: { mediaId: w.a.mediaId } }), status: 404 } },
  },
  'app/api/uploads/media/route.ts': { POST: { access: 'member', own: 'adds a file to the caller’s current workspace' } },
  'app/api/overlay/[token]/media/[mediaId]/route.ts': {
    GET: { access: 'public', own: 'the overlay token is the credential', foreign: { call: (w) => ({ params: { token: w.b.overlayToken, mediaId: w.a.mediaId } }), status: 404 } },
  },
  'app/api/orders/[id]/route.ts': { GET: { access: 'user', foreign: { call: (w) => ({ params: { id: w.a.orderId } }), status: 404 } } },
  'app/api/overlays/route.ts': {
    GET: { access: 'member', list: () => ({}) },
    POST: { access: 'member', foreign: { call: (w) => ({ body: { accountId: w.a.privateAccountId, kind: 'GOAL' } }), status: 404 } },
  },
  'app/api/overlays/[overlayId]/route.ts': {
    GET: { access: 'member', foreign: { call: (w) => ({ params: { overlayId: w.a.overlayId } }), status: 404 } },
    PATCH: { access: 'member', foreign: { call: (w) => ({ params: { overlayId: w.a.overlayId }, body: { name: 'Mine now' } }), status: 404 } },
    DELETE: { access: 'member', foreign: { call: (w) => ({ params: { overlayId: w.a.overlayId } }), status: 404 } },
  },
  'app/api/overlays/import/route.ts': {
    POST: { access: 'member', foreign: { call: (w) => ({ body: { accountId: w.a.privateAccountId, file: { format: 'livelens-overlay/1', kind: 'GOAL', settings: {} } } }), status: 404 } },
  },
  'app/api/overlays/[overlayId]/export/route.ts': { GET: { access: 'member', foreign: { call: (w) => ({ params: { overlayId: w.a.overlayId } }), status: 404 } } },
  'app/api/overlays/[overlayId]/theme/route.ts': { POST: { access: 'member', foreign: { call: (w) => ({ params: { overlayId: w.a.overlayId }, body: { themeId: 'neon' } }), status: 404 } } },
  'app/api/overlays/[overlayId]/media-links/route.ts': { POST: { access: 'member', foreign: { call: (w) => ({ params: { overlayId: w.a.overlayId } }), status: 404 } } },
  'app/api/overlays/[overlayId]/revoke/route.ts': { POST: { access: 'member', foreign: { call: (w) => ({ params: { overlayId: w.a.overlayId } }), status: 404 } } },
  'app/api/overlays/[overlayId]/token/route.ts': { POST: { access: 'member', foreign: { call: (w) => ({ params: { overlayId: w.a.overlayId } }), status: 404 } } },
  'app/api/overlays/[overlayId]/timer/route.ts': {
    GET: { access: 'member', foreign: { call: (w) => ({ params: { overlayId: w.a.overlayId } }), status: 404 } },
    POST: { access: 'member', foreign: { call: (w) => ({ params: { overlayId: w.a.overlayId }, body: { action: 'start' } }), status: 404 } },
  },
  'app/api/overlays/[overlayId]/wheel/route.ts': {
    GET: { access: 'member', foreign: { call: (w) => ({ params: { overlayId: w.a.overlayId } }), status: 404 } },
    POST: { access: 'member', foreign: { call: (w) => ({ params: { overlayId: w.a.overlayId }, body: { action: 'spin' } }), status: 404 } },
  },
  'app/api/pusher/auth/route.ts': { POST: { access: 'public', own: 'checks the session or overlay token itself; the channel table below' } },
  'app/api/pusher/user-auth/route.ts': { POST: { access: 'public', own: 'checks the session or overlay token itself; the channel table below' } },
  'app/api/reports/[id]/share/route.ts': {
    GET: { access: 'user', foreign: { call: (w) => ({ params: { id: w.a.reportId } }), status: 404 } },
    POST: { access: 'user', foreign: { call: (w) => ({ params: { id: w.a.reportId } }), status: 404 } },
  },
  'app/api/reports/[id]/share/[linkId]/route.ts': { DELETE: { access: 'user', foreign: { call: (w) => ({ params: { id: w.a.reportId, linkId: w.a.shareLinkId } }), status: 404 } } },
  'app/api/stripe/webhook/route.ts': { POST: { access: 'public', own: 'Stripe’s signature is the credential (payments.test.ts)', anyOrigin: 'Stripe posts it, with a signature' } },
  'app/api/workspace/route.ts': {
    PATCH: { access: 'admin', own: 'acts on the caller’s current workspace', asMember: () => ({ body: { name: 'Renamed by a member' } }) },
    DELETE: { access: 'owner', own: 'acts on the caller’s current workspace', asMember: (w) => ({ body: { confirm: w.a.workspaceName } }) },
  },
  'app/api/workspace/members/route.ts': { GET: { access: 'member', list: () => ({}) } },
  'app/api/workspace/members/[userId]/route.ts': {
    PATCH: { access: 'admin', foreign: { call: (w) => ({ params: { userId: w.a.memberId }, body: { role: 'ADMIN' } }), status: 404 }, asMember: (w) => ({ params: { userId: w.a.ownerId }, body: { role: 'MEMBER' } }) },
    DELETE: { access: 'member', foreign: { call: (w) => ({ params: { userId: w.a.memberId } }), status: 404 }, asMember: (w) => ({ params: { userId: w.a.ownerId } }) },
  },
  'app/api/workspace/transfer/route.ts': { POST: { access: 'owner', foreign: { call: (w) => ({ body: { userId: w.a.memberId } }), status: 404 }, asMember: (w) => ({ body: { userId: w.a.memberId } }) } },
  'app/api/workspace/invites/route.ts': {
    GET: { access: 'admin', list: () => ({}), asMember: () => ({}) },
    POST: { access: 'admin', own: 'makes an invite to the caller’s current workspace', asMember: () => ({ body: { role: 'ADMIN' } }) },
  },
  'app/api/workspace/invites/[inviteId]/route.ts': { DELETE: { access: 'admin', foreign: { call: (w) => ({ params: { inviteId: w.a.inviteId } }), status: 404 }, asMember: (w) => ({ params: { inviteId: w.a.inviteId } }) } },
  'app/api/workspaces/route.ts': { GET: { access: 'user', list: () => ({}) }, POST: { access: 'user', own: 'creates a workspace owned by the caller' } },
  'app/api/workspaces/current/route.ts': { POST: { access: 'user', foreign: { call: (w) => ({ body: { workspaceId: w.a.workspaceId } }), status: 404 } } },
};

/** Channel kinds: who may subscribe (checked with both users below). */
const CHANNELS: Record<(typeof CHANNEL_KINDS)[number], string> = {
  account: 'members of any workspace watching the account, and live overlays of the account',
  overlay: 'that overlay, with its current token; never a dashboard',
  workspace: 'members of that workspace',
};

function routeFiles(dir = path.join(ROOT, 'app')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [path.relative(ROOT, full)] : [];
  });
}

function pageFiles(dir = path.join(ROOT, 'app')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pageFiles(full);
    return entry.name === 'page.tsx' ? [path.relative(ROOT, full)] : [];
  });
}

async function buildWorld() {
  const [a, b, member] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db)]);
  const [shared, privateAccount] = await Promise.all([createTestAccount(db), createTestAccount(db)]);
  // A's team: A owns it, `member` is a plain member. Both workspaces watch `shared` (the case).
  const team = await db.workspace.create({ data: { name: `Team ${a.id}`, members: { create: [{ userId: a.id, role: 'OWNER' }] } } });
  await addTestMember(db, team.id, member.id);
  await db.user.updateMany({ where: { id: { in: [a.id, member.id] } }, data: { currentWorkspaceId: team.id } });
  await Promise.all([watchTestAccount(db, team.id, shared.id), watchTestAccount(db, team.id, privateAccount.id), watchTestAccount(db, b.workspaceId, shared.id)]);
  const overlay = await createTestOverlay(db, { workspaceId: team.id, accountId: shared.id, kind: 'QA_GAME', createdById: a.id, settings: { obsPassword: '' } });
  const session = await db.gameSession.create({ data: { workspaceId: team.id, createdById: a.id, accountId: shared.id, overlayId: overlay.id } });
  const cluster = await db.cluster.create({ data: { workspaceId: team.id, name: 'A agency', accounts: { create: [{ accountId: privateAccount.id }] } } });
  const live = await db.live.create({ data: { accountId: privateAccount.id, roomId: `iso${Date.now()}${Math.floor(Math.random() * 1e6)}`, startedAt: new Date() } });
  const order = await db.order.create({ data: { userId: a.id, accountId: shared.id, amountCents: 1900, status: 'FULFILLED' } });
  const report = await db.report.create({ data: { orderId: order.id, userId: a.id, accountId: shared.id, data: {} } });
  const link = await db.reportShareLink.create({ data: { reportId: report.id, token: `share-${report.id}` } });
  const invite = await createInvite(db, await currentWorkspace(db, a.id), 'MEMBER');
  const bOverlay = await createTestOverlay(db, { workspaceId: b.workspaceId, accountId: shared.id, createdById: b.id });
  const channel = await db.notificationChannel.create({ data: { workspaceId: team.id, kind: 'EMAIL', name: 'A’s alerts', config: { userId: a.id } } });
  const media = await db.mediaFile.create({ data: { workspaceId: team.id, createdById: a.id, name: 'A’s chime', kind: 'SOUND', mime: 'audio/wav', bytes: 44, sha256: 'a'.repeat(64), storageKey: `${team.id}/${'a'.repeat(64)}` } });
  return {
    a: {
      id: a.id,
      email: a.email,
      ownerId: a.id,
      memberId: member.id,
      workspaceId: team.id,
      workspaceName: team.name,
      sharedAccountId: shared.id,
      privateAccountId: privateAccount.id,
      overlayId: overlay.id,
      overlayToken: overlay.token,
      sessionId: session.id,
      clusterId: cluster.id,
      privateLiveId: live.id.toString(),
      orderId: order.id,
      reportId: report.id,
      shareLinkId: link.id,
      inviteId: invite.invite.id,
      channelId: channel.id,
      mediaId: media.id,
    },
    b: { id: b.id, workspaceId: b.workspaceId, overlayToken: bOverlay.token },
    member: { id: member.id },
    cookies: { a: await sessionCookie(a.id), b: await sessionCookie(b.id), member: await sessionCookie(member.id) },
  };
}

/** A's private ids: none may appear in anything B is given. */
const secretsOf = (w: World) => [w.a.email, w.a.workspaceId, w.a.privateAccountId, w.a.overlayId, w.a.overlayToken, w.a.sessionId, w.a.clusterId, w.a.inviteId, w.a.memberId, w.a.channelId, w.a.mediaId];

async function callRoute(file: string, method: Method, call: Call, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; text: string }> {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, RouteHandler>;
  const handler = mod[method];
  if (!handler) throw new Error(`${file} has no ${method}`);
  const url = new URL('http://localhost/isolation');
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
  const request = new Request(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(call.body !== undefined && method !== 'GET' ? { body: JSON.stringify(call.body) } : {}),
  });
  const response = await handler(request, { params: Promise.resolve(call.params ?? {}) });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body, text };
}

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

describe('the access tables cover everything there is', () => {
  it('has a rule for every route handler, and each declares the access the table says', async () => {
    const files = routeFiles().sort();
    expect(files).toEqual(Object.keys(ROUTES).sort());
    for (const file of files) {
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      const exported = METHODS.filter((m) => typeof mod[m] === 'function');
      expect(exported, `methods of ${file}`).toEqual(METHODS.filter((m) => ROUTES[file]?.[m]));
      for (const method of exported) {
        const handler = mod[method] as Partial<RouteHandler>;
        expect(handler.access, `${method} ${file} must be made with route() and declare its access`).toBe(ROUTES[file]?.[method]?.access);
        expect(handler.origin === 'any', `${method} ${file}: accepting any origin needs a reason in the table`).toBe(Boolean(ROUTES[file]?.[method]?.anyOrigin));
        const rule = ROUTES[file]?.[method];
        if (rule && rule.access !== 'public') expect(rule.foreign ?? rule.list ?? rule.own, `${method} ${file} needs a cross-workspace case or a reason`).toBeDefined();
      }
    }
  });

  it('has no server actions (a file with "use server" would need a rule here first)', () => {
    const sources = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(full);
        return /\.tsx?$/.test(entry.name) ? [full] : [];
      });
    const actions = [...sources(path.join(ROOT, 'app')), ...sources(path.join(ROOT, 'lib')), ...sources(path.join(ROOT, 'components'))].filter((file) => /^\s*['"]use server['"]/m.test(fs.readFileSync(file, 'utf8')));
    expect(actions.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('has a rule for every page, and a page that needs an account checks for one', () => {
    const files = pageFiles().sort();
    expect(files).toEqual(Object.keys(PAGE_ACCESS).sort());
    for (const file of files) {
      const rule = PAGE_ACCESS[file];
      const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
      // A dashboard page is inside the dashboard layout, which requires a workspace; each page also
      // resolves its own (the layout does not pass it down).
      if (rule?.access === 'member') expect(source, file).toMatch(/requireWorkspace\(/);
      if (rule?.access === 'user') expect(source, file).toMatch(/requireUser\(|requireWorkspace\(/);
    }
  });

  it('has a rule for every channel kind', () => {
    expect(Object.keys(CHANNELS).sort()).toEqual([...CHANNEL_KINDS].sort());
  });
});

describe('route handlers with two users in two workspaces watching one account', () => {
  const entries = Object.entries(ROUTES).flatMap(([file, methods]) => Object.entries(methods).map(([method, rule]) => ({ file, method: method as Method, rule })));

  it.each(entries.filter((e) => e.rule.access !== 'public' && e.rule.access !== 'optional'))('$method $file answers one 401 when signed out', async ({ file, method, rule }) => {
    const call = rule.foreign?.call(world) ?? rule.list?.(world) ?? rule.asMember?.(world) ?? {};
    const { status, body } = await callRoute(file, method, call);
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code: 'UNAUTHENTICATED', message: SIGNED_OUT } });
  });

  it.each(entries.filter((e) => e.rule.foreign))('$method $file refuses B with A’s ids', async ({ file, method, rule }) => {
    const foreign = rule.foreign;
    if (!foreign) return;
    const { status, text } = await callRoute(file, method, foreign.call(world), { cookie: world.cookies.b });
    expect(status).toBe(foreign.status);
    for (const secret of secretsOf(world)) expect(text).not.toContain(secret);
  });

  it.each(entries.filter((e) => e.rule.list))('$method $file lists nothing of A’s to B', async ({ file, method, rule }) => {
    const { status, text } = await callRoute(file, method, rule.list?.(world) ?? {}, { cookie: world.cookies.b });
    expect(status).toBe(200);
    for (const secret of secretsOf(world)) expect(text).not.toContain(secret);
  });

  it.each(entries.filter((e) => e.rule.asMember))('$method $file refuses a plain member of A’s workspace', async ({ file, method, rule }) => {
    const { status } = await callRoute(file, method, rule.asMember?.(world) ?? {}, { cookie: world.cookies.member });
    expect(status).toBe(403);
  });

  it.each(entries.filter((e) => e.method !== 'GET' && !e.rule.anyOrigin))('$method $file refuses a request from another origin', async ({ file, method, rule }) => {
    const call = rule.foreign?.call(world) ?? rule.asMember?.(world) ?? {};
    const { status, body } = await callRoute(file, method, call, { cookie: world.cookies.a, origin: 'http://localhost:9999', 'sec-fetch-site': 'same-site' });
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: { code: 'FORBIDDEN', message: FOREIGN_ORIGIN } });
  });

  it('left every one of A’s things as it was', async () => {
    const overlay = await db.overlay.findUniqueOrThrow({ where: { id: world.a.overlayId } });
    expect(overlay).toMatchObject({ token: world.a.overlayToken, revokedAt: null, name: 'Test overlay' });
    expect(await db.gameSession.findUniqueOrThrow({ where: { id: world.a.sessionId } })).toMatchObject({ status: 'ACTIVE', shownWinnerId: null });
    expect(await db.cluster.findUniqueOrThrow({ where: { id: world.a.clusterId } })).toMatchObject({ name: 'A agency' });
    expect(await db.workspaceAccount.count({ where: { workspaceId: world.a.workspaceId } })).toBe(2);
    expect(await db.workspaceMember.findMany({ where: { workspaceId: world.a.workspaceId }, orderBy: { role: 'asc' }, select: { userId: true, role: true } })).toEqual([
      { userId: world.a.ownerId, role: 'OWNER' },
      { userId: world.a.memberId, role: 'MEMBER' },
    ]);
    expect(await db.workspace.findUniqueOrThrow({ where: { id: world.a.workspaceId } })).toMatchObject({ name: world.a.workspaceName });
    expect(await db.workspaceInvite.findUniqueOrThrow({ where: { id: world.a.inviteId } })).toMatchObject({ revokedAt: null });
    expect(await db.reportShareLink.findUniqueOrThrow({ where: { id: world.a.shareLinkId } })).toMatchObject({ revokedAt: null });
    expect(await db.notificationChannel.findUniqueOrThrow({ where: { id: world.a.channelId } })).toMatchObject({ enabled: true, name: 'A’s alerts' });
    expect(await db.notificationRule.count({ where: { accountId: world.a.privateAccountId } })).toBe(0);
    expect(await db.mediaFile.findUniqueOrThrow({ where: { id: world.a.mediaId } })).toMatchObject({ name: 'A’s chime' });
  });
});

describe('channels with the same two users', () => {
  const clients: PusherClient[] = [];
  const client = (params: Record<string, string>, cookie?: string) => {
    const c = createTestClient(params, cookie);
    clients.push(c);
    return c;
  };
  afterAll(() => {
    for (const c of clients) c.disconnect();
  });

  it('account: both workspaces’ members and the account’s overlays; not another workspace’s private account', async () => {
    await subscribe(client({}, world.cookies.a), accountChannel(world.a.sharedAccountId));
    await subscribe(client({}, world.cookies.b), accountChannel(world.a.sharedAccountId));
    await subscribe(client({ token: world.a.overlayToken }), accountChannel(world.a.sharedAccountId));
    await expect(subscribe(client({}, world.cookies.b), accountChannel(world.a.privateAccountId))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({ token: world.b.overlayToken }), accountChannel(world.a.privateAccountId))).rejects.toMatchObject({ status: 403 });
  });

  it('overlay: only that overlay with its token; not B’s overlay, not any dashboard', async () => {
    await subscribe(client({ token: world.a.overlayToken }), overlayChannel(world.a.overlayId));
    await expect(subscribe(client({ token: world.b.overlayToken }), overlayChannel(world.a.overlayId))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({}, world.cookies.a), overlayChannel(world.a.overlayId))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({}, world.cookies.b), overlayChannel(world.a.overlayId))).rejects.toMatchObject({ status: 403 });
  });

  it('workspace: its members only', async () => {
    await subscribe(client({}, world.cookies.a), workspaceChannel(world.a.workspaceId));
    await subscribe(client({}, world.cookies.member), workspaceChannel(world.a.workspaceId));
    await expect(subscribe(client({}, world.cookies.b), workspaceChannel(world.a.workspaceId))).rejects.toMatchObject({ status: 403 });
    await expect(subscribe(client({ token: world.a.overlayToken }), workspaceChannel(world.a.workspaceId))).rejects.toMatchObject({ status: 403 });
  });
});
