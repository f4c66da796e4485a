import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { readProfilePage } from '@/lib/stats/lookup';
import { LiveProfile } from './_components/live-profile';
import { LookupProblem } from './_components/lookup-problem';

// Served from Next's route cache: rendered on the first visit of each handle from what is stored (never
// a fetch from TikTok, so no per-IP limit is needed here), re-rendered at most once a minute while visited,
// and sooner when GET /api/accounts/{handle} stores new data (revalidateProfilePage). No headers(),
// cookies() or searchParams here or in the layouts above, or every visit would render again.
export const revalidate = 60;

/** None at build time: every handle is rendered on its first visit, then cached. */
export function generateStaticParams(): { username: string }[] {
  return [];
}

type Props = { params: Promise<{ username: string }> };

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// Shown at /@username (a rewrite in next.config.ts): Next.js reserves "@" folders for parallel routes.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { username } = await params;
  const handle = decode(username).toLowerCase();
  return {
    title: `@${handle} — TikTok stats, engagement and LIVE earnings`,
    description: `Followers, likes, engagement, estimated earnings and the LiveLens rating of @${handle} on TikTok.`,
    alternates: { canonical: `/@${handle}` },
  };
}

export default async function ProfilePage({ params }: Props) {
  const { username } = await params;
  const page = await readProfilePage(decode(username));
  switch (page.kind) {
    case 'invalid':
      return <LookupProblem problem={page} />;
    case 'redirect':
      redirect(`/@${page.handle}`);
    case 'missing':
      // HTTP 404; the not-found view looks the handle up from the browser (see not-found.tsx).
      notFound();
    case 'ok':
      return <LiveProfile view={page.view} refreshDueAt={page.refreshDueAt} />;
  }
}
