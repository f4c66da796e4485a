// Who may subscribe to which private channel. Dashboard channels: users who manage the account.
// Overlay channels: anyone holding a live (not revoked) overlay token of that account.
import 'server-only';
import type Pusher from 'pusher';
import { AppError } from '@/lib/api/errors';
import { db } from '@/lib/db';
import { parseChannel } from '@/lib/realtime/channels';
import { getPusher } from '@/lib/realtime/server';

export type SubscriptionRequest = {
  socketId: string;
  channel: string;
  userId?: string;
  overlayToken?: string;
};

const SOCKET_ID = /^\d{1,20}\.\d{1,20}$/;

// Denials are all the same 403 so a caller cannot tell "no such account" from "not yours".
const denied = () => new AppError('FORBIDDEN', 'You may not subscribe to this channel.');

export async function authorizeSubscription(request: SubscriptionRequest, pusher: Pusher = getPusher()): Promise<Pusher.ChannelAuthResponse> {
  if (!SOCKET_ID.test(request.socketId)) throw new AppError('BAD_REQUEST', 'socket_id is not a valid socket id.');
  const channel = parseChannel(request.channel);
  if (!channel) throw denied();
  if (channel.kind === 'overlay') {
    if (!request.overlayToken) throw denied();
    const overlay = await db.overlay.findUnique({ where: { token: request.overlayToken }, select: { accountId: true, revokedAt: true } });
    if (!overlay || overlay.revokedAt || overlay.accountId !== channel.accountId) throw denied();
  } else {
    if (!request.userId) throw denied();
    const managed = await db.managedAccount.findUnique({
      where: { userId_accountId: { userId: request.userId, accountId: channel.accountId } },
      select: { accountId: true },
    });
    if (!managed) throw denied();
  }
  return pusher.authorizeChannel(request.socketId, request.channel);
}
