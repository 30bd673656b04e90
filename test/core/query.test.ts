import { queryToSearchParams } from '../../src/backends/rest-backend.js';
import { expect } from '@open-wc/testing';
import {
  foldCase,
  matchesSearch,
  pageCount,
  pageOf,
  queryFromSearchParams,
  resolveQuery,
  sortRegistrations,
  type ResolvedQuery,
} from '../../src/core/query.js';
import type { Registration, RegistrationQuery, SortKey, SortOrder } from '../../src/core/types.js';
import { thrownError } from '../helpers/errors.js';
import { NOT_EXPIRING } from '../helpers/registrations.js';

/** Builds a query with values a typed caller could not write, as JSON from the network can. */
const untyped = (query: Record<string, unknown>): RegistrationQuery => query;

function registration(id: string, fields: Partial<Registration> = {}): Registration {
  return {
    id,
    domain: `${id}.com`,
    contactId: `contact-${id}`,
    contactName: '',
    company: '',
    country: '',
    registeredAt: '2026-01-01T00:00:00.000Z',
    ...NOT_EXPIRING,
    ...fields,
  };
}

const DEFAULTS: ResolvedQuery = { search: '', filter: undefined, sort: 'domain', order: 'asc', page: 1, pageSize: 25 };

describe('resolveQuery', () => {
  const resolved: ReadonlyArray<[string, RegistrationQuery | undefined, ResolvedQuery]> = [
    ['no query', undefined, DEFAULTS],
    ['an empty query', {}, DEFAULTS],
    [
      'undefined members',
      { search: undefined, sort: undefined, order: undefined, page: undefined, pageSize: undefined },
      DEFAULTS,
    ],
    ['a trimmed search', { search: '  Acme  ' }, { ...DEFAULTS, search: 'Acme' }],
    [
      'every value given',
      { search: 'x', sort: 'registeredAt', order: 'desc', page: 3, pageSize: 100 },
      { search: 'x', filter: undefined, sort: 'registeredAt', order: 'desc', page: 3, pageSize: 100 },
    ],
    ['sort by company', { sort: 'company' }, { ...DEFAULTS, sort: 'company' }],
    ['sort by contactName', { sort: 'contactName' }, { ...DEFAULTS, sort: 'contactName' }],
    ['sort by country', { sort: 'country' }, { ...DEFAULTS, sort: 'country' }],
    ['page size 10', { pageSize: 10 }, { ...DEFAULTS, pageSize: 10 }],
    ['page size 50', { pageSize: 50 }, { ...DEFAULTS, pageSize: 50 }],
    ['a page far past any end', { page: 9999 }, { ...DEFAULTS, page: 9999 }],
  ];
  for (const [title, query, expected] of resolved) {
    it(`resolves ${title}`, () => {
      expect(resolveQuery(query)).to.deep.equal(expected);
    });
  }

  const rejected: ReadonlyArray<[string, Record<string, unknown>]> = [
    ['a search that is not text', { search: 42 }],
    ['an unknown sort', { sort: 'website' }],
    ['a sort in the wrong case', { sort: 'Domain' }],
    ['an unknown order', { order: 'up' }],
    ['an order in the wrong case', { order: 'DESC' }],
    ['page 0', { page: 0 }],
    ['a negative page', { page: -1 }],
    ['a fractional page', { page: 1.5 }],
    ['page NaN', { page: Number.NaN }],
    ['page Infinity', { page: Number.POSITIVE_INFINITY }],
    ['a page given as text', { page: '2' }],
    ['page size 7', { pageSize: 7 }],
    ['page size 0', { pageSize: 0 }],
    ['page size 1000', { pageSize: 1000 }],
    ['a page size given as text', { pageSize: '25' }],
    ['a null sort', { sort: null }],
  ];
  for (const [title, query] of rejected) {
    it(`rejects ${title} with validation`, () => {
      thrownError(() => resolveQuery(untyped(query)), 'validation');
    });
  }
});

