'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { localePath } from '@/lib/i18n/locales';
import { fetchJson } from '@/lib/query-client';

type Link = { id: string; url: string; createdAt: string };

/** Print, PDF and — for the owner — share links that can be created and revoked. */
export function ReportActions({ reportId, isOwner, shareToken }: { reportId: string; isOwner: boolean; shareToken: string | null }) {
  const t = useTranslations('reports');
  // In the page's language: the PDF route reads it from the address.
  const pdf = localePath(useLocale(), `/reports/${reportId}/pdf${shareToken ? `?share=${encodeURIComponent(shareToken)}` : ''}`);
  return (
    <div className="flex flex-col gap-3 print:hidden">
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={() => window.print()} className="rounded-lg border border-line px-4 py-2 font-semibold hover:bg-panel-2">
          {t('print')}
        </button>
        <a href={pdf} className="rounded-lg border border-line px-4 py-2 font-semibold hover:bg-panel-2" download>
          {t('downloadPdf')}
        </a>
      </div>
      {isOwner && <ShareLinks reportId={reportId} />}
    </div>
  );
}

function ShareLinks({ reportId }: { reportId: string }) {
  const t = useTranslations('reports');
  const queryClient = useQueryClient();
  const key = ['share-links', reportId];
  const [copied, setCopied] = useState<string | null>(null);
  const links = useQuery({ queryKey: key, queryFn: () => fetchJson<{ links: Link[] }>(`/api/reports/${reportId}/share`) });
  const create = useMutation({
    mutationFn: () => fetchJson<{ link: Link }>(`/api/reports/${reportId}/share`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => fetchJson(`/api/reports/${reportId}/share/${linkId}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const copy = async (link: Link) => {
    await navigator.clipboard?.writeText(link.url).catch(() => undefined);
    setCopied(link.id);
  };
  return (
    <section aria-label={t('shareLinks')} className="rounded-xl border border-line bg-panel p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">{t('shareHeading')}</h2>
        <button type="button" onClick={() => create.mutate()} disabled={create.isPending} className="rounded-lg bg-accent-strong px-3 py-1.5 text-sm font-semibold hover:opacity-90 disabled:opacity-60">
          {create.isPending ? t('creating') : t('createLink')}
        </button>
      </div>
      <p className="mt-1 text-xs text-muted">{t('shareHelp')}</p>
      {(create.error ?? revoke.error ?? links.error) && (
        <p role="alert" className="mt-2 text-sm text-accent">
          {(create.error ?? revoke.error ?? links.error)?.message}
        </p>
      )}
      <ul className="mt-3 flex flex-col gap-2">
        {links.data?.links.length === 0 && <li className="text-sm text-muted">{t('noLinks')}</li>}
        {links.data?.links.map((link) => (
          <li key={link.id} className="flex flex-col gap-2 rounded-lg bg-panel-2 p-2 sm:flex-row sm:items-center">
            <input readOnly value={link.url} aria-label={t('shareLink')} className="min-w-0 flex-1 rounded border border-line bg-panel px-2 py-1 text-xs" onFocus={(e) => e.currentTarget.select()} />
            <div className="flex gap-2">
              <button type="button" onClick={() => void copy(link)} className="rounded-md border border-line px-2 py-1 text-xs hover:bg-panel">
                {copied === link.id ? t('copied') : t('copy')}
              </button>
              <button type="button" onClick={() => revoke.mutate(link.id)} className="rounded-md border border-accent/60 px-2 py-1 text-xs text-accent hover:bg-accent/10">
                {t('revoke')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
