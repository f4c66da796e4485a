import type { Metadata } from 'next';
import Link from 'next/link';
import { setRequestLocale } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { alternatesFor, isLocale } from '@/lib/i18n/locales';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: 'About', description: 'What LiveLens is, where its numbers come from, and how to run it yourself.', alternates: alternatesFor(locale, '/about') };
}

// A static page (rendered at build time, once per language).
export default async function AboutPage({ params }: Props) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h1 className="text-3xl font-bold">About LiveLens</h1>
      <Card title="What it is">
        <p className="text-muted">
          LiveLens is a TikTok LIVE analytics and overlay platform: public statistics for any TikTok account, paid growth reports, a dashboard that records
          every live of the accounts you manage (gifts with streaks counted right, top gifters, chat), and OBS overlays for gift alerts, leaderboards, goals and
          a Q&amp;A game.
        </p>
      </Card>
      <Card title="Where the numbers come from">
        <ul className="flex list-disc flex-col gap-1.5 pl-5 text-muted">
          <li>Profile statistics come from each account&rsquo;s public TikTok page and are refreshed at most once a day.</li>
          <li>LIVE numbers come from watching the live rooms of tracked accounts; every gift, like and comment is counted once, even when TikTok sends it twice.</li>
          <li>Earnings are estimates with ranges: TikTok does not publish what creators receive. Each profile page explains its formulas.</li>
        </ul>
      </Card>
      <Card title="Run it yourself">
        <p className="text-muted">
          LiveLens is free software under the GNU AGPL v3. Two commands start everything, database and realtime server included: <code className="rounded bg-panel-2 px-1">npm install &amp;&amp; npm start</code>.
        </p>
      </Card>
      <p className="text-sm text-muted">
        Not affiliated with TikTok. <Link href="/" className="underline hover:text-white">Look up an account</Link>.
      </p>
    </div>
  );
}
