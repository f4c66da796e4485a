// Realtime access rules. A connection first signs in (issueIdentity: one identity per socket, from the
// session cookie for a dashboard or the URL token for an overlay); each private channel is then approved
// for that identity only, re-checking the credential it came with:
//   account channel   a member of a workspace that watches the account, or a live overlay of the account
//                     whose workspace still watches it (or of another channel in the cluster its gift alerts
//                     draw from: lib/overlays/sources.ts);
//   overlay channel   that overlay, opened with its current token;
//   workspace channel a member of that workspace.
// Denials are all the same 403 so a caller cannot tell "no such thing" from "not yours".
import 'server-only';
import type Pusher from 'pusher';
import { AppError } from '@/lib/api/errors';
import type { Db } from '@/lib/db';
import { parseChannel } from '@/lib/realtime/channels';
import { dashboardIdentity, overlayIdentity, parseIdentity, tokenFingerprint } from '@/lib/realtime/identity';
import { getPusher } from '@/lib/realtime/server';
import { OVERLAY_TOKEN } from '@/lib/overlays/token';
import { overlayAccountIds } from '@/lib/overlays/sources';

const SOCKET_ID = /^\d{1,20}\.\d{1,20}$/;

const denied = () => new AppError('FORBIDDEN', 'You may not subscribe to this channel.');

/** Who is asking: the signed-in user in their current workspace, or an overlay's token. */
export type RealtimeCredential = { kind: 'dashboard'; userId: string; workspaceId: string } | { kind: 'overlay'; token: string } | { kind: 'none' };

function checkSocketId(socketId: string): void {
  if (!SOCKET_ID.test(socketId)) throw new AppError('BAD_REQUEST', 'socket_id is not a valid socket id.');
}

async function liveOverlayOf(db: Db, token: string) {
  if (!OVERLAY_TOKEN.test(token)) return null;
  const overlay = await db.overlay.findUnique({ where: { token }, select: { id: true, accountId: true, workspaceId: true, revokedAt: true, kind: true, settings: true } });
  if (!overlay || overlay.revokedAt) return null;
  const watched = await db.workspaceAccount.findUnique({ where: { workspaceId_accountId: { workspaceId: overlay.workspaceId, accountId: overlay.accountId } }, select: { accountId: true } });
  return watched ? overlay : null;
}

async function isMember(db: Db, userId: string, workspaceId: string): Promise<boolean> {
  return (await db.workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { userId: true } })) !== null;
}

/** The identity for this credential, or FORBIDDEN. */
async function identityFor(db: Db, credential: RealtimeCredential): Promise<string> {
  if (credential.kind === 'dashboard') {
    if (!(await isMember(db, credential.userId, credential.workspaceId))) throw denied();
    return dashboardIdentity(credential.userId, credential.workspaceId);
  }
  if (credential.kind === 'overlay') {
    const overlay = await liveOverlayOf(db, credential.token);
    if (!overlay) throw denied();
    return overlayIdentity(overlay.id, credential.token);
  }
  throw denied();
}

/**
 * Signs a connection in (Pusher user authentication). A socket gets one identity for its whole life:
 * asking again with another credential is refused, so a connection cannot collect identities and
 * survive the termination of one of them.
 */
export async function issueIdentity(db: Db, socketId: string, credential: RealtimeCredential, pusher: Pusher = getPusher()): Promise<Pusher.UserAuthResponse> {
  checkSocketId(socketId);
  const identity = await identityFor(db, credential);
  const rows = await db.$queryRaw<{ identity: string }[]>`
    INSERT INTO realtime_sockets (socket_id, identity) VALUES (${socketId}, ${identity})
    ON CONFLICT (socket_id) DO UPDATE SET socket_id = EXCLUDED.socket_id
    RETURNING identity`;
  if (rows[0]?.identity !== identity) throw denied();
  return pusher.authenticateUser(socketId, { id: identity });
}

/** Approves one private channel for a signed-in socket, re-checking the credential it signed in with. */
export async function authorizeSubscription(db: Db, request: { socketId: string; channel: string; credential: RealtimeCredential }, pusher: Pusher = getPusher()): Promise<Pusher.ChannelAuthResponse> {
  checkSocketId(request.socketId);
  const channel = parseChannel(request.channel);
  if (!channel) throw denied();
  const socket = await db.realtimeSocket.findUnique({ where: { socketId: request.socketId }, select: { identity: true } });
  const identity = socket ? parseIdentity(socket.identity) : undefined;
  if (!identity) throw denied();

  if (identity.kind === 'dashboard') {
    const credential = request.credential;
    if (credential.kind !== 'dashboard' || credential.userId !== identity.userId) throw denied();
    if (!(await isMember(db, identity.userId, identity.workspaceId))) throw denied();
    if (channel.kind === 'workspace') {
      if (channel.workspaceId !== identity.workspaceId) throw denied();
    } else if (channel.kind === 'account') {
      const watched = await db.workspaceAccount.findUnique({ where: { workspaceId_accountId: { workspaceId: identity.workspaceId, accountId: channel.accountId } }, select: { accountId: true } });
      if (!watched) throw denied();
    } else {
      // A dashboard never needs an overlay's own channel (it carries the overlay's OBS password).
      throw denied();
    }
  } else {
    const credential = request.credential;
    if (credential.kind !== 'overlay' || tokenFingerprint(credential.token) !== identity.tokenFp) throw denied();
    const overlay = await liveOverlayOf(db, credential.token);
    if (!overlay || overlay.id !== identity.overlayId) throw denied();
    if (channel.kind === 'overlay' ? channel.overlayId !== overlay.id : channel.kind === 'account' ? !(await overlayAccountIds(db, overlay)).includes(channel.accountId) : true) throw denied();
  }
  return pusher.authorizeChannel(request.socketId, request.channel);
}

/** Forgets socket identities older than a week (an OBS overlay can stay connected for days; one that
 * reconnects signs in again with a new socket id). */
export async function pruneRealtimeSockets(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.realtimeSocket.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 7 * 24 * 3600 * 1000) } } });
  return count;
}
