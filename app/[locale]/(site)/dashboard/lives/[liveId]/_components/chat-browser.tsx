'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useDisplay } from '@/components/site/display';
import { Avatar } from '@/components/ui/avatar';
import { accentInsensitivePattern } from '@/lib/dashboard/accent-pattern';
import type { ChatMessage } from '@/lib/dashboard/live-chats';
import { formatLiveTime } from '@/lib/dashboard/live-format';
import type { Paged } from '@/lib/dashboard/paging';
import type { Platform } from '@/lib/platforms/events';
import { viewerHandleText } from '@/lib/platforms/naming';
import { fetchJson } from '@/lib/query-client';

// Matches lib/dashboard/live-chats MAX_CHAT_QUERY_LENGTH (the API answers 400 beyond it).
const MAX_QUERY_LENGTH = 100;
const DEBOUNCE_MS = 300;

function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** The message split around the search term; React renders every part as text, never as HTML. */
function Highlighted({ text, term }: { text: string; term: string }) {
  if (!term) return <>{text}</>;
  // The server's search ignores accents ("mexico" finds "México"): highlight what it matched the same way.
  // With one capture group, split puts the matches at the odd indexes.
  const parts = text.split(new RegExp(`(${accentInsensitivePattern(term)})`, 'giu'));
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="rounded bg-accent-2/25 px-0.5 text-inherit">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}

function ChatLine({ chat, term, platform }: { chat: ChatMessage; term: string; platform: Platform }) {
  const t = useTranslations('dashboard');
  const display = useDisplay();
  const name = chat.viewer.nickname ?? chat.viewer.handle ?? t('unknownViewer');
  return (
    <li className="flex gap-2 border-t border-line py-2 first:border-t-0">
      <Avatar src={chat.viewer.avatarUrl} name={name} size={28} />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-muted">
          <span className="max-w-full truncate font-semibold text-white">
            <Highlighted text={name} term={term} />
          </span>
          {/* A Bilibili viewer's stored handle is the uid: the nickname above is their name. */}
          {chat.viewer.handle && viewerHandleText(platform, chat.viewer.handle) && (
            <span className="truncate">
              @<Highlighted text={chat.viewer.handle} term={term.replace(/^@+/, '')} />
            </span>
          )}
          <time dateTime={chat.at} title={`${display.date(chat.at, 'dateTimeSeconds')} · ${display.zoneLabel}`} className="tabular-nums">
            {formatLiveTime(chat.at, display.locale, display.timeZone, { seconds: true })}
          </time>
        </p>
        <p className="whitespace-pre-wrap break-words text-sm">
          <Highlighted text={chat.content} term={term} />
        </p>
      </div>
    </li>
  );
}

/** The live's stored chat, newest first, searchable by message, handle or nickname. */
export function ChatBrowser({ liveId, platform, counted, retentionDays }: { liveId: string; platform: Platform; counted: number; retentionDays: number }) {
  const t = useTranslations('dashboard');
  const [input, setInput] = useState('');
  const q = useDebouncedValue(input.trim(), DEBOUNCE_MS);
  // The page belongs to the search it was chosen for: a new search starts again at page 1.
  const [paging, setPaging] = useState({ q: '', page: 1 });
  const page = paging.q === q ? paging.page : 1;
  const goTo = (next: number) => setPaging({ q, page: next });

  const chats = useQuery({
    queryKey: ['live-chats', liveId, q, page],
    queryFn: ({ signal }) => fetchJson<Paged<ChatMessage>>(`/api/lives/${liveId}/chats?${new URLSearchParams({ q, page: String(page) }).toString()}`, { signal }),
    placeholderData: keepPreviousData,
  });
  const data = chats.data;
  const typing = input.trim() !== q;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <label className="sr-only" htmlFor={`chat-search-${liveId}`}>
          {t('chatBrowser.search')}
        </label>
        <input
          id={`chat-search-${liveId}`}
          type="search"
          value={input}
          maxLength={MAX_QUERY_LENGTH}
          onChange={(e) => setInput(e.target.value)}
          placeholder={t('chatBrowser.placeholder')}
          autoComplete="off"
          className="min-w-0 flex-1 rounded-lg border border-line bg-panel-2 px-3 py-2 text-sm placeholder:text-muted"
        />
        <p className="text-xs text-muted" aria-live="polite">
          {typing || chats.isFetching ? t('chatBrowser.searching') : data ? (q ? t('chatBrowser.matches', { count: data.total }) : t('chatBrowser.count', { count: data.total })) : ''}
        </p>
      </div>

      {chats.isError && (
        <div role="alert" className="flex flex-wrap items-center gap-2 rounded-lg border border-accent/50 bg-accent/10 px-3 py-2 text-sm">
          <span>{t('chatBrowser.loadFailed', { error: chats.error.message })}</span>
          <button type="button" onClick={() => void chats.refetch()} className="rounded-md border border-line px-2 py-1 text-xs hover:bg-panel-2">
            {t('chatBrowser.retry')}
          </button>
        </div>
      )}

      {chats.isPending ? (
        <ul aria-label={t('chatBrowser.loading')} className="flex flex-col gap-2">
          {[0, 1, 2, 3].map((i) => (
            <li key={i} className="h-10 animate-pulse rounded-lg bg-panel-2" />
          ))}
        </ul>
      ) : data && data.items.length > 0 ? (
        <ul className={`flex flex-col ${chats.isPlaceholderData ? 'opacity-60' : ''}`}>
          {data.items.map((chat) => (
            <ChatLine key={chat.id} chat={chat} term={q} platform={platform} />
          ))}
        </ul>
      ) : data ? (
        <p className="rounded-lg border border-dashed border-line p-4 text-center text-sm text-muted">
          {q ? t('chatBrowser.noMatch', { query: q }) : counted > 0 ? t('chatBrowser.expired', { count: counted, days: retentionDays }) : t('chatBrowser.none')}
        </p>
      ) : null}

      {data && data.pages > 1 && (
        <nav aria-label={t('chatBrowser.pages')} className="flex items-center justify-between text-sm">
          <button type="button" onClick={() => goTo(page - 1)} disabled={page <= 1} className="rounded-md border border-line px-3 py-1.5 hover:bg-panel-2 disabled:opacity-40">
            {t('chatBrowser.newer')}
          </button>
          <span className="text-muted">
            {t('pager.page', { page, pages: data.pages })}
          </span>
          <button type="button" onClick={() => goTo(page + 1)} disabled={page >= data.pages} className="rounded-md border border-line px-3 py-1.5 hover:bg-panel-2 disabled:opacity-40">
            {t('chatBrowser.older')}
          </button>
        </nav>
      )}
    </div>
  );
}
