'use client';

// A gift-alert overlay's variations (lib/overlays/variations.ts): an ordered list, first match wins, each
// with its own sound, picture or video, text, animations, duration and speech. Added, removed and
// reordered with buttons (keyboard usable); "Test" plays one in the preview. Media pickers list the
// workspace's library (GET /api/media); a file deleted since is flagged here, and OBS plays without it.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { FieldErrors } from '@/lib/overlays/editor';
import { EDITOR_MESSAGE_SOURCE } from '@/lib/overlays/preview';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import { ALERT_ANIMATIONS, ALERT_EVENT_KINDS, MAX_VARIATIONS, newVariation, isPaidAlert, withVariationDefaults, type AlertVariation } from '@/lib/overlays/variations';
import type { Platform } from '@/lib/platforms/events';
import { VALUE_UNIT } from '@/lib/platforms/units';
import { LOCALE_NAMES, type Locale } from '@/lib/i18n/locales';
import { listVoiceChoices } from '@/lib/overlays/speech';
import { GIFT_CATALOG, giftEmoji } from '@/lib/tiktok/gift-catalog';
import type { FieldsProps } from './common-fields';
import { FieldGroup, NumberField, RangeField, SelectField, TextField, ToggleField } from './controls';
import { useGiftChoices } from './use-gift-choices';
import { useVoices } from './use-voices';

type Settings = OverlaySettingsByKind['GIFT_ALERTS'];
type LibraryFile = { id: string; name: string; kind: 'SOUND' | 'IMAGE' | 'VIDEO'; durationMs: number | null };
type Library = { state: 'loading' | 'failed' } | { state: 'ready'; files: LibraryFile[] };

