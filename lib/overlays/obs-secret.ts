// The Q&A overlay's OBS websocket password: encrypted in the database, shown to the dashboard only as a
// placeholder (the editor can replace or clear it, never read it back), and decrypted only for the
// overlay's own page and its own realtime channel, which need it to talk to OBS.
import 'server-only';
import type { Db } from '@/lib/db';
import { isSealed, seal, unseal } from '@/lib/crypto/secret-box';
import type { OverlayKind } from '@/lib/overlays/settings';

const PURPOSE = 'obs-password';
/** What the editor shows (and sends back unchanged) for a password that is set. */
export const OBS_PASSWORD_PLACEHOLDER = '••••••••';

type WithPassword = { obsPassword?: unknown };

const hasPasswordField = (kind: OverlayKind) => kind === 'QA_GAME';

function storedPassword(settings: unknown): string {
  const value = settings && typeof settings === 'object' ? (settings as WithPassword).obsPassword : undefined;
  return typeof value === 'string' ? value : '';
}

/** The plaintext password of stored settings ('' when none or unreadable; a legacy plaintext value as is). */
export function readObsPassword(stored: unknown): string {
  const value = storedPassword(stored);
  if (value === '') return '';
  return isSealed(value) ? (unseal(value, PURPOSE) ?? '') : value;
}

/** Settings to store: the password sealed; the placeholder keeps what was stored before. */
export function sealSettings<T extends object>(kind: OverlayKind, incoming: T, previous: unknown): T {
  if (!hasPasswordField(kind)) return incoming;
  const next = storedPassword(incoming);
  if (next === OBS_PASSWORD_PLACEHOLDER) {
    const before = storedPassword(previous);
    return { ...incoming, obsPassword: before === '' || isSealed(before) ? before : seal(before, PURPOSE) };
  }
  return { ...incoming, obsPassword: next === '' ? '' : seal(next, PURPOSE) };
}

/** Settings for the dashboard: the password replaced by the placeholder (or '' when none is set). */
export function maskSettings<T>(kind: OverlayKind, settings: T): T {
  if (!hasPasswordField(kind) || !settings || typeof settings !== 'object') return settings;
  return { ...settings, obsPassword: storedPassword(settings) === '' ? '' : OBS_PASSWORD_PLACEHOLDER };
}

/** Settings for the overlay itself: the password in plaintext. */
export function unsealSettings<T>(kind: OverlayKind, settings: T): T {
  if (!hasPasswordField(kind) || !settings || typeof settings !== 'object') return settings;
  return { ...settings, obsPassword: readObsPassword(settings) };
}

/** Seals OBS passwords stored in plaintext before encryption at rest existed (run after migrations). */
export async function sealLegacyObsPasswords(db: Db, secret?: string): Promise<number> {
  const rows = await db.$queryRaw<{ id: string; settings: unknown }[]>`
    SELECT id, settings FROM overlays
     WHERE kind = 'QA_GAME' AND COALESCE(settings->>'obsPassword', '') <> '' AND settings->>'obsPassword' NOT LIKE 'enc:v1:%'`;
  for (const row of rows) {
    const password = storedPassword(row.settings);
    await db.overlay.update({ where: { id: row.id }, data: { settings: { ...(row.settings as object), obsPassword: seal(password, PURPOSE, secret) } } });
  }
  return rows.length;
}
