// How the success page follows an order: it asks until the report exists, then stops.
import { QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeQueryClient } from '@/lib/query-client';
import { ORDER_POLL_MS, orderPhase, orderQuery, type OrderState } from './use-order';

// TanStack Query polls only in a browser, which it tells by `window` once, when it loads: be one first.
vi.hoisted(() => {
  Object.assign(globalThis, { window: globalThis });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('orderQuery', () => {
  it('asks for the order until its report exists, then stops', async () => {
    vi.useFakeTimers();
    const answers: OrderState[] = [
      { status: 'PAID', reportId: null },
      { status: 'FULFILLED', reportId: 'report-1' },
    ];
    const fetchOrder = vi.fn((url: string) => {
      expect(url).toBe('/api/orders/order-1');
      const answer = answers.shift() ?? { status: 'FULFILLED', reportId: 'report-1' };
      return Promise.resolve(new Response(JSON.stringify({ id: 'order-1', handle: 'luna.bakes', testMode: true, ...answer })));
    });
    vi.stubGlobal('fetch', fetchOrder);
    const observer = new QueryObserver(makeQueryClient(), orderQuery('order-1', { status: 'PENDING', reportId: null }));
    const seen: (string | null)[] = [];
    const unsubscribe = observer.subscribe((result) => seen.push(result.data?.reportId ?? null));
    try {
      await vi.advanceTimersByTimeAsync(ORDER_POLL_MS);
      expect(observer.getCurrentResult().data).toEqual({ status: 'PAID', reportId: null });
      await vi.advanceTimersByTimeAsync(ORDER_POLL_MS);
      expect(observer.getCurrentResult().data).toEqual({ status: 'FULFILLED', reportId: 'report-1' });
      expect(fetchOrder).toHaveBeenCalledTimes(2);
      // Ready: no more requests, however long the page stays open.
      await vi.advanceTimersByTimeAsync(20 * ORDER_POLL_MS);
      expect(fetchOrder).toHaveBeenCalledTimes(2);
      expect(seen.at(-1)).toBe('report-1');
    } finally {
      unsubscribe();
    }
  });

  it('tells a ready, a waiting and a stopped order apart', () => {
    expect(orderPhase({ status: 'FULFILLED', reportId: 'r' })).toBe('ready');
    expect(orderPhase({ status: 'REFUNDED', reportId: null })).toBe('stopped');
    expect(orderPhase({ status: 'PENDING', reportId: null })).toBe('preparing');
  });
});