/** The workspace's media files, read once when the editor opens. */
function useLibrary(): Library {
  const [library, setLibrary] = useState<Library>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    fetch('/api/media', { headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const { files } = (await response.json()) as { files: LibraryFile[] };
        if (!cancelled) setLibrary({ state: 'ready', files });
      })
      .catch(() => {
        if (!cancelled) setLibrary({ state: 'failed' });
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return library;
}

/** Plays one variation in the editor's preview (the overlay page in an iframe of the same origin). */
function testVariation(variationId: string): void {
  const frame = document.querySelector<HTMLIFrameElement>('iframe[data-testid="overlay-preview"]');
  frame?.contentWindow?.postMessage({ source: EDITOR_MESSAGE_SOURCE, type: 'test', variationId }, window.location.origin);
}

// Whole keys in quotes, so the catalogue check sees each one used.
const EVENT_KEYS = {
  gift: 'studio.events.gift',
  follow: 'studio.events.follow',
  share: 'studio.events.share',
  like: 'studio.events.like',
  join: 'studio.events.join',
  superChat: 'studio.events.superChat',
  membership: 'studio.events.membership',
} as const;
const ANIMATION_KEYS = {
  fade: 'studio.animations.fade',
  'slide-up': 'studio.animations.slide-up',
  'slide-down': 'studio.animations.slide-down',
  'slide-left': 'studio.animations.slide-left',
  'slide-right': 'studio.animations.slide-right',
  zoom: 'studio.animations.zoom',
  bounce: 'studio.animations.bounce',
  none: 'studio.animations.none',
} as const;

const newId = () => `v${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

export function VariationFields({ settings, onChange, errors, platform }: FieldsProps<Settings> & { platform: Platform }) {
  const t = useTranslations('overlayEditor');
  const library = useLibrary();
  const list = settings.variations;
  const setList = (variations: AlertVariation[]) => onChange({ ...settings, variations });
  const move = (from: number, to: number) => {
    const next = [...list];
    const [item] = next.splice(from, 1);
    if (!item) return;
    next.splice(to, 0, item);
    setList(next);
    // Keep the keyboard on the moved variation's same button.
    requestAnimationFrame(() => document.getElementById(`variation-${item.id}`)?.focus());
  };
  return (
    <FieldGroup title={t('studio.variationsTitle')} description={t('studio.variationsDescription')}>
      <p className="text-sm">
        <Link href="/dashboard/media" className="font-semibold text-accent-2 underline">
          {t('studio.openLibrary')}
        </Link>
        {library.state === 'failed' && <span className="ml-2 text-accent">{t('studio.libraryFailed')}</span>}
      </p>
      {list.length === 0 && <p className="text-sm text-muted">{t('studio.none')}</p>}
      <ol className="flex flex-col gap-4">
        {list.map((variation, index) => (
          <li key={variation.id}>
            <VariationCard
              variation={variation}
              index={index}
              count={list.length}
              library={library}
              language={settings.language}
              unit={VALUE_UNIT[platform]}
              errors={errors}
              onChange={(changed) => setList(list.map((v, i) => (i === index ? changed : v)))}
              onMove={(to) => move(index, to)}
              onRemove={() => setList(list.filter((_, i) => i !== index))}
            />
          </li>
        ))}
      </ol>
      <button type="button" disabled={list.length >= MAX_VARIATIONS} onClick={() => setList([...list, newVariation(newId(), 'gift', settings.language)])} className="min-h-11 self-start rounded-lg border border-line px-4 py-2 text-sm font-semibold hover:bg-panel-2 disabled:opacity-50">
        {t('studio.add')}
      </button>
    </FieldGroup>
  );
}

type CardProps = { variation: AlertVariation; index: number; count: number; library: Library; language: Locale; unit: string; errors: FieldErrors; onChange: (v: AlertVariation) => void; onMove: (to: number) => void; onRemove: () => void };

function VariationCard({ variation: v, index, count, library, language, unit, errors, onChange, onMove, onRemove }: CardProps) {
  const t = useTranslations('overlayEditor');
  const path = (field: string) => `variations.${index}.${field}`;
  const set = <F extends keyof AlertVariation>(field: F) => (value: AlertVariation[F]) => onChange({ ...v, [field]: value });
  const files = library.state === 'ready' ? library.files : [];
  const missing = (id: string) => library.state === 'ready' && id !== '' && !files.some((f) => f.id === id);
  const fileOptions = (kinds: LibraryFile['kind'][], current: string) => [
    ...files.filter((f) => kinds.includes(f.kind)).map((f) => ({ value: f.id, label: f.name })),
    ...(missing(current) ? [{ value: current, label: t('studio.deletedFile') }] : []),
  ];
  const eventLabel = t(EVENT_KEYS[v.event]);
  const title = v.label || eventLabel;
  const animations = ALERT_ANIMATIONS.map((a) => ({ value: a, label: t(ANIMATION_KEYS[a]) }));
  const chooseVisual = (id: string) => {
    const file = files.find((f) => f.id === id);
    onChange({ ...v, visualId: id, visualKind: file?.kind === 'VIDEO' ? 'VIDEO' : 'IMAGE', visualMs: file?.kind === 'VIDEO' ? (file.durationMs ?? 0) : 0 });
  };
  const warnings = [missing(v.sound === 'media' ? v.soundId : '') ? t('studio.soundDeleted') : null, missing(v.visualId) ? t('studio.visualDeleted') : null].filter((w): w is string => w !== null);
  const button = 'min-h-11 rounded-lg border border-line px-3 py-2 text-sm font-semibold hover:bg-panel-2 disabled:opacity-40';

  return (
    <section aria-labelledby={`variation-${v.id}-title`} data-testid="alert-variation" className="flex flex-col gap-3 rounded-xl border border-line p-3">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`variation-${v.id}-title`} className="mr-auto font-semibold">
          {t('studio.cardTitle', { index: index + 1, title })}
        </h3>
        <button id={`variation-${v.id}`} type="button" className={button} onClick={() => testVariation(v.id)}>
          {t('studio.test')}
        </button>
        <button type="button" className={button} disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t('studio.moveUp', { title })}>
          ↑
        </button>
        <button type="button" className={button} disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={t('studio.moveDown', { title })}>
          ↓
        </button>
        <button type="button" className={button} onClick={onRemove} aria-label={t('studio.remove', { title })}>
          ✕
        </button>
      </div>
      {warnings.length > 0 && (
        <p role="alert" data-testid="variation-media-warning" className="rounded-lg border border-accent px-3 py-2 text-sm font-semibold text-accent">
          {warnings.join(' ')}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField path={path('label')} label={t('studio.label')} value={v.label} maxLength={60} onChange={set('label')} error={errors[path('label')]} />
        <SelectField path={path('event')} label={t('studio.event')} value={v.event} options={ALERT_EVENT_KINDS.map((e) => ({ value: e, label: t(EVENT_KEYS[e]) }))} onChange={(e) => onChange(withVariationDefaults(v, ALERT_EVENT_KINDS.find((k) => k === e) ?? 'gift', language))} error={errors[path('event')]} />
        <ToggleField path={path('enabled')} label={t('studio.enabled')} checked={v.enabled} onChange={set('enabled')} error={errors[path('enabled')]} />
      </div>
      {v.event === 'gift' && <GiftPicker path={path('giftIds')} giftIds={v.giftIds} onChange={(giftIds) => onChange({ ...v, giftIds })} />}
      {isPaidAlert(v.event) && (
        <div className="grid gap-3 sm:grid-cols-2">
          <NumberField path={path('minDiamonds')} label={t('studio.minDiamonds', { unit })} value={v.minDiamonds} min={0} onChange={set('minDiamonds')} error={errors[path('minDiamonds')]} hint={t(v.event === 'gift' ? 'studio.tierHint' : 'studio.paidTierHint')} />
          <NumberField path={path('maxDiamonds')} label={t('studio.maxDiamonds', { unit })} value={v.maxDiamonds} min={0} onChange={set('maxDiamonds')} error={errors[path('maxDiamonds')]} />
        </div>
      )}
      {v.event === 'like' && <NumberField path={path('likeEvery')} label={t('studio.likeEvery')} value={v.likeEvery} min={1} onChange={set('likeEvery')} error={errors[path('likeEvery')]} />}
      <TextField path={path('template')} label={t('fields.template')} value={v.template} maxLength={160} onChange={set('template')} error={errors[path('template')]} hint={t('studio.templateHint')} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          path={path('sound')}
          label={t('studio.sound')}
          value={v.sound === 'media' ? v.soundId : v.sound}
          options={[{ value: 'none', label: t('studio.soundNone') }, { value: 'chime', label: t('studio.soundChime') }, ...fileOptions(['SOUND'], v.sound === 'media' ? v.soundId : '')]}
          onChange={(value) => onChange(value === 'none' || value === 'chime' ? { ...v, sound: value, soundId: '' } : { ...v, sound: 'media', soundId: value })}
          error={errors[path('sound')] ?? errors[path('soundId')]}
        />
        <SelectField path={path('visualId')} label={t('studio.visual')} value={v.visualId} options={[{ value: '', label: t('studio.visualNone') }, ...fileOptions(['IMAGE', 'VIDEO'], v.visualId)]} onChange={chooseVisual} error={errors[path('visualId')]} />
        <SelectField path={path('animationIn')} label={t('studio.animationIn')} value={v.animationIn} options={animations} onChange={(a) => onChange({ ...v, animationIn: ALERT_ANIMATIONS.find((x) => x === a) ?? 'fade' })} error={errors[path('animationIn')]} />
        <SelectField path={path('animationOut')} label={t('studio.animationOut')} value={v.animationOut} options={animations} onChange={(a) => onChange({ ...v, animationOut: ALERT_ANIMATIONS.find((x) => x === a) ?? 'fade' })} error={errors[path('animationOut')]} />
        <NumberField path={path('durationSeconds')} label={t('fields.durationSeconds')} value={v.durationSeconds} min={1} max={60} step={0.5} suffix={t('controls.seconds')} onChange={set('durationSeconds')} error={errors[path('durationSeconds')]} hint={v.visualKind === 'VIDEO' && v.visualId ? t('studio.videoHint') : undefined} />
        <RangeField path={path('volume')} label={t('fields.volume')} value={v.volume} min={0} max={1} step={0.05} format={(x) => `${Math.round(x * 100)}%`} onChange={set('volume')} error={errors[path('volume')]} />
        <ToggleField path={path('speech')} label={t('fields.speech')} checked={v.speech} onChange={set('speech')} error={errors[path('speech')]} />
        {v.speech && <VoiceField path={path('speechVoice')} value={v.speechVoice} language={language} onChange={set('speechVoice')} error={errors[path('speechVoice')]} />}
      </div>
    </section>
  );
}

type VoiceFieldProps = { path: string; value: string; language: Locale; onChange: (name: string) => void; error?: string };

/** A variation's voice: this browser's voices, the overlay's language first; '' reads with the overlay's voice. */
function VoiceField({ path, value, language, onChange, error }: VoiceFieldProps) {
  const t = useTranslations('overlayEditor');
  const voices = useVoices();
  const options = [
    { value: '', label: t('studio.voiceDefault') },
    ...listVoiceChoices(voices, language, value).map((choice) => ({ value: choice.name, label: choice.available ? `${choice.name} (${choice.lang})` : t('studio.voiceMissing', { voice: choice.name }) })),
  ];
  return <SelectField path={path} label={t('fields.speechVoice')} value={value} options={options} onChange={onChange} error={error} hint={t('studio.voiceHint', { language: LOCALE_NAMES[language] })} />;
}

/**
 * The gifts a variation matches, ticked from the gifts seen on LIVEs and the catalogue's, with a search;
 * gifts ticked earlier stay listed (and untickable) when the search or the list leaves them out.
 */
function GiftPicker({ path, giftIds, onChange }: { path: string; giftIds: string[]; onChange: (giftIds: string[]) => void }) {
  const t = useTranslations('overlayEditor');
  const [search, setSearch] = useState('');
  const choices = useGiftChoices(search);
  const listed = new Set(choices.map((g) => g.giftId));
  const kept = giftIds.filter((id) => !listed.has(id)).map((id) => {
    const known = GIFT_CATALOG.find((g) => g.giftId === id);
    return { giftId: id, name: known?.name ?? id, diamondCount: known?.diamondCount ?? 0, emoji: giftEmoji(id) };
  });
  return (
    <fieldset className="flex flex-col gap-2 text-sm">
      <legend className="mb-1 font-medium">{t('studio.gifts')}</legend>
      <span className="text-xs text-muted">{t('studio.giftsHint')}</span>
      <TextField path={`${path}-search`} label={t('studio.giftSearch')} value={search} maxLength={60} onChange={setSearch} />
      <div className="flex max-h-72 flex-wrap gap-2 overflow-y-auto">
        {[...kept, ...choices].map((gift) => (
          <label key={gift.giftId} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-3 has-[:checked]:border-accent has-[:checked]:bg-accent/10">
            <input type="checkbox" checked={giftIds.includes(gift.giftId)} onChange={(e) => onChange(e.currentTarget.checked ? [...giftIds, gift.giftId] : giftIds.filter((id) => id !== gift.giftId))} />
            {t('studio.giftOption', { emoji: gift.emoji, name: gift.name, diamonds: gift.diamondCount })}
          </label>
        ))}
      </div>
      {choices.length === 0 && search.trim() !== '' && <p className="text-xs text-muted">{t('studio.giftsNoMatch', { query: search.trim() })}</p>}
    </fieldset>
  );
}
