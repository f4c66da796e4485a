// The message catalogues: one JSON file per language and area (lib/i18n/messages/<locale>/<namespace>.json,
// ICU message syntax), so each area's texts are translated and reviewed on their own. English is the
// source; every other language has the same keys (lib/i18n/messages.test.ts fails on a missing, extra or
// unused key). A new area: add its name here and a file per language.
import type { Locale } from '@/lib/i18n/locales';

export const NAMESPACES = ['meta', 'header', 'language', 'footer', 'notFound', 'home', 'search', 'handle', 'auth', 'overlay', 'dashboard', 'overlayEditor', 'games', 'clusters', 'workspace', 'notifications', 'account', 'authFlows', 'profile', 'top', 'compare', 'about', 'reports', 'checkout', 'email', 'errors', 'network', 'media', 'overlayThemes'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** Every namespace's English messages (the shape every language has). */
export type Messages = {
  meta: typeof import('@/lib/i18n/messages/en/meta.json');
  header: typeof import('@/lib/i18n/messages/en/header.json');
  language: typeof import('@/lib/i18n/messages/en/language.json');
  footer: typeof import('@/lib/i18n/messages/en/footer.json');
  notFound: typeof import('@/lib/i18n/messages/en/notFound.json');
  home: typeof import('@/lib/i18n/messages/en/home.json');
  search: typeof import('@/lib/i18n/messages/en/search.json');
  handle: typeof import('@/lib/i18n/messages/en/handle.json');
  auth: typeof import('@/lib/i18n/messages/en/auth.json');
  overlay: typeof import('@/lib/i18n/messages/en/overlay.json');
  dashboard: typeof import('@/lib/i18n/messages/en/dashboard.json');
  overlayEditor: typeof import('@/lib/i18n/messages/en/overlayEditor.json');
  games: typeof import('@/lib/i18n/messages/en/games.json');
  clusters: typeof import('@/lib/i18n/messages/en/clusters.json');
  workspace: typeof import('@/lib/i18n/messages/en/workspace.json');
  notifications: typeof import('@/lib/i18n/messages/en/notifications.json');
  account: typeof import('@/lib/i18n/messages/en/account.json');
  authFlows: typeof import('@/lib/i18n/messages/en/authFlows.json');
  profile: typeof import('@/lib/i18n/messages/en/profile.json');
  top: typeof import('@/lib/i18n/messages/en/top.json');
  compare: typeof import('@/lib/i18n/messages/en/compare.json');
  about: typeof import('@/lib/i18n/messages/en/about.json');
  reports: typeof import('@/lib/i18n/messages/en/reports.json');
  checkout: typeof import('@/lib/i18n/messages/en/checkout.json');
  email: typeof import('@/lib/i18n/messages/en/email.json');
  errors: typeof import('@/lib/i18n/messages/en/errors.json');
  network: typeof import('@/lib/i18n/messages/en/network.json');
  media: typeof import('@/lib/i18n/messages/en/media.json');
  overlayThemes: typeof import('@/lib/i18n/messages/en/overlayThemes.json');
};

export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => {
      const loaded = (await import(`./messages/${locale}/${namespace}.json`)) as { default: unknown };
      return [namespace, loaded.default] as const;
    }),
  );
  return Object.fromEntries(entries) as Messages;
}
