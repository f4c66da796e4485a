'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { EmailPasswordFields } from '@/components/auth/email-password-fields';
import { useHandleError } from '@/components/lookup/handle-error';
import { fetchJson } from '@/lib/query-client';
import { formText } from '@/lib/text/form';
import type { HandleFailure } from '@/lib/tiktok/handle';

/** What the report is about, as POST /api/checkout takes it: a TikTok handle or a Bilibili uid. */
export type CheckoutTarget = { handle: string } | { platform: 'bilibili'; uid: string };

type Props = { target: CheckoutTarget; signedIn: boolean; email: string | null; price: string; testMode: boolean };

/** Creates the account inline when needed, signs in, then starts the checkout. */
export function CheckoutClient({ target, signedIn, email, price, testMode }: Props) {
  const t = useTranslations('checkout');
  const [mode, setMode] = useState<'signup' | 'signin'>('signup');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pay = async () => {
    const { url } = await fetchJson<{ url: string }>('/api/checkout', { method: 'POST', body: JSON.stringify(target) });
    window.location.assign(url);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (!signedIn) {
        const form = new FormData(event.currentTarget);
        const credentials = { email: formText(form, 'email'), password: formText(form, 'password') };
        if (mode === 'signup') await fetchJson('/api/auth/signup', { method: 'POST', body: JSON.stringify({ ...credentials, via: 'checkout' }) });
        const result = await signIn('credentials', { ...credentials, redirect: false });
        if (!result || result.error) throw new Error(result?.error === 'RATE_LIMITED' ? t('rateLimited') : mode === 'signup' ? t('signUpThenSignInFailed') : t('wrongCredentials'));
      }
      await pay();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message.replace(/^(email|password|handle|uid): /, '') : t('failed'));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-3" noValidate>
      {signedIn ? (
        <p className="text-sm text-muted">{t('signedInAs', { email: email ?? '' })}</p>
      ) : (
        <>
          <div role="tablist" aria-label={t('accountTabs')} className="flex rounded-lg border border-line p-1 text-sm">
            {(['signup', 'signin'] as const).map((m) => (
              <button key={m} type="button" role="tab" aria-selected={mode === m} onClick={() => setMode(m)} className={`flex-1 rounded-md px-3 py-1.5 font-semibold ${mode === m ? 'bg-panel-2 text-white' : 'text-muted'}`}>
                {m === 'signup' ? t('newUser') : t('haveAccount')}
              </button>
            ))}
          </div>
          <EmailPasswordFields mode={mode} />
        </>
      )}
      {error && (
        <p role="alert" className="text-sm text-accent">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className="rounded-lg bg-accent-strong px-4 py-2.5 font-semibold hover:opacity-90 disabled:opacity-60">
        {busy ? t('starting') : testMode ? t('continueTest', { price }) : t('payStripe', { price })}
      </button>
    </form>
  );
}

/** Why the handle in the address is not one (the handle check's failure, in the page's language). */
export function HandleProblem({ failure }: { failure: HandleFailure }) {
  return <>{useHandleError()(failure)}</>;
}
