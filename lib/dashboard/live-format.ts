// Display helpers for lives, shared by the server-rendered tables and the browser-drawn charts and chat.
// Times are shown in UTC with a fixed locale, so server and browser render the same text.

const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const timeWithSecondsFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC' });

/** "Jan 1, 2031, 10:00 AM UTC". */
export function formatUtcDateTime(iso: string): string {
  return `${dateTimeFormat.format(new Date(iso))} UTC`;
}

/** "10:00" (UTC, 24-hour), or "10:00:05" with seconds. */
export function formatUtcTime(iso: string, withSeconds = false): string {
  return (withSeconds ? timeWithSecondsFormat : timeFormat).format(new Date(iso));
}

/** A duration in seconds as "45 s", "12 min" or "2 h 5 min"; "—" when negative or not finite. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 60) return `${Math.floor(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
