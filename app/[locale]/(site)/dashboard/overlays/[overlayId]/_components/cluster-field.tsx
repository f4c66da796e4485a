'use client';

// "Draw from": the channel alone, or every channel of a cluster holding it (one creator live on several
// platforms; lib/overlays/sources.ts decides what the overlay then draws). Shared by the kinds that offer it.
import { useTranslations } from 'next-intl';
import { FieldGroup, SelectField } from './controls';

/** A cluster holding the overlay's channel (lib/overlays/sources.ts clusterChoicesFor). */
export type ClusterChoice = { id: string; name: string; channels: number };

type Props = { value: string; onChange: (clusterId: string) => void; error?: string; choices: ClusterChoice[]; label: string; description: string; hint: string; noClusters: string };

export function ClusterField({ value, onChange, error, choices, label, description, hint, noClusters }: Props) {
  const t = useTranslations('overlayEditor');
  return (
    <FieldGroup title={t('giftAlerts.sourcesTitle')} description={description}>
      <SelectField
        path="clusterId"
        label={label}
        value={value}
        options={[
          { value: '', label: t('giftAlerts.thisChannel') },
          ...choices.map((c) => ({ value: c.id, label: t('giftAlerts.clusterOption', { name: c.name, count: c.channels }) })),
          // A cluster since deleted, or no longer holding this channel: the overlay draws this channel only.
          ...(value && !choices.some((c) => c.id === value) ? [{ value, label: t('giftAlerts.clusterGone') }] : []),
        ]}
        onChange={onChange}
        error={error}
        hint={choices.length === 0 ? noClusters : hint}
      />
    </FieldGroup>
  );
}
