import { expect } from '@open-wc/testing';
import { MAX_DEREGISTER_IDS, RegistrationLedger, isRegistration, type RegisterContext } from '../../src/core/ledger.js';
import { TIER_LIMITS, TIERS, limitForTier } from '../../src/core/tiers.js';
import type { RegisterInput, Registration, Tier } from '../../src/core/types.js';
import { thrownError } from '../helpers/errors.js';
import { capacity, NOT_EXPIRING } from '../helpers/registrations.js';

const NOW = new Date('2026-11-26T09:30:00.000Z');
let nextId = 0;

function context(extra: Partial<RegisterContext> = {}): RegisterContext {
  nextId += 1;
  return { id: `reg-${nextId}`, now: NOW, ...extra };
}

function input(contactId: string, website: string, extra: Partial<RegisterInput> = {}): RegisterInput {
  return {
    contactId,
    website,
    contactName: `Name ${contactId}`,
    company: `Company ${contactId}`,
    country: 'DE',
    ...extra,
  };
}

/** A ledger with `count` registrations of domains d1.com … dN.com by contacts c1 … cN. */
function ledgerWith(count: number, limit = 50, tier: Tier = 'untiered'): RegistrationLedger {
  const ledger = new RegistrationLedger(tier, limit);
  for (let i = 1; i <= count; i += 1) ledger.register(input(`c${i}`, `d${i}.com`), context());
  return ledger;
}

/** Builds an input with values a typed caller could not write, as JSON from the network can. */
const untyped = (value: Record<string, unknown>): RegisterInput => value as unknown as RegisterInput;

describe('RegistrationLedger capacity', () => {
  for (const tier of TIERS) {
    it(`starts empty at the ${tier} limit of ${TIER_LIMITS[tier]}`, () => {
      const ledger = new RegistrationLedger(tier, limitForTier(tier));
      expect(ledger.capacity()).to.deep.equal(capacity(tier, TIER_LIMITS[tier], 0));
      expect(ledger.size).to.equal(0);
    });
  }

  it('keeps an overridden limit', () => {
    const ledger = new RegistrationLedger('gold', limitForTier('gold', { gold: 750 }));
    expect(ledger.capacity()).to.deep.equal(capacity('gold', 750, 0));
  });

  it('counts registrations it starts with', () => {
    const seed = ledgerWith(3);
    const copy = new RegistrationLedger('silver', 500, seed.all());
    expect(copy.capacity()).to.deep.equal(capacity('silver', 500, 3));
    expect(copy.byContact('c2')?.domain).to.equal('d2.com');
    expect(copy.byDomain('d3.com')?.contactId).to.equal('c3');
  });

  it('counts a domain or a contact stored twice once, keeping the first row', () => {
    const [first, second] = [...ledgerWith(2).all()] as [Registration, Registration];
    const sameDomain = { ...second, domain: first.domain };
    const sameContact = { ...second, id: 'other', contactId: first.contactId };
    const ledger = new RegistrationLedger('untiered', 50, [first, sameDomain, sameContact]);
    expect(ledger.capacity().used).to.equal(1);
    expect(ledger.deregister([sameDomain.id]).missing).to.deep.equal([sameDomain.id]);
    expect(ledger.byDomain(first.domain)?.id).to.equal(first.id);
  });

  it('hands out copies in its errors, not its own rows', () => {
    const ledger = ledgerWith(1);
    const error = thrownError(() => ledger.register(input('c1', 'other.com'), context()), 'contact-already-registered');
    error.registration!.domain = 'changed.com';
    expect(ledger.byContact('c1')?.domain).to.equal('d1.com');
  });

  it('counts each registration as used', () => {
    const ledger = ledgerWith(7, 10, 'diamond');
    expect(ledger.capacity()).to.deep.equal(capacity('diamond', 10, 7));
  });
});

