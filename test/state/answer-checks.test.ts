import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CapacityError } from '../../src/core/errors.js';
import type {
  Capacity,
  CapacityBackend,
  ContactView,
  DeregisterResult,
  RegistrationPage,
  RegisterResult,
} from '../../src/core/types.js';
import '../../src/define.js';
import type { LeadRegistrationEventDetails } from '../../src/events.js';
import { BackendState, type StateChange } from '../../src/state/backend-state.js';
import { deepText, readable } from '../helpers/dom.js';
import { capacity, registration } from '../helpers/registrations.js';

/*
 * Issue 12, item 8: answers of the right shape that cannot be right (docs/contract.md#answers-that-cannot-be-right).
 * BackendState sees every answer of every backend before an element shows it: it fails such a call with
 * `bad-response`, saying what was wrong, or leaves out what was not asked for.
 */

type ErrorDetail = LeadRegistrationEventDetails['lead-registration-error'];

const CAPACITY: Capacity = capacity('gold', 500, 7);
const ANOTHER_CONTACT = 'The registration service answered about another contact.';
const ANOTHER_DOMAIN = 'The registration service answered about another domain.';
const ANOTHER_PAGE = 'The registration service answered about another page.';
const UNREADABLE = new CapacityError('bad-response').message;

const mine = registration({ id: 'r-1', domain: 'acme.com', contactId: 'c-1' });
const theirs = registration({ id: 'r-2', domain: 'acme.com', contactId: 'c-2' });

/** A backend whose every method answers what the test gives it. */
function answering(answers: Partial<Record<keyof CapacityBackend, unknown>>): CapacityBackend {
  const answer = (method: keyof CapacityBackend) => () => Promise.resolve(answers[method]);
  return {
    getCapacity: answer('getCapacity'),
    getContactView: answer('getContactView'),
    listRegistrations: answer('listRegistrations'),
    register: answer('register'),
    deregister: answer('deregister'),
    ...('renew' in answers && { renew: answer('renew') }),
  } as CapacityBackend;
}

/** The state on `backend`, the error events of its calls and the changes it told, as they came. */
function stateOn(backend: CapacityBackend): { state: BackendState; errors: ErrorDetail[]; changes: StateChange[] } {
  const state = new BackendState(backend);
  const errors: ErrorDetail[] = [];
  const changes: StateChange[] = [];
  state.subscribe((change) => changes.push(change));
  reporter.addEventListener('lead-registration-error', (event) =>
    errors.push((event as CustomEvent<ErrorDetail>).detail),
  );
  return { state, errors, changes };
}

let reporter = new EventTarget();
beforeEach(() => {
  reporter = new EventTarget();
});

/** Expects `call` to fail with `bad-response` and `message`, reported once as `operation`. */
async function expectWrong(
  call: Promise<unknown>,
  message: string,
  errors: ErrorDetail[],
  operation: ErrorDetail['operation'],
): Promise<void> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(CapacityError.is(error), 'it fails with a CapacityError').to.be.true;
  expect({ code: (error as CapacityError).code, message: (error as CapacityError).message }).to.deep.equal({
    code: 'bad-response',
    message,
  });
  expect(errors.map((detail) => [detail.operation, detail.error.code])).to.deep.equal([[operation, 'bad-response']]);
}

const view = (fields: Partial<ContactView>): ContactView => ({
  contactId: 'c-1',
  registration: null,
  lapsed: null,
  domain: null,
  capacity: CAPACITY,
  ...fields,
});

