// Cross-site request forgery: a state-changing request is accepted only from this app's own pages.
// Browsers send `Origin` with every POST, PUT, PATCH and DELETE (and `Sec-Fetch-Site` with every request);
// SameSite=Lax cookies alone let a page on another port of the same host (same *site*, other *origin*)
// add accounts and revoke overlays. Requests from outside browsers (curl, server to server) send
// neither and carry no ambient cookie, so they are let through.
import 'server-only';
import { AppError } from '@/lib/api/errors';
import { appUrl } from '@/lib/env';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const FOREIGN_ORIGIN = 'This request came from another site and was refused. Use LiveLens from its own pages.';

/** The origins this app answers as: APP_URL's, and the one the request itself was addressed to. */
function ownOrigins(request: Request): Set<string> {
  const origins = new Set<string>([new URL(appUrl()).origin]);
  const host = request.headers.get('host');
  if (host) {
    const scheme = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || new URL(request.url).protocol.replace(':', '');
    origins.add(`${scheme}://${host}`);
  }
  return origins;
}

export function checkOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get('origin');
  if (origin !== null) {
    if (!ownOrigins(request).has(origin)) throw new AppError('FORBIDDEN', FOREIGN_ORIGIN);
    return;
  }
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') throw new AppError('FORBIDDEN', FOREIGN_ORIGIN);
}