describe('RegistrationLedger.register', () => {
  it('normalises the domain, trims the text fields and keeps the contact id exactly', () => {
    const ledger = new RegistrationLedger('untiered', 50);
    const registration = ledger.register(
      {
        contactId: 'c-1',
        website: ' https://www.Acme.com:8080/pricing?x=1 ',
        contactName: ' Ada Lovelace ',
        company: ' Acme ',
        country: ' UK ',
      },
      { id: 'r-1', now: NOW },
    );
    expect(registration).to.deep.equal({
      id: 'r-1',
      domain: 'acme.com',
      contactId: 'c-1',
      contactName: 'Ada Lovelace',
      company: 'Acme',
      country: 'UK',
      registeredAt: '2026-11-26T09:30:00.000Z',
      ...NOT_EXPIRING,
    });
    expect(isRegistration(registration)).to.equal(true);
    expect(ledger.get('r-1')).to.deep.equal(registration);
    expect(ledger.byContact('c-1')).to.deep.equal(registration);
    expect(ledger.byDomain('acme.com')).to.deep.equal(registration);
    expect(ledger.capacity().used).to.equal(1);
  });

  it('normalises IDN to punycode', () => {
    const ledger = new RegistrationLedger('untiered', 50);
    expect(ledger.register(input('c1', 'https://www.bücher.de/'), context()).domain).to.equal('xn--bcher-kva.de');
  });

  it('fills absent optional fields with empty text', () => {
    const ledger = new RegistrationLedger('untiered', 50);
    const registration = ledger.register({ contactId: 'c1', website: 'acme.com' }, context());
    expect([registration.contactName, registration.company, registration.country]).to.deep.equal(['', '', '']);
  });

  it('rejects the same contact again with contact-already-registered and the registration', () => {
    const ledger = ledgerWith(1);
    const existing = ledger.byContact('c1')!;
    const error = thrownError(() => ledger.register(input('c1', 'other.com'), context()), 'contact-already-registered');
    expect(error.registration).to.deep.equal(existing);
  });

  it('keeps a contact id as the host gave it: it is an opaque key, found again by the same key', () => {
    const ledger = new RegistrationLedger('untiered', 50);
    ledger.register(input(' c1 ', 'acme.com'), context());
    expect(ledger.byContact(' c1 ')?.domain).to.equal('acme.com');
    expect(ledger.byContact('c1')).to.equal(undefined);
  });

  it('rejects a blank contact id', () => {
    thrownError(
      () => new RegistrationLedger('untiered', 50).register(input('  ', 'acme.com'), context()),
      'validation',
    );
  });

  it('puts contact-already-registered before every other rule', () => {
    const ledger = ledgerWith(2, 2);
    const existing = ledger.byContact('c1')!;
    const cases: ReadonlyArray<[string, RegisterInput, RegisterContext]> = [
      ['same domain', input('c1', 'd1.com'), context()],
      ['domain of another contact', input('c1', 'd2.com'), context()],
      ['invalid website', input('c1', 'localhost'), context()],
      ['no website', input('c1', ''), context()],
      ['domain unavailable', input('c1', 'taken.com'), context({ isDomainUnavailable: () => true })],
      ['capacity full', input('c1', 'new.com'), context()],
    ];
    for (const [why, request, ctx] of cases) {
      const error = thrownError(() => ledger.register(request, ctx), 'contact-already-registered');
      expect(error.registration, why).to.deep.equal(existing);
    }
  });

  it('rejects a domain registered through another contact, naming the holder', () => {
    const ledger = new RegistrationLedger('untiered', 50);
    const holder = ledger.register(input('c1', 'acme.com', { contactName: 'Grace Hopper' }), context());
    const error = thrownError(
      () => ledger.register(input('c2', 'https://WWW.acme.com/about'), context()),
      'domain-already-registered',
    );
    expect(error.registration).to.deep.equal(holder);
    expect(error.message).to.contain('acme.com');
    expect(error.message).to.contain('Grace Hopper');
  });

  it('says "another contact" when the holder has no name', () => {
    const ledger = new RegistrationLedger('untiered', 50);
    ledger.register({ contactId: 'c1', website: 'acme.com' }, context());
    const error = thrownError(() => ledger.register(input('c2', 'acme.com'), context()), 'domain-already-registered');
    expect(error.message).to.contain('another contact');
  });

  it('rejects a domain another partner holds with domain-unavailable', () => {
    const ledger = new RegistrationLedger('untiered', 50);
    const asked: string[] = [];
    const isDomainUnavailable = (domain: string): boolean => {
      asked.push(domain);
      return domain === 'taken.com';
    };
    const error = thrownError(
      () => ledger.register(input('c1', 'https://www.Taken.com/'), context({ isDomainUnavailable })),
      'domain-unavailable',
    );
    expect(error.message).to.contain('taken.com');
    expect(asked).to.deep.equal(['taken.com']);
    expect(ledger.size).to.equal(0);
    expect(ledger.register(input('c2', 'free.com'), context({ isDomainUnavailable })).domain).to.equal('free.com');
  });

  it('rejects an invalid website with invalid-website', () => {
    const ledger = new RegistrationLedger('untiered', 50);
    for (const website of ['', '   ', 'intranet', 'ftp://acme.com', 'http://10.0.0.1', 'localhost:3000', 'acme..com']) {
      thrownError(() => ledger.register(input(`c-${website}`, website), context()), 'invalid-website');
    }
    thrownError(() => ledger.register(untyped({ contactId: 'c1' }), context()), 'invalid-website');
    expect(ledger.size).to.equal(0);
  });

  it('registers up to the limit and rejects exactly at it with capacity-exceeded and the capacity', () => {
    const ledger = ledgerWith(2, 3);
    ledger.register(input('c3', 'd3.com'), context());
    expect(ledger.capacity()).to.deep.equal(capacity('untiered', 3, 3));
    const error = thrownError(() => ledger.register(input('c4', 'd4.com'), context()), 'capacity-exceeded');
    expect(error.capacity).to.deep.equal(capacity('untiered', 3, 3));
    expect(ledger.size).to.equal(3);
  });

  it('rejects at a limit of 0', () => {
    const ledger = new RegistrationLedger('untiered', 0);
    thrownError(() => ledger.register(input('c1', 'acme.com'), context()), 'capacity-exceeded');
  });

  it('makes room again after a deregistration', () => {
    const ledger = ledgerWith(3, 3);
    ledger.deregister([ledger.byContact('c2')!.id]);
    expect(ledger.register(input('c4', 'd4.com'), context()).domain).to.equal('d4.com');
    expect(ledger.capacity().used).to.equal(3);
  });

  it('lets a contact register again after its registration was deregistered', () => {
    const ledger = ledgerWith(1);
    ledger.deregister([ledger.byContact('c1')!.id]);
    expect(ledger.register(input('c1', 'd1.com'), context()).contactId).to.equal('c1');
  });

  it('still says domain-already-registered for a duplicate when full', () => {
    const ledger = ledgerWith(3, 3);
    const error = thrownError(() => ledger.register(input('c9', 'www.d2.com'), context()), 'domain-already-registered');
    expect(error.registration).to.deep.equal(ledger.byDomain('d2.com'));
  });

  it('puts domain-already-registered before domain-unavailable', () => {
    const ledger = ledgerWith(1);
    thrownError(
      () => ledger.register(input('c9', 'd1.com'), context({ isDomainUnavailable: () => true })),
      'domain-already-registered',
    );
  });

  const invalidInputs: ReadonlyArray<[string, Record<string, unknown>]> = [
    ['a missing contactId', { website: 'acme.com' }],
    ['an empty contactId', { contactId: '', website: 'acme.com' }],
    ['a blank contactId', { contactId: '   ', website: 'acme.com' }],
    ['a null contactId', { contactId: null, website: 'acme.com' }],
    ['a numeric contactId', { contactId: 42, website: 'acme.com' }],
    ['a numeric contactName', { contactId: 'c1', website: 'acme.com', contactName: 7 }],
    ['an object company', { contactId: 'c1', website: 'acme.com', company: { name: 'Acme' } }],
    ['an array country', { contactId: 'c1', website: 'acme.com', country: ['DE'] }],
  ];
  for (const [title, value] of invalidInputs) {
    it(`rejects ${title} with validation`, () => {
      const ledger = new RegistrationLedger('untiered', 50);
      thrownError(() => ledger.register(untyped(value), context()), 'validation');
      expect(ledger.size).to.equal(0);
    });
  }

  it('accepts null optional fields as empty', () => {
    const ledger = new RegistrationLedger('untiered', 50);
    const registration = ledger.register(
      untyped({ contactId: 'c1', website: 'acme.com', contactName: null, company: null, country: null }),
      context(),
    );
    expect([registration.contactName, registration.company, registration.country]).to.deep.equal(['', '', '']);
  });

  it('prepare checks every rule without adding', () => {
    const ledger = ledgerWith(1, 2);
    const prepared = ledger.prepare(input('c2', 'www.new.com'), { id: 'r-x', now: NOW });
    expect(prepared.domain).to.equal('new.com');
    expect(ledger.size).to.equal(1);
    expect(ledger.get('r-x')).to.equal(undefined);
    thrownError(() => ledger.prepare(input('c1', 'x.com'), context()), 'contact-already-registered');
  });
});

