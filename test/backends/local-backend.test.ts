import { expect } from '@open-wc/testing';
import { createStore, set } from 'idb-keyval';
import { LocalBackend, type LocalBackendOptions } from '../../src/backends/local-backend.js';
import { CapacityError } from '../../src/core/errors.js';
import type { CapacityBackend, RegisterInput, Registration } from '../../src/core/types.js';
import { deleteDatabase } from '../helpers/backends.js';
import { storedEntries, storedRegistrationIds, writesDuring } from '../helpers/indexeddb.js';
import { rejection } from './backend-contract.js';
import { capacity, NOT_EXPIRING } from '../helpers/registrations.js';

// What LocalBackend does beyond the shared contract suite: storage, fallback, locking, cross-tab news.

let name = '';
let opened: LocalBackend[] = [];

function backend(options: LocalBackendOptions = {}): LocalBackend {
  const instance = new LocalBackend({ name, ...options });
  opened.push(instance);
  return instance;
}

function input(n: number): RegisterInput {
  return {
    contactId: `c${n}`,
    website: `https://www.company${n}.com/about`,
    contactName: `Person ${n}`,
    company: `Company ${n}`,
  };
}

function registration(n: number): Registration {
  return {
    id: `r${n}`,
    domain: `company${n}.com`,
    contactId: `c${n}`,
    contactName: `Person ${n}`,
    company: `Company ${n}`,
    country: 'NL',
    registeredAt: new Date(Date.UTC(2026, 0, n)).toISOString(),
    ...NOT_EXPIRING,
  };
}

async function seedRaw(rows: [IDBValidKey, unknown][]): Promise<void> {
  const store = createStore(name, 'registrations');
  for (const [key, value] of rows) await set(key, value, store);
  await store('readonly', (objects) => objects.transaction.db.close());
}

/** A promise of the next call of a listener, and the listener. */
function nextCall(): { called: Promise<void>; listener: () => void } {
  let listener = (): void => {};
  const called = new Promise<void>((resolve) => (listener = resolve));
  return { called, listener };
}

beforeEach(() => {
  name = `lrw-test-${crypto.randomUUID()}`;
  opened = [];
});

afterEach(async () => {
  for (const instance of opened) instance.dispose();
  // Would hang (and time out) if dispose left a connection open.
  await deleteDatabase(name);
});

/** The contact's registration, as its view answers it. */
async function registrationOf(backend: CapacityBackend, contactId: string): Promise<Registration | null> {
  return (await backend.getContactView({ contactId })).registration;
}

