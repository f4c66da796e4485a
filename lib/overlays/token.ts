// Overlay tokens: the only credential an OBS browser source has, so long, random and never reused.
// No `server-only`: the overlay page's route checks the shape before any query.
import { randomBytes } from 'node:crypto';

/** Tokens are 32 base64url characters; anything else is not worth a query. */
export const OVERLAY_TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

export function newOverlayToken(): string {
  return randomBytes(24).toString('base64url');
}
