'use client';

// Language, time zone and currency: how this account reads LiveLens. The language works as the header's
// switcher does; the time zone and currency are saved on the account (every device) and in cookies.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useMemo, useState, useSyncExternalStore, type FormEvent } from 'react';
import { browserTimeZone, useDisplay, writeDisplayCookie } from '@/components/site/display';
import { LanguageSwitcher } from '@/components/site/language-switcher';
import { Card, Notice } from '@/components/ui/card';
import { CURRENCY_COOKIE } from '@/lib/i18n/display-settings';
import { timeZoneLabel, timeZoneList } from '@/lib/i18n/time';
import { CURRENCIES, defaultCurrencyFor, isCurrency } from '@/lib/money/convert';
import { fetchJson } from '@/lib/query-client';

const noSubscription = () => () => undefined;
const NO_ZONES: string[] = [];
let zoneCache: string[] | undefined;
const allZones = () => (zoneCache ??= timeZoneList());

export function AccountRegion({ saved }: { saved: { timeZone: string | null; currency: string | null } }) {
  const t = useTranslations('account.region');
  const router = useRouter();
  const display = useDisplay();
  const zoneId = useId();
  const currencyId = useId();
  const [zone, setZone] = useState(saved.timeZone ?? '');
  const [currency, setCurrency] = useState(saved.currency ?? '');
  // The list (about 400 zones) and the browser's zone are read in the browser only.
  const serverZones = useMemo(() => (saved.timeZone ? [saved.timeZone] : NO_ZONES), [saved.timeZone]);
  const zones = useSyncExternalStore(noSubscription, allZones, () => serverZones);
  const browserZone = useSyncExternalStore(noSubscription, browserTimeZone, () => undefined);
  const save = useMutation({
    mutationFn: () =>
      fetchJson('/api/account/display', { method: 'PUT', body: JSON.stringify({ timeZone: zone || null, currency: isCurrency(currency) ? currency : null }) }),
    onSuccess: () => {
      writeDisplayCookie(CURRENCY_COOKIE, currency || defaultCurrencyFor(display.locale));
      router.refresh();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };
  const select = 'rounded-lg border border-line bg-panel-2 px-3 py-2';
  return (
    <Card title={t('title')}>
      <form onSubmit={submit} className="flex flex-col gap-3 text-sm">
        <div className="flex flex-wrap items-center gap-2">
          <span>{t('language')}</span>
          <LanguageSwitcher />
        </div>
        <label htmlFor={zoneId} className="flex flex-col gap-1">
          {t('timeZone')}
          <select id={zoneId} value={zone} onChange={(event) => setZone(event.currentTarget.value)} className={select}>
            <option value="">{browserZone ? t('browserZone', { zone: timeZoneLabel(browserZone, display.locale) }) : t('browserZoneUnknown')}</option>
            {zones.map((name) => (
              <option key={name} value={name}>
                {timeZoneLabel(name, display.locale)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={currencyId} className="flex flex-col gap-1">
          {t('currency')}
          <select id={currencyId} value={currency} onChange={(event) => setCurrency(event.currentTarget.value)} className={select}>
            <option value="">{t('languageCurrency', { currency: defaultCurrencyFor(display.locale) })}</option>
            {CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {t('currencyName', { code })}
              </option>
            ))}
          </select>
        </label>
        <p className="text-xs text-muted">{t('ratesNote', { date: display.ratesDate })}</p>
        <button type="submit" disabled={save.isPending} className="self-start rounded-lg border border-line px-4 py-2 font-semibold disabled:opacity-60">
          {t('save')}
        </button>
        {save.isSuccess && <Notice>{t('saved')}</Notice>}
        {save.error && (
          <p role="alert" className="text-accent">
            {save.error.message}
          </p>
        )}
      </form>
    </Card>
  );
}
