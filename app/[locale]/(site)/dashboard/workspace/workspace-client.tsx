'use client';

// Members, invite links and the workspace's own settings. What a role may not do is not offered; the
// server checks every action again.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { useDisplay } from '@/components/site/display';
import { Card, EmptyState } from '@/components/ui/card';
import { fetchJson } from '@/lib/query-client';
import { hasRole, INVITE_TTL_DAYS, WORKSPACE_NAME_MAX, type WorkspaceRole } from '@/lib/workspaces/roles';
import { useRoleText } from '../_components/role-text';

type Member = { userId: string; email: string; name: string | null; role: WorkspaceRole; joinedAt: string; you: boolean };
type Invite = { id: string; role: 'ADMIN' | 'MEMBER'; createdAt: string; expiresAt: string; createdBy: string | null; sentTo: string | null };
type Workspace = { id: string; name: string; personal: boolean; role: WorkspaceRole };

const message = (error: Error | null) => error?.message.replace(/^\w+: /, '') ?? null;

/** A role's name, as a badge or an option shows it. */
function useRoleName(): (role: WorkspaceRole) => string {
  const text = useRoleText();
  return (role) => text(role).name;
}

function ErrorLine({ error }: { error: Error | null }) {
  return error ? (
    <p role="alert" className="text-sm text-accent">
      {message(error)}
    </p>
  ) : null;
}

export function WorkspaceSettings({ workspace, members, invites }: { workspace: Workspace; members: Member[]; invites: Invite[] }) {
  const isAdmin = hasRole(workspace.role, 'ADMIN');
  const isOwner = workspace.role === 'OWNER';
  return (
    <>
      <MembersCard workspace={workspace} members={members} />
      {isAdmin && <InvitesCard invites={invites} />}
      {isAdmin && <RenameCard workspace={workspace} />}
      {isOwner && !workspace.personal && <DangerCard workspace={workspace} members={members} />}
    </>
  );
}

function MembersCard({ workspace, members }: { workspace: Workspace; members: Member[] }) {
  const router = useRouter();
  const t = useTranslations('workspace');
  const display = useDisplay();
  const roleName = useRoleName();
  const isAdmin = hasRole(workspace.role, 'ADMIN');
  const [confirming, setConfirming] = useState<string | null>(null);
  const setRole = useMutation({
    mutationFn: (input: { userId: string; role: 'ADMIN' | 'MEMBER' }) => fetchJson(`/api/workspace/members/${input.userId}`, { method: 'PATCH', body: JSON.stringify({ role: input.role }) }),
    onSuccess: () => router.refresh(),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => fetchJson(`/api/workspace/members/${userId}`, { method: 'DELETE' }),
    onSuccess: (_data, userId) => {
      setConfirming(null);
      // Leaving: this workspace is no longer ours to show.
      if (members.find((m) => m.userId === userId)?.you) router.push('/dashboard');
      router.refresh();
    },
  });
  return (
    <Card title={t('members.title', { count: members.length })}>
      <ul className="flex flex-col divide-y divide-line" data-testid="members">
        {members.map((m) => (
          <li key={m.userId} className="flex flex-col gap-2 py-2 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <p className="truncate font-semibold">
                {m.name ?? m.email} {m.you && <span className="text-xs font-normal text-muted">{t('members.you')}</span>}
              </p>
              <p className="truncate text-xs text-muted">
                {t('members.joined', { email: m.email, date: display.date(m.joinedAt, 'date') })}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              {isAdmin && m.role !== 'OWNER' && !m.you ? (
                <label className="flex items-center gap-1">
                  <span className="sr-only">{t('members.roleOf', { email: m.email })}</span>
                  <select value={m.role} disabled={setRole.isPending} onChange={(e) => setRole.mutate({ userId: m.userId, role: e.currentTarget.value === 'ADMIN' ? 'ADMIN' : 'MEMBER' })} className="rounded-md border border-line bg-panel-2 px-2 py-1">
                    <option value="MEMBER">{roleName('MEMBER')}</option>
                    <option value="ADMIN">{roleName('ADMIN')}</option>
                  </select>
                </label>
              ) : (
                <span className="rounded-full border border-line px-2 py-0.5 text-xs">{roleName(m.role)}</span>
              )}
              {m.role !== 'OWNER' && (isAdmin || m.you) && (
                confirming === m.userId ? (
                  <>
                    <button type="button" onClick={() => remove.mutate(m.userId)} disabled={remove.isPending} className="rounded-md bg-accent-strong px-3 py-1 font-semibold disabled:opacity-60">
                      {m.you ? t('members.leaveNow') : t('members.removeNamed', { name: m.name ?? m.email })}
                    </button>
                    <button type="button" onClick={() => setConfirming(null)} className="rounded-md px-2 py-1 text-muted hover:text-white">
                      {t('members.cancel')}
                    </button>
                  </>
                ) : (
                  <button type="button" onClick={() => setConfirming(m.userId)} className="rounded-md border border-line px-3 py-1 hover:bg-panel-2">
                    {m.you ? t('members.leave') : t('members.remove')}
                  </button>
                )
              )}
            </div>
            {confirming === m.userId && !m.you && <p className="text-xs text-muted sm:basis-full">{t('members.removeWarning')}</p>}
          </li>
        ))}
      </ul>
      <ErrorLine error={setRole.error ?? remove.error} />
    </Card>
  );
}

