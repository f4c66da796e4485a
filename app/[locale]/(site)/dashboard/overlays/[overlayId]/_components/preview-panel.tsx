'use client';

// The live preview: the overlay page itself in preview mode (checkerboard, sample events) in an iframe
// at its suggested OBS size, scaled to fit. Unsaved settings are pushed into it as the form changes.
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { PREVIEW_READY } from '@/components/overlay/use-preview';
import { formatObsSize, OBS_SIZES, previewPath, settingsMessage, testEventMessage } from '@/lib/overlays/editor';
import type { OverlayKind } from '@/lib/overlays/settings';

const PUSH_DEBOUNCE_MS = 150;
type PreviewReady = typeof PREVIEW_READY;
const MAX_PREVIEW_HEIGHT = 560;

type Props = { token: string | null; kind: OverlayKind; settings: unknown; name: string };

const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;

export function PreviewPanel({ token, kind, settings, name }: Props) {
  const t = useTranslations('overlayEditor');
  const frame = useRef<HTMLIFrameElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const latest = useRef(settings);
  const [width, setWidth] = useState(0);
  const [reloads, setReloads] = useState(0);
  const [tested, setTested] = useState(0);
  const size = OBS_SIZES[kind];
  const scale = width > 0 ? Math.min(1, width / size.width, MAX_PREVIEW_HEIGHT / size.height) : 0;

  useEffect(() => {
    const node = box.current;
    if (!node) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(node);
    return () => observer.disconnect();
  }, [token]);

  const send = useCallback((message: ReturnType<typeof settingsMessage>) => {
    frame.current?.contentWindow?.postMessage(message, window.location.origin);
  }, []);

  useEffect(() => {
    latest.current = settings;
    const timer = setTimeout(() => send(settingsMessage(settings)), PUSH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [settings, send]);

  // The overlay page says when it listens (it may still be hydrating at `load`): send the unsaved
  // settings then, and on `load` too in case that message was missed.
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== frame.current?.contentWindow) return;
      const data = event.data as Partial<PreviewReady> | null;
      if (data?.source === 'livelens-overlay' && data.type === 'ready') send(settingsMessage(latest.current));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [send]);
  const onLoad = () => send(settingsMessage(latest.current));

  return (
    <section aria-labelledby="preview-title" className="flex flex-col gap-3 rounded-xl border border-line bg-panel p-4 sm:p-5">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="preview-title" className="font-semibold">
            {t('preview.title')}
          </h2>
          <p className="text-xs text-muted">
            {scale > 0 && scale < 1 ? t('preview.sizeScaled', { size: formatObsSize(size), percent: Math.round(scale * 100) }) : t('preview.size', { size: formatObsSize(size) })}
          </p>
        </div>
        {token && (
          <div className="flex gap-2">
            <button
              type="button"
              onClick={() => {
                send(testEventMessage());
                setTested((n) => n + 1);
              }}
              className="min-h-11 rounded-lg border border-line px-3 text-sm font-semibold hover:bg-panel-2"
            >
              {t('preview.sendTest')}
            </button>
            <button type="button" onClick={() => setReloads((n) => n + 1)} className="min-h-11 rounded-lg border border-line px-3 text-sm hover:bg-panel-2">
              {t.rich('preview.reload', { sr })}
            </button>
          </div>
        )}
      </header>
      {token ? (
        <div ref={box} className="w-full min-w-0 overflow-hidden rounded-lg border border-line bg-panel-2" style={{ height: scale > 0 ? Math.ceil(size.height * scale) : size.height / 3 }}>
          <iframe
            key={`${token}-${reloads}`}
            ref={frame}
            src={previewPath(token)}
            title={t('preview.frameTitle', { name })}
            onLoad={onLoad}
            width={size.width}
            height={size.height}
            // The box is scaled, not the page, so the overlay lays itself out at its real OBS size.
            style={{ width: size.width, height: size.height, transform: `scale(${scale || 0.01})`, transformOrigin: 'top left', marginLeft: scale > 0 ? Math.max(0, (width - size.width * scale) / 2) : 0 }}
            className="block border-0 bg-transparent"
            data-testid="overlay-preview"
          />
        </div>
      ) : (
        <p className="rounded-lg border border-dashed border-line p-6 text-center text-sm text-muted">{t('preview.revoked')}</p>
      )}
      <p role="status" className="sr-only">
        {tested > 0 ? t('preview.testSent', { index: tested }) : ''}
      </p>
    </section>
  );
}