describe('RegistrationLedger.deregister', () => {
  it('removes the registrations and reports removed and missing', () => {
    const ledger = ledgerWith(3);
    const [first, second] = [ledger.byContact('c1')!.id, ledger.byContact('c2')!.id];
    const result = ledger.deregister([first, 'gone', second]);
    expect(result).to.deep.equal({
      removed: [first, second],
      missing: ['gone'],
      capacity: capacity('untiered', 50, 1),
    });
    expect(ledger.get(first)).to.equal(undefined);
    expect(ledger.byContact('c1')).to.equal(undefined);
    expect(ledger.byDomain('d1.com')).to.equal(undefined);
    expect(ledger.byContact('c3')?.domain).to.equal('d3.com');
  });

  it('is idempotent: a second call reports the ids as missing', () => {
    const ledger = ledgerWith(2);
    const id = ledger.byContact('c1')!.id;
    ledger.deregister([id]);
    expect(ledger.deregister([id])).to.deep.equal({
      removed: [],
      missing: [id],
      capacity: capacity('untiered', 50, 1),
    });
  });

  it('deduplicates ids', () => {
    const ledger = ledgerWith(2);
    const id = ledger.byContact('c1')!.id;
    expect(ledger.deregister([id, id, 'gone', 'gone'])).to.deep.equal({
      removed: [id],
      missing: ['gone'],
      capacity: capacity('untiered', 50, 1),
    });
  });

  it(`accepts ${MAX_DEREGISTER_IDS} ids`, () => {
    const ledger = ledgerWith(1);
    const ids = Array.from({ length: MAX_DEREGISTER_IDS }, (_, i) => `missing-${i}`);
    expect(ledger.deregister(ids).missing).to.have.length(MAX_DEREGISTER_IDS);
  });

  const invalid: ReadonlyArray<[string, unknown]> = [
    ['no ids', []],
    [`${MAX_DEREGISTER_IDS + 1} ids`, Array.from({ length: MAX_DEREGISTER_IDS + 1 }, (_, i) => `id-${i}`)],
    ['an empty id', ['']],
    ['a numeric id', [1]],
    ['a null id', [null]],
    ['ids that are not an array', 'reg-1'],
  ];
  for (const [title, ids] of invalid) {
    it(`rejects ${title} with validation and removes nothing`, () => {
      const ledger = ledgerWith(2);
      const realIds = [...ledger.all()].map((registration) => registration.id);
      const withReal =
        Array.isArray(ids) && ids.length > 0 && ids.length <= MAX_DEREGISTER_IDS
          ? [...realIds, ...(ids as unknown[])]
          : ids;
      thrownError(() => ledger.deregister(withReal as string[]), 'validation');
      expect(ledger.size).to.equal(2);
    });
  }
});

