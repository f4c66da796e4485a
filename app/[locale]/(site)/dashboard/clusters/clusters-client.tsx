'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { ChannelLabel } from '@/components/ui/channel-label';
import type { ChannelNaming } from '@/lib/platforms/naming';
import { fetchJson } from '@/lib/query-client';

export type AccountOption = ChannelNaming & { id: string };
type CreatedCluster = { cluster: { id: string; name: string } };

/** The API's message without the "field: " prefix the route wrapper adds to validation errors. */
export function readableError(error: Error | null): string | null {
  return error ? error.message.replace(/^(name|accountIds[\w.]*): /, '') : null;
}

/** A checkbox per account; keyboard-usable as a plain fieldset of labelled checkboxes. */
export function AccountChecklist({ accounts, selected, onChange, disabled }: { accounts: AccountOption[]; selected: ReadonlySet<string>; onChange: (next: Set<string>) => void; disabled?: boolean }) {
  const t = useTranslations('clusters');
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    // min-w-0: a fieldset's minimum width is its content's by default, and the truncated (nowrap) names
    // would make it, and the page, wider than a phone once a workspace has long handles.
    <fieldset className="flex min-w-0 flex-col gap-1" disabled={disabled}>
      <legend className="mb-1 text-sm">{t('form.accounts')}</legend>
      {accounts.map((account) => (
        <label key={account.id} className="flex min-h-10 cursor-pointer items-center gap-3 rounded-md px-2 py-1.5 text-sm hover:bg-panel-2">
          <input type="checkbox" checked={selected.has(account.id)} onChange={(e) => toggle(account.id, e.currentTarget.checked)} className="size-4 accent-accent" />
          <span className="min-w-0 truncate">
            <ChannelLabel channel={account} />
            {/* A TikTok account's nickname after its @handle; a Bilibili channel's name is its nickname already. */}
            {account.platform === 'tiktok' && account.nickname && <span className="text-muted"> · {account.nickname}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** Creates a cluster from a name and a choice of the user's accounts, then refreshes the list. */
export function CreateClusterForm({ accounts, maxNameLength }: { accounts: AccountOption[]; maxNameLength: number }) {
  const t = useTranslations('clusters');
  const router = useRouter();
  const nameId = useId();
  const [name, setName] = useState('');
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [localError, setLocalError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (input: { name: string; accountIds: string[] }) => fetchJson<CreatedCluster>('/api/clusters', { method: 'POST', body: JSON.stringify(input) }),
    onSuccess: () => {
      setName('');
      setSelected(new Set());
      router.refresh();
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    // Checked here too so an obvious mistake does not cost a round trip; the server checks again.
    if (trimmed === '') {
      setLocalError(t('form.nameRequired'));
      return;
    }
    setLocalError(null);
    create.mutate({ name: trimmed, accountIds: [...selected] });
  };

  const error = localError ?? readableError(create.error);
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <label htmlFor={nameId} className="flex flex-col gap-1 text-sm">
        {t('form.name')}
        <input id={nameId} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={maxNameLength} required placeholder={t('form.placeholder')} className="rounded-lg border border-line bg-panel px-3 py-2" />
      </label>
      <AccountChecklist accounts={accounts} selected={selected} onChange={setSelected} disabled={create.isPending} />
      {error && (
        <p role="alert" className="text-sm text-accent">
          {error}
        </p>
      )}
      {create.isSuccess && !error && (
        <p role="status" className="text-sm text-muted">
          {t.rich('form.created', {
            name: create.data.cluster.name,
            link: (chunks) => (
              <Link href={`/dashboard/clusters/${create.data.cluster.id}`} className="text-white underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
      <button type="submit" disabled={create.isPending} className="rounded-lg bg-accent-strong px-4 py-2 font-semibold hover:opacity-90 disabled:opacity-60">
        {create.isPending ? t('form.creating') : t('form.create')}
      </button>
    </form>
  );
}
