// The zone of the browser a signed-in user last used (users.browser_time_zone), for messages sent while
// they are away when they never chose a zone (lib/mail/translate.ts mailReader). Pages rendered per
// request (lib/i18n/display.ts) pass the browser's livelens-tz cookie here.
import 'server-only';
import type { Db } from '@/lib/db';
import { isTimeZone } from '@/lib/i18n/time';
import { createLogger } from '@/lib/logger';

const log = createLogger('browser-zone');

/** Stores `sent` as the user's browser zone when it is a real zone and differs from `stored`: a page view costs no write. */
export async function rememberBrowserZone(db: Db, userId: string, stored: string | null, sent: string | undefined): Promise<boolean> {
  if (!isTimeZone(sent) || sent === stored) return false;
  try {
    await db.user.update({ where: { id: userId }, data: { browserTimeZone: sent } });
    return true;
  } catch (error) {
    // The page still renders in the right zone; the next page view tries again.
    log.warn('could not store the browser time zone', { error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
