'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Avatar } from '@/components/ui/avatar';
import type { HostView, WinnerCandidate } from '@/lib/games/host';
import type { GamePhase } from '@/lib/games/session';
import { fetchJson } from '@/lib/query-client';
import { useExplainError } from '../../_components/error-words';
import { formatPoints } from '@/lib/games/rules';
import { viewerHandleOf } from '@/lib/platforms/naming';

type Choice = number | 'custom' | 'none' | null;

/**
 * Select winner: the current top viewer and every distinct comment they sent in the session (repeats
 * folded, with how often). The host picks one (and may edit it), writes a question, or shows the winner
 * without one. A modal <dialog>: focus stays inside, Escape closes it.
 */
export function WinnerDialog({ sessionId, phase, onClose, onSelected }: { sessionId: string; phase: GamePhase; onClose: () => void; onSelected: (view: HostView) => void }) {
  const t = useTranslations('games');
  const explainError = useExplainError();
  const locale = useLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  const [choice, setChoice] = useState<Choice>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    // Mounted open; unmounting removes it (closing it here would fire onClose again).
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const candidate = useQuery({
    queryKey: ['game-candidate', sessionId],
    queryFn: () => fetchJson<{ candidate: WinnerCandidate }>(`/api/games/sessions/${sessionId}/candidate`),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const select = useMutation({
    mutationFn: (input: { userId: string; question: string | null }) => fetchJson<HostView>(`/api/games/sessions/${sessionId}/winner`, { method: 'POST', body: JSON.stringify(input) }),
    onSuccess: onSelected,
  });

  const found = candidate.data?.candidate ?? null;
  const comments = found?.comments ?? [];
  const question = choice === 'none' ? null : text.trim() || null;
  const ready = found !== null && choice !== null && (choice === 'none' || question !== null);
  const pick = (next: Choice) => {
    setChoice(next);
    if (typeof next === 'number') setText(comments[next]?.text ?? '');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (found && ready) select.mutate({ userId: found.winner.userId, question });
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[min(44rem,calc(100vw-2rem))] rounded-xl border border-line bg-panel p-0 text-[#ececf3] backdrop:bg-black/75"
    >
      <form onSubmit={submit} className="flex max-h-[calc(100dvh-2rem)] flex-col">
        <header className="flex items-center justify-between gap-3 border-b border-line p-4">
          <h2 id={titleId} className="text-xl font-bold">
            {t('dialog.title')}
          </h2>
          <button type="button" onClick={onClose} className="min-h-11 rounded-lg border border-line px-4 font-semibold hover:bg-panel-2">
            {t('dialog.cancel')}
          </button>
        </header>

        <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto p-4">
          {candidate.isPending && (
            <p role="status" className="text-muted">
              {phase === 'frozen' ? t('dialog.waitingFrozen') : t('dialog.finding')}
            </p>
          )}
          {candidate.error && (
            <div role="alert" className="flex flex-col gap-2 rounded-lg border border-accent/50 bg-accent/10 p-3">
              <p>{t('dialog.loadFailed', { error: explainError(candidate.error) ?? '' })}</p>
              <button type="button" onClick={() => void candidate.refetch()} className="min-h-11 self-start rounded-lg border border-line px-4 font-semibold hover:bg-panel-2">
                {t('dialog.tryAgain')}
              </button>
            </div>
          )}
          {candidate.isSuccess && !found && <p className="text-muted">{t('dialog.nobody')}</p>}

          {found && (
            <>
              <div className="flex items-center gap-3 rounded-lg bg-panel-2 p-3" data-testid="candidate" data-user-id={found.winner.userId}>
                <Avatar src={found.winner.avatar} name={found.winner.nickname || found.winner.handle} size={56} />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-lg font-bold">{found.winner.nickname || found.winner.handle}</p>
                  {viewerHandleOf(found.winner.userId, found.winner.handle) && <p className="truncate text-muted">{viewerHandleOf(found.winner.userId, found.winner.handle)}</p>}
                </div>
                <p className="text-right">
                  <span className="block text-2xl font-bold tabular-nums">{formatPoints(found.winner.points, locale)}</span>
                  <span className="text-xs text-muted">{t('dialog.pointsTop')}</span>
                </p>
              </div>
              {phase === 'active' && <p className="rounded-lg border border-amber-400/40 bg-amber-400/10 px-3 py-2 text-sm">{t('dialog.stillCounting')}</p>}
              {!found.boardComplete && <p className="rounded-lg border border-amber-400/40 bg-amber-400/10 px-3 py-2 text-sm">{t('dialog.incomplete')}</p>}

              <fieldset className="flex flex-col gap-2">
                <legend className="mb-2 font-semibold">
                  {comments.length > 0 ? t('dialog.comments', { count: comments.length }) : t('dialog.noComments')}
                </legend>
                {comments.length === 0 && <p className="text-sm text-muted">{t('dialog.noCommentsHint')}</p>}
                {comments.length > 0 && (
                  <div className="flex max-h-[40dvh] flex-col gap-2 overflow-y-auto pr-1">
                    {comments.map((comment, i) => (
                      <label key={`${comment.firstAt}-${i}`} className={`flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border px-3 py-3 ${choice === i ? 'border-accent-2 bg-accent-2/10' : 'border-line'}`}>
                        <input type="radio" name="question-choice" checked={choice === i} onChange={() => pick(i)} className="mt-1 size-5 shrink-0 accent-accent-2" data-testid="candidate-comment" />
                        <span className="min-w-0 flex-1 break-words">{comment.text}</span>
                        {comment.count > 1 && (
                          <span className="shrink-0 rounded-full bg-panel-2 px-2 py-0.5 text-sm tabular-nums text-muted" aria-label={t('dialog.sentTimes', { count: comment.count })}>
                            ×{comment.count}
                          </span>
                        )}
                      </label>
                    ))}
                  </div>
                )}
                <label className={`flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 ${choice === 'custom' ? 'border-accent-2 bg-accent-2/10' : 'border-line'}`}>
                  <input type="radio" name="question-choice" checked={choice === 'custom'} onChange={() => pick('custom')} className="size-5 shrink-0 accent-accent-2" />
                  <span>{t('dialog.write')}</span>
                </label>
                <label className={`flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 ${choice === 'none' ? 'border-accent-2 bg-accent-2/10' : 'border-line'}`}>
                  <input type="radio" name="question-choice" checked={choice === 'none'} onChange={() => pick('none')} className="size-5 shrink-0 accent-accent-2" />
                  <span>{t('dialog.none')}</span>
                </label>
              </fieldset>

              {choice !== null && choice !== 'none' && (
                <div className="flex flex-col gap-1">
                  <label htmlFor={textId} className="font-semibold">
                    {t('dialog.questionLabel')}
                  </label>
                  <textarea id={textId} value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={300} className="rounded-lg border border-line bg-panel-2 px-3 py-2 text-base" placeholder={t('dialog.placeholder')} />
                  <p className="text-xs text-muted">{t('dialog.editHint')}</p>
                </div>
              )}
            </>
          )}
          {select.error && (
            <p role="alert" className="rounded-lg border border-accent/50 bg-accent/10 px-3 py-2">
              {explainError(select.error)}
            </p>
          )}
        </div>

        <footer className="flex flex-col gap-2 border-t border-line p-4 sm:flex-row sm:items-center sm:justify-end">
          {found && !ready && <p className="text-sm text-muted sm:mr-auto">{t('dialog.pickHint')}</p>}
          <button type="submit" disabled={!ready || select.isPending} className="min-h-14 shrink-0 whitespace-nowrap rounded-lg bg-accent-strong px-6 text-lg font-bold hover:opacity-90 disabled:opacity-50">
            {select.isPending ? t('dialog.showing') : t('dialog.submit')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
