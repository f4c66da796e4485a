'use client';

// The workspace the dashboard shows, and a switch to the user's other workspaces (remembered for the
// next visit), or a new team workspace. A native <select> keeps it usable with a keyboard and on a phone.
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { fetchJson } from '@/lib/query-client';
import { WORKSPACE_NAME_MAX, type WorkspaceRole } from '@/lib/workspaces/roles';
import { useRoleText } from './role-text';

export type WorkspaceOption = { id: string; name: string; personal: boolean; role: WorkspaceRole; current: boolean };

export function WorkspaceSwitcher({ workspaces }: { workspaces: WorkspaceOption[] }) {
  const router = useRouter();
  const t = useTranslations('dashboard');
  const roleLabel = useRoleText();
  const selectId = useId();
  const nameId = useId();
  const current = workspaces.find((w) => w.current);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const switchTo = useMutation({
    mutationFn: (workspaceId: string) => fetchJson('/api/workspaces/current', { method: 'POST', body: JSON.stringify({ workspaceId }) }),
    // Everything on the page belongs to the old workspace: start from the dashboard's home.
    onSuccess: () => {
      router.push('/dashboard');
      router.refresh();
    },
  });
  const create = useMutation({
    mutationFn: (newName: string) => fetchJson('/api/workspaces', { method: 'POST', body: JSON.stringify({ name: newName }) }),
    onSuccess: () => {
      setCreating(false);
      setName('');
      router.push('/dashboard');
      router.refresh();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim()) create.mutate(name.trim());
  };
  const error = switchTo.error ?? create.error;

  return (
    <div className="flex flex-col gap-2 rounded-xl border border-line bg-panel px-3 py-2 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex min-w-0 flex-wrap items-center gap-2 text-sm">
        <label htmlFor={selectId} className="text-muted">
          {t('switcher.label')}
        </label>
        <select
          id={selectId}
          data-testid="workspace-switcher"
          value={current?.id ?? ''}
          disabled={switchTo.isPending}
          onChange={(e) => switchTo.mutate(e.currentTarget.value)}
          className="min-w-0 max-w-64 truncate rounded-md border border-line bg-panel-2 px-2 py-1.5 font-semibold"
        >
          {workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.personal ? t('switcher.personal', { name: w.name }) : w.name}
            </option>
          ))}
        </select>
        {current && <span className="rounded-full border border-line px-2 py-0.5 text-xs text-muted" title={roleLabel(current.role).can}>{roleLabel(current.role).name}</span>}
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Link href="/dashboard/workspace" className="rounded-md px-2 py-1.5 text-muted hover:text-white">
          {t('switcher.settings')}
        </Link>
        {creating ? (
          <form onSubmit={submit} className="flex items-center gap-2">
            <label htmlFor={nameId} className="sr-only">
              {t('switcher.newName')}
            </label>
            <input id={nameId} autoFocus value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={WORKSPACE_NAME_MAX} placeholder={t('switcher.namePlaceholder')} className="w-40 rounded-md border border-line bg-panel-2 px-2 py-1.5" />
            <button type="submit" disabled={create.isPending || !name.trim()} className="rounded-md bg-accent-strong px-3 py-1.5 font-semibold disabled:opacity-60">
              {t('switcher.create')}
            </button>
            <button type="button" onClick={() => setCreating(false)} className="rounded-md px-2 py-1.5 text-muted hover:text-white">
              {t('switcher.cancel')}
            </button>
          </form>
        ) : (
          <button type="button" onClick={() => setCreating(true)} className="rounded-md border border-line px-3 py-1.5 hover:bg-panel-2">
            {t('switcher.new')}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm text-accent sm:basis-full">
          {error.message.replace(/^name: /, '')}
        </p>
      )}
    </div>
  );
}
