'use client';

// GIFT_ALERTS: each gift at or above the threshold as an animated alert, one at a time in arrival order
// (lib/overlays/alert-queue.ts), with an optional chime and the alert read aloud. Names go through the
// word filter, so a blocked name is shown and spoken as "Someone".
import { useTranslations } from 'next-intl';
import { useEffect, useEffectEvent, useState, type CSSProperties } from 'react';
import { ALERT_GAP_MS, advanceAlertQueue, createAlertQueue, enqueueAlert, nextAlertChange, type AlertTiming } from '@/lib/overlays/alert-queue';
import { displayText, fillTemplate, type WordFilter } from '@/lib/overlays/filter';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import type { RealtimeGift } from '@/lib/realtime/payloads';
import { giftEmoji } from '@/lib/tiktok/gift-catalog';
import { playChime, speak, stopSpeaking } from './alert-effects';
import { detectTextLanguage } from '@/lib/overlays/speech';
import { useFormatNumber, useOverlayEvent, useWordFilter } from './context';

type Settings = OverlaySettingsByKind['GIFT_ALERTS'];

const EXIT_MS = 400;

function alertText(gift: RealtimeGift, settings: Settings, filter: WordFilter, aGift: string) {
  const name = filter.name(gift.user.nickname, gift.user.handle);
  const giftName = displayText(gift.name, 40) || aGift;
  const sentence = displayText(fillTemplate(settings.template, { name, gift: giftName, count: gift.repeatCount, diamonds: gift.diamonds }), 160);
  return { name, giftName, sentence };
}

export function GiftAlerts({ settings }: { settings: Settings }) {
  const filter = useWordFilter(settings);
  const t = useTranslations('overlay');
  const formatNumber = useFormatNumber();
  const [queue, setQueue] = useState(createAlertQueue<RealtimeGift>);
  const durationMs = settings.durationSeconds * 1000;

  useOverlayEvent('gift', (gift) => {
    if (gift.diamonds < settings.minDiamonds) return;
    const now = Date.now();
    const timing: AlertTiming = { durationMs, gapMs: ALERT_GAP_MS };
    setQueue((current) => enqueueAlert(current, gift.id, gift, now, timing));
  });

  const due = nextAlertChange(queue);
  useEffect(() => {
    if (due === null) return;
    const timing: AlertTiming = { durationMs, gapMs: ALERT_GAP_MS };
    const timer = setTimeout(() => {
      // Never earlier than planned, so the queue always moves on when the timer fires.
      const now = Math.max(Date.now(), due);
      setQueue((current) => advanceAlertQueue(current, now, timing));
    }, Math.max(0, due - Date.now()));
    return () => clearTimeout(timer);
  }, [due, durationMs]);

  const current = queue.current;
  const announce = useEffectEvent((gift: RealtimeGift) => {
    if (settings.sound) playChime(settings.volume);
    if (settings.speech) {
      // The sentence holds the filtered name; a sentence that still trips the filter is not read out.
      const spoken = filter.message(alertText(gift, settings, filter, t('aGift')).sentence);
      const locale = settings.speechDetect && spoken ? detectTextLanguage(spoken, settings.language) : settings.language;
      if (spoken) speak(spoken, { locale, voice: settings.speechVoice, rate: settings.speechRate, volume: settings.speechVolume });
    }
  });
  useEffect(() => {
    if (current) announce(current.item);
  }, [current]);
  useEffect(() => () => stopSpeaking(), []);

  if (!current) return null;
  const gift = current.item;
  const { name, giftName, sentence } = alertText(gift, settings, filter, t('aGift'));
  const length = current.endsAt - current.startedAt;
  const style: CSSProperties & Record<'--ov-exit-delay', string> = { '--ov-exit-delay': `${Math.max(0, length - EXIT_MS)}ms` };
  const showsBoth = sentence.includes(name) && sentence.includes(giftName);

  return (
    <div className="flex w-full justify-center pt-[6vh]">
      <div key={current.id} data-testid="gift-alert" data-alert-id={gift.id} role="status" style={style} className="ov-alert ov-panel flex max-w-[min(90vw,40rem)] items-center gap-4 rounded-3xl border-2 border-(--ov-accent) px-6 py-4">
        <GiftPicture gift={gift} />
        <div className="min-w-0">
          <p className="text-2xl leading-tight font-extrabold break-words">{sentence || t('sent', { name, gift: giftName })}</p>
          {!showsBoth && sentence && (
            <p className="mt-0.5 text-lg font-semibold">
              <span className="ov-accent-text">{name}</span> · {giftName} ×{gift.repeatCount}
            </p>
          )}
          <p className="mt-1 text-base font-semibold text-cyan-200 tabular-nums">💎 {formatNumber(gift.diamonds)}</p>
        </div>
      </div>
    </div>
  );
}

function GiftPicture({ gift }: { gift: RealtimeGift }) {
  const [failed, setFailed] = useState(false);
  if (!gift.image || failed) {
    return (
      <span aria-hidden className="text-6xl leading-none">
        {giftEmoji(gift.giftId, gift.name)}
      </span>
    );
  }
  return (
    // Gift pictures come from TikTok's CDN (next/image would need each host configured); no referrer, so
    // the overlay's secret address never leaves the page.
    // eslint-disable-next-line @next/next/no-img-element
    <img src={gift.image} alt="" width={72} height={72} referrerPolicy="no-referrer" onError={() => setFailed(true)} className="size-18 shrink-0 object-contain" />
  );
}
