// Who a realtime connection is (Pusher user authentication, `pusher:signin`). A connection signs in once,
// before it subscribes to anything; the app hands out one identity per socket (realtime_sockets), and
// approves channels for that identity only. Ending access to something ends the connections of every
// identity that depended on it, through Pusher's terminate_connections:
//   d.{userId}.{workspaceId}   a member's dashboard in one workspace (removed member, deleted workspace,
//                              account removed from the workspace)
//   o.{overlayId}.{tokenFp}    an overlay opened with one token (regenerated, revoked, deleted overlay,
//                              its account removed from the workspace)
// Ids are cuids (letters and digits) and the fingerprint is hex, so '.' separates them unambiguously.
import 'server-only';
import { createHash } from 'node:crypto';
import type Pusher from 'pusher';
import { createLogger } from '@/lib/logger';
import { getPusher } from '@/lib/realtime/server';

const log = createLogger('realtime');

export type Identity = { kind: 'dashboard'; userId: string; workspaceId: string } | { kind: 'overlay'; overlayId: string; tokenFp: string };

/** A short, stable fingerprint of an overlay token (the token itself never leaves the overlay's URL). */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 20);
}

export function dashboardIdentity(userId: string, workspaceId: string): string {
  return `d.${userId}.${workspaceId}`;
}

export function overlayIdentity(overlayId: string, token: string): string {
  return `o.${overlayId}.${tokenFingerprint(token)}`;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseIdentity(identity: string): Identity | undefined {
  const [kind, a, b, ...rest] = identity.split('.');
  if (rest.length > 0 || !a || !b || !ID.test(a) || !ID.test(b)) return undefined;
  if (kind === 'd') return { kind: 'dashboard', userId: a, workspaceId: b };
  if (kind === 'o' && /^[0-9a-f]{20}$/.test(b)) return { kind: 'overlay', overlayId: a, tokenFp: b };
  return undefined;
}

/**
 * Closes every connection signed in as one of `identities` (soketi and hosted Pusher both implement
 * terminate_connections). A failure is logged, not thrown: the change that caused it is stored, and
 * channel authorisation refuses the identity from now on, so a reconnect gets nothing.
 */
export async function terminateIdentities(identities: Iterable<string>, pusher: Pusher = getPusher()): Promise<void> {
  const unique = [...new Set(identities)];
  await Promise.all(
    unique.map(async (identity) => {
      try {
        const response = await pusher.terminateUserConnections(identity);
        const body = await response.text();
        if (body.includes('"error"')) throw new Error(body.slice(0, 200));
      } catch (error) {
        log.warn('could not end realtime connections', { identity, error });
      }
    }),
  );
}
