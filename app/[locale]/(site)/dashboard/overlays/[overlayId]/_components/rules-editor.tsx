'use client';

// Scoring rules of a leaderboard or Q&A overlay: likes per point by follower status and the gift tier
// table (rows added and removed here), explained in plain words as they are edited.
import { useTranslations } from 'next-intl';
import { scoringRulesSchema, type GiftTier, type ScoringRules } from '@/lib/games/rules';
import { describeRules, fieldId, MAX_GIFT_TIERS, nextGiftTier, type FieldErrors } from '@/lib/overlays/editor';
import { FieldGroup, NumberField } from './controls';
import { useEditorWords } from './editor-words';

/** `description`: from when changes apply (it differs between a leaderboard and a Q&A game). */
type Props = { rules: ScoringRules; onChange: (rules: ScoringRules) => void; errors: FieldErrors; description: string };

export function RulesEditor({ rules, onChange, errors, description }: Props) {
  const t = useTranslations('overlayEditor');
  const words = useEditorWords();
  const setTier = (index: number, tier: GiftTier) => onChange({ ...rules, giftTiers: rules.giftTiers.map((t, i) => (i === index ? tier : t)) });
  const removeTier = (index: number) => {
    onChange({ ...rules, giftTiers: rules.giftTiers.filter((_, i) => i !== index) });
    // Keep keyboard focus in the table: on the row that moved up, else on "Add tier".
    requestAnimationFrame(() => {
      const next = document.getElementById(fieldId(`rules.giftTiers.${Math.min(index, rules.giftTiers.length - 2)}.minDiamonds`));
      (next ?? document.getElementById('add-gift-tier'))?.focus();
    });
  };
  const addTier = () => {
    const index = rules.giftTiers.length;
    onChange({ ...rules, giftTiers: [...rules.giftTiers, nextGiftTier(rules.giftTiers)] });
    requestAnimationFrame(() => document.getElementById(fieldId(`rules.giftTiers.${index}.minDiamonds`))?.focus());
  };
  const valid = scoringRulesSchema.safeParse(rules);
  const tableError = errors['rules.giftTiers'];
  return (
    <FieldGroup title={t('rules.title')} description={description}>
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberField path="rules.likesPerPointFollower" label={t('fields.likesPerPointFollower')} value={rules.likesPerPointFollower} min={1} max={10_000} onChange={(likesPerPointFollower) => onChange({ ...rules, likesPerPointFollower })} error={errors['rules.likesPerPointFollower']} />
        <NumberField path="rules.likesPerPointNonFollower" label={t('fields.likesPerPointNonFollower')} value={rules.likesPerPointNonFollower} min={1} max={10_000} onChange={(likesPerPointNonFollower) => onChange({ ...rules, likesPerPointNonFollower })} error={errors['rules.likesPerPointNonFollower']} />
      </div>
      <div className="flex flex-col gap-2 text-sm">
        <p id="gift-tiers-caption" className="font-medium">
          {t('fields.giftTiers')}
          <span className="block text-xs font-normal text-muted">{t('rules.giftTiersHint')}</span>
        </p>
        <table id={fieldId('rules.giftTiers')} tabIndex={-1} aria-labelledby="gift-tiers-caption" aria-describedby={tableError ? `${fieldId('rules.giftTiers')}-error` : undefined} className="w-full table-fixed border-separate border-spacing-y-1 text-left">
          <thead className="text-xs text-muted">
            <tr>
              <th scope="col" className="pr-2 font-normal">
                {t('rules.from')}
              </th>
              <th scope="col" className="pr-2 font-normal">
                {t('rules.multiplier')}
              </th>
              <th scope="col" className="w-24 font-normal">
                <span className="sr-only">{t('rules.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.giftTiers.map((tier, i) => (
              <tr key={i} className="align-top">
                <td className="pr-2">
                  <NumberField compact path={`rules.giftTiers.${i}.minDiamonds`} label={t('rules.tierFrom', { index: i + 1 })} value={tier.minDiamonds} min={1} max={1_000_000} onChange={(minDiamonds) => setTier(i, { ...tier, minDiamonds })} error={errors[`rules.giftTiers.${i}.minDiamonds`]} />
                </td>
                <td className="pr-2">
                  <NumberField compact path={`rules.giftTiers.${i}.multiplier`} label={t('rules.tierMultiplier', { index: i + 1 })} value={tier.multiplier} min={0} max={100} step={0.05} suffix="×" onChange={(multiplier) => setTier(i, { ...tier, multiplier })} error={errors[`rules.giftTiers.${i}.multiplier`]} />
                </td>
                <td>
                  <button type="button" onClick={() => removeTier(i)} disabled={rules.giftTiers.length <= 1} aria-label={t('rules.removeTier', { index: i + 1 })} className="min-h-11 w-full rounded-lg border border-line px-2 text-sm hover:bg-panel-2 disabled:opacity-40">
                    {t('rules.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {tableError && (
          <p id={`${fieldId('rules.giftTiers')}-error`} className="text-xs font-semibold text-accent">
            {tableError}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button id="add-gift-tier" type="button" onClick={addTier} disabled={rules.giftTiers.length >= MAX_GIFT_TIERS} className="min-h-11 rounded-lg border border-line px-3 font-semibold hover:bg-panel-2 disabled:opacity-40">
            {t('rules.addTier')}
          </button>
          {rules.giftTiers.length >= MAX_GIFT_TIERS && <span className="text-xs text-muted">{t('rules.maxTiers', { count: MAX_GIFT_TIERS })}</span>}
        </div>
      </div>
      <div className="rounded-lg bg-panel-2 p-3 text-sm">
        <p className="mb-1 font-semibold">{t('rules.plainWords')}</p>
        {valid.success ? (
          <ul className="flex list-disc flex-col gap-1 pl-5 text-muted" data-testid="rules-explained">
            {describeRules(valid.data, words).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p className="text-muted">{t('rules.fixFirst')}</p>
        )}
      </div>
    </FieldGroup>
  );
}
