import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireWorkspace } from '@/lib/dashboard/access';
import { db } from '@/lib/db';
import { listMedia } from '@/lib/media/library';
import { MAX_BYTES, MAX_DURATION_MS } from '@/lib/media/limits';
import { MediaLibrary } from './media-client';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('media');
  return { title: t('title') };
}

export const dynamic = 'force-dynamic';

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

export default async function MediaPage() {
  const { ws } = await requireWorkspace('/dashboard/media');
  const [files, t] = await Promise.all([listMedia(db, ws.workspaceId), getTranslations('media')]);
  return (
    <div className="flex flex-col gap-4">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-sm text-muted">{t('intro')}</p>
        <p className="mt-1 text-xs text-muted">
          {t('limits', { sound: mb(MAX_BYTES.SOUND), image: mb(MAX_BYTES.IMAGE), video: mb(MAX_BYTES.VIDEO), minutes: MAX_DURATION_MS.VIDEO / 60_000 })}
        </p>
      </header>
      <MediaLibrary initialFiles={files} />
    </div>
  );
}
