import { CapacityError } from './errors.js';
import { DEFAULT_PAGE_SIZE, DEFAULT_SORT, isPageSize, isSortKey, PAGE_SIZES } from './query-params.js';
import type { PageSize, Registration, RegistrationQuery, SortKey, SortOrder } from './types.js';

// The query semantics (docs/contract.md#queries) as the ledger applies them. What a client needs to build
// a query is in query-params.ts, apart, so that the page's entry does not carry the rest.
export * from './query-params.js';

/** A query with every default filled in and every value checked. */
export interface ResolvedQuery {
  search: string;
  sort: SortKey;
  order: SortOrder;
  page: number;
  pageSize: PageSize;
}

function invalid(message: string): CapacityError {
  return new CapacityError('validation', { message });
}

/**
 * Fills in the defaults of a query (docs/contract.md#queries); rejects with `validation` when a value is out of range.
 */
export function resolveQuery(query: RegistrationQuery = {}): ResolvedQuery {
  const { search = '', sort = DEFAULT_SORT, order = 'asc', page = 1, pageSize = DEFAULT_PAGE_SIZE } = query;
  if (typeof search !== 'string') throw invalid('The search must be text.');
  if (!isSortKey(sort)) throw invalid(`Sorting by “${String(sort)}” is not supported.`);
  if (order !== 'asc' && order !== 'desc') throw invalid('The order must be asc or desc.');
  if (!Number.isInteger(page) || page < 1) throw invalid('The page must be a whole number from 1.');
  if (!isPageSize(pageSize)) throw invalid(`The page size must be one of ${PAGE_SIZES.join(', ')}.`);
  return { search: search.trim(), sort, order, page, pageSize };
}

/** Reads `GET /registrations` parameters back into a checked query (the server side of the above). */
export function queryFromSearchParams(params: URLSearchParams): ResolvedQuery {
  const number = (name: string): number | undefined => {
    const raw = params.get(name);
    if (raw === null || raw === '') return undefined;
    if (!/^\d+$/.test(raw)) throw invalid(`The ${name} must be a whole number.`);
    return Number(raw);
  };
  const query: RegistrationQuery = {};
  const search = params.get('search');
  if (search !== null) query.search = search;
  const sort = params.get('sort');
  if (sort) query.sort = sort as SortKey; // checked by resolveQuery
  const order = params.get('order');
  if (order) query.order = order as SortOrder;
  const page = number('page');
  if (page !== undefined) query.page = page;
  const pageSize = number('pageSize');
  if (pageSize !== undefined) query.pageSize = pageSize as PageSize;
  return resolveQuery(query);
}

const NON_ASCII = /[^\0-\x7f]/;

/**
 * A field's text as search and sort compare it: lowercase, without diacritics, so that "émile"
 * finds "Émile" and "Élan" sorts beside "Elan" rather than after "Zoë".
 */
export function foldCase(value: string): string {
  // ASCII, most text, has nothing to decompose: lowercasing it is all, and several times cheaper.
  return (NON_ASCII.test(value) ? value.normalize('NFD').replace(/\p{M}/gu, '') : value).toLowerCase();
}

/** The folded text that `search` is matched against; fields are kept apart so a match cannot span two. */
export function searchText(registration: Registration): string {
  return foldCase(
    `${registration.domain}\u0000${registration.company}\u0000${registration.contactName}\u0000${registration.country}`,
  );
}

/**
 * Whether `registration` matches `search`: a case-insensitive substring of domain, company, contact name or country.
 */
export function matchesSearch(registration: Registration, search: string): boolean {
  const folded = foldCase(search.trim());
  return folded === '' || searchText(registration).includes(folded);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The domain-then-id order that breaks every tie. */
function compareDomains(a: Registration, b: Registration): number {
  return compareText(a.domain, b.domain) || compareText(a.id, b.id);
}

/**
 * `rows`, given in domain-then-id order, ordered by `sort` ascending and descending. Rows are grouped
 * by key in the order given, so that only the distinct keys are sorted (twenty countries, or every
 * date) and no comparator runs per pair of rows; each distinct text is folded once.
 */
export function orderBy(rows: readonly Registration[], sort: SortKey): [asc: Registration[], desc: Registration[]] {
  const folded = new Map<string, string>();
  const groups = new Map<string, Registration[]>();
  for (const row of rows) {
    // What `sort` compares: the ISO date as it is, or the field folded.
    let key = sort === 'registeredAt' ? row[sort] : folded.get(row[sort]);
    if (key === undefined) folded.set(row[sort], (key = foldCase(row[sort])));
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  // Strings sort by UTF-16 code units without a comparator, as compareText orders them.
  const keys = [...groups.keys()].sort();
  const asc: Registration[] = [];
  const desc: Registration[] = [];
  for (let i = 0; i < keys.length; i++) {
    for (const row of groups.get(keys[i])!) asc.push(row);
    for (const row of groups.get(keys[keys.length - 1 - i])!) desc.push(row);
  }
  return [asc, desc];
}

/**
 * Orders registrations by `sort` (case-insensitive), ties broken by domain and then id whatever the
 * order, so that every page boundary is stable. Returns a new array.
 */
export function sortRegistrations(
  registrations: readonly Registration[],
  sort: SortKey,
  order: SortOrder,
): Registration[] {
  return orderBy([...registrations].sort(compareDomains), sort)[order === 'asc' ? 0 : 1];
}

/** The 1-based page `page` of `rows`; a page past the end is empty. */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): T[] {
  const start = (page - 1) * pageSize;
  return rows.slice(start, start + pageSize);
}