describe('queryToSearchParams and queryFromSearchParams', () => {
  const roundTrips: ReadonlyArray<[string, RegistrationQuery]> = [
    ['the empty query', {}],
    ['a search', { search: 'acme' }],
    ['a search with spaces, symbols and non-ASCII text', { search: 'Jürgen & Söhne ?#=/+%' }],
    ['a sort and order', { sort: 'country', order: 'desc' }],
    ['a page and page size', { page: 4, pageSize: 10 }],
    ['everything', { search: 'co', sort: 'registeredAt', order: 'asc', page: 2, pageSize: 100 }],
  ];
  for (const [title, query] of roundTrips) {
    it(`round-trips ${title}`, () => {
      const params = new URLSearchParams(queryToSearchParams(query).toString());
      expect(queryFromSearchParams(params)).to.deep.equal(resolveQuery(query));
    });
  }

  it('leaves out what is not given', () => {
    expect(queryToSearchParams({}).toString()).to.equal('');
    expect(queryToSearchParams({ search: '' }).toString()).to.equal('');
  });

  it('writes the names of section 5', () => {
    const params = queryToSearchParams({ search: 'a', sort: 'company', order: 'desc', page: 2, pageSize: 50 });
    expect([...params.keys()].sort()).to.deep.equal(['order', 'page', 'pageSize', 'search', 'sort']);
  });

  it('reads empty parameters as defaults', () => {
    expect(queryFromSearchParams(new URLSearchParams('search=&sort=&order=&page=&pageSize='))).to.deep.equal(DEFAULTS);
  });

  const bad: ReadonlyArray<[string, string]> = [
    ['page=abc', 'a page that is not a number'],
    ['page=0', 'page 0'],
    ['page=-1', 'a negative page'],
    ['page=1.5', 'a fractional page'],
    ['page=%202', 'a page with a space'],
    ['pageSize=7', 'page size 7'],
    ['pageSize=abc', 'a page size that is not a number'],
    ['pageSize=-25', 'a negative page size'],
    ['sort=website', 'an unknown sort'],
    ['sort=__proto__', 'a sort named after a prototype member'],
    ['order=sideways', 'an unknown order'],
  ];
  for (const [search, title] of bad) {
    it(`rejects ${title} (${search}) with validation`, () => {
      thrownError(() => queryFromSearchParams(new URLSearchParams(search)), 'validation');
    });
  }
});

describe('sortRegistrations', () => {
  const byIds = (rows: readonly Registration[]): string[] => rows.map((row) => row.id);

  const rows: readonly Registration[] = [
    registration('r1', {
      domain: 'delta.com',
      company: 'beta',
      contactName: 'Zoe',
      country: 'de',
      registeredAt: '2026-03-01T00:00:00.000Z',
    }),
    registration('r2', {
      domain: 'alpha.com',
      company: 'Alpha',
      contactName: 'adam',
      country: 'US',
      registeredAt: '2026-01-15T00:00:00.000Z',
    }),
    registration('r3', {
      domain: 'charlie.com',
      company: 'CHARLIE',
      contactName: 'Bea',
      country: 'fr',
      registeredAt: '2026-02-10T00:00:00.000Z',
    }),
    registration('r4', {
      domain: 'bravo.com',
      company: 'alpha',
      contactName: 'bea',
      country: 'FR',
      registeredAt: '2026-01-15T00:00:00.000Z',
    }),
  ];

  const orders: ReadonlyArray<[SortKey, SortOrder, string[]]> = [
    ['domain', 'asc', ['r2', 'r4', 'r3', 'r1']],
    ['domain', 'desc', ['r1', 'r3', 'r4', 'r2']],
    // Alpha and alpha tie when case is ignored; the tie goes to the domain (alpha.com before bravo.com).
    ['company', 'asc', ['r2', 'r4', 'r1', 'r3']],
    ['company', 'desc', ['r3', 'r1', 'r2', 'r4']],
    ['contactName', 'asc', ['r2', 'r4', 'r3', 'r1']],
    ['contactName', 'desc', ['r1', 'r4', 'r3', 'r2']],
    ['country', 'asc', ['r1', 'r4', 'r3', 'r2']],
    ['country', 'desc', ['r2', 'r4', 'r3', 'r1']],
    ['registeredAt', 'asc', ['r2', 'r4', 'r3', 'r1']],
    ['registeredAt', 'desc', ['r1', 'r3', 'r2', 'r4']],
  ];
  for (const [sort, order, expected] of orders) {
    it(`sorts by ${sort} ${order}, case-insensitive, ties by domain`, () => {
      expect(byIds(sortRegistrations(rows, sort, order))).to.deep.equal(expected);
    });
  }

  it('breaks ties by domain ascending in both orders', () => {
    const tied = ['m', 'c', 'x', 'a'].map((name) => registration(name, { company: 'Same Co' }));
    expect(byIds(sortRegistrations(tied, 'company', 'asc'))).to.deep.equal(['a', 'c', 'm', 'x']);
    expect(byIds(sortRegistrations(tied, 'company', 'desc'))).to.deep.equal(['a', 'c', 'm', 'x']);
  });

  it('gives the same order whatever the input order (stable pages)', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      registration(`id${String(i).padStart(2, '0')}`, {
        company: ['Acme', 'acme', 'ACME', 'Beta'][i % 4],
        country: i % 3 ? 'DE' : 'de',
      }),
    );
    const reversed = [...many].reverse();
    for (const sort of ['company', 'country'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        expect(byIds(sortRegistrations(reversed, sort, order))).to.deep.equal(
          byIds(sortRegistrations(many, sort, order)),
        );
      }
    }
  });

  it('breaks a tie of key and domain by id', () => {
    const same = [registration('b', { domain: 'acme.com' }), registration('a', { domain: 'acme.com' })];
    expect(byIds(sortRegistrations(same, 'domain', 'asc'))).to.deep.equal(['a', 'b']);
    expect(byIds(sortRegistrations(same, 'domain', 'desc'))).to.deep.equal(['a', 'b']);
  });

  it('puts empty values first when ascending', () => {
    const withEmpty = [registration('a', { company: 'Acme' }), registration('b', { company: '' })];
    expect(byIds(sortRegistrations(withEmpty, 'company', 'asc'))).to.deep.equal(['b', 'a']);
  });

  it('returns a new array and leaves its input alone', () => {
    const input = [...rows];
    const sorted = sortRegistrations(input, 'domain', 'asc');
    expect(sorted).not.to.equal(input);
    expect(byIds(input)).to.deep.equal(['r1', 'r2', 'r3', 'r4']);
  });

  it('sorts an empty list', () => {
    expect(sortRegistrations([], 'domain', 'desc')).to.deep.equal([]);
  });
});

