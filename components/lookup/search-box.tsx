'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { profilePath } from '@/lib/i18n/locales';
import { parseHandle } from '@/lib/tiktok/handle';
import { useHandleError } from '@/components/lookup/handle-error';

/** The lookup box: a username, @username or profile link; invalid input is explained inline. */
export function SearchBox({ autoFocus = false, size = 'large' }: { autoFocus?: boolean; size?: 'large' | 'small' }) {
  const router = useRouter();
  const locale = useLocale();
  const t = useTranslations('search');
  const handleError = useHandleError();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseHandle(value);
    if (!parsed.ok) {
      setError(handleError(parsed));
      return;
    }
    setError(null);
    startTransition(() => router.push(profilePath(locale, parsed.handle)));
  };

  const big = size === 'large';
  return (
    <form onSubmit={submit} role="search" className="w-full" noValidate>
      <div className={`flex gap-2 ${big ? 'flex-col sm:flex-row' : ''}`}>
        <label className="sr-only" htmlFor={`${errorId}-input`}>
          {t('label')}
        </label>
        <input
          id={`${errorId}-input`}
          name="handle"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            if (error) setError(null);
          }}
          autoFocus={autoFocus}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder={t('placeholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className={`min-w-0 flex-1 rounded-lg border bg-panel px-4 text-white placeholder:text-muted focus:border-accent-2 ${big ? 'py-3 text-lg' : 'py-2'} ${error ? 'border-accent' : 'border-line'}`}
        />
        <button type="submit" disabled={pending} className={`rounded-lg bg-accent-strong font-semibold text-white hover:opacity-90 disabled:opacity-60 ${big ? 'px-6 py-3 text-lg' : 'px-4 py-2'}`}>
          {pending ? t('pending') : t('submit')}
        </button>
      </div>
      {error && (
        <p id={errorId} role="alert" className="mt-2 text-sm text-accent">
          {error}
        </p>
      )}
    </form>
  );
}
