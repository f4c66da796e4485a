// App-side realtime updates about overlays: to the overlay's own channel and to the workspace's channel
// (its members' dashboards). Game updates go the same way (lib/games/notify.ts). A failed publish does
// not fail the request: the change is stored, and pages pick it up on their next load or reconnect.
import 'server-only';
import { createLogger } from '@/lib/logger';
import { overlayChannel, RealtimeEvent, workspaceChannel } from '@/lib/realtime/channels';
import type { RealtimeMessage } from '@/lib/realtime/contract';
import { publishBatch } from '@/lib/realtime/server';
import type { OverlayControlMessage } from '@/lib/overlays/types';
import type { WheelSpinMessage } from '@/lib/overlays/wheel';

const log = createLogger('realtime');

export type { OverlayControlMessage };

async function send(messages: RealtimeMessage[]): Promise<boolean> {
  try {
    await publishBatch(messages);
    return true;
  } catch (error) {
    log.warn('could not publish an update; pages will catch up on reload', { channels: messages.map((m) => m.channel), error });
    return false;
  }
}

/** An overlay change: `forOverlay` to the overlay itself, `forWorkspace` to the workspace's dashboards. */
export function notifyOverlay(overlay: { id: string; workspaceId: string }, forOverlay: OverlayControlMessage, forWorkspace: OverlayControlMessage): Promise<boolean> {
  return send([
    { channel: overlayChannel(overlay.id), name: RealtimeEvent.overlay, data: forOverlay },
    { channel: workspaceChannel(overlay.workspaceId), name: RealtimeEvent.overlay, data: forWorkspace },
  ]);
}

/** A wheel's spin: played by the overlay, listed by the workspace's open editors. */
export function notifyWheel(overlay: { id: string; workspaceId: string }, message: WheelSpinMessage): Promise<boolean> {
  return send([
    { channel: overlayChannel(overlay.id), name: RealtimeEvent.wheel, data: message },
    { channel: workspaceChannel(overlay.workspaceId), name: RealtimeEvent.wheel, data: message },
  ]);
}