describe('LocalBackend', () => {
  describe('options', () => {
    it('defaults to the untiered limit and the widget’s database name', () => {
      const instance = new LocalBackend();
      expect([instance.tier, instance.limit, instance.name]).to.deep.equal([
        'untiered',
        50,
        'lead-registration-widget',
      ]);
      instance.dispose();
    });

    it('takes per-tier limit overrides and enforces them', async () => {
      const diamond = backend({ tier: 'diamond', limits: { diamond: 100000, untiered: 1 } });
      expect(await diamond.getCapacity()).to.deep.equal(capacity('diamond', 100000, 0));

      const small = backend({ limits: { untiered: 2 } });
      await small.register(input(1));
      await small.register(input(2));
      const error = await rejection(small.register(input(3)));
      expect(error.code).to.equal('capacity-exceeded');
      expect(error.capacity).to.deep.equal(capacity('untiered', 2, 2));
    });

    it('rejects an unknown tier', () => {
      expect(() => new LocalBackend({ name, tier: 'bronze' as never })).to.throw(CapacityError);
    });
  });

  describe('storage', () => {
    it('keeps registrations across instances (a reload)', async () => {
      const first = backend();
      expect(await first.storage()).to.equal('indexeddb');
      const { registration: registered } = await first.register(input(1));
      await first.register(input(2));
      await first.deregister([registered.id]);
      first.dispose();

      const second = backend();
      expect((await second.getCapacity()).used).to.equal(1);
      expect(await registrationOf(second, 'c1')).to.equal(null);
      expect((await registrationOf(second, 'c2'))?.domain).to.equal('company2.com');
    });

    it('stores each registration under its id', async () => {
      const instance = backend();
      const { registration: registered } = await instance.register(input(1));
      const rows = await storedEntries(name);
      expect(storedRegistrationIds(rows)).to.deep.equal([registered.id]);
      expect(rows.get(registered.id)).to.deep.equal(registered);
    });

    it('writes only the keys a change touches', async () => {
      const instance = backend();
      await instance.replaceAll([registration(1), registration(2), registration(3)]);
      await instance.getCapacity(); // loaded before counting

      const registering = await writesDuring(() => instance.register(input(4)));
      const added = registering.result.registration;
      expect(registering.puts.filter((key) => typeof key === 'string')).to.deep.equal([added.id]);
      expect(registering.deletes).to.deep.equal([]);

      const deregistering = await writesDuring(() => instance.deregister(['r2', 'gone']));
      expect(deregistering.puts.filter((key) => typeof key === 'string')).to.deep.equal([]);
      expect(deregistering.deletes).to.deep.equal(['r2']);
      expect(storedRegistrationIds(await storedEntries(name))).to.deep.equal([added.id, 'r1', 'r3'].sort());
    });

    it('skips malformed stored values', async () => {
      await seedRaw([
        ['r1', registration(1)],
        ['junk', { id: 'junk', domain: 42 }],
        ['elsewhere', registration(2)], // stored under a key that is not its id
        ['text', 'not a registration'],
      ]);
      const instance = backend();
      expect((await instance.getCapacity()).used).to.equal(1);
      expect((await instance.listRegistrations({})).items.map((row) => row.id)).to.deep.equal(['r1']);
    });

    it('hands out copies, not its own records', async () => {
      const instance = backend();
      const { registration: registered } = await instance.register(input(1));
      registered.domain = 'changed.com';
      const page = await instance.listRegistrations({});
      page.items[0].contactId = 'changed';
      const error = await rejection(instance.register(input(1)));
      expect(error.code).to.equal('contact-already-registered');
      error.registration!.domain = 'changed.com';
      expect(await registrationOf(instance, 'c1')).to.include({ domain: 'company1.com', contactId: 'c1' });
    });
  });

  describe('when IndexedDB cannot open', () => {
    const open = indexedDB.open.bind(indexedDB);
    let warnings: unknown[][];
    const warn = console.warn;

    beforeEach(() => {
      warnings = [];
      console.warn = (...args: unknown[]) => warnings.push(args);
    });

    afterEach(() => {
      console.warn = warn;
      Reflect.deleteProperty(indexedDB, 'open');
    });

    async function expectMemory(): Promise<void> {
      const instance = backend();
      expect(await instance.storage()).to.equal('memory');
      const { registration: registered } = await instance.register(input(1));
      expect(await registrationOf(instance, 'c1')).to.deep.equal(registered);
      await instance.register(input(2));
      await instance.deregister([registered.id]);
      expect((await instance.getCapacity()).used).to.equal(1);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.match(/will not survive a reload/);
    }

    it('keeps the data in memory, with one warning, when open throws', async () => {
      indexedDB.open = () => {
        throw new DOMException('IndexedDB is disabled', 'InvalidStateError');
      };
      await expectMemory();
    });

    it('keeps the data in memory, with one warning, when the open request fails', async () => {
      // Open at version 2 first, so that opening at version 1 fails with a VersionError.
      await new Promise<void>((resolve, reject) => {
        const request = open(name, 2);
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(new Error('Could not prepare the database', { cause: request.error }));
      });
      indexedDB.open = (dbName: string) => open(dbName, 1);
      await expectMemory();
    });
  });

  describe('concurrency', () => {
    async function raceForLastSlot(): Promise<void> {
      const instance = backend({ limits: { untiered: 1 } });
      const results = await Promise.allSettled([instance.register(input(1)), instance.register(input(2))]);
      expect(results.filter((result) => result.status === 'fulfilled')).to.have.length(1);
      const failed = results.find((result) => result.status === 'rejected');
      expect((failed?.reason as CapacityError).code).to.equal('capacity-exceeded');
      expect(storedRegistrationIds(await storedEntries(name))).to.have.length(1);
    }

    it('lets exactly one of two registrations racing for the last slot succeed', raceForLastSlot);

    it('works and serialises its own mutations on a plain-http page (no Web Locks, no randomUUID)', async () => {
      Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      try {
        await raceForLastSlot();
      } finally {
        Reflect.deleteProperty(navigator, 'locks');
        Reflect.deleteProperty(crypto, 'randomUUID');
      }
      expect(navigator.locks).to.be.an.instanceOf(LockManager);
      expect(typeof crypto.randomUUID).to.equal('function');
    });

    it('lets exactly one of two tabs racing for the last slot succeed', async () => {
      const [a, b] = [backend({ limits: { untiered: 1 } }), backend({ limits: { untiered: 1 } })];
      await Promise.all([a.getCapacity(), b.getCapacity()]);
      const results = await Promise.allSettled([a.register(input(1)), b.register(input(2))]);
      expect(results.map((result) => result.status).sort()).to.deep.equal(['fulfilled', 'rejected']);
      expect(storedRegistrationIds(await storedEntries(name))).to.have.length(1);
    });

    it('respects another tab’s registrations before its message arrives', async () => {
      const [a, b] = [backend({ limits: { untiered: 1 } }), backend({ limits: { untiered: 1 } })];
      await b.getCapacity(); // b holds a copy from before a’s registration
      await a.register(input(1));
      const error = await rejection(b.register(input(2)));
      expect(error.code).to.equal('capacity-exceeded');
    });
  });

  describe('subscribe', () => {
    it('hears another instance’s register and deregister, and nothing after unsubscribing', async () => {
      const [a, b] = [backend(), backend()];
      await b.getCapacity();

      let calls = 0;
      let next = nextCall();
      const unsubscribe = b.subscribe(() => {
        calls += 1;
        next.listener();
      });

      const { registration: registered } = await a.register(input(1));
      await next.called;
      expect((await b.getCapacity()).used).to.equal(1);

      next = nextCall();
      await a.deregister([registered.id]);
      await next.called;
      expect((await b.getCapacity()).used).to.equal(0);
      expect(calls).to.equal(2);

      unsubscribe();
      const other = nextCall();
      b.subscribe(other.listener);
      await a.register(input(2));
      await other.called; // the same message would have reached the first listener by now
      expect(calls).to.equal(2);
    });

    it('does not echo an instance’s own changes to its own subscribers', async () => {
      const [a, c] = [backend(), backend()];
      let calls = 0;
      const next = nextCall();
      a.subscribe(() => {
        calls += 1;
        next.listener();
      });
      await a.register(input(1));
      await c.register(input(2));
      await next.called;
      expect(calls).to.equal(1);
      expect((await a.getCapacity()).used).to.equal(2);
    });
  });

  describe('replaceAll', () => {
    it('replaces every registration and tells subscribers here and elsewhere', async () => {
      const [a, b] = [backend(), backend()];
      await a.register(input(9));
      await b.getCapacity();
      const here = nextCall();
      const elsewhere = nextCall();
      a.subscribe(here.listener);
      b.subscribe(elsewhere.listener);

      await a.replaceAll([registration(1), registration(2)]);
      await Promise.all([here.called, elsewhere.called]);

      expect(storedRegistrationIds(await storedEntries(name))).to.deep.equal(['r1', 'r2']);
      for (const instance of [a, b]) {
        const page = await instance.listRegistrations({});
        expect(page.items).to.deep.equal([registration(1), registration(2)]);
        expect(page.capacity.used).to.equal(2);
      }
      expect(await registrationOf(backend(), 'c9')).to.equal(null);
    });

    it('rejects malformed registrations and changes nothing', async () => {
      const instance = backend();
      await instance.replaceAll([registration(1)]);
      const error = await rejection(instance.replaceAll([registration(2), { id: 'x' } as Registration]));
      expect(error.code).to.equal('validation');
      expect(storedRegistrationIds(await storedEntries(name))).to.deep.equal(['r1']);
    });
  });

  describe('signal', () => {
    it('rejects every call with an aborted signal with `aborted`, writing nothing', async () => {
      const instance = backend();
      await instance.replaceAll([registration(1)]);
      const signal = AbortSignal.abort();
      const calls = [
        instance.getCapacity({ signal }),
        instance.getContactView({ contactId: 'c1' }, { signal }),
        instance.listRegistrations({}, { signal }),
        instance.register(input(2), { signal }),
        instance.deregister(['r1'], { signal }),
      ];
      for (const call of calls) expect((await rejection(call)).code).to.equal('aborted');
      expect(storedRegistrationIds(await storedEntries(name))).to.deep.equal(['r1']);
    });

    it('rejects a mutation aborted while it waits, leaving no trace of it', async () => {
      const instance = backend();
      const controller = new AbortController();
      const first = instance.register(input(1));
      const second = instance.register(input(2), { signal: controller.signal });
      controller.abort('the user went elsewhere'); // a reason that is not an AbortError
      expect((await rejection(second)).code).to.equal('aborted');
      await first;
      expect((await instance.getCapacity()).used).to.equal(1);
      expect(await registrationOf(instance, 'c2')).to.equal(null);
      expect(storedRegistrationIds(await storedEntries(name))).to.have.length(1);
    });
  });
});
