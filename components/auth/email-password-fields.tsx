// The email and password inputs of the forms that sign in or sign up (the sign-in and sign-up pages, and
// the checkout, which creates the account inline). Read with FormData as `email` and `password`.
import { useTranslations } from 'next-intl';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/rules';

const inputClass = 'rounded-lg border border-line bg-panel px-3 py-2';

export function EmailPasswordFields({ mode }: { mode: 'signin' | 'signup' }) {
  const signup = mode === 'signup';
  const t = useTranslations('auth');
  return (
    <>
      <label className="flex flex-col gap-1 text-sm">
        {t('email')}
        <input name="email" type="email" required autoComplete="email" className={inputClass} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t('password')} {signup && <span className="text-muted">{t('passwordRule', { min: PASSWORD_MIN_LENGTH })}</span>}
        <input name="password" type="password" required minLength={signup ? PASSWORD_MIN_LENGTH : undefined} autoComplete={signup ? 'new-password' : 'current-password'} className={inputClass} />
      </label>
    </>
  );
}
