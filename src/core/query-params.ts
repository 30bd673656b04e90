import type { PageSize, RegistrationFilter, SortKey } from './types.js';

// What a client needs to build a query and show its pages (the Capacity Manager).
// The rules that answer one (search, sort, paging over a set of registrations) are in query.ts,
// which re-exports all of this.

export const SORT_KEYS: readonly SortKey[] = [
  'domain',
  'company',
  'contactName',
  'country',
  'registeredAt',
  'expiresAt',
];
export const REGISTRATION_FILTERS: readonly RegistrationFilter[] = ['pending', 'expiring'];
export const PAGE_SIZES: readonly PageSize[] = [10, 25, 50, 100];
export const DEFAULT_PAGE_SIZE: PageSize = 25;
export const DEFAULT_SORT: SortKey = 'domain';

export function isSortKey(value: unknown): value is SortKey {
  return typeof value === 'string' && (SORT_KEYS as readonly string[]).includes(value);
}

export function isRegistrationFilter(value: unknown): value is RegistrationFilter {
  return typeof value === 'string' && (REGISTRATION_FILTERS as readonly string[]).includes(value);
}

export function isPageSize(value: unknown): value is PageSize {
  return typeof value === 'number' && (PAGE_SIZES as readonly number[]).includes(value);
}

/** Number of pages for `total` rows; at least 1, so that an empty list still has a page to show. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
