import { expect } from '@open-wc/testing';
import { CapacityError } from '../../src/core/errors.js';
import type { CapacityBackend } from '../../src/core/types.js';
import type { LeadRegistrationEventDetails } from '../../src/events.js';
import { BackendState, type StateChange } from '../../src/state/backend-state.js';
import { ControlledBackend, disposeTestBackends, testBackend } from '../helpers/backends.js';
import { capacity, makeRegistrations } from '../helpers/registrations.js';

type ErrorDetail = LeadRegistrationEventDetails['lead-registration-error'];

afterEach(() => disposeTestBackends());

/** An element-like target that records the error events dispatched from it, as they came. */
function reporter(): { target: EventTarget; errors: ErrorDetail[] } {
  const target = new EventTarget();
  const errors: ErrorDetail[] = [];
  target.addEventListener('lead-registration-error', (event) =>
    errors.push((event as CustomEvent<ErrorDetail>).detail),
  );
  return { target, errors };
}

async function given(count = 3): Promise<{ backend: ControlledBackend; state: BackendState }> {
  const backend = new ControlledBackend(await testBackend(makeRegistrations(count)));
  return { backend, state: new BackendState(backend) };
}

function changesOf(state: BackendState): StateChange[] {
  const changes: StateChange[] = [];
  state.subscribe((change) => changes.push(change));
  return changes;
}

const key = (): string => crypto.randomUUID();

