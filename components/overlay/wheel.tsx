'use client';

// WHEEL: the wheel of fortune. Spins arrive chosen by the server (a gift the worker matched, or the host's
// "Spin now"); each turns the wheel to land on its segment, shows the result, and only then does the next
// one in the queue start, so spins never overlap. Before any spin the wheel invites the gifts that spin it.
import { useTranslations } from 'next-intl';
import { useEffect, useState, type CSSProperties } from 'react';
import { displayText } from '@/lib/overlays/filter';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import { finishPhase, IDLE_WHEEL, receiveSpin, type WheelPlay, type WheelSegment } from '@/lib/overlays/wheel';
import { GIFT_CATALOG } from '@/lib/tiktok/gift-catalog';
import { Panel, prefersReducedMotion, useFormatNumber, useOverlayEvent, useWordFilter } from './context';

type Settings = OverlaySettingsByKind['WHEEL'];

export function Wheel({ settings, overlayId, preview }: { settings: Settings; overlayId: string; preview: boolean }) {
  const t = useTranslations('overlay');
  const formatNumber = useFormatNumber();
  const filter = useWordFilter(settings);
  const [wheel, setWheel] = useState<WheelPlay>(IDLE_WHEEL);
  const segments = settings.segments;

  useOverlayEvent('wheel-spin', (spin) => {
    if (spin.overlayId !== overlayId) return;
    setWheel((current) => receiveSpin(current, spin, segments, Math.random()));
  });

  const playing = wheel.playing;
  const reduced = typeof window !== 'undefined' && prefersReducedMotion();
  const spinMs = reduced ? 300 : settings.spinSeconds * 1000;
  const phaseMs = playing?.phase === 'spinning' ? spinMs : settings.resultSeconds * 1000;
  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => setWheel((current) => finishPhase(current, segments, Math.random())), phaseMs);
    return () => clearTimeout(timer);
  }, [playing, phaseMs, segments]);
  const rotation = wheel.rotation;

  const heading = displayText(settings.title, 60);
  const result = playing?.phase === 'result' ? playing.spin : null;
  const inviteLine = invite(settings, t, formatNumber);
  const who = result ? (result.test ? t('wheelTest') : filter.name(result.viewerName, result.viewerName)) : '';
  return (
    <div className="flex flex-col items-center gap-3 p-4">
      {heading && (
        <Panel>
          <h1 className="ov-accent-text text-xl font-extrabold tracking-wide uppercase">{heading}</h1>
        </Panel>
      )}
      {segments.length === 0 ? (
        preview && (
          <Panel>
            <p data-testid="wheel-empty" className="text-base text-white/85">
              {t('wheelEmpty')}
            </p>
          </Panel>
        )
      ) : (
        <div className="relative w-[min(32rem,90vw)]">
          <svg viewBox="-105 -112 210 217" role="img" aria-label={t('wheelLabel', { count: segments.length })} className="w-full drop-shadow-lg">
            <g
              data-testid="wheel"
              data-rotation={rotation}
              data-landing={playing?.index ?? -1}
              style={{ transform: `rotate(${rotation}deg)`, transition: playing?.phase === 'spinning' ? `transform ${spinMs}ms cubic-bezier(0.12, 0.7, 0.15, 1)` : 'none' } satisfies CSSProperties}
            >
              {segments.map((segment, i) => (
                <Slice key={segment.id} segment={segment} index={i} count={segments.length} highlighted={result !== null && playing?.index === i} />
              ))}
              <circle r="100" fill="none" stroke="white" strokeWidth="3" />
            </g>
            <circle r="9" fill="white" stroke="var(--ov-accent)" strokeWidth="3" />
            {/* The pointer, at the top. */}
            <path d="M -8 -110 L 8 -110 L 0 -92 Z" fill="var(--ov-accent)" stroke="white" strokeWidth="2" />
          </svg>
        </div>
      )}
      <div aria-live="polite" className="min-h-[3.5rem]">
        {result ? (
          <Panel className="ov-enter text-center">
            <p data-testid="wheel-result" data-segment={result.segmentLabel} className="text-2xl font-extrabold">
              {t('wheelResult', { label: displayText(result.segmentLabel, 40) })}
            </p>
            <p className="text-base text-white/85">{result.giftName ? t('wheelWonBy', { name: who, gift: displayText(result.giftName, 40) }) : who}</p>
          </Panel>
        ) : (
          segments.length > 0 &&
          !playing &&
          inviteLine && (
            <Panel>
              <p data-testid="wheel-invite" className="text-base text-white/85">
                {inviteLine}
              </p>
            </Panel>
          )
        )}
      </div>
    </div>
  );
}

type T = ReturnType<typeof useTranslations<'overlay'>>;

/** What spins the wheel, in a line: the chosen gifts' names, or the lowest value that counts. */
function invite(settings: Settings, t: T, formatNumber: (n: number) => string): string {
  const rules = settings.rules.filter((r) => r.enabled);
  const values = rules.filter((r) => r.trigger === 'value').map((r) => r.minDiamonds);
  const names = [...new Set(rules.filter((r) => r.trigger === 'gifts').flatMap((r) => r.giftIds.map((id) => GIFT_CATALOG.find((g) => g.giftId === id)?.name ?? '')))].filter(Boolean);
  if (names.length > 0 && names.length <= 3) return t('wheelInviteGifts', { gifts: names.join(' · ') });
  if (values.length > 0 && names.length === 0) return t('wheelInviteValue', { diamonds: formatNumber(Math.min(...values)) });
  return rules.length > 0 ? t('wheelInvite') : '';
}

/** A point on the wheel's rim at `degrees` clockwise from the top. */
function rim(degrees: number, radius = 100): string {
  const radians = (degrees * Math.PI) / 180;
  return `${(radius * Math.sin(radians)).toFixed(3)} ${(-radius * Math.cos(radians)).toFixed(3)}`;
}

function Slice({ segment, index, count, highlighted }: { segment: WheelSegment; index: number; count: number; highlighted: boolean }) {
  const slice = 360 / count;
  const from = index * slice;
  const mid = from + slice / 2;
  const shape = count === 1 ? <circle r="100" fill={segment.colour} /> : <path d={`M 0 0 L ${rim(from)} A 100 100 0 ${slice > 180 ? 1 : 0} 1 ${rim(from + slice)} Z`} fill={segment.colour} stroke="white" strokeWidth="1.5" />;
  const label = displayText(segment.label, 18);
  return (
    <g data-segment-index={index} opacity={highlighted ? 1 : undefined} className={highlighted ? 'ov-celebrate' : undefined}>
      {shape}
      <text transform={`rotate(${mid - 90}) translate(58 0)`} textAnchor="middle" dominantBaseline="middle" fill="white" stroke="rgb(0 0 0 / 0.55)" strokeWidth="2.5" paintOrder="stroke" fontWeight="800" fontSize={count > 12 ? 7 : count > 6 ? 9 : 11}>
        {label}
      </text>
    </g>
  );
}
