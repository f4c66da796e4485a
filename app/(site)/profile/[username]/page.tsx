import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { clientIp } from '@/lib/rate-limit';
import { lookupAccount } from '@/lib/tiktok/lookup';
import { ProfileDetails } from './_components/profile-details';
import { LookupProblem } from './_components/lookup-problem';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ username: string }> };

// Shown at /@username (a rewrite in next.config.ts): Next.js reserves "@" folders for parallel routes.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { username } = await params;
  const handle = decodeURIComponent(username).toLowerCase();
  return {
    title: `@${handle} — TikTok stats, engagement and LIVE earnings`,
    description: `Followers, likes, engagement, estimated earnings and the LiveLens rating of @${handle} on TikTok.`,
    alternates: { canonical: `/@${handle}` },
  };
}

export default async function ProfilePage({ params }: Props) {
  const { username } = await params;
  const outcome = await lookupAccount(decodeURIComponent(username), { ip: clientIp(await headers()), countLookup: true });
  switch (outcome.kind) {
    case 'ok':
      return <ProfileDetails view={outcome.view} stale={outcome.stale} notice={outcome.notice} />;
    case 'not_found':
      notFound();
    default:
      return <LookupProblem outcome={outcome} />;
  }
}