function InvitesCard({ invites }: { invites: Invite[] }) {
  const router = useRouter();
  const t = useTranslations('workspace');
  const display = useDisplay();
  const roleName = useRoleName();
  const roleId = useId();
  const emailId = useId();
  const [role, setRole] = useState<'ADMIN' | 'MEMBER'>('MEMBER');
  const [email, setEmail] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const create = useMutation({
    mutationFn: () => fetchJson<{ url: string }>('/api/workspace/invites', { method: 'POST', body: JSON.stringify({ role, ...(email.trim() ? { email: email.trim() } : {}) }) }),
    onSuccess: (data) => {
      setLink(data.url);
      setEmail('');
      setCopied(false);
      router.refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => fetchJson(`/api/workspace/invites/${id}`, { method: 'DELETE' }),
    onSuccess: () => router.refresh(),
  });
  const copy = async () => {
    if (!link) return;
    await navigator.clipboard?.writeText(link).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <Card title={t('invites.title')}>
      <div className="flex flex-col gap-3">
        <p className="text-sm text-muted">{t('invites.intro', { days: INVITE_TTL_DAYS })}</p>
        <div className="flex flex-wrap items-end gap-2">
          <label htmlFor={roleId} className="flex flex-col gap-1 text-sm">
            {t('invites.role')}
            <select id={roleId} value={role} onChange={(e) => setRole(e.currentTarget.value === 'ADMIN' ? 'ADMIN' : 'MEMBER')} className="rounded-md border border-line bg-panel-2 px-2 py-1.5">
              <option value="MEMBER">{roleName('MEMBER')}</option>
              <option value="ADMIN">{roleName('ADMIN')}</option>
            </select>
          </label>
          <label htmlFor={emailId} className="flex flex-col gap-1 text-sm">
            {t('invites.email')} <span className="text-muted">{t('invites.optional')}</span>
            <input id={emailId} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} placeholder="name@example.com" className="w-56 max-w-full rounded-md border border-line bg-panel-2 px-2 py-1.5" />
          </label>
          <button type="button" onClick={() => create.mutate()} disabled={create.isPending} className="rounded-lg bg-accent-strong px-4 py-2 font-semibold disabled:opacity-60">
            {email.trim() ? t('invites.send') : t('invites.create')}
          </button>
        </div>
        {link && (
          <div className="flex flex-col gap-2 rounded-lg border border-line bg-panel-2 p-3 sm:flex-row sm:items-center">
            <input readOnly value={link} aria-label={t('invites.linkLabel')} data-testid="invite-link" onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded-md border border-line bg-panel px-2 py-1.5 font-mono text-xs" />
            <button type="button" onClick={() => void copy()} className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-panel">
              {copied ? t('invites.copied') : t('invites.copy')}
            </button>
          </div>
        )}
        {link && <p className="text-xs text-muted">{t('invites.shownOnce')}</p>}
        <ErrorLine error={create.error ?? revoke.error} />
        <h3 className="mt-2 text-sm font-semibold">{t('invites.openTitle')}</h3>
        {invites.length === 0 ? (
          <EmptyState title={t('invites.none')} />
        ) : (
          <ul className="flex flex-col divide-y divide-line text-sm">
            {invites.map((invite) => (
              <li key={invite.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {t('invites.line', {
                    role: roleName(invite.role),
                    made: display.date(invite.createdAt, 'date'),
                    hasCreator: invite.createdBy ? 'yes' : 'no',
                    creator: invite.createdBy ?? '',
                    hasRecipient: invite.sentTo ? 'yes' : 'no',
                    recipient: invite.sentTo ?? '',
                    expires: display.date(invite.expiresAt, 'date'),
                  })}
                </span>
                <button type="button" onClick={() => revoke.mutate(invite.id)} disabled={revoke.isPending} className="rounded-md border border-line px-3 py-1 hover:bg-panel-2">
                  {t('invites.withdraw')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

function RenameCard({ workspace }: { workspace: Workspace }) {
  const router = useRouter();
  const t = useTranslations('workspace');
  const nameId = useId();
  const [name, setName] = useState(workspace.name);
  const rename = useMutation({
    mutationFn: () => fetchJson('/api/workspace', { method: 'PATCH', body: JSON.stringify({ name }) }),
    onSuccess: () => router.refresh(),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    rename.mutate();
  };
  return (
    <Card title={t('rename.title')}>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
        <label htmlFor={nameId} className="flex flex-col gap-1 text-sm">
          {t('rename.label')}
          <input id={nameId} value={name} maxLength={WORKSPACE_NAME_MAX} onChange={(e) => setName(e.currentTarget.value)} className="w-64 max-w-full rounded-md border border-line bg-panel-2 px-2 py-1.5" />
        </label>
        <button type="submit" disabled={rename.isPending || name.trim() === '' || name.trim() === workspace.name} className="rounded-lg border border-line px-4 py-2 font-semibold disabled:opacity-60">
          {t('rename.save')}
        </button>
      </form>
      <ErrorLine error={rename.error} />
    </Card>
  );
}

function DangerCard({ workspace, members }: { workspace: Workspace; members: Member[] }) {
  const router = useRouter();
  const t = useTranslations('workspace');
  const confirmId = useId();
  const heirId = useId();
  const others = members.filter((m) => !m.you);
  const [heir, setHeir] = useState(others[0]?.userId ?? '');
  const [confirm, setConfirm] = useState('');
  const transfer = useMutation({
    mutationFn: () => fetchJson('/api/workspace/transfer', { method: 'POST', body: JSON.stringify({ userId: heir }) }),
    onSuccess: () => router.refresh(),
  });
  const remove = useMutation({
    mutationFn: () => fetchJson('/api/workspace', { method: 'DELETE', body: JSON.stringify({ confirm }) }),
    onSuccess: () => {
      router.push('/dashboard');
      router.refresh();
    },
  });
  return (
    <Card title={t('danger.title')} className="border-accent/40">
      <div className="flex flex-col gap-4 text-sm">
        <div className="flex flex-col gap-2">
          <h3 className="font-semibold">{t('danger.handOverTitle')}</h3>
          {others.length === 0 ? (
            <p className="text-muted">{t('danger.inviteFirst')}</p>
          ) : (
            <div className="flex flex-wrap items-end gap-2">
              <label htmlFor={heirId} className="flex flex-col gap-1">
                {t('danger.newOwner')}
                <select id={heirId} value={heir} onChange={(e) => setHeir(e.currentTarget.value)} className="rounded-md border border-line bg-panel-2 px-2 py-1.5">
                  {others.map((m) => (
                    <option key={m.userId} value={m.userId}>
                      {m.name ?? m.email}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" onClick={() => transfer.mutate()} disabled={transfer.isPending || !heir} className="rounded-lg border border-line px-4 py-2 font-semibold disabled:opacity-60">
                {t('danger.handOver')}
              </button>
            </div>
          )}
          <ErrorLine error={transfer.error} />
        </div>
        <div className="flex flex-col gap-2">
          <h3 className="font-semibold">{t('danger.deleteTitle')}</h3>
          <p className="text-muted">{t('danger.deleteWarning')}</p>
          <label htmlFor={confirmId} className="flex flex-col gap-1">
            <span>{t.rich('danger.confirm', { name: workspace.name, strong: (chunks) => <strong className="wrap-anywhere">{chunks}</strong> })}</span>
            <input id={confirmId} value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} className="w-64 max-w-full rounded-md border border-line bg-panel-2 px-2 py-1.5" autoComplete="off" />
          </label>
          <button type="button" onClick={() => remove.mutate()} disabled={remove.isPending || confirm.trim() !== workspace.name} className="self-start rounded-lg bg-accent-strong px-4 py-2 font-semibold disabled:opacity-60">
            {t('danger.delete')}
          </button>
          <ErrorLine error={remove.error} />
        </div>
      </div>
    </Card>
  );
}
