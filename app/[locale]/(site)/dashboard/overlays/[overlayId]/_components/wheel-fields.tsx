'use client';

// A wheel of fortune's fields (lib/overlays/wheel.ts): its segments (label, colour, weight, with each one's
// chance shown), the rules that make a gift spin it, and the pace. Segments and rules are added, removed and
// reordered with buttons (keyboard usable); the preview's test button plays a sample spin.
import { useTranslations } from 'next-intl';
import { fieldId } from '@/lib/overlays/editor';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import { MAX_SEGMENTS, MAX_WHEEL_RULES, type WheelRule, type WheelSegment } from '@/lib/overlays/wheel';
import { GIFT_CATALOG } from '@/lib/tiktok/gift-catalog';
import type { FieldsProps } from './common-fields';
import { ChoiceField, ColourField, FieldGroup, NumberField, TextField, ToggleField } from './controls';

type Settings = OverlaySettingsByKind['WHEEL'];

const PALETTE = ['#ff2d55', '#ffb000', '#22c55e', '#3b82f6', '#a855f7', '#14b8a6', '#f97316', '#ec4899'] as const;
const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
const button = 'min-h-11 rounded-lg border border-line px-3 py-2 text-sm font-semibold hover:bg-panel-2 disabled:opacity-40';

/** `list` with the item at `from` moved to `to`, the keyboard kept on the moved item's element `focusId`. */
function moved<T>(list: readonly T[], from: number, to: number, focusId: string): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item === undefined) return next;
  next.splice(to, 0, item);
  requestAnimationFrame(() => document.getElementById(focusId)?.focus());
  return next;
}

