'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { AccountChecklist, readableError, type AccountOption } from '@/app/[locale]/(site)/dashboard/clusters/clusters-client';
import { Card } from '@/components/ui/card';
import { fetchJson } from '@/lib/query-client';

type Props = { clusterId: string; name: string; memberIds: string[]; accounts: AccountOption[]; maxNameLength: number };
type ClusterChanges = { name?: string; accountIds?: string[] };

const button = 'rounded-lg px-4 py-2 font-semibold disabled:opacity-60';

function useUpdateCluster(clusterId: string) {
  const router = useRouter();
  return useMutation({
    mutationFn: (changes: ClusterChanges) => fetchJson(`/api/clusters/${encodeURIComponent(clusterId)}`, { method: 'PATCH', body: JSON.stringify(changes) }),
    onSuccess: () => router.refresh(),
  });
}

/** Rename, change members and delete: each its own form, so one failing does not lose the others' input. */
export function ClusterSettings({ clusterId, name, memberIds, accounts, maxNameLength }: Props) {
  const t = useTranslations('clusters');
  return (
    <Card title={t('manage.title')}>
      {/* grid-cols-1: the members' truncated (nowrap) names must not widen an implicit column past a phone. */}
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <RenameForm clusterId={clusterId} name={name} maxNameLength={maxNameLength} />
        <MembersForm clusterId={clusterId} memberIds={memberIds} accounts={accounts} />
      </div>
      <DeleteCluster clusterId={clusterId} name={name} />
    </Card>
  );
}

function RenameForm({ clusterId, name, maxNameLength }: { clusterId: string; name: string; maxNameLength: number }) {
  const t = useTranslations('clusters');
  const inputId = useId();
  const [value, setValue] = useState(name);
  const rename = useUpdateCluster(clusterId);
  const unchanged = value.trim() === name;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!unchanged) rename.mutate({ name: value.trim() });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2" noValidate>
      <label htmlFor={inputId} className="text-sm">
        {t('form.name')}
      </label>
      <input id={inputId} value={value} onChange={(e) => setValue(e.currentTarget.value)} maxLength={maxNameLength} required className="rounded-lg border border-line bg-panel px-3 py-2" />
      {rename.error && (
        <p role="alert" className="text-sm text-accent">
          {readableError(rename.error)}
        </p>
      )}
      {rename.isSuccess && unchanged && <p role="status" className="text-sm text-muted">{t('manage.renamed')}</p>}
      <button type="submit" disabled={rename.isPending || unchanged || value.trim() === ''} className={`${button} self-start border border-line hover:bg-panel-2`}>
        {rename.isPending ? t('manage.saving') : t('manage.rename')}
      </button>
    </form>
  );
}

function MembersForm({ clusterId, memberIds, accounts }: { clusterId: string; memberIds: string[]; accounts: AccountOption[] }) {
  const t = useTranslations('clusters');
  const [selected, setSelected] = useState<Set<string>>(() => new Set(memberIds));
  const update = useUpdateCluster(clusterId);
  const unchanged = selected.size === memberIds.length && memberIds.every((id) => selected.has(id));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate({ accountIds: [...selected] });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2" aria-label={t('manage.editAccounts')}>
      <h3 className="text-sm font-semibold">{t('manage.editAccounts')}</h3>
      {accounts.length === 0 ? (
        <p className="text-sm text-muted">{t('manage.noCandidates')}</p>
      ) : (
        <AccountChecklist accounts={accounts} selected={selected} onChange={setSelected} disabled={update.isPending} />
      )}
      {update.error && (
        <p role="alert" className="text-sm text-accent">
          {readableError(update.error)}
        </p>
      )}
      {update.isSuccess && unchanged && <p role="status" className="text-sm text-muted">{t('manage.saved')}</p>}
      <button type="submit" disabled={update.isPending || unchanged} className={`${button} self-start border border-line hover:bg-panel-2`}>
        {update.isPending ? t('manage.saving') : t('manage.save')}
      </button>
    </form>
  );
}

function DeleteCluster({ clusterId, name }: { clusterId: string; name: string }) {
  const t = useTranslations('clusters');
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => fetchJson(`/api/clusters/${encodeURIComponent(clusterId)}`, { method: 'DELETE' }),
    onSuccess: () => {
      router.replace('/dashboard/clusters');
      router.refresh();
    },
  });
  return (
    <div className="mt-6 border-t border-line pt-4">
      {confirming ? (
        <div role="group" aria-label={t('manage.confirmLabel')} className="flex flex-col gap-2">
          <p className="text-sm wrap-anywhere">
            {t.rich('manage.confirm', { name, strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
          <div className="flex flex-wrap gap-2">
            {/* Focus moves to the destructive choice so keyboard users land on the question just asked. */}
            <button type="button" autoFocus onClick={() => remove.mutate()} disabled={remove.isPending} className={`${button} bg-accent-strong text-white hover:opacity-90`}>
              {remove.isPending ? t('manage.deleting') : t('manage.yesDelete')}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={remove.isPending} className={`${button} border border-line hover:bg-panel-2`}>
              {t('manage.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className={`${button} border border-accent/60 text-accent hover:bg-accent/10`}>
          {t('manage.delete')}
        </button>
      )}
      {remove.error && (
        <p role="alert" className="mt-2 text-sm text-accent">
          {readableError(remove.error)}
        </p>
      )}
    </div>
  );
}
