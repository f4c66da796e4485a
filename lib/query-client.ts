// The one QueryClient factory (TanStack Query) for the browser.
import { QueryClient } from '@tanstack/react-query';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 10_000, retry: 2, refetchOnWindowFocus: false },
    },
  });
}

/** Fetches JSON from our API; a non-2xx answer becomes an Error carrying the API's message. */
export async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  const response = await fetch(input, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const message = body && typeof body === 'object' && 'error' in body && body.error && typeof body.error === 'object' && 'message' in body.error ? String(body.error.message) : `Request failed (${response.status})`;
    throw Object.assign(new Error(message), { status: response.status });
  }
  return body as T;
}
