// Who may open each page. lib/api/isolation.test.ts checks that every page file is listed here and that
// the ones needing an account ask for one; e2e/isolation.spec.ts opens each listed page in Chromium as a
// visitor and as another workspace's user, with the first user's ids.
//   public    anyone
//   optional  anyone; shows more to its owner (a report opens for its owner or with a share link)
//   user      a signed-in user (visitors go to sign in and come back)
//   member    a signed-in user, in their current workspace
export type PageAccess = 'public' | 'optional' | 'user' | 'member';

/** Ids of the first user's things that a page address can carry. */
export type PageIds = { accountId: string; liveId: string; overlayId: string; sessionId: string; clusterId: string; viewerId: string; reportId: string; orderId: string };

export type PageRule = {
  access: PageAccess;
  /** The address with the first user's ids: another workspace's user gets 404 there. */
  foreign?: (ids: PageIds) => string;
  /** The address to try signed out (pages that need an account send visitors to sign in). */
  path?: string;
};

export const PAGE_ACCESS: Record<string, PageRule> = {
  'app/(site)/page.tsx': { access: 'public' },
  'app/(site)/about/page.tsx': { access: 'public' },
  'app/(site)/top/page.tsx': { access: 'public' },
  'app/(site)/profile/[username]/page.tsx': { access: 'public' },
  'app/(site)/signin/page.tsx': { access: 'public' },
  'app/(site)/signup/page.tsx': { access: 'public' },
  'app/(site)/invite/[token]/page.tsx': { access: 'public' },
  'app/(site)/forgot-password/page.tsx': { access: 'public' },
  'app/(site)/reset-password/[token]/page.tsx': { access: 'public' },
  'app/(site)/verify-email/[token]/page.tsx': { access: 'public' },
  'app/(site)/unsubscribe/[token]/page.tsx': { access: 'public' },
  'app/overlay/[token]/page.tsx': { access: 'public' },
  'app/(site)/checkout/page.tsx': { access: 'optional' },
  'app/(site)/reports/[id]/page.tsx': { access: 'optional', foreign: (ids) => `/reports/${ids.reportId}` },
  'app/(site)/account/orders/page.tsx': { access: 'user', path: '/account/orders' },
  'app/(site)/account/settings/page.tsx': { access: 'user', path: '/account/settings' },
  'app/(site)/checkout/cancel/page.tsx': { access: 'user', path: '/checkout/cancel?order=x' },
  'app/(site)/checkout/success/page.tsx': { access: 'user', path: '/checkout/success?order=x' },
  'app/(site)/checkout/test/[orderId]/page.tsx': { access: 'user', path: '/checkout/test/x' },
  'app/(site)/dashboard/page.tsx': { access: 'member', path: '/dashboard' },
  'app/(site)/dashboard/workspace/page.tsx': { access: 'member', path: '/dashboard/workspace' },
  'app/(site)/dashboard/clusters/page.tsx': { access: 'member', path: '/dashboard/clusters' },
  'app/(site)/dashboard/overlays/page.tsx': { access: 'member', path: '/dashboard/overlays' },
  'app/(site)/dashboard/games/page.tsx': { access: 'member', path: '/dashboard/games' },
  'app/(site)/dashboard/notifications/page.tsx': { access: 'member', path: '/dashboard/notifications' },
  'app/(site)/dashboard/accounts/[accountId]/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/accounts/${ids.accountId}` },
  'app/(site)/dashboard/accounts/[accountId]/lives/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/accounts/${ids.accountId}/lives` },
  'app/(site)/dashboard/accounts/[accountId]/gifters/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/accounts/${ids.accountId}/gifters` },
  'app/(site)/dashboard/accounts/[accountId]/gifters/[viewerId]/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/accounts/${ids.accountId}/gifters/${ids.viewerId}` },
  'app/(site)/dashboard/accounts/[accountId]/status/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/accounts/${ids.accountId}/status` },
  'app/(site)/dashboard/lives/[liveId]/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/lives/${ids.liveId}` },
  'app/(site)/dashboard/clusters/[clusterId]/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/clusters/${ids.clusterId}` },
  'app/(site)/dashboard/overlays/[overlayId]/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/overlays/${ids.overlayId}` },
  'app/(site)/dashboard/games/[sessionId]/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/games/${ids.sessionId}` },
};