export function WheelFields({ settings, onChange, errors }: FieldsProps<Settings>) {
  const t = useTranslations('overlayEditor');
  const set = <F extends keyof Settings>(field: F) => (value: Settings[F]) => onChange({ ...settings, [field]: value });
  const segments = settings.segments;
  const rules = settings.rules;
  const totalWeight = segments.reduce((sum, s) => sum + (Number.isFinite(s.weight) ? Math.max(0, s.weight) : 0), 0);
  const setSegments = (next: WheelSegment[]) => onChange({ ...settings, segments: next });
  const setRules = (next: WheelRule[]) => onChange({ ...settings, rules: next });
  const addSegment = () => setSegments([...segments, { id: newId('s'), label: t('wheel.newSegment', { index: segments.length + 1 }), colour: PALETTE[segments.length % PALETTE.length] ?? '#ff2d55', weight: 1 }]);
  const addRule = () => setRules([...rules, { id: newId('r'), enabled: true, trigger: 'gifts', giftIds: [], minDiamonds: 100 }]);

  return (
    <>
      <FieldGroup title={t('wheel.title')} description={t('wheel.description')}>
        <TextField path="title" label={t('fields.title')} value={settings.title} maxLength={60} onChange={set('title')} error={errors.title} />
      </FieldGroup>
      <FieldGroup title={t('wheel.segmentsTitle')} description={t('wheel.segmentsDescription')}>
        {segments.length === 0 && (
          <p data-testid="wheel-no-segments" className="text-sm text-muted">
            {t('wheel.noSegments')}
          </p>
        )}
        <ol className="flex flex-col gap-3">
          {segments.map((segment, index) => {
            const path = (field: string) => `segments.${index}.${field}`;
            const change = (patch: Partial<WheelSegment>) => setSegments(segments.map((s, i) => (i === index ? { ...s, ...patch } : s)));
            const title = segment.label || t('wheel.segmentN', { index: index + 1 });
            const chance = totalWeight > 0 && Number.isFinite(segment.weight) ? segment.weight / totalWeight : 0;
            return (
              <li key={segment.id} data-testid="wheel-segment" className="flex flex-col gap-3 rounded-xl border border-line p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <span aria-hidden className="size-4 shrink-0 rounded-full border border-line" style={{ background: segment.colour }} />
                  <h3 className="mr-auto font-semibold">{t('wheel.segmentTitle', { index: index + 1, chance })}</h3>
                  <button id={`segment-${segment.id}-up`} type="button" className={button} disabled={index === 0} onClick={() => setSegments(moved(segments, index, index - 1, `segment-${segment.id}-up`))} aria-label={t('wheel.moveUp', { title })}>
                    ↑
                  </button>
                  <button id={`segment-${segment.id}-down`} type="button" className={button} disabled={index === segments.length - 1} onClick={() => setSegments(moved(segments, index, index + 1, `segment-${segment.id}-down`))} aria-label={t('wheel.moveDown', { title })}>
                    ↓
                  </button>
                  <button type="button" className={button} onClick={() => setSegments(segments.filter((_, i) => i !== index))} aria-label={t('wheel.remove', { title })}>
                    ✕
                  </button>
                </div>
                <div className="grid gap-3 sm:grid-cols-3">
                  <TextField path={path('label')} label={t('wheel.label')} value={segment.label} maxLength={40} onChange={(label) => change({ label })} error={errors[path('label')]} />
                  <ColourField path={path('colour')} label={t('wheel.colour')} value={segment.colour} onChange={(colour) => change({ colour })} error={errors[path('colour')]} />
                  <NumberField path={path('weight')} label={t('wheel.weight')} value={segment.weight} min={1} max={1000} onChange={(weight) => change({ weight })} error={errors[path('weight')]} />
                </div>
              </li>
            );
          })}
        </ol>
        <button type="button" disabled={segments.length >= MAX_SEGMENTS} onClick={addSegment} className={`${button} self-start`}>
          {t('wheel.addSegment')}
        </button>
      </FieldGroup>
      <FieldGroup title={t('wheel.rulesTitle')} description={t('wheel.rulesDescription')}>
        {rules.length === 0 && <p className="text-sm text-muted">{t('wheel.noRules')}</p>}
        <ol className="flex flex-col gap-3">
          {rules.map((rule, index) => {
            const path = (field: string) => `rules.${index}.${field}`;
            const change = (patch: Partial<WheelRule>) => setRules(rules.map((r, i) => (i === index ? { ...r, ...patch } : r)));
            const title = t('wheel.ruleN', { index: index + 1 });
            return (
              <li key={rule.id} data-testid="wheel-rule" className="flex flex-col gap-3 rounded-xl border border-line p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="mr-auto font-semibold">{title}</h3>
                  <button type="button" className={button} onClick={() => setRules(rules.filter((_, i) => i !== index))} aria-label={t('wheel.remove', { title })}>
                    ✕
                  </button>
                </div>
                <ToggleField path={path('enabled')} label={t('wheel.ruleEnabled')} checked={rule.enabled} onChange={(enabled) => change({ enabled })} error={errors[path('enabled')]} />
                <ChoiceField
                  path={path('trigger')}
                  label={t('wheel.trigger')}
                  value={rule.trigger}
                  options={[
                    { value: 'gifts', label: t('wheel.triggerGifts') },
                    { value: 'value', label: t('wheel.triggerValue') },
                  ]}
                  onChange={(trigger) => change({ trigger })}
                  error={errors[path('trigger')]}
                />
                {rule.trigger === 'gifts' ? (
                  <fieldset className="flex flex-col gap-1 text-sm" aria-describedby={errors[path('giftIds')] ? `${fieldId(path('giftIds'))}-error` : undefined}>
                    <legend className="mb-1 font-medium">{t('wheel.gifts')}</legend>
                    <div id={fieldId(path('giftIds'))} tabIndex={-1} className="flex flex-wrap gap-2">
                      {GIFT_CATALOG.map((gift) => (
                        <label key={gift.giftId} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-3 has-[:checked]:border-accent has-[:checked]:bg-accent/10">
                          <input type="checkbox" checked={rule.giftIds.includes(gift.giftId)} onChange={(e) => change({ giftIds: e.currentTarget.checked ? [...rule.giftIds, gift.giftId] : rule.giftIds.filter((id) => id !== gift.giftId) })} />
                          {t('wheel.giftOption', { emoji: gift.emoji, name: gift.name, diamonds: gift.diamondCount })}
                        </label>
                      ))}
                    </div>
                    {errors[path('giftIds')] && (
                      <span id={`${fieldId(path('giftIds'))}-error`} className="text-xs font-semibold text-accent">
                        {errors[path('giftIds')]}
                      </span>
                    )}
                  </fieldset>
                ) : (
                  <NumberField path={path('minDiamonds')} label={t('wheel.minDiamonds')} value={rule.minDiamonds} min={1} onChange={(minDiamonds) => change({ minDiamonds })} error={errors[path('minDiamonds')]} hint={t('wheel.minDiamondsHint')} />
                )}
              </li>
            );
          })}
        </ol>
        <button type="button" disabled={rules.length >= MAX_WHEEL_RULES} onClick={addRule} className={`${button} self-start`}>
          {t('wheel.addRule')}
        </button>
        <NumberField path="maxSpinsPerGift" label={t('fields.maxSpinsPerGift')} value={settings.maxSpinsPerGift} min={1} max={100} onChange={set('maxSpinsPerGift')} error={errors.maxSpinsPerGift} hint={t('wheel.maxSpinsHint')} />
      </FieldGroup>
      <FieldGroup title={t('wheel.paceTitle')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberField path="spinSeconds" label={t('fields.spinSeconds')} value={settings.spinSeconds} min={2} max={20} suffix={t('controls.seconds')} onChange={set('spinSeconds')} error={errors.spinSeconds} />
          <NumberField path="resultSeconds" label={t('fields.resultSeconds')} value={settings.resultSeconds} min={1} max={30} suffix={t('controls.seconds')} onChange={set('resultSeconds')} error={errors.resultSeconds} />
        </div>
      </FieldGroup>
    </>
  );
}
