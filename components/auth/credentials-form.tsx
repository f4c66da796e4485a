'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { safeReturnPath } from '@/lib/auth/return-path';
import { fetchJson } from '@/lib/query-client';
import { EmailPasswordFields } from './email-password-fields';
import { formText } from '@/lib/text/form';

/** Sign in, or sign up and then sign in. Returns to `callbackUrl` (same site only). */
export function CredentialsForm({ mode, callbackUrl }: { mode: 'signin' | 'signup'; callbackUrl: string }) {
  const router = useRouter();
  const t = useTranslations('auth');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const safeCallback = safeReturnPath(callbackUrl);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = formText(form, 'email');
    const password = formText(form, 'password');
    setBusy(true);
    setError(null);
    try {
      if (mode === 'signup') await fetchJson('/api/auth/signup', { method: 'POST', body: JSON.stringify({ email, password, name: formText(form, 'name') || undefined }) });
      const result = await signIn('credentials', { email, password, redirect: false });
      if (!result || result.error) throw new Error(result?.error === 'RATE_LIMITED' ? t('rateLimited') : mode === 'signup' ? t('signUpThenSignInFailed') : t('wrongCredentials'));
      router.replace(safeCallback);
      router.refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message.replace(/^(email|password|name): /, '') : t('failed'));
      setBusy(false);
    }
  };

  const other = mode === 'signin' ? { href: '/signup', text: t('toSignUp') } : { href: '/signin', text: t('toSignIn') };
  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-3" noValidate>
      {mode === 'signup' && (
        <label className="flex flex-col gap-1 text-sm">
          {t('name')} <span className="text-muted">{t('optional')}</span>
          <input name="name" autoComplete="name" maxLength={80} className="rounded-lg border border-line bg-panel px-3 py-2" />
        </label>
      )}
      <EmailPasswordFields mode={mode} />
      {error && (
        <p role="alert" className="text-sm text-accent">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="rounded-lg bg-accent-strong px-4 py-2 font-semibold hover:opacity-90 disabled:opacity-60">
        {busy ? t('wait') : mode === 'signin' ? t('submitSignIn') : t('submitSignUp')}
      </button>
      <Link href={`${other.href}?callbackUrl=${encodeURIComponent(safeCallback)}`} className="text-center text-sm text-muted hover:text-white">
        {other.text}
      </Link>
      {mode === 'signin' && (
        <Link href="/forgot-password" className="text-center text-sm text-muted hover:text-white">
          {t('forgot')}
        </Link>
      )}
    </form>
  );
}
