'use client';

import { SIGN_UP_THEN_SIGN_IN_FAILED } from '@/lib/auth/rules';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { EmailPasswordFields } from '@/components/auth/email-password-fields';
import { fetchJson } from '@/lib/query-client';
import { formText } from '@/lib/text/form';

type Props = { handle: string; signedIn: boolean; email: string | null; price: string; testMode: boolean };

/** Creates the account inline when needed, signs in, then starts the checkout. */
export function CheckoutClient({ handle, signedIn, email, price, testMode }: Props) {
  const [mode, setMode] = useState<'signup' | 'signin'>('signup');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pay = async () => {
    const { url } = await fetchJson<{ url: string }>('/api/checkout', { method: 'POST', body: JSON.stringify({ handle }) });
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
        if (!result || result.error) throw new Error(result?.error === 'RATE_LIMITED' ? 'Too many sign-in attempts; wait a few minutes.' : mode === 'signup' ? SIGN_UP_THEN_SIGN_IN_FAILED : 'Email or password is incorrect.');
      }
      await pay();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message.replace(/^(email|password|handle): /, '') : 'Something went wrong; try again.');
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-3" noValidate>
      {signedIn ? (
        <p className="text-sm text-muted">Signed in as {email}. The report will be in your orders.</p>
      ) : (
        <>
          <div role="tablist" aria-label="Account" className="flex rounded-lg border border-line p-1 text-sm">
            {(['signup', 'signin'] as const).map((m) => (
              <button key={m} type="button" role="tab" aria-selected={mode === m} onClick={() => setMode(m)} className={`flex-1 rounded-md px-3 py-1.5 font-semibold ${mode === m ? 'bg-panel-2 text-white' : 'text-muted'}`}>
                {m === 'signup' ? 'New to LiveLens' : 'I have an account'}
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
      <button type="submit" disabled={busy} className="rounded-lg bg-accent px-4 py-2.5 font-semibold hover:opacity-90 disabled:opacity-60">
        {busy ? 'Starting checkout…' : testMode ? `Continue to test checkout (${price})` : `Pay ${price} with Stripe`}
      </button>
    </form>
  );
}