describe('BackendState', () => {
  describe('reads', () => {
    it('publishes the capacity a contact view carries', async () => {
      const { state } = await given(3);
      const changes = changesOf(state);
      const view = await state.readContactView(
        { contactId: 'c-new', website: 'new.example' },
        { reporter: reporter().target },
      );
      expect(view.capacity.used).to.equal(3);
      expect(state.capacity).to.deep.equal(capacity('untiered', 50, 3));
      expect(changes).to.deep.equal([{ type: 'capacity' }]);
    });

    it('applies a registration made through it while a view was on its way, whose capacity stands', async () => {
      const { backend, state } = await given(3);
      const { target } = reporter();
      backend.hold.add('getContactView');
      const reading = state.readContactView({ contactId: 'c-1', website: 'acme.example' }, { reporter: target });
      const held = await backend.nextHeld();
      const answer = await held.answerLate(); // written before the registration: not registered, 3 used
      const registered = await state.register(
        { contactId: 'c-1', website: 'acme.example' },
        { reporter: target, idempotencyKey: key() },
      );
      answer.deliver();
      const view = await reading;
      expect(view.registration).to.deep.equal(registered.registration);
      expect(view.domain).to.deep.equal({ name: 'acme.example', heldBy: 'this-contact' });
      expect(view.capacity.used).to.equal(4);
      expect(state.capacity?.used, 'the older answer does not take the capacity back').to.equal(4);
    });

    it('lets a capacity read wait for the reads on their way, whose answers carry it: no request of its own', async () => {
      const { backend, state } = await given(3);
      const { target } = reporter();
      const view = state.readContactView({ contactId: 'c-1' }, { reporter: target });
      const capacity = await state.readCapacity({ reporter: target });
      await view;
      expect(capacity.used).to.equal(3);
      expect(backend.calls.map((call) => call.method)).to.deep.equal(['getContactView']);
    });

    it('reads the capacity itself when the reads on its way fail', async () => {
      const { backend, state } = await given(3);
      const { target, errors } = reporter();
      backend.failNext('getContactView', new CapacityError('server'));
      const view = state.readContactView({ contactId: 'c-1' }, { reporter: target }).catch(() => undefined);
      expect((await state.readCapacity({ reporter: target })).used).to.equal(3);
      await view;
      expect(backend.calls.map((call) => call.method)).to.deep.equal(['getContactView', 'getCapacity']);
      expect(errors.map((error) => error.operation)).to.deep.equal(['getContactView']);
    });
  });

  describe('one lead-registration-error per failed call', () => {
    it('from the caller, with the error and the operation', async () => {
      const { backend, state } = await given();
      const { target, errors } = reporter();
      const failure = new CapacityError('timeout');
      backend.failNext('listRegistrations', failure);
      const outcome = await state.listRegistrations({}, { reporter: target }).catch((error: unknown) => error);
      expect(outcome).to.equal(failure);
      expect(errors).to.deep.equal([{ error: failure, operation: 'listRegistrations' }]);
    });

    it('once for a capacity read that several elements share, from the one that started it', async () => {
      const { backend, state } = await given();
      const first = reporter();
      const second = reporter();
      backend.failNext('getCapacity', new CapacityError('network'));
      const outcomes = await Promise.allSettled([
        state.readCapacity({ reporter: first.target }),
        state.readCapacity({ reporter: second.target }),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).to.deep.equal(['rejected', 'rejected']);
      expect(first.errors.map((error) => error.error.code)).to.deep.equal(['network']);
      expect(second.errors).to.deep.equal([]);
      expect(backend.calls.map((call) => call.method)).to.deep.equal(['getCapacity']);
    });

    it('none for a call the caller aborted', async () => {
      const { backend, state } = await given();
      const { target, errors } = reporter();
      backend.hold.add('getContactView');
      const controller = new AbortController();
      const reading = state.readContactView({ contactId: 'c-1' }, { reporter: target, signal: controller.signal });
      const held = await backend.nextHeld();
      controller.abort();
      held.fail(new CapacityError('aborted'));
      expect(((await reading.catch((error: unknown) => error)) as CapacityError).code).to.equal('aborted');
      expect(errors).to.deep.equal([]);
    });

    it('a registration answered without a readable registration is bad-response, said once', async () => {
      const inner = await testBackend();
      const bare: CapacityBackend = {
        getCapacity: (options) => inner.getCapacity(options),
        getContactView: (query, options) => inner.getContactView(query, options),
        listRegistrations: (query, options) => inner.listRegistrations(query, options),
        // An adapter written for 0.1 answers the registration alone.
        register: async (input, options) => (await inner.register(input, options)).registration as never,
        deregister: (ids, options) => inner.deregister(ids, options),
      };
      const state = new BackendState(bare);
      const { target, errors } = reporter();
      const outcome = await state
        .register({ contactId: 'c-1', website: 'acme.example' }, { reporter: target, idempotencyKey: key() })
        .catch((error: unknown) => error);
      expect((outcome as CapacityError).code).to.equal('bad-response');
      expect(errors.map((error) => [error.error.code, error.operation])).to.deep.equal([['bad-response', 'register']]);
    });
  });

  describe('register', () => {
    it('tells every listener what it registered and the capacity its answer carries', async () => {
      const { backend, state } = await given(3);
      const changes = changesOf(state);
      const result = await state.register(
        { contactId: 'c-1', website: 'acme.example' },
        { reporter: reporter().target, idempotencyKey: 'k-1' },
      );
      expect(result.capacity).to.deep.equal(capacity('untiered', 50, 4));
      expect(changes).to.deep.equal([
        { type: 'registered', registration: result.registration, capacity: result.capacity },
      ]);
      expect(backend.calls.map((call) => call.method)).to.deep.equal(['register']);
      expect(backend.calls[0].args[1]).to.deep.equal({ idempotencyKey: 'k-1' });
    });

    it('counts a registration answered without the capacity on top of the last capacity known', async () => {
      const inner = await testBackend(makeRegistrations(3));
      const withoutCapacity: CapacityBackend = {
        getCapacity: (options) => inner.getCapacity(options),
        getContactView: (query, options) => inner.getContactView(query, options),
        listRegistrations: (query, options) => inner.listRegistrations(query, options),
        register: async (input, options) =>
          ({ registration: (await inner.register(input, options)).registration }) as never,
        deregister: (ids, options) => inner.deregister(ids, options),
      };
      const state = new BackendState(withoutCapacity);
      const { target } = reporter();
      await state.readCapacity({ reporter: target });
      const changes = changesOf(state);
      const result = await state.register(
        { contactId: 'c-1', website: 'acme.example' },
        { reporter: target, idempotencyKey: key() },
      );
      expect(result.capacity).to.deep.equal(capacity('untiered', 50, 4));
      expect(state.capacity).to.deep.equal(capacity('untiered', 50, 4));
      expect(changes).to.deep.equal([
        { type: 'registered', registration: result.registration, capacity: result.capacity },
      ]);
    });

    it('capacity-exceeded: takes the capacity the answer carries', async () => {
      const { backend, state } = await given(3);
      const full = capacity('untiered', 4, 4);
      backend.failNext('register', new CapacityError('capacity-exceeded', { capacity: full }));
      await state
        .register({ contactId: 'c-1', website: 'x.example' }, { reporter: reporter().target, idempotencyKey: key() })
        .catch(() => undefined);
      expect(state.capacity).to.deep.equal(full);
      expect(backend.calls.map((call) => call.method)).to.deep.equal(['register']);
    });

    const ELSEWHERE = [
      ['capacity-exceeded', {}],
      ['domain-already-registered', { registration: makeRegistrations(1)[0] }],
      ['contact-already-registered', { registration: makeRegistrations(1)[0] }],
    ] as const;
    for (const [code, details] of ELSEWHERE) {
      it(`${code} without the capacity: the capacity changed elsewhere, so it is read again`, async () => {
        const { backend, state } = await given(3);
        const changes = changesOf(state);
        backend.failNext('register', new CapacityError(code, details));
        const outcome = await state
          .register({ contactId: 'c-1', website: 'x.example' }, { reporter: reporter().target, idempotencyKey: key() })
          .catch((error: unknown) => error);
        expect((outcome as CapacityError).code).to.equal(code);
        await new Promise<void>((resolve) => state.subscribe(() => resolve())); // the capacity read's answer
        expect(backend.calls.map((call) => call.method)).to.deep.equal(['register', 'getCapacity']);
        expect(changes).to.deep.equal([{ type: 'capacity' }]);
      });
    }
  });

  describe('deregister', () => {
    it('tells every listener every id that is no longer registered, removed now or already gone', async () => {
      const { state } = await given(3);
      const changes = changesOf(state);
      const result = await state.deregister(['company-001', 'gone'], {
        reporter: reporter().target,
        idempotencyKey: key(),
      });
      expect(result).to.deep.equal({
        removed: ['company-001'],
        missing: ['gone'],
        capacity: capacity('untiered', 50, 2),
      });
      expect(changes).to.deep.equal([
        { type: 'deregistered', ids: ['company-001', 'gone'], capacity: result.capacity },
      ]);
    });
  });

  describe('renew', () => {
    const DAY_MS = 86_400_000;
    const policy = { termDays: 90, renewalWindowDays: 30, maxRenewals: null, review: false };

    async function renewable(): Promise<{ backend: ControlledBackend; state: BackendState }> {
      const soon = new Date(Date.now() + 5 * DAY_MS).toISOString();
      const rows = makeRegistrations(2).map((row) => ({ ...row, expiresAt: soon }));
      const backend = new ControlledBackend(await testBackend(rows, { policy }));
      return { backend, state: new BackendState(backend) };
    }

    it('tells every element the registrations renewed, with the capacity the answer carries', async () => {
      const { state } = await renewable();
      const changes = changesOf(state);
      const result = await state.renew(['company-001'], { reporter: reporter().target, idempotencyKey: key() });
      expect(result.renewed.map(({ id, renewals }) => [id, renewals])).to.deep.equal([['company-001', 1]]);
      expect(changes).to.deep.equal([{ type: 'renewed', registrations: result.renewed, capacity: result.capacity }]);
      expect(state.capacity).to.deep.equal(result.capacity);
      expect(result.capacity).to.deep.include({ used: 2, expiringSoon: 1, policy });
    });

    it('has every element read again when an id is gone (it lapsed, or was deregistered elsewhere)', async () => {
      const { state } = await renewable();
      const changes = changesOf(state);
      const result = await state.renew(['company-002', 'gone'], { reporter: reporter().target, idempotencyKey: key() });
      expect(changes.map((change) => change.type)).to.deep.equal(['renewed', 'elsewhere']);
      expect(result.refused.map(({ id, reason }) => [id, reason])).to.deep.equal([['gone', 'not-found']]);
    });

    it('reports a failure once, as renew, and passes the key and the locale', async () => {
      const { backend, state } = await renewable();
      const { target, errors } = reporter();
      backend.failNext('renew', new CapacityError('server'));
      const idempotencyKey = key();
      const error = await state.renew(['company-001'], { reporter: target, idempotencyKey }).catch((e: unknown) => e);
      expect((error as CapacityError).code).to.equal('server');
      expect(errors.map((detail) => [detail.operation, detail.error.code])).to.deep.equal([['renew', 'server']]);
      await state.renew(['company-001'], { reporter: target, idempotencyKey, locale: 'de' });
      expect(backend.calls.filter((call) => call.method === 'renew').map((call) => call.args[1])).to.deep.equal([
        { idempotencyKey },
        { idempotencyKey, locale: 'de' },
      ]);
    });

    it('cannot renew on a backend without renew (0.2): says so, and reports it once', async () => {
      const old: CapacityBackend = {
        getCapacity: () => Promise.resolve(capacity('untiered', 50, 0)),
        getContactView: () => Promise.reject(new Error('not called')),
        listRegistrations: () => Promise.reject(new Error('not called')),
        register: () => Promise.reject(new Error('not called')),
        deregister: () => Promise.reject(new Error('not called')),
      };
      const state = new BackendState(old);
      expect(state.canRenew).to.equal(false);
      expect((await renewable()).state.canRenew).to.equal(true);
      const { target, errors } = reporter();
      const error = await state.renew(['x'], { reporter: target, idempotencyKey: key() }).catch((e: unknown) => e);
      expect((error as CapacityError).code).to.equal('not-found');
      expect(errors.map((detail) => detail.operation)).to.deep.equal(['renew']);
    });
  });

  describe('changes made elsewhere', () => {
    it('tell every listener, which reads again; the revision counts them', async () => {
      const inner = await testBackend(makeRegistrations(3));
      let changedElsewhere!: () => void;
      const backend: CapacityBackend = {
        getCapacity: (options) => inner.getCapacity(options),
        getContactView: (query, options) => inner.getContactView(query, options),
        listRegistrations: (query, options) => inner.listRegistrations(query, options),
        register: (input, options) => inner.register(input, options),
        deregister: (ids, options) => inner.deregister(ids, options),
        subscribe: (onChange) => {
          changedElsewhere = onChange;
          return () => undefined;
        },
      };
      const state = new BackendState(backend);
      const changes = changesOf(state);
      const revision = state.revision;
      changedElsewhere();
      expect(changes).to.deep.equal([{ type: 'elsewhere' }]);
      expect(state.revision).to.equal(revision + 1);
    });
  });
});

describe('BackendState, what the review found', () => {
  it('a capacity read asked for after a change made elsewhere is a read of its own, which takes its answer', async () => {
    const inner = await testBackend(makeRegistrations(3));
    let changedElsewhere!: () => void;
    const backend = new ControlledBackend({
      getCapacity: (options) => inner.getCapacity(options),
      getContactView: (query, options) => inner.getContactView(query, options),
      listRegistrations: (query, options) => inner.listRegistrations(query, options),
      register: (input, options) => inner.register(input, options),
      deregister: (ids, options) => inner.deregister(ids, options),
      subscribe: (onChange) => {
        changedElsewhere = onChange;
        return () => undefined;
      },
    });
    backend.hold.add('getCapacity');
    const state = new BackendState(backend);
    state.subscribe(() => undefined);
    const { target } = reporter();
    const first = state.readCapacity({ reporter: target });
    const held = await backend.nextHeld();
    changedElsewhere(); // the window regains focus while the first read is on its way
    const second = state.readCapacity({ reporter: target });
    (await backend.nextHeld()).proceed();
    held.proceed();
    await Promise.all([first, second]);
    expect(state.capacity, 'the newer read is taken; the older one predates the change').to.deep.equal(
      capacity('untiered', 50, 3),
    );
  });

  it('a capacity read does not wait for a read its caller aborted, even on a backend that ignores the signal', async () => {
    const { backend, state } = await given(3);
    backend.hold.add('getContactView'); // never let go: a backend that does not honour the signal
    const { target } = reporter();
    const controller = new AbortController();
    const view = state.readContactView({ contactId: 'c-1' }, { reporter: target, signal: controller.signal });
    await backend.nextHeld();
    controller.abort();
    expect(((await view.catch((error: unknown) => error)) as CapacityError).code).to.equal('aborted');
    expect((await state.readCapacity({ reporter: target })).used).to.equal(3);
  });

  it('when elements listen again after nobody did, the revision moves: what they show may have changed unheard', async () => {
    const inner = await testBackend();
    const backend: CapacityBackend = {
      getCapacity: (options) => inner.getCapacity(options),
      getContactView: (query, options) => inner.getContactView(query, options),
      listRegistrations: (query, options) => inner.listRegistrations(query, options),
      register: (input, options) => inner.register(input, options),
      deregister: (ids, options) => inner.deregister(ids, options),
      subscribe: () => () => undefined,
    };
    const state = new BackendState(backend);
    const unsubscribe = state.subscribe(() => undefined);
    const revision = state.revision;
    unsubscribe();
    state.subscribe(() => undefined);
    expect(state.revision).to.equal(revision + 1);
  });

  it('a deregistration answered without its ids or capacity is bad-response, said once, and changes nothing', async () => {
    const inner = await testBackend(makeRegistrations(3));
    const backend: CapacityBackend = {
      getCapacity: (options) => inner.getCapacity(options),
      getContactView: (query, options) => inner.getContactView(query, options),
      listRegistrations: (query, options) => inner.listRegistrations(query, options),
      register: (input, options) => inner.register(input, options),
      deregister: async (ids, options) => ({ removed: (await inner.deregister(ids, options)).removed }) as never,
    };
    const state = new BackendState(backend);
    const { target, errors } = reporter();
    await state.readCapacity({ reporter: target });
    const changes = changesOf(state);
    const outcome = await state
      .deregister(['company-001'], { reporter: target, idempotencyKey: key() })
      .catch((error: unknown) => error);
    expect((outcome as CapacityError).code).to.equal('bad-response');
    expect(errors.map((error) => [error.error.code, error.operation])).to.deep.equal([['bad-response', 'deregister']]);
    expect(changes).to.deep.equal([]);
    expect(state.capacity?.used).to.equal(3);
  });

  it('a refusal that names a registration made elsewhere tells every element of it', async () => {
    const { backend, state } = await given(3);
    const { target } = reporter();
    await state.readCapacity({ reporter: target });
    const changes = changesOf(state);
    const elsewhere = makeRegistrations(1, 'elsewhere')[0];
    backend.failNext('register', new CapacityError('contact-already-registered', { registration: elsewhere }));
    await state
      .register({ contactId: elsewhere.contactId, website: 'x.example' }, { reporter: target, idempotencyKey: key() })
      .catch(() => undefined);
    expect(changes[0]).to.deep.equal({
      type: 'registered',
      registration: elsewhere,
      capacity: capacity('untiered', 50, 3),
    });
  });
});
