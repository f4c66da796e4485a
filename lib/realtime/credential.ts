// The credential a realtime request carries: an overlay's URL token in the body, or the session cookie
// of a signed-in user (in their current workspace).
import 'server-only';
import { userFromRequest } from '@/lib/auth/session';
import type { Db } from '@/lib/db';
import type { RealtimeCredential } from '@/lib/realtime/authorize';
import { currentWorkspace } from '@/lib/workspaces/context';

export async function realtimeCredential(db: Db, request: Request, token: string | undefined): Promise<RealtimeCredential> {
  if (token) return { kind: 'overlay', token };
  const user = await userFromRequest(request);
  if (!user) return { kind: 'none' };
  const ws = await currentWorkspace(db, user.id);
  return { kind: 'dashboard', userId: user.id, workspaceId: ws.workspaceId };
}
