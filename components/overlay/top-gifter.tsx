'use client';

// TOP_GIFTER: the current LIVE's biggest gifter by diamonds (name, picture, total), changing hands live,
// and a line inviting the first gift while there is none.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { displayText } from '@/lib/overlays/filter';
import { addGifterGift, gifterBoardStart, topGifter, type GifterTotal } from '@/lib/overlays/gift-tally';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import { Panel, useFormatNumber, useOverlayEvent, useWordFilter } from './context';

type Props = { settings: OverlaySettingsByKind['TOP_GIFTER']; liveId: string | null; initial: GifterTotal[] };

export function TopGifter({ settings, liveId, initial }: Props) {
  const t = useTranslations('overlay');
  const formatNumber = useFormatNumber();
  const filter = useWordFilter(settings);
  const [board, setBoard] = useState(() => gifterBoardStart(liveId, initial));
  useOverlayEvent('gift', (gift) => setBoard((current) => addGifterGift(current, gift)));
  useOverlayEvent('live-status', (status) => {
    if (status.state === 'live' && status.liveId !== board.liveId) setBoard(gifterBoardStart(status.liveId));
  });
  const top = topGifter(board);
  const heading = displayText(settings.title, 60);
  const name = top ? filter.name(top.user.nickname, top.user.handle) : '';
  return (
    <div className="p-4">
      <Panel className="flex w-[min(28rem,94vw)] flex-col gap-2">
        {heading && <h1 className="ov-accent-text text-xl font-extrabold tracking-wide uppercase">{heading}</h1>}
        {top ? (
          // Keyed by the leader, so a new one enters with a small animation.
          <div key={top.user.id} data-testid="top-gifter" data-user-id={top.user.id} data-diamonds={top.diamonds} className="ov-enter flex items-center gap-3">
            <span aria-hidden className="text-3xl">
              👑
            </span>
            {settings.showAvatar && <Avatar src={top.user.avatar} name={name === filter.someone ? '?' : name} size={48} />}
            <span className="min-w-0 flex-1 truncate text-2xl font-extrabold">{name}</span>
            <span className="text-xl font-bold tabular-nums">{t('topGifterDiamonds', { diamonds: formatNumber(top.diamonds) })}</span>
          </div>
        ) : (
          <p data-testid="top-gifter-empty" className="text-base text-white/80">
            {t('topGifterEmpty')}
          </p>
        )}
      </Panel>
    </div>
  );
}
