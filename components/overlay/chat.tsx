'use client';

// CHAT: the latest chat messages, newest at the bottom. Blocked messages are never shown and blocked
// names read "Someone"; with hideAfterSeconds set, each message fades out that long after it appeared.
import { useState, type CSSProperties } from 'react';
import type { WordFilter } from '@/lib/overlays/filter';
import type { OverlaySettingsByKind } from '@/lib/overlays/settings';
import type { RealtimeChat } from '@/lib/realtime/payloads';
import { useOverlayEvent, useWordFilter } from './context';

type Settings = OverlaySettingsByKind['CHAT'];
/** A chat line and how old it already was when it was put on screen (messages from the first paint). */
type Line = RealtimeChat & { ageMs: number };

const KEPT = 50;

export function Chat({ settings, initial, serverNow }: { settings: Settings; initial: RealtimeChat[]; serverNow: number }) {
  const filter = useWordFilter(settings);
  const [lines, setLines] = useState<Line[]>(() => initial.slice(-KEPT).map((chat) => ({ ...chat, ageMs: Math.max(0, serverNow - chat.at) })));
  useOverlayEvent('chat', (chat) => setLines((current) => (current.some((l) => l.id === chat.id) ? current : [...current, { ...chat, ageMs: 0 }].slice(-KEPT))));
  const hideMs = settings.hideAfterSeconds * 1000;
  const visible = lines
    .filter((line) => filter.message(line.content) !== null && (hideMs === 0 || line.ageMs < hideMs))
    .slice(-settings.maxMessages);

  return (
    <div className="flex h-full w-full flex-col justify-end p-4">
      <ul className="flex w-[min(30rem,94vw)] flex-col gap-1.5">
        {visible.map((line) => (
          <ChatLine key={line.id} line={line} hideMs={hideMs} showBadge={settings.showModeratorBadge} filter={filter} onHidden={() => setLines((current) => current.filter((l) => l.id !== line.id))} />
        ))}
      </ul>
    </div>
  );
}

function ChatLine({ line, hideMs, showBadge, filter, onHidden }: { line: Line; hideMs: number; showBadge: boolean; filter: WordFilter; onHidden: () => void }) {
  const message = filter.message(line.content);
  if (message === null) return null;
  const fades = hideMs > 0;
  const style: CSSProperties & Record<'--ov-fade-delay', string> = { '--ov-fade-delay': `${Math.max(0, hideMs - line.ageMs)}ms` };
  return (
    <li
      data-testid="chat-line"
      style={fades ? style : undefined}
      className={`ov-panel rounded-xl px-3 py-1.5 text-lg leading-snug break-words ${fades ? 'ov-fade-later' : 'ov-enter'}`}
      onAnimationEnd={(event) => {
        if (event.animationName === 'ov-fade-out') onHidden();
      }}
    >
      {showBadge && line.moderator && <span className="ov-accent-bg mr-1.5 rounded px-1.5 py-0.5 align-middle text-xs font-black tracking-wide">MOD</span>}
      <span className="ov-accent-text font-bold">{filter.name(line.user.nickname, line.user.handle)}</span>
      <span className="text-white/70">: </span>
      <span>{message}</span>
    </li>
  );
}