describe('RegistrationLedger.query', () => {
  function sample(): RegistrationLedger {
    const ledger = new RegistrationLedger('gold', 500);
    const rows: ReadonlyArray<[string, string, string, string, string]> = [
      ['c1', 'acme.com', 'Ada Lovelace', 'Acme Corp', 'United Kingdom'],
      ['c2', 'globex.com', 'Hank Scorpio', 'Globex', 'United States'],
      ['c3', 'initech.io', 'Bill Lumbergh', 'Initech', 'United States'],
      ['c4', 'umbrella.de', 'Albert Wesker', 'Umbrella', 'Germany'],
      ['c5', 'zorg.fr', 'Jean-Baptiste Zorg', 'Zorg Industries', 'France'],
    ];
    for (const [contactId, website, contactName, company, country] of rows) {
      ledger.register({ contactId, website, contactName, company, country }, context());
    }
    return ledger;
  }
  const domains = (items: readonly Registration[]): string[] => items.map((item) => item.domain);

  it('defaults to page 1 of 25, domain ascending', () => {
    const result = sample().query({});
    expect(domains(result.items)).to.deep.equal(['acme.com', 'globex.com', 'initech.io', 'umbrella.de', 'zorg.fr']);
    expect([result.total, result.page, result.pageSize]).to.deep.equal([5, 1, 25]);
  });

  const searches: ReadonlyArray<[string, string, string[]]> = [
    ['domain', 'GLOBEX.C', ['globex.com']],
    ['company', 'inDUSTR', ['zorg.fr']],
    ['contact name', 'lumBERGH', ['initech.io']],
    ['country', 'united states', ['globex.com', 'initech.io']],
    ['country, domain and company at once', 'IN', ['acme.com', 'initech.io', 'zorg.fr']],
    ['a trimmed search', '  germany  ', ['umbrella.de']],
    ['nothing', 'no such thing', []],
  ];
  for (const [what, search, expected] of searches) {
    it(`searches ${what} case-insensitively (${JSON.stringify(search)})`, () => {
      const result = sample().query({ search });
      expect(domains(result.items)).to.deep.equal(expected);
      expect(result.total).to.equal(expected.length);
    });
  }

  it('finds an internationalised domain by what people read as well as by its key', () => {
    const ledger = sample();
    ledger.register(
      { contactId: 'c6', website: 'https://bücher.de', contactName: 'Ida', company: 'Ida', country: 'DE' },
      context(),
    );
    for (const search of ['bücher', 'BUCHER.DE', 'xn--bcher']) {
      expect(domains(ledger.query({ search }).items), search).to.deep.equal(['xn--bcher-kva.de']);
    }
  });

  it('sorts by the key and order asked', () => {
    expect(domains(sample().query({ sort: 'contactName', order: 'desc' }).items)).to.deep.equal([
      'zorg.fr',
      'globex.com',
      'initech.io',
      'umbrella.de',
      'acme.com',
    ]);
    expect(domains(sample().query({ sort: 'country' }).items)).to.deep.equal([
      'zorg.fr',
      'umbrella.de',
      'acme.com',
      'globex.com',
      'initech.io',
    ]);
  });

  it('pages with the true total, and a page past the end is empty', () => {
    const ledger = ledgerWith(23);
    const second = ledger.query({ page: 2, pageSize: 10 });
    expect(second.items).to.have.length(10);
    expect(second.total).to.equal(23);
    const third = ledger.query({ page: 3, pageSize: 10 });
    expect(third.items).to.have.length(3);
    const past = ledger.query({ page: 4, pageSize: 10 });
    expect(past).to.deep.equal({ items: [], total: 23, page: 4, pageSize: 10 });
    const searchedPast = ledger.query({ search: 'd1', page: 3, pageSize: 10 });
    expect(searchedPast.items).to.deep.equal([]);
    expect(searchedPast.total).to.equal(11); // d1.com and d10.com … d19.com
  });

  it('rejects a bad query with validation', () => {
    thrownError(() => sample().query({ page: 0 }), 'validation');
  });

  it('reflects a registration in a query after it (sorted views are invalidated)', () => {
    const ledger = sample();
    expect(ledger.query({ sort: 'company' }).total).to.equal(5);
    expect(ledger.query({ sort: 'company', order: 'desc' }).total).to.equal(5);
    ledger.register({ contactId: 'c6', website: 'aaa.com', company: 'AAA Insurance' }, context());
    expect(domains(ledger.query({ sort: 'company' }).items)[0]).to.equal('aaa.com');
    expect(domains(ledger.query({ sort: 'company', order: 'desc' }).items).at(-1)).to.equal('aaa.com');
    expect(ledger.query({ search: 'insurance' }).total).to.equal(1);
  });

  it('reflects a deregistration in a query after it (sorted views are invalidated)', () => {
    const ledger = sample();
    expect(domains(ledger.query({}).items)[0]).to.equal('acme.com');
    ledger.deregister([ledger.byDomain('acme.com')!.id]);
    const result = ledger.query({});
    expect(domains(result.items)).to.deep.equal(['globex.com', 'initech.io', 'umbrella.de', 'zorg.fr']);
    expect(result.total).to.equal(4);
  });

  it('does not hand out its sorted view for callers to change', () => {
    const ledger = sample();
    ledger.query({}).items.splice(0);
    expect(ledger.query({}).total).to.equal(5);
    expect(ledger.query({}).items).to.have.length(5);
  });

  it('returns the capacity it holds after each change', () => {
    const ledger = new RegistrationLedger('platinum', 500);
    ledger.register(input('c1', 'a.com'), context());
    const registered = ledger.register(input('c2', 'b.com'), context());
    expect(ledger.capacity()).to.deep.equal(capacity('platinum', 500, 2));
    expect(ledger.deregister([registered.id]).capacity).to.deep.equal(capacity('platinum', 500, 1));
    expect(ledger.capacity()).to.deep.equal(capacity('platinum', 500, 1));
  });
});

describe('isRegistration', () => {
  const complete: Registration = {
    id: 'r',
    domain: 'acme.com',
    contactId: 'c',
    contactName: '',
    company: '',
    country: '',
    registeredAt: NOW.toISOString(),
    ...NOT_EXPIRING,
  };
  const cases: ReadonlyArray<[string, unknown, boolean]> = [
    ['a complete registration', complete, true],
    [
      'a 0.2 registration, without status, expiresAt and renewals (registrationFrom completes it)',
      { ...complete, status: undefined, expiresAt: undefined, renewals: undefined },
      false,
    ],
    ['an unknown status', { ...complete, status: 'approved' }, false],
    ['an expiry that is no date', { ...complete, expiresAt: 'soon' }, false],
    ['a negative renewal count', { ...complete, renewals: -1 }, false],
    ['null', null, false],
    ['text', 'r', false],
    ['a missing field', { ...complete, country: undefined }, false],
    ['a numeric id', { ...complete, id: 1 }, false],
  ];
  for (const [title, value, expected] of cases) {
    it(`${expected ? 'accepts' : 'rejects'} ${title}`, () => {
      expect(isRegistration(value)).to.equal(expected);
    });
  }
});
