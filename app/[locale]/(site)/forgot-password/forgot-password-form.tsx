'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { Notice } from '@/components/ui/card';
import { fetchJson } from '@/lib/query-client';
import { formText } from '@/lib/text/form';

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const t = useTranslations('authFlows');
  const emailId = useId();
  const [email, setEmail] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'busy' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Read from the form: what was typed before the page finished loading counts too.
    const typed = formText(new FormData(event.currentTarget), 'email').trim();
    if (!typed) {
      setLocalError(t('forgot.enterEmail'));
      return;
    }
    setLocalError(null);
    setEmail(typed);
    setState('busy');
    setError(null);
    try {
      await fetchJson('/api/auth/password-reset', { method: 'POST', body: JSON.stringify({ email: typed }) });
      setState('sent');
    } catch (caught) {
      setError(caught instanceof Error ? caught.message.replace(/^email: /, '') : t('failed'));
      setState('idle');
    }
  };
  if (state === 'sent') {
    return (
      <div className="flex flex-col gap-3 text-sm">
        <Notice>{t('forgot.sent', { email })}</Notice>
        <p className="text-muted">{t('forgot.nothingYet')}</p>
        <Link href="/signin" className="text-muted hover:text-white">
          {t('forgot.back')}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-3" noValidate>
      <p className="text-sm text-muted">{t('forgot.intro')}</p>
      <label htmlFor={emailId} className="flex flex-col gap-1 text-sm">
        {t('forgot.email')}
        <input id={emailId} name="email" type="email" required autoComplete="email" defaultValue={email} className="rounded-lg border border-line bg-panel px-3 py-2" />
      </label>
      {(localError ?? error) && (
        <p role="alert" className="text-sm text-accent">
          {localError ?? error}
        </p>
      )}
      <button type="submit" disabled={state === 'busy'} className="rounded-lg bg-accent-strong px-4 py-2 font-semibold disabled:opacity-60">
        {state === 'busy' ? t('forgot.sending') : t('forgot.submit')}
      </button>
      <Link href="/signin" className="text-center text-sm text-muted hover:text-white">
        {t('forgot.back')}
      </Link>
    </form>
  );
}
