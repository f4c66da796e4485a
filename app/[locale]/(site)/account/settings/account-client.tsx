'use client';

// Password change (other sessions end) and "sign out everywhere" (every session ends, this one too).
import { useMutation } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { useDisplay } from '@/components/site/display';
import { Card, Notice } from '@/components/ui/card';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/rules';
import { fetchJson } from '@/lib/query-client';

type Session = { id: string; createdAt: string; lastSeenAt: string; userAgent: string | null; current: boolean };

/** The sign-in address: confirmed or not, a change waiting for its link, and a form to change it. */
export function AccountEmail({ email, verified, pending }: { email: string; verified: boolean; pending: string | null }) {
  const router = useRouter();
  const t = useTranslations('account');
  const newId = useId();
  const passwordId = useId();
  const [next, setNext] = useState('');
  const [password, setPassword] = useState('');
  const resend = useMutation({ mutationFn: () => fetchJson('/api/account/email/verification', { method: 'POST' }) });
  const change = useMutation({
    mutationFn: () => fetchJson('/api/account/email', { method: 'POST', body: JSON.stringify({ email: next, password }) }),
    onSuccess: () => {
      setPassword('');
      router.refresh();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    change.mutate();
  };
  return (
    <Card title={t('email.title')}>
      <div className="flex flex-col gap-3 text-sm">
        <p className="wrap-anywhere">
          {email} {verified ? <span className="text-emerald-300">{t('email.confirmed')}</span> : <span className="text-amber-200">{t('email.unconfirmed')}</span>}
        </p>
        {pending && <Notice tone="warn">{t('email.pending', { pending, email })}</Notice>}
        {(!verified || pending) && (
          <button type="button" onClick={() => resend.mutate()} disabled={resend.isPending} className="self-start rounded-lg border border-line px-3 py-1.5 hover:bg-panel-2 disabled:opacity-60">
            {resend.isSuccess ? t('email.resent') : t('email.resend')}
          </button>
        )}
        {resend.error && (
          <p role="alert" className="text-accent">
            {resend.error.message}
          </p>
        )}
        <form onSubmit={submit} className="flex flex-col gap-2 border-t border-line pt-3" noValidate>
          <h3 className="font-semibold">{t('email.changeTitle')}</h3>
          <label htmlFor={newId} className="flex flex-col gap-1">
            {t('email.newAddress')}
            <input id={newId} type="email" autoComplete="email" value={next} onChange={(e) => setNext(e.currentTarget.value)} className="rounded-lg border border-line bg-panel-2 px-3 py-2" />
          </label>
          <label htmlFor={passwordId} className="flex flex-col gap-1">
            {t('currentPassword')}
            <input id={passwordId} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} className="rounded-lg border border-line bg-panel-2 px-3 py-2" />
          </label>
          <button type="submit" disabled={change.isPending || !next.trim() || !password} className="self-start rounded-lg border border-line px-4 py-2 font-semibold disabled:opacity-60">
            {t('email.submit')}
          </button>
          {change.isSuccess && <Notice>{t('email.sent', { email: next })}</Notice>}
          {change.error && (
            <p role="alert" className="text-accent">
              {change.error.message.replace(/^\w+: /, '')}
            </p>
          )}
        </form>
      </div>
    </Card>
  );
}

export function AccountSecurity({ sessions }: { sessions: Session[] }) {
  const router = useRouter();
  const t = useTranslations('account');
  const display = useDisplay();
  const currentId = useId();
  const nextId = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useMutation({
    mutationFn: () => fetchJson('/api/account/password', { method: 'POST', body: JSON.stringify({ current, next }) }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      router.refresh();
    },
  });
  const everywhere = useMutation({
    mutationFn: () => fetchJson('/api/account/sessions', { method: 'DELETE' }),
    onSuccess: () => void signOut({ callbackUrl: '/signin' }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    change.mutate();
  };
  return (
    <>
      <Card title={t('password.title')}>
        <form onSubmit={submit} className="flex flex-col gap-3 text-sm" noValidate>
          <label htmlFor={currentId} className="flex flex-col gap-1">
            {t('currentPassword')}
            <input id={currentId} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} className="rounded-lg border border-line bg-panel-2 px-3 py-2" />
          </label>
          <label htmlFor={nextId} className="flex flex-col gap-1">
            {t('password.new')} <span className="text-muted">{t('password.rule', { min: PASSWORD_MIN_LENGTH })}</span>
            <input id={nextId} type="password" autoComplete="new-password" minLength={PASSWORD_MIN_LENGTH} value={next} onChange={(e) => setNext(e.currentTarget.value)} className="rounded-lg border border-line bg-panel-2 px-3 py-2" />
          </label>
          <button type="submit" disabled={change.isPending || !current || next.length < PASSWORD_MIN_LENGTH} className="self-start rounded-lg bg-accent-strong px-4 py-2 font-semibold disabled:opacity-60">
            {t('password.submit')}
          </button>
          {change.isSuccess && <Notice>{t('password.changed')}</Notice>}
          {change.error && (
            <p role="alert" className="text-accent">
              {change.error.message.replace(/^\w+: /, '')}
            </p>
          )}
        </form>
      </Card>
      <Card title={t('sessions.title')}>
        <ul className="flex flex-col divide-y divide-line text-sm">
          {sessions.map((s) => (
            <li key={s.id} className="py-2">
              <p className="truncate">{s.userAgent ?? t('sessions.unknown')}</p>
              <p className="text-xs text-muted">
                {t('sessions.line', { since: display.date(s.createdAt, 'dateTime'), seen: display.date(s.lastSeenAt, 'dateTime'), current: s.current ? 'yes' : 'no' })}
              </p>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => everywhere.mutate()} disabled={everywhere.isPending} className="mt-3 rounded-lg border border-line px-4 py-2 text-sm font-semibold hover:bg-panel-2 disabled:opacity-60">
          {t('sessions.signOutEverywhere')}
        </button>
        {everywhere.error && (
          <p role="alert" className="text-sm text-accent">
            {everywhere.error.message}
          </p>
        )}
      </Card>
    </>
  );
}
