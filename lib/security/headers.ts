// Security headers. Every response: no MIME sniffing, a strict referrer policy, no powerful browser
// features. Pages: a Content-Security-Policy, with a fresh nonce per request for the pages Next renders
// per request (its own scripts carry the nonce; 'strict-dynamic' lets them load the rest).
//
// Pages whose HTML is rendered once and served to everyone (ISR: /@handle; static: /about, not-found)
// cannot carry a per-request nonce, so they get the same policy with 'self' 'unsafe-inline' scripts
// instead of a nonce (Next's inline bootstrap scripts must run). They show only public data and take no
// input that becomes HTML.
//
// Overlays (/overlay/{token}) stay embeddable: no frame-ancestors, and they may open websockets anywhere
// (the realtime server, and OBS's obs-websocket on the streamer's own machine). Everything else refuses
// to be framed (frame-ancestors 'none', X-Frame-Options: DENY).

export const BASE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()',
};

export type PageKind = 'per-request' | 'shared' | 'overlay';

/** Where TikTok serves gift pictures and avatars (seen in LIVE events: p16-sign-va.tiktokcdn.com and kin). */
export const TIKTOK_IMAGE_HOSTS = ['https://*.tiktokcdn.com', 'https://*.tiktokcdn-us.com', 'https://*.tiktokcdn-eu.com', 'https://*.ibyteimg.com', 'https://*.byteimg.com'];

/** Which policy a page path gets (see the header comment). */
export function pageKindOf(pathname: string): PageKind {
  if (pathname.startsWith('/overlay/')) return 'overlay';
  if (pathname.startsWith('/@') || pathname.startsWith('/profile/') || pathname === '/about') return 'shared';
  return 'per-request';
}

/** The realtime server's websocket origins a page may connect to (from the public Pusher settings). */
export function realtimeOrigins(config: { wsHost?: string; wsPort?: number; cluster: string; forceTLS: boolean }): string[] {
  if (!config.wsHost) return [`wss://ws-${config.cluster}.pusher.com`];
  const host = config.wsPort ? `${config.wsHost}:${config.wsPort}` : config.wsHost;
  return config.forceTLS ? [`wss://${host}`] : [`ws://${host}`, `wss://${host}`];
}

export function contentSecurityPolicy(options: { kind: PageKind; nonce?: string; realtime: string[]; dev?: boolean }): string {
  const { kind, nonce, realtime, dev } = options;
  const scripts =
    kind === 'shared' || !nonce ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"];
  // React's development build evaluates code for its debugging aids; never in production.
  if (dev) scripts.push("'unsafe-eval'");
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': scripts,
    // Style attributes (positions, accent colours) cannot carry a nonce.
    'style-src': ["'self'", "'unsafe-inline'"],
    // Avatars and gift images come from TikTok's CDNs (and whatever a profile page names).
    // Overlays are the exception: an overlay's custom CSS must not load from anywhere else, so only its
    // own media route (same origin) and TikTok's image hosts (gift pictures, avatars).
    'img-src': kind === 'overlay' ? ["'self'", 'data:', 'blob:', ...TIKTOK_IMAGE_HOSTS] : ["'self'", 'data:', 'blob:', 'https:', 'http:'],
    'media-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': kind === 'overlay' ? ["'self'", 'ws:', 'wss:'] : ["'self'", ...realtime, ...(dev ? ['ws:'] : [])],
    'frame-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'manifest-src': ["'self'"],
  };
  if (kind !== 'overlay') directives['frame-ancestors'] = ["'none'"];
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
