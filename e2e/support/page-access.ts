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
  'app/[locale]/(site)/page.tsx': { access: 'public' },
  'app/[locale]/[...rest]/page.tsx': { access: 'public' },
  'app/[locale]/(site)/about/page.tsx': { access: 'public' },
  'app/[locale]/(site)/top/page.tsx': { access: 'public' },
  'app/[locale]/(site)/compare/page.tsx': { access: 'public' },
  'app/[locale]/(site)/profile/[username]/page.tsx': { access: 'public' },
  'app/[locale]/(site)/bilibili/[uid]/page.tsx': { access: 'public' },
  'app/[locale]/(site)/signin/page.tsx': { access: 'public' },
  'app/[locale]/(site)/signup/page.tsx': { access: 'public' },
  'app/[locale]/(site)/invite/[token]/page.tsx': { access: 'public' },
  'app/[locale]/(site)/forgot-password/page.tsx': { access: 'public' },
  'app/[locale]/(site)/reset-password/[token]/page.tsx': { access: 'public' },
  'app/[locale]/(site)/verify-email/[token]/page.tsx': { access: 'public' },
  'app/[locale]/(site)/unsubscribe/[token]/page.tsx': { access: 'public' },
  'app/[locale]/overlay/[token]/page.tsx': { access: 'public' },
  'app/[locale]/(site)/checkout/page.tsx': { access: 'optional' },
  'app/[locale]/(site)/reports/[id]/page.tsx': { access: 'optional', foreign: (ids) => `/reports/${ids.reportId}` },
  'app/[locale]/(site)/account/orders/page.tsx': { access: 'user', path: '/account/orders' },
  'app/[locale]/(site)/account/settings/page.tsx': { access: 'user', path: '/account/settings' },
  'app/[locale]/(site)/checkout/cancel/page.tsx': { access: 'user', path: '/checkout/cancel?order=x' },
  'app/[locale]/(site)/checkout/success/page.tsx': { access: 'user', path: '/checkout/success?order=x' },
  'app/[locale]/(site)/checkout/test/[orderId]/page.tsx': { access: 'user', path: '/checkout/test/x' },
  'app/[locale]/(site)/dashboard/page.tsx': { access: 'member', path: '/dashboard' },
  'app/[locale]/(site)/dashboard/workspace/page.tsx': { access: 'member', path: '/dashboard/workspace' },
  'app/[locale]/(site)/dashboard/clusters/page.tsx': { access: 'member', path: '/dashboard/clusters' },
  'app/[locale]/(site)/dashboard/overlays/page.tsx': { access: 'member', path: '/dashboard/overlays' },
  'app/[locale]/(site)/dashboard/games/page.tsx': { access: 'member', path: '/dashboard/games' },
  'app/[locale]/(site)/dashboard/notifications/page.tsx': { access: 'member', path: '/dashboard/notifications' },
  'app/[locale]/(site)/dashboard/media/page.tsx': { access: 'member', path: '/dashboard/media' },
  'app/[locale]/(site)/dashboard/accounts/[accountId]/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/accounts/${ids.accountId}` },
  'app/[locale]/(site)/dashboard/accounts/[accountId]/lives/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/accounts/${ids.accountId}/lives` },
  'app/[locale]/(site)/dashboard/accounts/[accountId]/gifters/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/accounts/${ids.accountId}/gifters` },
  'app/[locale]/(site)/dashboard/accounts/[accountId]/gifters/[viewerId]/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/accounts/${ids.accountId}/gifters/${ids.viewerId}` },
  'app/[locale]/(site)/dashboard/accounts/[accountId]/status/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/accounts/${ids.accountId}/status` },
  'app/[locale]/(site)/dashboard/lives/[liveId]/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/lives/${ids.liveId}` },
  'app/[locale]/(site)/dashboard/clusters/[clusterId]/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/clusters/${ids.clusterId}` },
  'app/[locale]/(site)/dashboard/overlays/[overlayId]/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/overlays/${ids.overlayId}` },
  'app/[locale]/(site)/dashboard/games/[sessionId]/page.tsx': { access: 'member', foreign: (ids) => `/dashboard/games/${ids.sessionId}` },
};
