// Channel and event names shared by the worker (publisher), the app (authoriser) and browsers
// (subscribers). Every channel is private: POST /api/pusher/auth approves each subscription for the
// identity its connection signed in as (lib/realtime/identity.ts).
//
//   private-account-{accountId}      what TikTok shows publicly in the account's lives: gifts, chat, joins,
//                                    counters, live status. Published once per event, however many
//                                    workspaces and overlays watch; read by the dashboards of workspaces
//                                    watching the account and by that account's overlays.
//   private-overlay-{overlayId}      one overlay's own messages: its settings (with its OBS password), its
//                                    revocation and its game sessions. Only that overlay's connection.
//   private-workspace-{workspaceId}  what a workspace makes: game boards and host actions, overlay changes,
//                                    for its members' dashboards only.

/** Public events of one TikTok account. */
export function accountChannel(accountId: string): string {
  return `private-account-${accountId}`;
}

/** One overlay's settings and games. */
export function overlayChannel(overlayId: string): string {
  return `private-overlay-${overlayId}`;
}

/** One workspace's own updates (games, overlays). */
export function workspaceChannel(workspaceId: string): string {
  return `private-workspace-${workspaceId}`;
}

/** Every kind of channel we hand out (the isolation test has a rule for each). */
export const CHANNEL_KINDS = ['account', 'overlay', 'workspace'] as const;

export type ParsedChannel = { kind: 'account'; accountId: string } | { kind: 'overlay'; overlayId: string } | { kind: 'workspace'; workspaceId: string };

const CHANNEL = /^private-(account|overlay|workspace)-([A-Za-z0-9_-]{1,64})$/;

/** The kind and id of a private channel name, or undefined for any name we never hand out. */
export function parseChannel(name: string): ParsedChannel | undefined {
  const match = CHANNEL.exec(name);
  const id = match?.[2];
  if (!match?.[1] || !id) return undefined;
  if (match[1] === 'account') return { kind: 'account', accountId: id };
  if (match[1] === 'overlay') return { kind: 'overlay', overlayId: id };
  return { kind: 'workspace', workspaceId: id };
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
  /** A wheel-of-fortune overlay's spin (worker/wheels.ts, lib/overlays/wheel-store.ts). */
  wheel: 'wheel',
} as const;

/** What a browser needs to connect (computed on the server at request time, see config.ts). */
export type PublicRealtimeConfig = {
  key: string;
  cluster: string;
  wsHost?: string;
  wsPort?: number;
  forceTLS: boolean;
};
