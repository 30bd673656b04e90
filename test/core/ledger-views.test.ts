import { expect } from '@open-wc/testing';
import { generateRegistrations, mulberry32 } from '../../mocks/seed.js';
import { RegistrationLedger } from '../../src/core/ledger.js';
import { SORT_KEYS } from '../../src/core/query.js';
import type { Registration, SortKey, SortOrder } from '../../src/core/types.js';

// The ledger sorts each order once and keeps it through changes (issue 7: 100,000 registrations).
// Whatever it keeps must answer exactly as sorting afresh would.

const ORDERS: readonly SortOrder[] = ['asc', 'desc'];
const SEARCHES = ['', 'a', 'an', 'ans', 'é', 'E', 'acme', 'gmbh', 'zzz'];

/** The query semantics (docs/contract.md#queries), written out plainly. */
function expectedIds(rows: Iterable<Registration>, search: string, sort: SortKey, order: SortOrder): string[] {
  const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  // No expiry sorts after every date.
  const key = (row: Registration): string =>
    sort === 'registeredAt' || sort === 'expiresAt' ? (row[sort] ?? '\uffff') : fold(row[sort]);
  const direction = order === 'asc' ? 1 : -1;
  const folded = fold(search);
  return [...rows]
    .filter((row) =>
      [row.domain, row.company, row.contactName, row.country].some((field) => fold(field).includes(folded)),
    )
    .sort((a, b) => direction * compare(key(a), key(b)) || compare(a.domain, b.domain) || compare(a.id, b.id))
    .map((row) => row.id);
}

/** Every row the ledger answers for a query, page after page. */
function answeredIds(ledger: RegistrationLedger, search: string, sort: SortKey, order: SortOrder): string[] {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const answer = ledger.query({ search, sort, order, page, pageSize: 100 });
    ids.push(...answer.items.map((row) => row.id));
    if (answer.items.length < 100) {
      expect(answer.total).to.equal(ids.length);
      return ids;
    }
  }
}

function expectEveryOrder(ledger: RegistrationLedger, searches = SEARCHES): void {
  for (const sort of SORT_KEYS) {
    for (const order of ORDERS) {
      for (const search of searches) {
        expect(answeredIds(ledger, search, sort, order), `${sort} ${order} “${search}”`).to.deep.equal(
          expectedIds(ledger.all(), search, sort, order),
        );
      }
    }
  }
}

describe('RegistrationLedger orders and searches kept through changes', () => {
  const COMPANIES = ['Acme', 'acme', 'ACME GmbH', 'Émile SARL', 'emile sarl', '', 'Zoë Ltd', 'Ångström AB'];
  const COUNTRIES = ['Germany', 'germany', 'Côte d’Ivoire', '', 'Japan'];

  it('answers as a fresh sort would, after every registration and deregistration', () => {
    const random = mulberry32(11);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const ledger = new RegistrationLedger(
      'diamond',
      10_000,
      generateRegistrations(240, 5, { now: Date.UTC(2026, 0, 1) }),
    );
    expectEveryOrder(ledger); // every order and search is now kept
    for (let step = 0; step < 30; step++) {
      if (random() < 0.5) {
        const n = `${step}-${Math.floor(random() * 1e6)}`;
        ledger.register(
          {
            contactId: `c-${n}`,
            website: `${pick(['a', 'm', 'z', 'é'])}${n}.example`,
            company: pick(COMPANIES),
            country: pick(COUNTRIES),
          },
          // Some at the same second as another: ties broken by domain.
          { id: `id-${n}`, now: new Date(Date.UTC(2025, 0, 1 + Math.floor(random() * 3))) },
        );
      } else {
        const ids = [...ledger.all()].map((row) => row.id);
        ledger.deregister([pick(ids), pick(ids), 'never-there']);
      }
      // A few orders and searches per step (all of them after the last one), so that some orders
      // go through several changes before they are next asked for.
      const sort = pick(SORT_KEYS);
      const order = pick(ORDERS);
      const search = pick(SEARCHES);
      expect(answeredIds(ledger, search, sort, order), `step ${step}: ${sort} ${order} “${search}”`).to.deep.equal(
        expectedIds(ledger.all(), search, sort, order),
      );
    }
    expectEveryOrder(ledger);
  });

  it('answers a search as it is typed, and deleted again', () => {
    const ledger = new RegistrationLedger(
      'diamond',
      10_000,
      generateRegistrations(300, 9, { now: Date.UTC(2026, 0, 1) }),
    );
    const typed = ['n', 'no', 'nor', 'nord', 'nor', 'no', 'n', 'ha', 'har', 'harbor', 'harbour', 'harbo'];
    for (const search of typed) {
      expect(answeredIds(ledger, search, 'company', 'desc'), search).to.deep.equal(
        expectedIds(ledger.all(), search, 'company', 'desc'),
      );
    }
  });

  it('takes stored registrations in batches, the first of a duplicate winning', () => {
    const rows = generateRegistrations(50, 2, { now: Date.UTC(2026, 0, 1) });
    const ledger = new RegistrationLedger('diamond', 1_000);
    ledger.restore(rows.slice(0, 20));
    expectEveryOrder(ledger, ['', 'a']);
    const sameDomain = { ...rows[25], id: 'same-domain', contactId: 'other', domain: rows[3].domain };
    const sameContact = { ...rows[26], id: 'same-contact', contactId: rows[4].contactId, domain: 'other.example' };
    ledger.restore([sameDomain, sameContact, ...rows.slice(20)]);
    expect(ledger.size).to.equal(50);
    expect(ledger.get('same-domain')).to.equal(undefined);
    expect(ledger.get('same-contact')).to.equal(undefined);
    expectEveryOrder(ledger, ['', 'a']);
  });
});
