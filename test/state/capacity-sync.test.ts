import { expect, waitUntil } from '@open-wc/testing';
import { api, startMockApi, worker } from '../../mocks/browser.js';
import { RestBackend } from '../../src/backends/rest-backend.js';
import { CapacityError } from '../../src/core/errors.js';
import { capacitySyncFor } from '../../src/state/capacity-sync.js';
import { makeRegistrations } from '../helpers/registrations.js';

afterEach(() => worker.resetHandlers());

describe('CapacitySync', () => {
  describe('a registration refused because of one made elsewhere', () => {
    const CASES = [
      { code: 'contact-already-registered', elsewhere: { contactId: 'c-1', website: 'other.example' } },
      { code: 'domain-already-registered', elsewhere: { contactId: 'c-2', website: 'www.example.com' } },
    ] as const;
    for (const { code, elsewhere } of CASES) {
      it(`${code}: reads the capacity again, which that registration changed`, async () => {
        await startMockApi({ state: { registrations: makeRegistrations(3) } });
        const sync = capacitySyncFor(new RestBackend({ baseUrl: api.baseUrl }));
        expect((await sync.refreshCapacity()).used).to.equal(3);
        api.ledger.register(elsewhere, { id: 'r-elsewhere', now: new Date() }); // another tab

        const error = (await sync
          .register({ contactId: 'c-1', website: 'example.com' })
          .catch((caught: unknown) => caught)) as CapacityError;
        expect(error).to.be.instanceOf(CapacityError);
        expect(error.code).to.equal(code);
        await waitUntil(() => sync.snapshot.capacity?.used === 4, `the capacity stays ${sync.snapshot.capacity?.used}`);
      });
    }

    it('capacity-exceeded: takes the capacity the answer carries', async () => {
      await startMockApi({ state: { registrations: makeRegistrations(3), limits: { untiered: 4 } } });
      const sync = capacitySyncFor(new RestBackend({ baseUrl: api.baseUrl }));
      expect((await sync.refreshCapacity()).used).to.equal(3);
      api.ledger.register({ contactId: 'c-2', website: 'other.example' }, { id: 'r-elsewhere', now: new Date() });

      const error = (await sync
        .register({ contactId: 'c-1', website: 'example.com' })
        .catch((caught: unknown) => caught)) as CapacityError;
      expect(error.code).to.equal('capacity-exceeded');
      expect(sync.snapshot.capacity).to.deep.equal({ tier: 'untiered', limit: 4, used: 4 });
    });
  });
});
