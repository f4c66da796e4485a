'use client';

// The overlay editor: the settings form for the overlay's kind beside a live preview (stacked on
// phones), Save with the problems listed next to the form, the URL for OBS, and regenerate / revoke /
// delete. Unsaved changes reach the preview at once and OBS only when saved.
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { Notice } from '@/components/ui/card';
import { draftErrors, fieldId, fieldLabel, readDraft, requestErrorMessage, sameValue, splitFieldError, type FieldErrors, type SettingsDraft } from '@/lib/overlays/editor';
import type { OverlaySummary } from '@/lib/overlays/manage';
import { fetchJson } from '@/lib/query-client';
import type { PublicRealtimeConfig } from '@/lib/realtime/channels';
import { useKindLabels } from '../_components/kind-labels';
import { StatusBadge } from '../_components/overlay-list';
import { TextField } from './_components/controls';
import { useEditorWords } from './_components/editor-words';
import { MoreActions } from './_components/more-actions';
import { PreviewPanel } from './_components/preview-panel';
import { SettingsFields, type SourceChoices } from './_components/settings-form';
import { TimerControls } from './_components/timer-controls';
import { UrlPanel } from './_components/url-panel';
import { WheelControls } from './_components/wheel-controls';
import { useLeaveGuard } from './_components/use-leave-guard';
import { ExportPanel } from './_components/export-panel';
import { ThemePanel } from './_components/theme-panel';
import { channelName } from '@/lib/platforms/naming';

const NAME_MAX = 80;

/** The workspace's realtime channel (the wheel's recent results arrive on it) and how to reach the server. */
type Live = { realtime: PublicRealtimeConfig; channel: string };
type Props = { initial: OverlaySummary; created: boolean; fallbackOrigin: string; live: Live; sources: SourceChoices };
type SaveBody = { name: string; settings: SettingsDraft['settings'] };

const strong = (chunks: ReactNode) => <span className="font-semibold">{chunks}</span>;

