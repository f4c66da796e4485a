'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchJson } from '@/lib/query-client';
import { DEFAULT_GIFT_CHOICES, mergeGiftChoices, type GiftChoice } from '@/lib/tiktok/gift-choices';

const SEARCH_PAUSE_MS = 250;

/**
 * The gifts to choose from for `search` (GET /api/gifts: those seen on LIVEs and the catalogue's). Until
 * the answer comes, or if it fails, the catalogue alone, so the picker always works.
 */
export function useGiftChoices(search: string): GiftChoice[] {
  // Asks once typing pauses, not per keystroke.
  const [q, setQ] = useState(search.trim());
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [search]);
  const answer = useQuery({
    queryKey: ['gift-choices', q],
    queryFn: () => fetchJson<{ gifts: GiftChoice[] }>(`/api/gifts?q=${encodeURIComponent(q)}&limit=${DEFAULT_GIFT_CHOICES}`),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
  return answer.data?.gifts ?? mergeGiftChoices([], search, DEFAULT_GIFT_CHOICES);
}
