// Channel and event names shared by the worker (publisher), the app (authoriser) and browsers
// (subscribers). Private channels need POST /api/pusher/auth to approve each subscription.

/** Dashboard updates for one TikTok account: only users who manage the account may subscribe. */
export function accountChannel(accountId: string): string {
  return `private-account-${accountId}`;
}

/** Overlay updates for one TikTok account: authorised by a valid overlay token of that account. */
export function overlayChannel(accountId: string): string {
  return `private-overlay-${accountId}`;
}

export type ParsedChannel =
  | { kind: 'account'; accountId: string }
  | { kind: 'overlay'; accountId: string };

const CHANNEL = /^private-(account|overlay)-([A-Za-z0-9_-]{1,64})$/;

/** The kind and account of a private channel name, or undefined for any name we never hand out. */
export function parseChannel(name: string): ParsedChannel | undefined {
  const match = CHANNEL.exec(name);
  if (!match?.[1] || !match[2]) return undefined;
  return { kind: match[1] === 'account' ? 'account' : 'overlay', accountId: match[2] };
}

export const RealtimeEvent = {
  gift: 'gift',
  giftProgress: 'gift-progress',
  chat: 'chat',
  social: 'social',
  counters: 'counters',
  liveStatus: 'live-status',
  game: 'game',
  /** Overlay settings changed or the overlay was revoked (lib/overlays/realtime.ts). */
  overlay: 'overlay',
} as const;

/** What a browser needs to connect (computed on the server at request time, see config.ts). */
export type PublicRealtimeConfig = {
  key: string;
  cluster: string;
  wsHost?: string;
  wsPort?: number;
  forceTLS: boolean;
};
