import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { OverlayRoot, type OverlayTexts } from '@/components/overlay/overlay-root';
import { db } from '@/lib/db';
import { LOCALES } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { loadOverlayView } from '@/lib/overlays/view';

export const dynamic = 'force-dynamic';
// The address holds the overlay's secret token: never send it to another site (gift pictures, avatars).
export const metadata: Metadata = { referrer: 'no-referrer' };

const overlayQuery = z.object({ preview: z.literal('1').optional().catch(undefined) });

/** /overlay/{token} — an OBS browser source; `?preview=1` is the dashboard editor's live preview. */
export default async function OverlayPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const view = await loadOverlayView(db, token);
  if (!view) notFound();
  const { preview } = overlayQuery.parse(query);
  // The overlay writes in its own language (a setting that can change while it is on air), so it gets
  // its texts in every language; they are a few hundred bytes each.
  const texts = Object.fromEntries(await Promise.all(LOCALES.map(async (locale) => [locale, (await loadMessages(locale)).overlay] as const)));
  return <OverlayRoot view={view} preview={preview === '1'} texts={texts as OverlayTexts} />;
}
