import { expect } from '@open-wc/testing';
import { generateRegistrations } from '../../mocks/seed.js';
import { CapacityError, type CapacityErrorCode } from '../../src/core/errors.js';
import type {
  CapacityBackend,
  Registration,
  RegistrationPolicy,
  RegistrationQuery,
  SortKey,
  Tier,
} from '../../src/core/types.js';
import { capacity as capacityOf, NOT_EXPIRING } from '../helpers/registrations.js';

/** A backend under test, holding exactly `registrations` for a partner of `tier`. */
export interface BackendFixture {
  backend: CapacityBackend;
  /** Releases what the fixture holds (databases, channels); called after each test. */
  teardown(): Promise<void>;
}

export type BackendSetup = (state: {
  tier: Tier;
  registrations: Registration[];
  policy?: RegistrationPolicy;
}) => Promise<BackendFixture>;

/** The CapacityError `promise` rejects with; fails the test if it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<CapacityError> {
  let outcome: unknown;
  try {
    outcome = await promise;
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(CapacityError);
    return error as CapacityError;
  }
  throw new Error(`Expected a CapacityError, got ${JSON.stringify(outcome)}`);
}

async function expectCode(promise: Promise<unknown>, code: CapacityErrorCode): Promise<CapacityError> {
  const error = await rejection(promise);
  expect(error.code, error.message).to.equal(code);
  return error;
}

const row = (
  name: string,
  domain: string,
  company: string,
  contactName: string,
  country: string,
  registeredAt: string,
): Registration => ({
  id: `reg-${name}`,
  domain,
  contactId: `contact-${name}`,
  contactName,
  company,
  country,
  registeredAt,
  ...NOT_EXPIRING,
});

// Five rows with ties in company (alpha, bravo), country (charlie, delta; different case) and
// registeredAt (charlie, delta), and case that a plain code-unit sort would misorder.
const ALPHA = row('alpha', 'alpha.com', 'Banana Corp', 'adam Smith', 'United States', '2024-12-24T08:00:00.000Z');
const BRAVO = row('bravo', 'bravo.fr', 'Banana Corp', 'Yuki Tanaka', 'Côte d’Ivoire', '2023-06-15T12:00:00.000Z');
const CHARLIE = row('charlie', 'charlie.de', 'cherry GmbH', 'emma Dubois', 'GERMANY', '2025-03-01T10:00:00.000Z');
const DELTA = row('delta', 'delta.io', 'apple Farms', 'Zoë Müller', 'Germany', '2025-03-01T10:00:00.000Z');
const ECHO = row('echo', 'echo.co.jp', 'Durian K.K.', 'Bob Stone', 'Japan', '2026-01-10T09:30:00.000Z');
const ROWS = [DELTA, ECHO, ALPHA, CHARLIE, BRAVO]; // not in any sorted order

const SORTED: Record<SortKey, { asc: Registration[]; desc: Registration[] }> = {
  // None expires: one tie, in domain order both ways.
  expiresAt: { asc: [ALPHA, BRAVO, CHARLIE, DELTA, ECHO], desc: [ALPHA, BRAVO, CHARLIE, DELTA, ECHO] },
  domain: { asc: [ALPHA, BRAVO, CHARLIE, DELTA, ECHO], desc: [ECHO, DELTA, CHARLIE, BRAVO, ALPHA] },
  company: { asc: [DELTA, ALPHA, BRAVO, CHARLIE, ECHO], desc: [ECHO, CHARLIE, ALPHA, BRAVO, DELTA] },
  contactName: { asc: [ALPHA, ECHO, CHARLIE, BRAVO, DELTA], desc: [DELTA, BRAVO, CHARLIE, ECHO, ALPHA] },
  country: { asc: [BRAVO, CHARLIE, DELTA, ECHO, ALPHA], desc: [ALPHA, ECHO, CHARLIE, DELTA, BRAVO] },
  registeredAt: { asc: [BRAVO, ALPHA, CHARLIE, DELTA, ECHO], desc: [ECHO, CHARLIE, DELTA, ALPHA, BRAVO] },
};

/** The contact's registration, as its view answers it. */
async function registrationOf(backend: CapacityBackend, contactId: string): Promise<Registration | null> {
  return (await backend.getContactView({ contactId })).registration;
}

const domains = (registrations: readonly Registration[]): string[] =>
  registrations.map((registration) => registration.domain);