export function OverlayEditor({ initial, created, fallbackOrigin, live, sources }: Props) {
  const t = useTranslations('overlayEditor');
  const labels = useKindLabels();
  const words = useEditorWords();
  const [overlay, setOverlay] = useState(initial);
  const saved = useMemo(() => readDraft(overlay.kind, overlay.settings), [overlay.kind, overlay.settings]);
  const [draft, setDraft] = useState<SettingsDraft>(saved);
  const [name, setName] = useState(overlay.name);
  const [apiError, setApiError] = useState<{ field: string | null; message: string } | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [savedOnce, setSavedOnce] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const dirty = !sameValue(draft.settings, saved.settings) || name.trim() !== overlay.name;
  const errors: FieldErrors = useMemo(() => {
    const found = draftErrors(draft, words);
    if (!name.trim()) found.name = t('editor.nameRequired');
    if (apiError?.field) found[apiError.field] ??= apiError.message;
    return found;
  }, [draft, name, apiError, t, words]);
  const problems = Object.entries(errors);

  const save = useMutation({
    mutationFn: (body: SaveBody) => fetchJson<{ overlay: OverlaySummary }>(`/api/overlays/${overlay.id}`, { method: 'PATCH', body: JSON.stringify(body) }),
    onSuccess: ({ overlay: updated }, sent) => {
      setOverlay(updated);
      // Take the server's cleaned-up values, unless the form changed while the request was out.
      setDraft((current) => (sameValue(current.settings, sent.settings) ? readDraft(updated.kind, updated.settings) : current));
      setName((current) => (current.trim() === sent.name ? updated.name : current));
      setApiError(null);
      setAttempted(false);
      setSavedOnce(true);
    },
    onError: (error) => {
      setApiError(error.message && 'status' in error && error.status === 400 ? splitFieldError(error.message, words) : { field: null, message: requestErrorMessage(error, words) });
      setAttempted(true);
    },
  });

  // Leaving with unsaved changes asks first: reloads and closing the tab, and links inside the app.
  useLeaveGuard(dirty, t('editor.leaveUnsaved'));

  // "?created=1" shows the welcome once; a reload should not show it again.
  useEffect(() => {
    if (created) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, [created]);

  const focusFirstProblem = () => requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (problems.length > 0) {
      focusFirstProblem();
      return;
    }
    setApiError(null);
    save.mutate({ name: name.trim(), settings: draft.settings });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  };

  const discard = () => {
    setDraft(saved);
    setName(overlay.name);
    setApiError(null);
    setAttempted(false);
  };

  // A theme was applied (and saved): its settings are the new starting point, unsaved edits included.
  const themed = (updated: OverlaySummary) => {
    setOverlay(updated);
    setDraft(readDraft(updated.kind, updated.settings));
    setApiError(null);
    setAttempted(false);
  };

  const change = (next: SettingsDraft) => {
    setDraft(next);
    setSavedOnce(false);
    if (apiError) setApiError(null);
  };

  const label = labels[overlay.kind];
  const status = save.isPending ? t('editor.saving') : dirty ? t('editor.statusUnsaved') : savedOnce ? t('editor.statusSaved') : t('editor.statusClean');

  return (
    <div className="flex flex-col gap-4">
      <Breadcrumb href="/dashboard/overlays" parent={t('list.title')} current={overlay.name} />
      <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="flex min-w-0 flex-col gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="min-w-0 break-words text-2xl font-bold">{overlay.name}</h1>
            <StatusBadge revoked={overlay.revoked} />
          </div>
          <p className="text-sm text-muted">{t('editor.subtitle', { kind: label.name, channel: channelName(overlay), description: label.description })}</p>
        </div>
        {overlay.kind === 'QA_GAME' && (
          <Link href={`/dashboard/games?overlay=${overlay.id}`} className="inline-flex min-h-11 shrink-0 items-center justify-center rounded-lg bg-accent-strong px-4 font-semibold hover:opacity-90">
            {t('editor.hostPanel')}
          </Link>
        )}
      </header>

      {created && <Notice>{t('editor.created')}</Notice>}

      <UrlPanel overlay={overlay} fallbackOrigin={fallbackOrigin} onChange={setOverlay} />

      {overlay.kind === 'TIMER' && <TimerControls overlayId={overlay.id} />}
      {overlay.kind === 'WHEEL' && <WheelControls overlayId={overlay.id} unsaved={dirty} realtime={live.realtime} channel={live.channel} />}

      <div className="grid items-start gap-4 lg:grid-cols-2">
        <div className="min-w-0 lg:sticky lg:top-4 lg:col-start-2 lg:row-start-1">
          <PreviewPanel token={overlay.token} kind={overlay.kind} settings={draft.settings} name={overlay.name} />
        </div>
        <form ref={form} onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-labelledby="settings-title" className="flex min-w-0 flex-col gap-4 rounded-xl border border-line bg-panel p-4 sm:p-5 lg:col-start-1 lg:row-start-1 [&_:is(input,textarea,select,button,table)]:scroll-mb-40">
          <h2 id="settings-title" className="font-semibold">
            {t('editor.settings')}
          </h2>
          <TextField path="name" label={t('editor.nameLabel')} value={name} maxLength={NAME_MAX} onChange={(value) => { setName(value); setSavedOnce(false); }} error={errors.name} />
          <SettingsFields draft={draft} onChange={change} errors={errors} sources={sources} />

          <div className="sticky bottom-0 -mx-4 -mb-4 flex flex-col gap-2 rounded-b-xl border-t border-line bg-panel/95 px-4 py-3 backdrop-blur sm:-mx-5 sm:-mb-5 sm:px-5">
            {/* Fields scroll clear of this bar when focused (scroll-mb on the form's controls). */}
            {attempted && (problems.length > 0 || (apiError && !apiError.field)) && (
              <div role="alert" className="rounded-lg border border-accent/50 bg-accent/10 px-3 py-2 text-sm">
                {problems.length > 0 ? (
                  <>
                    <p className="font-semibold">{t('editor.problems', { count: problems.length })}</p>
                    <ul className="mt-1 flex flex-col gap-0.5">
                      {problems.map(([field, message]) => (
                        <li key={field}>
                          {t.rich('editor.problem', {
                            field: fieldLabel(field, words),
                            message,
                            link: (chunks) => (
                              <a
                                href={`#${fieldId(field)}`}
                                onClick={(e) => {
                                  e.preventDefault();
                                  document.getElementById(fieldId(field))?.focus();
                                }}
                                className="underline hover:text-white"
                              >
                                {chunks}
                              </a>
                            ),
                          })}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p>{t.rich('editor.notSaved', { message: apiError?.message ?? '', strong })}</p>
                )}
              </div>
            )}
            <div className="flex flex-wrap items-center gap-2">
              <button type="submit" disabled={save.isPending || !dirty} className="min-h-11 rounded-lg bg-accent-strong px-5 font-semibold hover:opacity-90 disabled:opacity-50">
                {save.isPending ? t('editor.saving') : t('editor.save')}
              </button>
              {dirty && !save.isPending && (
                <button type="button" onClick={discard} className="min-h-11 rounded-lg border border-line px-4 hover:bg-panel-2">
                  {t('editor.discard')}
                </button>
              )}
              <p role="status" className="min-w-0 flex-1 text-xs text-muted">
                {status}
              </p>
            </div>
          </div>
        </form>
      </div>

      <ThemePanel overlay={overlay} unsaved={dirty} onApplied={themed} />
      <ExportPanel overlayId={overlay.id} unsaved={dirty} />

      <MoreActions overlay={overlay} unsaved={dirty} />
    </div>
  );
}
