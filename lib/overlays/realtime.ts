// Messages the app publishes when an overlay changes, and the helper that sends app-side updates
// (overlay changes, host actions) to an account's dashboard and overlay channels. A failed publish does
// not fail the request: the change is stored, and pages pick it up on their next load or reconnect.
import 'server-only';
import { createLogger } from '@/lib/logger';
import { accountChannel, overlayChannel } from '@/lib/realtime/channels';
import { publishBatch } from '@/lib/realtime/server';
import type { OverlayControlMessage } from '@/lib/overlays/types';

const log = createLogger('realtime');

export type { OverlayControlMessage };

/** Sends one event to both channels of an account; returns false (and logs) when it could not. */
export async function notifyAccount(accountId: string, name: string, data: unknown): Promise<boolean> {
  try {
    await publishBatch([
      { channel: accountChannel(accountId), name, data },
      { channel: overlayChannel(accountId), name, data },
    ]);
    return true;
  } catch (error) {
    log.warn('could not publish an update; pages will catch up on reload', { accountId, name, error });
    return false;
  }
}