/**
 * The rules of docs/contract.md#1-product, #4-the-backend-adapter and #6-domain-normalisation that every backend must
 * keep, run against the backend
 * `setup` makes. One suite for all backends, so that they cannot drift apart.
 */
export function describeBackendContract(name: string, setup: BackendSetup): void {
  describe(`${name}: the backend contract`, () => {
    const fixtures: BackendFixture[] = [];

    async function given(
      registrations: Registration[] = [],
      tier: Tier = 'untiered',
      policy?: RegistrationPolicy,
    ): Promise<CapacityBackend> {
      const rows = registrations.map((registration) => ({ ...registration }));
      const fixture = await setup({ tier, registrations: rows, ...(policy && { policy }) });
      fixtures.push(fixture);
      return fixture.backend;
    }

    afterEach(async () => {
      for (const fixture of fixtures.splice(0)) await fixture.teardown();
    });

    describe('capacity', () => {
      const LIMITS: [Tier, number][] = [
        ['untiered', 50],
        ['silver', 500],
        ['gold', 500],
        ['platinum', 500],
        ['diamond', 1000],
      ];
      for (const [tier, limit] of LIMITS) {
        it(`is ${limit} domains for ${tier} partners, counting every registration`, async () => {
          const backend = await given(ROWS, tier);
          expect(await backend.getCapacity()).to.deep.equal(capacityOf(tier, limit, 5));
        });
      }

      it('is empty with no registrations', async () => {
        const backend = await given();
        expect(await backend.getCapacity()).to.deep.equal(capacityOf('untiered', 50, 0));
      });
    });

    describe('getContactView', () => {
      it('answers a registered contact with its registration, its domain held by itself, and the capacity', async () => {
        const backend = await given(ROWS);
        expect(
          await backend.getContactView({ contactId: CHARLIE.contactId, website: 'https://www.charlie.de/' }),
        ).to.deep.equal({
          contactId: CHARLIE.contactId,
          registration: CHARLIE,
          lapsed: null,
          domain: { name: 'charlie.de', heldBy: 'this-contact' },
          capacity: capacityOf('untiered', 50, 5),
        });
      });

      it('answers a contact that is not registered with null, and its free domain as held by nobody', async () => {
        const backend = await given(ROWS);
        expect(await backend.getContactView({ contactId: 'contact-unknown', website: 'Foxtrot.com.' })).to.deep.equal({
          contactId: 'contact-unknown',
          registration: null,
          lapsed: null,
          domain: { name: 'foxtrot.com', heldBy: 'nobody' },
          capacity: capacityOf('untiered', 50, 5),
        });
      });

      it('finds the holder of a domain by key, past any number of registrations that would match a search for it', async () => {
        // 120 domains contain "alpha.com" and sort before it; a search's first page of 100 would not reach it.
        const decoys = Array.from({ length: 120 }, (_, index) =>
          row(
            `decoy-${index}`,
            `a${String(index).padStart(3, '0')}-alpha.com`,
            'Decoy',
            'Decoy',
            'DE',
            ALPHA.registeredAt,
          ),
        );
        const backend = await given([...decoys, ALPHA], 'silver');
        const view = await backend.getContactView({ contactId: 'contact-new', website: 'alpha.com' });
        expect(view.domain).to.deep.equal({ name: 'alpha.com', heldBy: 'other-contact', registration: ALPHA });
      });

      for (const website of [undefined, '', 'ftp://alpha.com', 'intranet']) {
        it(`answers the website ${JSON.stringify(website)} with no domain, and the rest as for any contact`, async () => {
          const backend = await given(ROWS);
          const view = await backend.getContactView(
            website === undefined ? { contactId: ALPHA.contactId } : { contactId: ALPHA.contactId, website },
          );
          expect(view).to.deep.equal({
            contactId: ALPHA.contactId,
            registration: ALPHA,
            lapsed: null,
            domain: null,
            capacity: capacityOf('untiered', 50, 5),
          });
        });
      }

      for (const contactId of ['.', '..', 'a/b?c#d', ' spaced ']) {
        it(`looks up the contact id ${JSON.stringify(contactId)} exactly as given`, async () => {
          const backend = await given([{ ...ALPHA, contactId }]);
          expect((await backend.getContactView({ contactId, website: 'alpha.com' })).registration?.contactId).to.equal(
            contactId,
          );
        });
      }

      it('rejects a view without a contact id with validation', async () => {
        const backend = await given(ROWS);
        await expectCode(backend.getContactView({ contactId: '', website: 'alpha.com' }), 'validation');
      });
    });

    describe('register', () => {
      it('registers the normalised domain of the website with the contact’s details', async () => {
        const backend = await given();
        const before = Date.now();
        const { registration, capacity } = await backend.register({
          contactId: 'contact-1',
          website: '  https://www.Acme.com:8080/pricing?x=1#top ',
          contactName: 'Ada Lovelace',
          company: 'Acme Inc.',
          country: 'United Kingdom',
        });
        const after = Date.now();
        expect(capacity).to.deep.equal(capacityOf('untiered', 50, 1));
        expect(registration).to.include({
          domain: 'acme.com',
          contactId: 'contact-1',
          contactName: 'Ada Lovelace',
          company: 'Acme Inc.',
          country: 'United Kingdom',
        });
        expect(registration.id).to.be.a('string').and.not.equal('');
        const registeredAt = Date.parse(registration.registeredAt);
        expect(new Date(registeredAt).toISOString()).to.equal(registration.registeredAt);
        expect(registeredAt).to.be.within(before - 1000, after + 1000);
        expect(await registrationOf(backend, 'contact-1')).to.deep.equal(registration);
        expect(await backend.getCapacity()).to.deep.equal(capacityOf('untiered', 50, 1));
      });

      const WEBSITES: [string, string][] = [
        ['globex.com.', 'globex.com'],
        ['shop.initech.co.uk', 'shop.initech.co.uk'],
        ['bücher.de', 'xn--bcher-kva.de'],
        ['HTTP://WWW.Umbrella.IO/', 'umbrella.io'],
        ['//www.hooli.xyz/about', 'hooli.xyz'],
      ];
      for (const [website, domain] of WEBSITES) {
        it(`registers “${website}” as ${domain}`, async () => {
          const backend = await given();
          const { registration } = await backend.register({ contactId: 'contact-1', website });
          expect(registration.domain).to.equal(domain);
        });
      }

      it('stores missing optional details as empty text', async () => {
        const backend = await given();
        const { registration } = await backend.register({ contactId: 'contact-1', website: 'acme.com' });
        expect(registration).to.include({ contactName: '', company: '', country: '' });
      });

      for (const website of ['', '   ', 'ftp://acme.com', 'http://10.0.0.1', 'intranet', 'localhost', 'acme..com']) {
        it(`rejects the website “${website}” with invalid-website and registers nothing`, async () => {
          const backend = await given(ROWS);
          await expectCode(backend.register({ contactId: 'contact-new', website }), 'invalid-website');
          expect((await backend.getCapacity()).used).to.equal(5);
          expect(await registrationOf(backend, 'contact-new')).to.equal(null);
        });
      }

      it('rejects a registration without a contact id with validation', async () => {
        const backend = await given();
        await expectCode(backend.register({ contactId: '', website: 'acme.com' }), 'validation');
        expect((await backend.getCapacity()).used).to.equal(0);
      });

      it('rejects a contact registered already with contact-already-registered and its registration', async () => {
        const backend = await given(ROWS);
        const error = await expectCode(
          backend.register({ contactId: ALPHA.contactId, website: 'https://somewhere-else.com' }),
          'contact-already-registered',
        );
        expect(error.registration).to.deep.equal(ALPHA);
        expect((await backend.getCapacity()).used).to.equal(5);
      });

      it('rejects a domain registered through another contact with domain-already-registered and that registration', async () => {
        const backend = await given(ROWS);
        const error = await expectCode(
          backend.register({ contactId: 'contact-new', website: 'https://www.ALPHA.com/about' }),
          'domain-already-registered',
        );
        expect(error.registration).to.deep.equal(ALPHA);
        expect(error.message).to.contain('alpha.com');
        expect((await backend.getCapacity()).used).to.equal(5);
        expect(await registrationOf(backend, 'contact-new')).to.equal(null);
      });

      it('registers up to the limit and rejects the next one with capacity-exceeded and the capacity', async () => {
        const backend = await given(generateRegistrations(49, 7), 'untiered');
        await backend.register({ contactId: 'contact-50th', website: 'fiftieth.com' });
        expect(await backend.getCapacity()).to.deep.equal(capacityOf('untiered', 50, 50));

        const error = await expectCode(
          backend.register({ contactId: 'contact-51st', website: 'fifty-first.com' }),
          'capacity-exceeded',
        );
        expect(error.capacity).to.deep.equal(capacityOf('untiered', 50, 50));
        expect(await registrationOf(backend, 'contact-51st')).to.equal(null);
        expect((await backend.getCapacity()).used).to.equal(50);
      });
    });

    describe('listRegistrations', () => {
      it('sorts by domain ascending, 25 to a page, by default', async () => {
        const backend = await given(ROWS, 'gold');
        const page = await backend.listRegistrations({});
        expect(domains(page.items)).to.deep.equal(domains(SORTED.domain.asc));
        expect(page.items[0]).to.deep.equal(ALPHA);
        expect(page).to.include({ total: 5, page: 1, pageSize: 25 });
        expect(page.capacity).to.deep.equal(capacityOf('gold', 500, 5));
      });

      for (const sort of Object.keys(SORTED) as SortKey[]) {
        for (const order of ['asc', 'desc'] as const) {
          it(`sorts by ${sort} ${order}, case-insensitively, ties by domain`, async () => {
            const backend = await given(ROWS);
            const page = await backend.listRegistrations({ sort, order });
            expect(domains(page.items)).to.deep.equal(domains(SORTED[sort][order]));
          });
        }
      }

      it('sorts ascending when only the key is given', async () => {
        const backend = await given(ROWS);
        const page = await backend.listRegistrations({ sort: 'company' });
        expect(domains(page.items)).to.deep.equal(domains(SORTED.company.asc));
      });

      const SEARCHES: [string, string, Registration[]][] = [
        ['domain', 'ALPHA.C', [ALPHA]],
        ['company', 'banana', [ALPHA, BRAVO]],
        ['contact name', 'tanaka', [BRAVO]],
        ['contact name with accents', 'ZOË', [DELTA]],
        ['country', 'CÔTE D’', [BRAVO]],
        ['country in any case', 'germany', [CHARLIE, DELTA]],
        ['any of the four fields', 'an', [ALPHA, BRAVO, CHARLIE, DELTA, ECHO]],
        ['nothing', 'zzz', []],
      ];
      for (const [field, search, expected] of SEARCHES) {
        it(`searches ${field}, case-insensitively (“${search}”)`, async () => {
          const backend = await given(ROWS);
          const page = await backend.listRegistrations({ search });
          expect(domains(page.items)).to.deep.equal(domains(expected));
          expect(page.total).to.equal(expected.length);
          expect(page.capacity.used).to.equal(5);
        });
      }

      it('does not search the registration date or ids', async () => {
        const backend = await given(ROWS);
        expect((await backend.listRegistrations({ search: '2025' })).total).to.equal(0);
        expect((await backend.listRegistrations({ search: 'contact-alpha' })).total).to.equal(0);
      });

      it('searches and sorts together', async () => {
        const backend = await given(ROWS);
        const page = await backend.listRegistrations({ search: 'an', sort: 'registeredAt', order: 'desc' });
        expect(domains(page.items)).to.deep.equal(domains(SORTED.registeredAt.desc));
      });

      describe('paging', () => {
        const MANY = generateRegistrations(137, 3);
        const BY_DOMAIN = [...MANY].sort((a, b) => (a.domain < b.domain ? -1 : 1));

        it('returns the page asked for, with the total', async () => {
          const backend = await given(MANY, 'gold');
          const page = await backend.listRegistrations({ page: 2, pageSize: 25 });
          expect(page.items).to.deep.equal(BY_DOMAIN.slice(25, 50));
          expect(page).to.include({ total: 137, page: 2, pageSize: 25 });
          expect(page.capacity).to.deep.equal(capacityOf('gold', 500, 137));
        });

        for (const pageSize of [10, 25, 50, 100] as const) {
          it(`pages by ${pageSize}`, async () => {
            const backend = await given(MANY, 'gold');
            const page = await backend.listRegistrations({ page: 1, pageSize });
            expect(domains(page.items)).to.deep.equal(domains(BY_DOMAIN.slice(0, pageSize)));
            expect(page).to.include({ total: 137, page: 1, pageSize });
          });
        }

        it('returns the rest on the last page', async () => {
          const backend = await given(MANY, 'gold');
          const page = await backend.listRegistrations({ page: 6, pageSize: 25 });
          expect(domains(page.items)).to.deep.equal(domains(BY_DOMAIN.slice(125)));
          expect(page.items).to.have.length(12);
        });

        it('returns no items and the true total past the end', async () => {
          const backend = await given(MANY, 'gold');
          const page = await backend.listRegistrations({ page: 7, pageSize: 25 });
          expect(page.items).to.deep.equal([]);
          expect(page).to.include({ total: 137, page: 7, pageSize: 25 });
        });

        it('pages through search results', async () => {
          const backend = await given(MANY, 'gold');
          const matching = BY_DOMAIN.filter((registration) => registration.country === 'Germany');
          const page = await backend.listRegistrations({ search: 'germany', page: 2, pageSize: 10 });
          expect(page.total).to.equal(matching.length);
          expect(domains(page.items)).to.deep.equal(domains(matching.slice(10, 20)));
        });
      });

      const INVALID: [string, RegistrationQuery][] = [
        ['page size 7', { pageSize: 7 } as unknown as RegistrationQuery],
        ['page 0', { page: 0 }],
        ['page -1', { page: -1 }],
        ['page 1.5', { page: 1.5 }],
        ['an unknown sort key', { sort: 'website' } as unknown as RegistrationQuery],
        ['an unknown order', { order: 'up' } as unknown as RegistrationQuery],
      ];
      for (const [what, query] of INVALID) {
        it(`rejects ${what} with validation`, async () => {
          const backend = await given(ROWS);
          await expectCode(backend.listRegistrations(query), 'validation');
        });
      }
    });

    describe('deregister', () => {
      it('removes registrations, releases their domains and reports the capacity', async () => {
        const backend = await given(ROWS, 'silver');
        const result = await backend.deregister([ALPHA.id, BRAVO.id]);
        expect(result).to.deep.equal({
          removed: [ALPHA.id, BRAVO.id],
          missing: [],
          capacity: capacityOf('silver', 500, 3),
        });
        expect(await registrationOf(backend, ALPHA.contactId)).to.equal(null);
        expect(await backend.getCapacity()).to.deep.equal(capacityOf('silver', 500, 3));
        expect(domains((await backend.listRegistrations({})).items)).to.deep.equal([
          'charlie.de',
          'delta.io',
          'echo.co.jp',
        ]);
        // The released domain can be registered again, through any contact.
        const { registration: again } = await backend.register({ contactId: 'contact-new', website: 'alpha.com' });
        expect(again.domain).to.equal('alpha.com');
      });

      it('reports ids already gone as missing, not as an error', async () => {
        const backend = await given(ROWS);
        const first = await backend.deregister([ALPHA.id, 'reg-never-existed']);
        expect(first).to.deep.include({ removed: [ALPHA.id], missing: ['reg-never-existed'] });
        const second = await backend.deregister([ALPHA.id]);
        expect(second).to.deep.equal({
          removed: [],
          missing: [ALPHA.id],
          capacity: capacityOf('untiered', 50, 4),
        });
      });

      it('counts an id given twice once', async () => {
        const backend = await given(ROWS);
        const result = await backend.deregister([ALPHA.id, ALPHA.id]);
        expect(result).to.deep.include({ removed: [ALPHA.id], missing: [] });
        expect(result.capacity.used).to.equal(4);
      });

      it('makes room at the limit', async () => {
        const full = generateRegistrations(50, 11);
        const backend = await given(full, 'untiered');
        await expectCode(backend.register({ contactId: 'contact-new', website: 'newcomer.com' }), 'capacity-exceeded');
        await backend.deregister([full[0].id]);
        const { registration } = await backend.register({ contactId: 'contact-new', website: 'newcomer.com' });
        expect(registration.domain).to.equal('newcomer.com');
        expect((await backend.getCapacity()).used).to.equal(50);
      });

      it('rejects no ids with validation', async () => {
        const backend = await given(ROWS);
        await expectCode(backend.deregister([]), 'validation');
      });

      it('rejects more than 1000 ids with validation and removes nothing', async () => {
        const backend = await given(ROWS);
        const ids = [ALPHA.id, ...Array.from({ length: 1000 }, (_, index) => `reg-${index}`)];
        await expectCode(backend.deregister(ids), 'validation');
        expect((await backend.getCapacity()).used).to.equal(5);
      });

      it('accepts exactly 1000 ids', async () => {
        const backend = await given(ROWS);
        const ids = [ALPHA.id, ...Array.from({ length: 999 }, (_, index) => `reg-${index}`)];
        const result = await backend.deregister(ids);
        expect(result.removed).to.deep.equal([ALPHA.id]);
        expect(result.missing).to.have.length(999);
      });
    });

    describe('the lifecycle', () => {
      const DAY_MS = 86_400_000;
      const POLICY: RegistrationPolicy = { termDays: 90, renewalWindowDays: 30, maxRenewals: 1, review: true };
      const inDays = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString();
      const near = (iso: string | null | undefined, expected: number): void => {
        expect(Math.abs(Date.parse(iso ?? '') - expected), `${iso} is ${new Date(expected).toISOString()}`).to.be.below(
          60_000,
        );
      };
      const lifecycleRows = (): Registration[] => [
        { ...ALPHA, expiresAt: inDays(10) },
        { ...BRAVO, expiresAt: inDays(60) },
        { ...CHARLIE, expiresAt: inDays(-1) },
        { ...DELTA, status: 'pending' },
        ECHO,
      ];

      it('registers under the policy: pending review, expiring one term ahead; the capacity carries the policy', async () => {
        const backend = await given([], 'untiered', POLICY);
        const { registration, capacity } = await backend.register({ contactId: 'c-new', website: 'new.example' });
        expect(registration).to.deep.include({ status: 'pending', renewals: 0 });
        near(registration.expiresAt, Date.now() + 90 * DAY_MS);
        expect(capacity).to.deep.include({ used: 1, policy: POLICY, expiringSoon: 0 });
      });

      it('leaves a lapsed registration out of the capacity and the list, and shows it in its contact’s view', async () => {
        const backend = await given(lifecycleRows(), 'untiered', POLICY);
        expect(await backend.getCapacity()).to.deep.include({ used: 4, expiringSoon: 1 });
        expect(domains((await backend.listRegistrations({})).items)).to.not.include(CHARLIE.domain);
        const view = await backend.getContactView({ contactId: CHARLIE.contactId, website: CHARLIE.domain });
        expect(view).to.deep.include({ registration: null, domain: { name: CHARLIE.domain, heldBy: 'nobody' } });
        expect(view.lapsed?.id).to.equal(CHARLIE.id);
      });

      it('filters to those pending review and to those expiring soon, and sorts by expiry', async () => {
        const backend = await given(lifecycleRows(), 'untiered', POLICY);
        const list = async (query: RegistrationQuery): Promise<string[]> =>
          domains((await backend.listRegistrations(query)).items);
        expect(await list({ filter: 'pending' })).to.deep.equal([DELTA.domain]);
        expect(await list({ filter: 'expiring' })).to.deep.equal([ALPHA.domain]);
        expect(await list({ sort: 'expiresAt' })).to.deep.equal([
          ALPHA.domain,
          BRAVO.domain,
          DELTA.domain,
          ECHO.domain,
        ]);
        expect(await list({ sort: 'expiresAt', order: 'desc' })).to.deep.equal([
          DELTA.domain,
          ECHO.domain,
          BRAVO.domain,
          ALPHA.domain,
        ]);
      });

      it('renews where the policy allows it, and refuses each other id with its reason', async () => {
        const backend = await given(lifecycleRows(), 'untiered', POLICY);
        const result = await backend.renew!([ALPHA.id, BRAVO.id, CHARLIE.id, DELTA.id, ECHO.id]);
        expect(result.renewed.map(({ id, renewals }) => [id, renewals])).to.deep.equal([[ALPHA.id, 1]]);
        near(result.renewed[0].expiresAt, Date.now() + 100 * DAY_MS);
        expect(result.refused.map(({ id, reason }) => [id, reason])).to.deep.equal([
          [BRAVO.id, 'not-yet-renewable'],
          [CHARLIE.id, 'not-found'],
          [DELTA.id, 'pending-review'],
          [ECHO.id, 'no-expiry'],
        ]);
        expect(result.capacity).to.deep.include({ used: 4, expiringSoon: 0 });
        const again = await backend.renew!([ALPHA.id]);
        expect(again.refused.map(({ reason }) => reason)).to.deep.equal(['renewal-limit']);
        expect((await backend.getContactView({ contactId: ALPHA.contactId })).registration).to.deep.include({
          renewals: 1,
        });
      });
    });
  });
}
