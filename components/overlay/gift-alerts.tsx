'use client';

// GIFT_ALERTS: gifts, and follows, shares, like milestones and joins that a variation asks for, as
// animated alerts one at a time in arrival order (lib/overlays/alert-queue.ts). Each event is played by
// the first variation it matches, or by the overlay's own settings (lib/overlays/variations.ts): its
// sound (the chime or a file), picture or video, text, animations and speech. Names go through the word
// filter, so a blocked name is shown and spoken as "Someone". A media file that fails to load (deleted
// since) is left out: the alert plays without it. The alert element appears as soon as its event arrives,
// never waiting for its media: the files are made ready when the page loads, pictures decode off the main
// thread and show when ready, and sound and video elements are released when their alert leaves
// (./alert-media.ts).
import { useTranslations } from 'next-intl';
import { useEffect, useEffectEvent, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { ALERT_GAP_MS, advanceAlertQueue, createAlertQueue, enqueueAlert, finishAlert, nextAlertChange, type AlertQueue, type AlertTiming } from '@/lib/overlays/alert-queue';
import { displayText, type WordFilter } from '@/lib/overlays/filter';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import { detectTextLanguage } from '@/lib/overlays/speech';
import { fillAlertTemplate, giftSubject, likeMilestones, likeSubject, overlayMediaPath, planAlert, planVariation, sampleSubject, socialSubject, type AlertPlan, type AlertSubject, type ValueRates, isPaidAlert } from '@/lib/overlays/variations';
import { GIFT_CATALOG, giftEmoji } from '@/lib/tiktok/gift-catalog';
import { playChime, speak, stopSpeaking } from './alert-effects';
import { useAlertMediaElement, usePreloadedAlertMedia } from './alert-media';
import { useFormatNumber, useOverlayEvent, useWordFilter } from './context';
import { valueIcon } from '@/lib/platforms/value-format';
import './alert-animations.css';

type Settings = OverlaySettingsByKind['GIFT_ALERTS'];

const EXIT_MS = 400;
const ICONS: Record<Exclude<AlertSubject['kind'], 'gift'>, string> = { follow: '➕', share: '🔁', like: '❤️', join: '👋', superChat: '💬', membership: '⭐' };

/** `unnamed`: what {gift} reads when the event names none ("a gift"; "a subscriber" for a TikTok subscription). */
function alertText(plan: AlertPlan, filter: WordFilter, unnamed: { gift: string; membership: string }) {
  const { subject } = plan;
  const name = subject.user ? filter.name(subject.user.nickname, subject.user.handle) : '';
  const giftName = isPaidAlert(subject.kind) ? displayText(subject.giftName, 40) || (subject.kind === 'membership' ? unnamed.membership : unnamed.gift) : '';
  const sentence = displayText(fillAlertTemplate(plan.template, { name, gift: giftName, count: subject.count, value: subject.value, message: (subject.message && filter.message(subject.message)) || '' }), 160);
  return { name, giftName, sentence };
}

/** `valueRates`: another platform's value in this overlay's unit (an overlay drawing from a creator's cluster). */
export function GiftAlerts({ settings, token, valueRates = {} }: { settings: Settings; token: string; valueRates?: ValueRates }) {
  const filter = useWordFilter(settings);
  const t = useTranslations('overlay');
  const formatNumber = useFormatNumber();
  const [queue, setQueue] = useState(createAlertQueue<AlertPlan>);
  const timing: AlertTiming = { durationMs: settings.durationSeconds * 1000, gapMs: ALERT_GAP_MS };
  // Per live: an overlay drawing from several channels gets each one's counters.
  const likes = useRef(new Map<string, number>());
  const tests = useRef(0);
  usePreloadedAlertMedia(token, settings.variations);

  const add = (plan: AlertPlan | null) => {
    if (!plan) return;
    const now = Date.now();
    setQueue((current) => enqueueAlert(current, plan.subject.id, plan, now, timing, plan.durationMs));
  };
  useOverlayEvent('gift', (gift) => add(planAlert(settings.variations, settings, giftSubject(gift, valueRates))));
  useOverlayEvent('social', (social) => add(planAlert(settings.variations, settings, socialSubject(social))));
  useOverlayEvent('counters', (counters) => {
    const previous = likes.current.get(counters.liveId) ?? null;
    likes.current.set(counters.liveId, Math.max(previous ?? 0, counters.likes));
    for (const milestone of likeMilestones(settings.variations, previous, counters.likes)) add(planAlert(settings.variations, settings, likeSubject(counters.liveId, milestone)));
  });
  useOverlayEvent('alert-test', ({ variationId }) => {
    const variation = settings.variations.find((v) => v.id === variationId);
    if (!variation) return;
    tests.current += 1;
    const sample = GIFT_CATALOG.find((g) => g.giftId === variation.giftIds[0]) ?? GIFT_CATALOG[0];
    add(planVariation(variation, sampleSubject(variation, tests.current, { nickname: 'Mia', handle: 'mia.sparkles', giftId: sample?.giftId ?? '', giftName: sample?.name ?? '', message: t('sampleSuperChat'), membership: t('sampleMembership') })));
  });

  const due = nextAlertChange(queue);
  const timingKey = `${timing.durationMs}`;
  useEffect(() => {
    if (due === null) return;
    const timer = setTimeout(() => {
      // Never earlier than planned, so the queue always moves on when the timer fires.
      const now = Math.max(Date.now(), due);
      setQueue((current) => advanceAlertQueue(current, now, { durationMs: Number(timingKey), gapMs: ALERT_GAP_MS }));
    }, Math.max(0, due - Date.now()));
    return () => clearTimeout(timer);
  }, [due, timingKey]);

  const current = queue.current;
  const announce = useEffectEvent((plan: AlertPlan) => {
    if (plan.sound.kind === 'chime') playChime(plan.volume);
    if (plan.speech) {
      // The sentence holds the filtered name; a sentence that still trips the filter is not read out.
      const spoken = filter.message(alertText(plan, filter, { gift: t('aGift'), membership: t('aMembership') }).sentence);
      const locale = settings.speechDetect && spoken ? detectTextLanguage(spoken, settings.language) : settings.language;
      if (spoken) speak(spoken, { locale, voice: plan.speechVoice || settings.speechVoice, rate: settings.speechRate, volume: settings.speechVolume });
    }
  });
  useEffect(() => {
    if (current) announce(current.item);
  }, [current]);
  useEffect(() => () => stopSpeaking(), []);

  if (!current) return null;
  const plan = current.item;
  const { subject } = plan;
  const { name, giftName, sentence } = alertText(plan, filter, { gift: t('aGift'), membership: t('aMembership') });
  const length = current.endsAt - current.startedAt;
  const style: CSSProperties & Record<'--ov-exit-delay', string> = { '--ov-exit-delay': `${Math.max(0, length - EXIT_MS)}ms` };
  const paid = isPaidAlert(subject.kind);
  const showsBoth = !paid || (sentence.includes(name) && sentence.includes(giftName));
  const fallbackText = paid ? t('sent', { name, gift: giftName }) : name;
  const onVideoEnd = () => setQueue((q: AlertQueue<AlertPlan>) => finishAlert(q, current.id, Date.now()));

  return (
    <div className="ov-alert-box flex w-full justify-center pt-[6vh]">
      <div
        key={current.id}
        data-testid="gift-alert"
        data-alert-id={subject.id}
        data-variation-id={plan.variationId ?? ''}
        role="status"
        style={style}
        className={`ov-alert ov-varied ov-in-${plan.animationIn} ov-out-${plan.animationOut} ov-panel flex max-w-[min(90vw,40rem)] items-center gap-4 rounded-3xl border-2 border-(--ov-accent) px-6 py-4`}
      >
        {plan.visual ? <AlertVisual key={current.id} token={token} visual={plan.visual} volume={plan.volume} onEnded={onVideoEnd} fallback={<SubjectIcon subject={subject} />} /> : <SubjectIcon subject={subject} />}
        {plan.sound.kind === 'media' && <AlertSound key={`${current.id}-sound`} src={overlayMediaPath(token, plan.sound.mediaId)} volume={plan.volume} />}
        <div className="min-w-0">
          {subject.platform && (
            <span data-testid="alert-platform" className="mb-1 inline-block rounded-md bg-white/15 px-2 py-0.5 text-xs font-bold tracking-wide uppercase">
              {t('platform.bilibili')}
            </span>
          )}
          <p className="text-2xl leading-tight font-extrabold break-words">{sentence || fallbackText}</p>
          {!showsBoth && sentence && (
            <p className="mt-0.5 text-lg font-semibold">
              <span className="ov-accent-text">{name}</span> · {giftName} ×{subject.count}
            </p>
          )}
          {paid && (
            <p className="mt-1 text-base font-semibold text-cyan-200 tabular-nums">
              {/* Bilibili values are gold coins, not diamonds. */}
              {valueIcon(subject.platform ?? 'tiktok')} {formatNumber(subject.value)}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}

function SubjectIcon({ subject }: { subject: AlertSubject }) {
  if (subject.kind === 'gift') return <GiftPicture subject={subject} />;
  return (
    <span aria-hidden className="text-6xl leading-none">
      {ICONS[subject.kind]}
    </span>
  );
}

/** The variation's sound file: plays once from the start of the alert (OBS lets browser sources autoplay). */
function AlertSound({ src, volume }: { src: string; volume: number }) {
  const ref = useAlertMediaElement<HTMLAudioElement>(volume);
  return (
    <audio
      data-testid="alert-sound"
      src={src}
      autoPlay
      preload="auto"
      ref={ref}
      // A missing file (deleted since) simply stays silent.
      onError={(e) => e.currentTarget.removeAttribute('src')}
    />
  );
}

/** The variation's picture, GIF or video; if it cannot load, the alert shows its usual icon instead. */
function AlertVisual({ token, visual, volume, onEnded, fallback }: { token: string; visual: NonNullable<AlertPlan['visual']>; volume: number; onEnded: () => void; fallback: ReactNode }) {
  const [failed, setFailed] = useState(false);
  if (failed) return <>{fallback}</>;
  const src = overlayMediaPath(token, visual.mediaId);
  if (visual.kind === 'VIDEO') return <AlertVideo src={src} volume={volume} onEnded={onEnded} onError={() => setFailed(true)} />;
  return (
    // Our own media route (next/image would re-encode GIFs and drop their animation). Decoded off the main
    // thread (preloaded already, usually), so the alert's text and animation never wait for the picture.
    // eslint-disable-next-line @next/next/no-img-element
    <img data-testid="alert-visual" src={src} alt="" decoding="async" onError={() => setFailed(true)} className="max-h-48 max-w-64 shrink-0 object-contain" />
  );
}

function AlertVideo({ src, volume, onEnded, onError }: { src: string; volume: number; onEnded: () => void; onError: () => void }) {
  const ref = useAlertMediaElement<HTMLVideoElement>(volume);
  return <video data-testid="alert-visual" src={src} autoPlay playsInline preload="auto" ref={ref} onEnded={onEnded} onError={onError} className="max-h-48 max-w-64 shrink-0 rounded-xl object-contain" />;
}

function GiftPicture({ subject }: { subject: AlertSubject }) {
  const [failed, setFailed] = useState(false);
  if (!subject.image || failed) {
    return (
      <span aria-hidden className="text-6xl leading-none">
        {giftEmoji(subject.giftId, subject.giftName)}
      </span>
    );
  }
  return (
    // Gift pictures come from TikTok's CDN (next/image would need each host configured); no referrer, so
    // the overlay's secret address never leaves the page.
    // eslint-disable-next-line @next/next/no-img-element
    <img src={subject.image} alt="" width={72} height={72} referrerPolicy="no-referrer" onError={() => setFailed(true)} className="size-18 shrink-0 object-contain" />
  );
}
