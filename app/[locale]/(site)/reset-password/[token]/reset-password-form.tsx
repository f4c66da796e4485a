'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/rules';
import { fetchJson } from '@/lib/query-client';
import { formText } from '@/lib/text/form';

/** Sets the new password, then signs in with it (every other session of the account has ended). */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const t = useTranslations('authFlows');
  const passwordId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Read from the form: what was typed before the page finished loading counts too.
    const password = formText(new FormData(event.currentTarget), 'password');
    if (password.length < PASSWORD_MIN_LENGTH) {
      setError(t('reset.tooShort', { min: PASSWORD_MIN_LENGTH }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await fetchJson<{ email: string }>('/api/auth/password-reset/confirm', { method: 'POST', body: JSON.stringify({ token, password }) });
      const signedIn = await signIn('credentials', { email: result.email, password, redirect: false });
      router.replace(signedIn?.ok ? '/dashboard' : '/signin');
      router.refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message.replace(/^password: /, '') : t('failed'));
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-3 text-sm" noValidate>
      <p className="text-muted">{t('reset.for', { email })}</p>
      <label htmlFor={passwordId} className="flex flex-col gap-1">
        {t('reset.newPassword')} <span className="text-muted">{t('reset.rule', { min: PASSWORD_MIN_LENGTH })}</span>
        <input id={passwordId} name="password" type="password" autoComplete="new-password" minLength={PASSWORD_MIN_LENGTH} className="rounded-lg border border-line bg-panel px-3 py-2" />
      </label>
      {error && (
        <p role="alert" className="text-accent">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="rounded-lg bg-accent-strong px-4 py-2 font-semibold disabled:opacity-60">
        {busy ? t('reset.saving') : t('reset.submit')}
      </button>
    </form>
  );
}