describe('answers that cannot be right', () => {
  describe('a contact view', () => {
    const WRONG: [string, ContactView | Record<string, unknown>, string][] = [
      ['about another contact', view({ contactId: 'c-2' }), ANOTHER_CONTACT],
      ['with another contact’s registration', view({ registration: theirs }), ANOTHER_CONTACT],
      [
        'with this contact as the “other contact” holding the domain',
        view({ domain: { name: 'acme.com', heldBy: 'other-contact', registration: mine } }),
        ANOTHER_DOMAIN,
      ],
      [
        'with a holder whose registration is of another domain',
        view({ domain: { name: 'acme.org', heldBy: 'other-contact', registration: theirs } }),
        ANOTHER_DOMAIN,
      ],
      ['with a negative count', view({ capacity: { ...CAPACITY, used: -1 } }), UNREADABLE],
    ];
    for (const [name, answer, message] of WRONG) {
      it(`${name}: bad-response, “${message}”, its capacity not taken`, async () => {
        const { state, errors, changes } = stateOn(answering({ getContactView: answer }));
        await expectWrong(state.readContactView({ contactId: 'c-1' }, { reporter }), message, errors, 'getContactView');
        expect(state.capacity).to.be.undefined;
        expect(changes).to.deep.equal([]);
      });
    }

    it('a right one passes: this contact, another contact holding the domain', async () => {
      const right = view({ domain: { name: 'acme.com', heldBy: 'other-contact', registration: theirs } });
      const { state, errors } = stateOn(answering({ getContactView: right }));
      expect(await state.readContactView({ contactId: 'c-1' }, { reporter })).to.deep.equal(right);
      expect(errors).to.deep.equal([]);
    });
  });

  describe('the capacity', () => {
    for (const [name, capacity] of [
      ['a negative count', { ...CAPACITY, used: -3 }],
      ['a negative limit', { ...CAPACITY, limit: -1 }],
      ['a count that is no whole number', { ...CAPACITY, used: 2.5 }],
    ] as const) {
      it(`${name}: bad-response`, async () => {
        const { state, errors } = stateOn(answering({ getCapacity: capacity }));
        await expectWrong(state.readCapacity({ reporter }), UNREADABLE, errors, 'getCapacity');
      });
    }

    it('more used than the limit (after a downgrade) is right: taken as it is', async () => {
      const over = { ...CAPACITY, limit: 50, used: 62 };
      const { state, errors } = stateOn(answering({ getCapacity: over }));
      expect(await state.readCapacity({ reporter })).to.deep.equal(over);
      expect(state.capacity).to.deep.equal(over);
      expect(errors).to.deep.equal([]);
    });
  });

  describe('a page of registrations', () => {
    const page = (fields: Partial<RegistrationPage>): RegistrationPage => ({
      items: [theirs],
      total: 30,
      page: 2,
      pageSize: 10,
      capacity: CAPACITY,
      ...fields,
    });
    for (const [name, answer] of [
      ['another page number', page({ page: 1 })],
      ['another page size', page({ pageSize: 25 })],
      ['more rows than the page holds', page({ items: Array.from({ length: 11 }, () => theirs) })],
    ] as const) {
      it(`${name}: bad-response, “${ANOTHER_PAGE}”`, async () => {
        const { state, errors } = stateOn(answering({ listRegistrations: answer }));
        await expectWrong(
          state.listRegistrations({ page: 2, pageSize: 10 }, { reporter }),
          ANOTHER_PAGE,
          errors,
          'listRegistrations',
        );
      });
    }

    it('the defaults are page 1 of 25; a page past the end is empty and right', async () => {
      const empty = page({ items: [], page: 1, pageSize: 25, total: 0 });
      const { state, errors } = stateOn(answering({ listRegistrations: empty }));
      expect(await state.listRegistrations({}, { reporter })).to.deep.equal(empty);
      expect(errors).to.deep.equal([]);
    });
  });

  describe('a registration', () => {
    it('another contact’s registration: bad-response, “another contact”, nothing told to the elements', async () => {
      const answer: RegisterResult = { registration: theirs, capacity: { ...CAPACITY, used: 8 } };
      const { state, errors, changes } = stateOn(answering({ register: answer }));
      await expectWrong(
        state.register({ contactId: 'c-1', website: 'acme.com' }, { reporter, idempotencyKey: 'k' }),
        ANOTHER_CONTACT,
        errors,
        'register',
      );
      expect(changes).to.deep.equal([]);
    });
  });

  describe('a deregistration', () => {
    let warned: unknown[][] = [];
    const originalWarn = console.warn;
    beforeEach(() => {
      warned = [];
      console.warn = (...args: unknown[]) => void warned.push(args);
    });
    afterEach(() => {
      console.warn = originalWarn;
    });

    it('ids never sent are left out, with a console warning; each id counts once', async () => {
      const answer: DeregisterResult = {
        removed: ['r-1', 'r-9', 'r-1'],
        missing: ['r-2', 'r-1', 'r-8'],
        capacity: { ...CAPACITY, used: 5 },
      };
      const { state, errors, changes } = stateOn(answering({ deregister: answer }));
      const result = await state.deregister(['r-1', 'r-2', 'r-3'], { reporter, idempotencyKey: 'k' });
      expect(result).to.deep.equal({ removed: ['r-1'], missing: ['r-2'], capacity: { ...CAPACITY, used: 5 } });
      expect(changes).to.deep.equal([
        { type: 'deregistered', ids: ['r-1', 'r-2'], capacity: { ...CAPACITY, used: 5 } },
      ]);
      expect(errors).to.deep.equal([]);
      expect(warned).to.have.length(1);
      expect(warned[0][1]).to.deep.equal(['r-9', 'r-8']);
    });
  });

  describe('a renewal', () => {
    const originalWarn = console.warn;
    let warned: unknown[][] = [];
    beforeEach(() => {
      warned = [];
      console.warn = (...args: unknown[]) => void warned.push(args);
    });
    afterEach(() => {
      console.warn = originalWarn;
    });

    it('ids never sent are left out, with a console warning; each id counts once', async () => {
      const renewed = registration({ id: 'r-1', domain: 'one.example', expiresAt: '2027-03-01T00:00:00.000Z' });
      const stranger = registration({ id: 'r-9', domain: 'nine.example' });
      const refusal = { id: 'r-2', domain: 'two.example', reason: 'renewal-limit', message: 'No.' };
      const answer = {
        renewed: [renewed, stranger, renewed],
        refused: [refusal, { ...refusal, id: 'r-8' }],
        capacity: { ...CAPACITY, used: 5 },
      };
      const { state, errors, changes } = stateOn(answering({ renew: answer }));
      const result = await state.renew(['r-1', 'r-2'], { reporter, idempotencyKey: 'k' });
      expect(result).to.deep.equal({ renewed: [renewed], refused: [refusal], capacity: { ...CAPACITY, used: 5 } });
      expect(changes).to.deep.equal([
        { type: 'renewed', registrations: [renewed], capacity: { ...CAPACITY, used: 5 } },
      ]);
      expect(errors).to.deep.equal([]);
      expect(warned[0][1]).to.deep.equal(['r-9', 'r-8']);
    });

    it('a refusal with a reason the widget does not know: bad-response', async () => {
      const answer = { renewed: [], refused: [{ id: 'r-1', reason: 'too-soon', message: 'No.' }], capacity: CAPACITY };
      const { state, errors } = stateOn(answering({ renew: answer }));
      const error = await state.renew(['r-1'], { reporter, idempotencyKey: 'k' }).catch((e: unknown) => e);
      expect((error as CapacityError).code).to.equal('bad-response');
      expect(errors.map((detail) => detail.operation)).to.deep.equal(['renew']);
    });
  });

  describe('a 0.2 host backend, without the lifecycle’s fields', () => {
    it('is read with their defaults, in every answer', async () => {
      const { status: _s, expiresAt: _e, renewals: _r, ...old } = registration({ id: 'r-1', domain: 'acme.com' });
      const oldCapacity = { tier: 'gold', limit: 500, used: 7 };
      const { state, errors } = stateOn(
        answering({
          getCapacity: oldCapacity,
          getContactView: {
            contactId: 'c-1',
            registration: { ...old, contactId: 'c-1' },
            domain: null,
            capacity: oldCapacity,
          },
          listRegistrations: { items: [old], total: 1, page: 1, pageSize: 25, capacity: oldCapacity },
        }),
      );
      expect(await state.readCapacity({ reporter })).to.deep.equal(CAPACITY);
      const view = await state.readContactView({ contactId: 'c-1' }, { reporter });
      expect(view).to.deep.include({ lapsed: null, capacity: CAPACITY });
      expect(view.registration).to.deep.include({ status: 'registered', expiresAt: null, renewals: 0 });
      const page = await state.listRegistrations({}, { reporter });
      expect(page.items[0]).to.deep.include({ status: 'registered', expiresAt: null, renewals: 0 });
      expect(state.canRenew).to.equal(false);
      expect(errors).to.deep.equal([]);
    });
  });

  it('the card says it: “could not be loaded”, what was wrong, and Retry', async () => {
    const card = await fixture<HTMLElement>(html`
      <lead-registration-card
        .backend=${answering({ getContactView: view({ contactId: 'someone-else' }) })}
        contact-id="c-1"
      ></lead-registration-card>
    `);
    await waitUntil(() => readable(deepText(card)).includes(ANOTHER_CONTACT), readable(deepText(card)));
    expect(readable(deepText(card))).to.contain(`The registration could not be loaded. ${ANOTHER_CONTACT} Retry`);
  });
});
