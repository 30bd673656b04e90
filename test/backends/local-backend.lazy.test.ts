import { expect } from '@open-wc/testing';
import { LocalBackend } from '../../src/backends/local-backend.js';
import { CapacityError } from '../../src/core/errors.js';
import type { RegisterInput } from '../../src/core/types.js';
import { deleteDatabase } from '../helpers/backends.js';

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

/** Whether this page has fetched the store's module (each test file runs in a page of its own). */
const storeModuleLoaded = (): boolean =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes('/src/backends/indexeddb-store.'));

const databaseExists = async (): Promise<boolean> =>
  (await indexedDB.databases()).some((database) => database.name === name);

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
    const instance = new LocalBackend({ name, tier: 'diamond', limits: { diamond: 100000 } });
    expect([instance.tier, instance.limit, instance.name]).to.deep.equal(['diamond', 100000, name]);
    const unsubscribe = instance.subscribe(() => {});
    unsubscribe();
    instance.dispose();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(storeModuleLoaded()).to.equal(false);
    expect(await databaseExists()).to.equal(false);

    expect(() => new LocalBackend({ name, limits: { untiered: -1 } })).to.throw(CapacityError);

    expect((await backend().getCapacity()).used).to.equal(0);
    expect(storeModuleLoaded()).to.equal(true);
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
    const deleted = await Promise.race([
      deleteDatabase(name).then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000)),
    ]);
    expect(deleted, 'the database was deleted, so no connection was left open').to.equal(true);
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
