import { expect } from '@open-wc/testing';
import { LocalBackend } from '../../src/backends/local-backend.js';
import type { Registration, RegistrationQuery, SortKey, SortOrder } from '../../src/core/types.js';
import { storedEntries, storedRegistrationIds, writesDuring } from '../helpers/indexeddb.js';
import { makeRegistrations } from '../helpers/registrations.js';

// LocalBackend at a scale where reading, writing and sorting happen in batches (issue 7, item 3), kept
// small enough for CI: 20,000 registrations. No timings are asserted; correctness is.

const COUNT = 20_000;

let name = '';
const opened: LocalBackend[] = [];

function backend(): LocalBackend {
  const instance = new LocalBackend({ name, tier: 'diamond', limits: { diamond: 50_000 } });
  opened.push(instance);
  return instance;
}

function deleteDatabase(): Promise<void> {
  for (const instance of opened.splice(0)) instance.dispose();
  return new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** The query semantics (docs/contract.md#queries), written out plainly, to check the backend against. */
function expectedPage(
  rows: readonly Registration[],
  query: Required<Omit<RegistrationQuery, 'filter'>>,
): { ids: string[]; total: number } {
  const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const key = (row: Registration): string =>
    query.sort === 'registeredAt' ? row.registeredAt : fold(row[query.sort] ?? '');
  const direction = query.order === 'asc' ? 1 : -1;
  const search = fold(query.search);
  const matching = rows
    .filter((row) =>
      [row.domain, row.company, row.contactName, row.country].some((field) => fold(field).includes(search)),
    )
    .sort((a, b) => direction * compare(key(a), key(b)) || compare(a.domain, b.domain) || compare(a.id, b.id));
  const start = (query.page - 1) * query.pageSize;
  return { ids: matching.slice(start, start + query.pageSize).map((row) => row.id), total: matching.length };
}

async function expectQuery(
  instance: LocalBackend,
  rows: readonly Registration[],
  query: Required<Omit<RegistrationQuery, 'filter'>>,
): Promise<void> {
  const page = await instance.listRegistrations(query);
  const expected = expectedPage(rows, query);
  expect(page.total, `total of ${JSON.stringify(query)}`).to.equal(expected.total);
  expect(
    page.items.map((row) => row.id),
    `page of ${JSON.stringify(query)}`,
  ).to.deep.equal(expected.ids);
}

describe(`LocalBackend with ${COUNT.toLocaleString('en')} registrations`, function () {
  this.timeout(30_000);
  const registrations = makeRegistrations(COUNT);

  // One database for the first two tests, seeded once (the seeding is what takes time): the first only
  // reads it, the second changes it.
  before(async () => {
    name = `lrw-scale-${crypto.randomUUID()}`;
    await backend().replaceAll(registrations);
  });

  after(deleteDatabase);

  it('stores them all, loads them all again, and answers queries as the contract says', async () => {
    expect(storedRegistrationIds(await storedEntries(name))).to.have.length(COUNT);
    // Another instance reads them back from IndexedDB, in batches.
    const instance = backend();
    expect((await instance.getCapacity()).used).to.equal(COUNT);
    const queries: Required<Omit<RegistrationQuery, 'filter'>>[] = [
      { search: '', sort: 'domain', order: 'asc', page: 1, pageSize: 100 },
      { search: '', sort: 'country', order: 'desc', page: 37, pageSize: 100 },
      { search: 'acme', sort: 'registeredAt', order: 'desc', page: 3, pageSize: 50 },
      { search: 'GRACE', sort: 'contactName', order: 'asc', page: 2, pageSize: 25 },
      { search: 'nothing like it', sort: 'company', order: 'asc', page: 1, pageSize: 10 },
    ];
    for (const query of queries) await expectQuery(instance, registrations, query);
  });

  it('writes only the keys a registration or a deregistration touches, and its queries follow', async () => {
    const instance = backend();
    const sorts: [SortKey, SortOrder][] = [
      ['domain', 'asc'],
      ['company', 'desc'],
      ['country', 'asc'],
      ['registeredAt', 'desc'],
    ];
    // Every order sorted once, and a search made, before the changes: they must follow them.
    for (const [sort, order] of sorts) await instance.listRegistrations({ sort, order, search: 'hooli' });

    let added: Registration | undefined;
    const registering = await writesDuring(async () => {
      ({ registration: added } = await instance.register({
        contactId: 'new',
        website: 'https://www.aaa-first.com',
        company: 'Hooli AAA',
        country: 'Kenya',
      }));
    });
    expect(registering.puts.filter((key) => typeof key === 'string')).to.deep.equal([added!.id]);
    expect(registering.puts.filter((key) => typeof key !== 'string')).to.have.length(1); // the version token
    expect(registering.deletes).to.deep.equal([]);

    const gone = [registrations[0].id, registrations[4].id, registrations[19_999].id];
    const deregistering = await writesDuring(() => instance.deregister([...gone, 'never-there']));
    expect(deregistering.deletes).to.deep.equal(gone);
    expect(deregistering.puts.filter((key) => typeof key === 'string')).to.deep.equal([]);

    const now = [...registrations.filter((row) => !gone.includes(row.id)), added!];
    expect(storedRegistrationIds(await storedEntries(name))).to.deep.equal(now.map((row) => row.id).sort());
    for (const [sort, order] of sorts) {
      await expectQuery(instance, now, { search: '', sort, order, page: 1, pageSize: 100 });
      await expectQuery(instance, now, { search: 'hooli', sort, order, page: 1, pageSize: 25 });
    }
  });
});

describe('LocalBackend replacing many registrations', () => {
  beforeEach(() => {
    name = `lrw-scale-${crypto.randomUUID()}`;
  });

  afterEach(deleteDatabase);

  it('stores nothing of a replacement that fails part-way through', async () => {
    const registrations = makeRegistrations(10);
    const instance = backend();
    await instance.replaceAll(registrations);
    // A row IndexedDB cannot store, a few batches in: everything written before it must go too.
    const rows = makeRegistrations(COUNT, 'other');
    (rows[8_000] as Registration & { clone?: unknown }).clone = () => undefined;
    let failed = false;
    await instance.replaceAll(rows).catch(() => (failed = true));
    expect(failed).to.equal(true);
    expect(storedRegistrationIds(await storedEntries(name))).to.deep.equal(registrations.map((row) => row.id).sort());
    expect((await instance.getCapacity()).used).to.equal(10);
  });
});
