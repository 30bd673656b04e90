import { expect } from '@open-wc/testing';
import { LocalBackend } from '../../src/backends/local-backend.js';
import { CapacityError } from '../../src/core/errors.js';
import type { RegisterInput } from '../../src/core/types.js';
import { deleteDatabase, deletion } from '../helpers/backends.js';
import { nextTask } from '../helpers/wait.js';

// LocalBackend is a facade that loads its storage code (src/backends/indexeddb-store.ts, with
// idb-keyval and the ledger) on its first call. Before that, everything sync must already work.

let name = '';
let opened: LocalBackend[] = [];

function backend(limit?: number): LocalBackend {
  const instance = new LocalBackend({ name, ...(limit === undefined ? {} : { limits: { untiered: limit } }) });
  opened.push(instance);
  return instance;
}

function input(n: number): RegisterInput {
  return {
    contactId: `c${n}`,
    website: `https://company${n}.com`,
    contactName: `Person ${n}`,
    company: `Company ${n}`,
  };
}

/** This page's fetches of the store's module (each test file runs in a page of its own). */
const storeModuleFetches = (): PerformanceEntry[] =>
  performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/src/backends/indexeddb-store.'));

const databaseExists = async (database: string): Promise<boolean> =>
  (await indexedDB.databases()).some((info) => info.name === database);

beforeEach(() => {
  name = `lrw-lazy-${crypto.randomUUID()}`;
  opened = [];
});

afterEach(async () => {
  for (const instance of opened) instance.dispose();
  // Would hang (and time out) if a connection were left open.
  await deleteDatabase(name);
});

describe('LocalBackend, loaded lazily', () => {
  // First, while nothing in this page has called a LocalBackend yet.
  it('is constructed, subscribed to and disposed without loading its storage code or opening a database', async () => {
    const idleName = `${name}-idle`;
    const instance = new LocalBackend({ name: idleName, tier: 'diamond', limits: { diamond: 100000 } });
    expect([instance.tier, instance.limit, instance.name]).to.deep.equal(['diamond', 100000, idleName]);
    const unsubscribe = instance.subscribe(() => {});
    unsubscribe();
    instance.dispose();
    expect(() => new LocalBackend({ name, limits: { untiered: -1 } })).to.throw(CapacityError);

    // A dynamic import starts its fetch within the call (its resource timing starts there): any that the calls
    // above made has started by now. Once the clock has moved on, the first call must be what fetches the store,
    // and, as it waits for the fetch any earlier import began, a store loaded meanwhile would have opened its database.
    const idleDone = performance.now();
    while (performance.now() <= idleDone) await nextTask();
    expect((await backend().getCapacity()).used).to.equal(0);
    const fetches = storeModuleFetches();
    expect(fetches, 'the storage code is fetched once').to.have.length(1);
    expect(fetches[0].startTime, 'by the first call, not before').to.be.above(idleDone);
    expect(await databaseExists(idleName), 'no database of the instance never called').to.equal(false);
  });

  it('tells a subscriber that has never called it of another instance’s changes', async () => {
    const [a, b] = [backend(), backend()];
    const heard = new Promise<void>((resolve) => b.subscribe(resolve));
    await a.register(input(1));
    await heard;
    expect((await b.getCapacity()).used).to.equal(1);
  });

  it('runs the calls made before its store has loaded in the order they were made', async () => {
    const instance = backend(1);
    const first = instance.register(input(1));
    const second = instance.register(input(2));
    expect((await first).registration.contactId).to.equal('c1');
    const error = await second.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).to.be.instanceOf(CapacityError);
    expect((error as CapacityError).code).to.equal('capacity-exceeded');
  });

  it('registers the input as it was when called, even if the caller edits it while the store loads', async () => {
    const contact = input(1);
    const registering = backend().register(contact);
    contact.website = 'https://elsewhere.com';
    expect((await registering).registration.domain).to.equal('company1.com');
  });

  it('closes the database when disposed while its first calls wait for the store', async () => {
    const instance = new LocalBackend({ name }); // disposed once only, here
    const reading = instance.getCapacity();
    instance.dispose();
    expect((await reading).used).to.equal(0);
    // A connection left open would not close when asked to (versionchange): the deletion would be blocked.
    expect(await deletion(name), 'no connection was left open').to.equal('deleted');
  });

  it('rejects a call with an already aborted signal with `aborted`', async () => {
    const error = await backend()
      .getCapacity({ signal: AbortSignal.abort() })
      .then(
        () => null,
        (reason: unknown) => reason,
      );
    expect((error as CapacityError).code).to.equal('aborted');
  });
});
