// The buyer's order as the success page follows it: asked for every 1.5 s until its report exists (or
// its payment stopped), starting from what the server rendered, so a report that was ready before the
// page loaded reads "ready" at once and one that gets ready later replaces the "being prepared" line.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { fetchJson } from '@/lib/query-client';

/** The part of GET /api/orders/{id} the page reads. */
export const orderStateSchema = z.object({ status: z.string(), reportId: z.string().nullable() });
export type OrderState = z.infer<typeof orderStateSchema>;

/** ready: the report can be opened; preparing: paid or waiting for the payment; stopped: it will not come. */
export type OrderPhase = 'ready' | 'preparing' | 'stopped';

const STOPPED_STATUSES: ReadonlySet<string> = new Set(['FAILED', 'CANCELED', 'REFUNDED']);

// Fulfilment writes the report within a second or two of the payment; polling faster only adds load.
export const ORDER_POLL_MS = 1_500;

export function orderPhase(state: OrderState): OrderPhase {
  if (state.reportId !== null) return 'ready';
  return STOPPED_STATUSES.has(state.status) ? 'stopped' : 'preparing';
}

export function orderQuery(orderId: string, initial: OrderState) {
  return queryOptions({
    queryKey: ['order', orderId],
    queryFn: async () => orderStateSchema.parse(await fetchJson<unknown>(`/api/orders/${encodeURIComponent(orderId)}`)),
    initialData: initial,
    refetchInterval: (query) => (orderPhase(query.state.data ?? initial) === 'preparing' ? ORDER_POLL_MS : false),
  });
}

export function useOrder(orderId: string, initial: OrderState) {
  return useQuery(orderQuery(orderId, initial));
}
