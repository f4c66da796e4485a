import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { alternatesFor, isLocale, localePath } from '@/lib/i18n/locales';
import { readProfilePage } from '@/lib/stats/lookup';
import { parseHandle } from '@/lib/tiktok/handle';
import { LiveProfile } from './_components/live-profile';
import { LookupProblem } from './_components/lookup-problem';
import { LookingUp } from './_components/missing-profile';
import { NotFoundStatus } from './_components/not-found-status';

// Served from Next's route cache: rendered on the first visit of each handle from what is stored (never
// a fetch from TikTok, so no per-IP limit is needed here), re-rendered at most once a minute while visited,
// and sooner when GET /api/accounts/{handle} stores new data (revalidateProfilePage). No headers(),
// cookies() or searchParams here or in the layouts above, or every visit would render again.
export const revalidate = 60;

/** None at build time: every handle is rendered on its first visit, then cached. */
export function generateStaticParams(): { username: string }[] {
  return [];
}

type Props = { params: Promise<{ locale: string; username: string }> };

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// Shown at /@username and /{locale}/@username (rewritten in proxy.ts): Next.js reserves "@" folders for
// parallel routes.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, username } = await params;
  const handle = decode(username).toLowerCase();
  const t = await getTranslations({ locale: isLocale(locale) ? locale : 'en', namespace: 'profile' });
  // A 404 page: named for what it says, and kept out of search results.
  if (!parseHandle(decode(username)).ok) return { title: t('invalidTitle'), robots: { index: false } };
  return {
    title: t('metaTitle', { handle }),
    description: t('metaDescription', { handle }),
    alternates: alternatesFor(locale, `/@${handle}`),
  };
}

export default async function ProfilePage({ params }: Props) {
  const { locale, username } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  const page = await readProfilePage(decode(username));
  switch (page.kind) {
    case 'invalid': {
      // The failure's code, so the problem is explained in the page's language.
      const parsed = parseHandle(decode(username));
      return (
        <>
          <LookupProblem problem={{ ...page, failure: parsed.ok ? undefined : parsed }} />
          <NotFoundStatus />
        </>
      );
    }
    case 'redirect':
      redirect(isLocale(locale) ? localePath(locale, `/@${page.handle}`) : `/@${page.handle}`);
    case 'missing':
      // HTTP 404 with the lookup's first state in the HTML (no effects here, so the browser looks the
      // handle up once: in not-found.tsx's MissingProfile, which takes over when the 404 marker throws).
      return (
        <>
          <LookingUp handle={page.handle} />
          <NotFoundStatus />
        </>
      );
    case 'ok':
      return <LiveProfile view={page.view} refreshDueAt={page.refreshDueAt} />;
  }
}
