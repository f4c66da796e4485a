// App-side game updates (host actions): to the session's overlay and its workspace's dashboards. A failed
// publish does not fail the request: the change is stored, and pages pick it up on reload or reconnect.
import 'server-only';
import type { GameMessage } from '@/lib/games/realtime';
import { createLogger } from '@/lib/logger';
import { overlayChannel, RealtimeEvent, workspaceChannel } from '@/lib/realtime/channels';
import { publishBatch } from '@/lib/realtime/server';

const log = createLogger('realtime');

export async function notifyGame(session: { workspaceId: string; overlayId: string | null }, data: GameMessage): Promise<boolean> {
  try {
    await publishBatch([
      ...(session.overlayId ? [{ channel: overlayChannel(session.overlayId), name: RealtimeEvent.game, data }] : []),
      { channel: workspaceChannel(session.workspaceId), name: RealtimeEvent.game, data },
    ]);
    return true;
  } catch (error) {
    log.warn('could not publish a game update; pages will catch up on reload', { overlayId: session.overlayId, error });
    return false;
  }
}