describe('pageOf and pageCount', () => {
  const rows = Array.from({ length: 137 }, (_, i) => i);

  const pages: ReadonlyArray<[number, number, number[]]> = [
    [1, 25, rows.slice(0, 25)],
    [2, 25, rows.slice(25, 50)],
    [6, 25, rows.slice(125, 137)],
    [7, 25, []],
    [100, 10, []],
    [14, 10, rows.slice(130, 137)],
    [1, 100, rows.slice(0, 100)],
    [2, 100, rows.slice(100, 137)],
  ];
  for (const [page, pageSize, expected] of pages) {
    it(`page ${page} of 137 rows at ${pageSize} a page has ${expected.length} rows`, () => {
      expect(pageOf(rows, page, pageSize)).to.deep.equal(expected);
    });
  }

  it('gives an empty list an empty first page', () => {
    expect(pageOf([], 1, 25)).to.deep.equal([]);
  });

  const counts: ReadonlyArray<[number, number, number]> = [
    [0, 25, 1],
    [1, 25, 1],
    [25, 25, 1],
    [26, 25, 2],
    [137, 25, 6],
    [137, 10, 14],
    [1000, 100, 10],
  ];
  for (const [total, pageSize, expected] of counts) {
    it(`${total} rows at ${pageSize} a page make ${expected} page(s)`, () => {
      expect(pageCount(total, pageSize)).to.equal(expected);
    });
  }
});

describe('foldCase and matchesSearch', () => {
  it('ignores case and diacritics, so accented names sort and match beside plain ones', () => {
    expect(foldCase('Émile Zoë')).to.equal('emile zoe');
    const names = ['Zoë', 'Élan', 'Elan', 'eve'].map((company, i) => ({
      id: `r${i}`,
      domain: `d${i}.com`,
      contactId: `c${i}`,
      contactName: '',
      company,
      country: '',
      registeredAt: '2026-01-01T00:00:00.000Z',
      ...NOT_EXPIRING,
    }));
    expect(sortRegistrations(names, 'company', 'asc').map((r) => r.company)).to.deep.equal([
      'Élan',
      'Elan',
      'eve',
      'Zoë',
    ]);
    expect(matchesSearch(names[1], 'elan')).to.equal(true);
  });

  it('does not match across two fields', () => {
    const registration = {
      id: 'r',
      domain: 'ab.com',
      contactId: 'c',
      contactName: 'x',
      company: 'cd',
      country: '',
      registeredAt: '',
      ...NOT_EXPIRING,
    };
    expect(matchesSearch(registration, 'comcd')).to.equal(false);
    expect(matchesSearch(registration, '  ')).to.equal(true);
  });
});
