import { collate, collatorFor, foldCase, searchFolding } from './collation.js';
import { CapacityError } from './errors.js';
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  isPageSize,
  isRegistrationFilter,
  isSortKey,
  PAGE_SIZES,
} from './query-params.js';
import type { PageSize, Registration, RegistrationFilter, RegistrationQuery, SortKey, SortOrder } from './types.js';
import { unicodeDomain } from './punycode.js';

// The query semantics (docs/contract.md#queries) as the ledger applies them. What a client needs to build
// a query is in query-params.ts, apart, so that the page's entry does not carry the rest.
export * from './query-params.js';
export { foldCase } from './collation.js';

/** A query with every default filled in and every value checked. */
export interface ResolvedQuery {
  search: string;
  /** Undefined: every registration. */
  filter: RegistrationFilter | undefined;
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
  const { search = '', filter, sort = DEFAULT_SORT, order = 'asc', page = 1, pageSize = DEFAULT_PAGE_SIZE } = query;
  if (typeof search !== 'string') throw invalid('The search must be text.');
  if (filter !== undefined && !isRegistrationFilter(filter)) {
    throw invalid(`Filtering by “${String(filter)}” is not supported.`);
  }
  if (!isSortKey(sort)) throw invalid(`Sorting by “${String(sort)}” is not supported.`);
  if (order !== 'asc' && order !== 'desc') throw invalid('The order must be asc or desc.');
  if (!Number.isInteger(page) || page < 1) throw invalid('The page must be a whole number from 1.');
  if (!isPageSize(pageSize)) throw invalid(`The page size must be one of ${PAGE_SIZES.join(', ')}.`);
  return { search: search.trim(), filter, sort, order, page, pageSize };
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
  const filter = params.get('filter');
  if (filter) query.filter = filter as RegistrationFilter; // checked by resolveQuery
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

/**
 * The text that `search` is matched against, folded (in `locale`); fields kept apart so a match cannot span two. An
 * internationalised domain is found by what people read (bücher) as well as by its key (xn--bcher-kva).
 */
export function searchText(registration: Registration, locale?: string): string {
  const { domain, company, contactName, country } = registration;
  const shown = domain.includes('xn--') ? unicodeDomain(domain) : '';
  return searchFolding(locale)(`${domain}\u0000${shown}\u0000${company}\u0000${contactName}\u0000${country}`);
}

/**
 * Whether `registration` matches `search`: a substring of domain, company, contact name or country, case
 * and diacritics aside as `locale` sets them aside (searchFolding).
 */
export function matchesSearch(registration: Registration, search: string, locale?: string): boolean {
  const folded = searchFolding(locale)(search.trim());
  return folded === '' || searchText(registration, locale).includes(folded);
}

/** The key of a registration without expiry when sorting by it: after every ISO date (they begin with digits). */
const NO_EXPIRY_KEY = '\uffff';

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The domain-then-id order that breaks every tie. */
function compareDomains(a: Registration, b: Registration): number {
  return compareText(a.domain, b.domain) || compareText(a.id, b.id);
}

/**
 * `rows`, given in domain-then-id order, ordered by `sort` ascending and descending, text in `locale`'s
 * order (foldCase and code units without one). Rows are grouped by key in the order given, so that only
 * the distinct keys are sorted (twenty countries, or every date) and no comparator runs per pair of rows;
 * rows whose keys are equal stay in domain-then-id order, whatever the order.
 */
export function orderBy(
  rows: readonly Registration[],
  sort: SortKey,
  locale?: string,
): [asc: Registration[], desc: Registration[]] {
  const isDate = sort === 'registeredAt' || sort === 'expiresAt';
  const collator = isDate ? undefined : collatorFor(locale);
  const folded = new Map<string, string>();
  const groups = new Map<string, Registration[]>();
  for (const row of rows) {
    // What `sort` compares: the ISO date (none: after every date ascending, before them descending) or, with a
    // collator, the text as it is; else the text folded.
    const value = row[sort] ?? NO_EXPIRY_KEY;
    let key = isDate || collator ? value : folded.get(value);
    if (key === undefined) folded.set(value, (key = foldCase(value)));
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  let runs: Registration[][];
  if (collator) {
    // Texts the collator holds equal ("Acme", "ACME") are one key: their rows back in domain-then-id order.
    runs = collate(groups.keys(), collator, locale!).map((texts) =>
      texts.length === 1 ? groups.get(texts[0])! : texts.flatMap((text) => groups.get(text)!).sort(compareDomains),
    );
  } else {
    // Strings sort by UTF-16 code units without a comparator, as compareText orders them.
    runs = [...groups.keys()].sort().map((key) => groups.get(key)!);
  }
  const asc: Registration[] = [];
  const desc: Registration[] = [];
  for (let i = 0; i < runs.length; i++) {
    for (const row of runs[i]) asc.push(row);
    for (const row of runs[runs.length - 1 - i]) desc.push(row);
  }
  return [asc, desc];
}

/**
 * Orders registrations by `sort` (case-insensitive; text in `locale`'s order), ties broken by domain and
 * then id whatever the order, so that every page boundary is stable. Returns a new array.
 */
export function sortRegistrations(
  registrations: readonly Registration[],
  sort: SortKey,
  order: SortOrder,
  locale?: string,
): Registration[] {
  return orderBy([...registrations].sort(compareDomains), sort, locale)[order === 'asc' ? 0 : 1];
}

/** The 1-based page `page` of `rows`; a page past the end is empty. */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): T[] {
  const start = (page - 1) * pageSize;
  return rows.slice(start, start + pageSize);
}
