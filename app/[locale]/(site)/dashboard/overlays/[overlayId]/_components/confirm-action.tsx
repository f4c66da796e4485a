'use client';

// A button whose action needs a second, informed click: the first shows what will happen and the
// confirm button; Escape or Cancel backs out. Focus moves into the explanation and back.
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

type Props = {
  label: string;
  title: string;
  confirmLabel: string;
  pendingLabel: string;
  children: ReactNode;
  onConfirm: () => Promise<unknown>;
  error?: string | null;
  tone?: 'danger' | 'normal';
};

export function ConfirmAction({ label, title, confirmLabel, pendingLabel, children, onConfirm, error, tone = 'danger' }: Props) {
  const t = useTranslations('overlayEditor');
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (open) panel.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      trigger.current?.focus();
    }
  }, [open]);

  const close = () => {
    returnFocus.current = true;
    setOpen(false);
  };
  const confirm = () => {
    setPending(true);
    onConfirm().then(
      () => {
        setPending(false);
        close();
      },
      // The caller shows the error (the `error` prop); the panel stays open to retry or cancel.
      () => setPending(false),
    );
  };

  const danger = tone === 'danger';
  if (!open) {
    return (
      <button ref={trigger} type="button" onClick={() => setOpen(true)} className={`min-h-11 rounded-lg border px-4 font-semibold ${danger ? 'border-accent/60 text-accent hover:bg-accent/10' : 'border-line hover:bg-panel-2'}`}>
        {label}
      </button>
    );
  }
  return (
    <div
      ref={panel}
      role="group"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !pending) close();
      }}
      className={`flex w-full flex-col gap-2 rounded-lg border p-3 text-sm ${danger ? 'border-accent/60 bg-accent/10' : 'border-line bg-panel-2'}`}
    >
      <p id={titleId} className="font-semibold">
        {title}
      </p>
      <div className="text-muted">{children}</div>
      {error && (
        <p role="alert" className="font-semibold text-accent">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={confirm} disabled={pending} className={`min-h-11 rounded-lg px-4 font-semibold disabled:opacity-60 ${danger ? 'bg-accent-strong text-white hover:opacity-90' : 'bg-white text-black hover:opacity-90'}`}>
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button type="button" onClick={close} disabled={pending} className="min-h-11 rounded-lg border border-line px-4 hover:bg-panel">
          {t('confirm.cancel')}
        </button>
      </div>
    </div>
  );
}
