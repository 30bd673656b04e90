import { expect } from '@open-wc/testing';
import { applyChange, type RegistrationChange } from '../../src/core/contact-view.js';
import { CapacityError } from '../../src/core/errors.js';
import { RegistrationLedger } from '../../src/core/ledger.js';
import type { Capacity, ContactView, Registration } from '../../src/core/types.js';
import { capacity, registration } from '../helpers/registrations.js';

const NOW = new Date('2026-11-26T09:30:00.000Z');
const ACME = registration({ id: 'r-acme', domain: 'acme.com', contactId: 'c-ada' });
const GLOBEX = registration({ id: 'r-globex', domain: 'globex.com', contactId: 'c-grace' });
const after = (used: number): Capacity => capacity('untiered', 50, used);

describe('RegistrationLedger.contactView', () => {
  const ledger = (): RegistrationLedger => new RegistrationLedger('untiered', 50, [ACME, GLOBEX]);

  it('answers a registered contact with its registration, its domain held by itself, and the capacity', () => {
    expect(ledger().contactView({ contactId: 'c-ada', website: 'https://www.acme.com/about' })).to.deep.equal({
      contactId: 'c-ada',
      registration: ACME,
      lapsed: null,
      domain: { name: 'acme.com', heldBy: 'this-contact' },
      capacity: after(2),
    });
  });

  it('answers a contact whose domain another contact holds with that registration, found by key', () => {
    expect(ledger().contactView({ contactId: 'c-new', website: 'GLOBEX.com.' })).to.deep.equal({
      contactId: 'c-new',
      registration: null,
      lapsed: null,
      domain: { name: 'globex.com', heldBy: 'other-contact', registration: GLOBEX },
      capacity: after(2),
    });
  });

  it('answers a free domain as held by nobody, and one another partner holds as other-partner', () => {
    const view = ledger().contactView({ contactId: 'c-new', website: 'initech.com' });
    expect(view.domain).to.deep.equal({ name: 'initech.com', heldBy: 'nobody' });
    const taken = ledger().contactView(
      { contactId: 'c-new', website: 'initech.com' },
      (domain) => domain === 'initech.com',
    );
    expect(taken.domain).to.deep.equal({ name: 'initech.com', heldBy: 'other-partner' });
  });

  it('answers a registered contact whose website moved with the new domain and its own holder', () => {
    const view = ledger().contactView({ contactId: 'c-ada', website: 'globex.com' });
    expect(view.registration).to.equal(ACME);
    expect(view.domain).to.deep.equal({ name: 'globex.com', heldBy: 'other-contact', registration: GLOBEX });
  });

  for (const website of [undefined, '', 'ftp://acme.com', 'intranet', 'http://10.0.0.1']) {
    it(`answers ${JSON.stringify(website)} as a website with no domain`, () => {
      const view = ledger().contactView(
        website === undefined ? { contactId: 'c-ada' } : { contactId: 'c-ada', website },
      );
      expect(view.domain).to.equal(null);
      expect(view.registration).to.equal(ACME);
    });
  }

  it('refuses a missing contact id with validation', () => {
    let thrown: unknown;
    try {
      ledger().contactView({ contactId: ' ' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(CapacityError);
    expect((thrown as CapacityError).code).to.equal('validation');
  });
});

describe('applyChange', () => {
  const view = (fields: Partial<ContactView>): ContactView => ({
    contactId: 'c-ada',
    registration: null,
    lapsed: null,
    domain: { name: 'acme.com', heldBy: 'nobody' },
    capacity: after(2),
    ...fields,
  });
  const registered = (added: Registration, used = 3): RegistrationChange => ({
    type: 'registered',
    registration: added,
    capacity: after(used),
  });
  const deregistered = (ids: string[], used = 1): RegistrationChange => ({
    type: 'deregistered',
    ids,
    capacity: after(used),
  });

  it('makes the contact registered when the registration is its own', () => {
    expect(applyChange(view({}), registered(ACME))).to.deep.equal({
      contactId: 'c-ada',
      registration: ACME,
      lapsed: null,
      domain: { name: 'acme.com', heldBy: 'this-contact' },
      capacity: after(3),
    });
  });

  it('makes the domain held through another contact when that contact registered it', () => {
    const other = { ...ACME, id: 'r-other', contactId: 'c-other' };
    expect(applyChange(view({}), registered(other))).to.deep.equal({
      contactId: 'c-ada',
      registration: null,
      lapsed: null,
      domain: { name: 'acme.com', heldBy: 'other-contact', registration: other },
      capacity: after(3),
    });
  });

  it('changes only the capacity when the registration concerns neither the contact nor its domain', () => {
    expect(applyChange(view({}), registered(GLOBEX))).to.deep.equal(view({ capacity: after(3) }));
  });

  it('releases the contact and its domain when its registration is deregistered', () => {
    const registeredView = view({ registration: ACME, domain: { name: 'acme.com', heldBy: 'this-contact' } });
    expect(applyChange(registeredView, deregistered(['r-acme']))).to.deep.equal(view({ capacity: after(1) }));
  });

  it('frees the domain when the other contact that held it is deregistered', () => {
    const taken = view({ domain: { name: 'acme.com', heldBy: 'other-contact', registration: ACME } });
    expect(applyChange(taken, deregistered(['r-x', 'r-acme']))).to.deep.equal(view({ capacity: after(1) }));
  });

  it('releases a registration whose website moved, and leaves the domain its website gives to its holder', () => {
    const moved = view({
      registration: ACME,
      lapsed: null,
      domain: { name: 'globex.com', heldBy: 'other-contact', registration: GLOBEX },
    });
    expect(applyChange(moved, deregistered(['r-acme']))).to.deep.equal(
      view({
        registration: null,
        lapsed: null,
        domain: { name: 'globex.com', heldBy: 'other-contact', registration: GLOBEX },
        capacity: after(1),
      }),
    );
  });

  it('keeps the contact’s registration and its domain’s holder when another registration is deregistered', () => {
    const moved = view({
      registration: ACME,
      lapsed: null,
      domain: { name: 'globex.com', heldBy: 'other-contact', registration: GLOBEX },
    });
    expect(applyChange(moved, deregistered(['r-someone-else']))).to.deep.equal({ ...moved, capacity: after(1) });
  });

  it('keeps another partner’s hold, which no change of this partner’s can release', () => {
    const otherPartner = view({ domain: { name: 'acme.com', heldBy: 'other-partner' } });
    expect(applyChange(otherPartner, deregistered(['r-acme'])).domain).to.deep.equal({
      name: 'acme.com',
      heldBy: 'other-partner',
    });
  });

  it('answers what a fresh read of the ledger answers, through registrations and deregistrations', () => {
    const ledger = new RegistrationLedger('untiered', 50);
    const queries = [
      { contactId: 'c-1', website: 'acme.com' },
      { contactId: 'c-2', website: 'acme.com' },
      { contactId: 'c-3', website: 'globex.com' },
      { contactId: 'c-4' },
    ];
    let views = queries.map((query) => ledger.contactView(query));
    const steps: (() => RegistrationChange)[] = [
      () => ({ type: 'registered', ...registerIn(ledger, 'c-2', 'acme.com', 'r-1') }),
      () => ({ type: 'registered', ...registerIn(ledger, 'c-3', 'globex.com', 'r-2') }),
      () => ({ type: 'deregistered', ids: ['r-1'], capacity: ledger.deregister(['r-1']).capacity }),
      () => ({ type: 'registered', ...registerIn(ledger, 'c-1', 'acme.com', 'r-3') }),
      () => ({ type: 'deregistered', ids: ['r-2', 'r-3'], capacity: ledger.deregister(['r-2', 'r-3']).capacity }),
    ];
    for (const step of steps) {
      const change = step();
      views = views.map((current) => applyChange(current, change));
      expect(views).to.deep.equal(queries.map((query) => ledger.contactView(query)));
    }
  });
});

function registerIn(
  ledger: RegistrationLedger,
  contactId: string,
  website: string,
  id: string,
): { registration: Registration; capacity: Capacity } {
  const added = ledger.register({ contactId, website }, { id, now: NOW });
  return { registration: added, capacity: ledger.capacity() };
}
