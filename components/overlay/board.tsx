'use client';

// The points board of LEADERBOARD and QA_GAME overlays: the top rows with a smooth reorder (FLIP: each
// row starts where it was drawn and glides to its new place), and the "A overtook B" banner.
import { useLocale, useTranslations } from 'next-intl';
import { useLayoutEffect, useRef } from 'react';
import { Avatar } from '@/components/ui/avatar';
import type { BoardRow } from '@/lib/games/board';
import { formatPoints } from '@/lib/games/rules';
import { displayText, type WordFilter } from '@/lib/overlays/filter';
import { Panel, prefersReducedMotion } from './context';
import type { ShownOvertake } from '@/lib/overlays/game-view';

const MOVE_MS = 600;

/** The vertical translation an element is drawn with right now (mid-animation included). */
function currentShift(element: HTMLElement): number {
  const transform = getComputedStyle(element).transform;
  return transform && transform !== 'none' ? new DOMMatrixReadOnly(transform).m42 : 0;
}

/** Animates rows from where they were drawn to their new place whenever the order changes. */
function useFlip(order: string) {
  const elements = useRef(new Map<string, HTMLElement>());
  const layout = useRef(new Map<string, number>());
  useLayoutEffect(() => {
    const reduce = prefersReducedMotion();
    const next = new Map<string, number>();
    for (const [id, element] of elements.current) {
      const top = element.offsetTop;
      next.set(id, top);
      const before = layout.current.get(id);
      if (reduce || before === undefined) continue;
      // Where the row is on screen now: its old place plus whatever part of a move is still running.
      const from = before + currentShift(element) - top;
      if (Math.abs(from) < 0.5) continue;
      element.style.transition = 'none';
      element.style.transform = `translateY(${from}px)`;
      element.getBoundingClientRect(); // apply the start position before the transition begins
      element.style.transition = `transform ${MOVE_MS}ms cubic-bezier(0.2, 0.8, 0.2, 1)`;
      element.style.transform = '';
    }
    layout.current = next;
  }, [order]);
  return (id: string) => (element: HTMLElement | null) => {
    if (element) elements.current.set(id, element);
    else elements.current.delete(id);
  };
}

export function BoardPanel({ title, rows, size, filter, overtake }: { title: string; rows: BoardRow[]; size: number; filter: WordFilter; overtake: ShownOvertake | null }) {
  const t = useTranslations('overlay');
  const locale = useLocale();
  const shown = rows.slice(0, size);
  const refFor = useFlip(shown.map((r) => r.userId).join(','));
  const heading = displayText(title, 60);
  return (
    <div className="flex w-[min(26rem,94vw)] flex-col gap-2">
      <Panel className="flex flex-col gap-2">
        {heading && <h1 className="ov-accent-text text-xl font-extrabold tracking-wide uppercase">{heading}</h1>}
        <ol data-testid="board" className="relative flex flex-col gap-1.5">
          {shown.map((row) => {
            const name = filter.name(row.nickname, row.handle);
            return (
              <li key={row.userId} ref={refFor(row.userId)} data-testid="board-row" data-user-id={row.userId} data-rank={row.rank} className="ov-enter flex items-center gap-3 rounded-xl bg-white/5 px-2 py-1.5">
                <span className={`w-7 text-center text-lg font-black tabular-nums ${row.rank === 1 ? 'ov-accent-text' : ''}`}>{row.rank}</span>
                <Avatar src={row.avatar} name={name === filter.someone ? '?' : name} size={32} />
                <span className="min-w-0 flex-1 truncate text-lg font-semibold">{name}</span>
                <span className="text-lg font-bold tabular-nums">{formatPoints(row.points, locale)}</span>
              </li>
            );
          })}
        </ol>
        {shown.length === 0 && <p className="text-base text-white/80">{t('boardEmpty')}</p>}
      </Panel>
      {overtake && <OvertakeBanner overtake={overtake} filter={filter} />}
    </div>
  );
}

function OvertakeBanner({ overtake, filter }: { overtake: ShownOvertake; filter: WordFilter }) {
  const by = filter.name(overtake.by.nickname, overtake.by.handle);
  const over = filter.name(overtake.over.nickname, overtake.over.handle);
  const t = useTranslations('overlay');
  return (
    <div key={overtake.key} data-testid="overtake" role="status" className="ov-banner ov-accent-bg self-start rounded-xl px-4 py-2 text-lg font-extrabold">
      {overtake.by.rank === 1 ? t('overtookFirst', { by, over }) : t('overtook', { by, over })}
    </div>
  );
}
