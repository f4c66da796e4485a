// Page numbers and sizes from URLs, and the page shape the dashboard lists share.
export type Paged<T> = { items: T[]; page: number; pageSize: number; pages: number; total: number };

const MAX_PAGE_SIZE = 100;

/** A page ≥ 1 and a size from 1 to 100; anything missing or not finite takes the default. */
export function normalisePaging(page: number | undefined, pageSize: number | undefined, defaultSize: number): { page: number; pageSize: number } {
  const p = page !== undefined && Number.isFinite(page) ? Math.max(1, Math.floor(page)) : 1;
  const size = pageSize !== undefined && Number.isFinite(pageSize) ? Math.floor(pageSize) : defaultSize;
  return { page: p, pageSize: Math.min(MAX_PAGE_SIZE, Math.max(1, size)) };
}

export function buildPaged<T>(items: T[], page: number, pageSize: number, total: number): Paged<T> {
  return { items, page, pageSize, total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}
