import { expect } from '@open-wc/testing';
import { CapacityError } from '../../src/core/errors.js';
import type { Capacity, ContactView, RegistrationPolicy } from '../../src/core/types.js';
import { cardViewOf, NO_CONTACT, type CardInput } from '../../src/elements/lead-registration-card/card-view.js';
import { capacity, registration } from '../helpers/registrations.js';

// The card's state as a pure function of what it knows: every rule of the card, with no DOM.

const ACME = registration({ id: 'r-acme', domain: 'acme.com', contactId: 'c-ada' });
const OTHER = registration({ id: 'r-other', domain: 'acme.com', contactId: 'c-grace', contactName: 'Grace Hopper' });
const NOW = new Date('2026-12-01T12:00:00.000Z');
const DAY_MS = 86_400_000;
const inDays = (days: number): string => new Date(NOW.getTime() + days * DAY_MS).toISOString();
const POLICY: RegistrationPolicy = { termDays: 90, renewalWindowDays: 14, maxRenewals: 2, review: true };
const room: Capacity = capacity('untiered', 50, 3);
const full: Capacity = capacity('untiered', 50, 50);

const view = (fields: Partial<ContactView> = {}): ContactView => ({
  contactId: 'c-ada',
  registration: null,
  lapsed: null,
  domain: { name: 'acme.com', heldBy: 'nobody' },
  capacity: room,
  ...fields,
});

const input = (fields: Partial<CardInput> = {}): CardInput => ({
  configError: undefined,
  contactId: 'c-ada',
  website: 'https://www.acme.com/about',
  contactName: 'Ada Lovelace',
  company: 'Acme',
  country: ' ',
  view: view(),
  loadError: undefined,
  capacity: undefined,
  registering: false,
  registerError: undefined,
  sameAction: false,
  now: NOW,
  canRenew: true,
  renewing: false,
  renewError: undefined,
  renewRefusal: undefined,
  ...fields,
});

describe('cardViewOf', () => {
  it('says a configuration mistake first, then a missing contact', () => {
    const mistake = { id: 'config.apiBaseInvalid', values: { apiBase: 'x:' } } as const;
    expect(cardViewOf(input({ configError: mistake, contactId: undefined }))).to.deep.equal({
      state: 'problem',
      message: mistake,
    });
    expect(cardViewOf(input({ contactId: undefined }))).to.deep.equal({ state: 'problem', message: NO_CONTACT });
  });

  it('is loading until the view is read, and a failed read is a load error', () => {
    expect(cardViewOf(input({ view: undefined }))).to.deep.equal({ state: 'loading' });
    const error = new CapacityError('timeout');
    expect(cardViewOf(input({ loadError: error }))).to.deep.equal({ state: 'load-error', error });
  });

  it('shows a registered contact with the domain its website gives now', () => {
    const registered = view({ registration: ACME, domain: { name: 'acme.org', heldBy: 'nobody' } });
    expect(cardViewOf(input({ view: registered, website: 'acme.org' }))).to.deep.equal({
      state: 'registered',
      registration: ACME,
      websiteDomain: 'acme.org',
      expiry: undefined,
      renewing: false,
      renewError: undefined,
      renewRetry: false,
      renewRefusal: undefined,
    });
  });

  it('shows the domain held through another contact, or by another partner', () => {
    const other = view({ domain: { name: 'acme.com', heldBy: 'other-contact', registration: OTHER } });
    expect(cardViewOf(input({ view: other }))).to.deep.equal({
      state: 'other-contact',
      domain: 'acme.com',
      holder: OTHER,
    });
    const partner = view({ domain: { name: 'acme.com', heldBy: 'other-partner' } });
    expect(cardViewOf(input({ view: partner }))).to.deep.equal({ state: 'other-partner', domain: 'acme.com' });
  });

  it('ignores a holder read for another website than the one the contact has now', () => {
    const other = view({ domain: { name: 'acme.com', heldBy: 'other-contact', registration: OTHER } });
    expect(cardViewOf(input({ view: other, website: 'globex.com' }))).to.include({
      state: 'not-registered',
      domain: 'globex.com',
    });
  });

  it('offers Register for a free domain, with the contact’s details that are set', () => {
    expect(cardViewOf(input())).to.deep.equal({
      state: 'not-registered',
      domain: 'acme.com',
      website: 'https://www.acme.com/about',
      about: ['Ada Lovelace', 'Acme'],
      lapsed: undefined,
      blocked: undefined,
      registering: false,
      error: undefined,
      retry: false,
    });
  });

  it('blocks Register for a website without a domain, and for a full capacity', () => {
    expect(cardViewOf(input({ website: 'ftp://acme.com', view: view({ domain: null }) }))).to.deep.include({
      state: 'not-registered',
      domain: undefined,
      blocked: { by: 'website', problem: 'scheme' },
    });
    const noWebsite = cardViewOf(input({ website: ' ', view: view({ domain: null }) }));
    expect(noWebsite).to.deep.include({ blocked: { by: 'website', problem: 'missing' }, website: undefined });
    expect(cardViewOf(input({ view: view({ capacity: full }) }))).to.deep.include({
      blocked: { by: 'capacity', capacity: full },
    });
  });

  it('judges a full capacity by the page’s latest capacity, not the view’s', () => {
    expect(cardViewOf(input({ capacity: full }))).to.deep.include({ blocked: { by: 'capacity', capacity: full } });
    expect(cardViewOf(input({ view: view({ capacity: full }), capacity: room }))).to.deep.include({
      blocked: undefined,
    });
  });

  it('offers Retry after a failure that may pass, for the same action only; Register after a refusal', () => {
    const network = new CapacityError('network');
    expect(cardViewOf(input({ registerError: network, sameAction: true }))).to.deep.include({
      error: network,
      retry: true,
    });
    // The contact's details changed since: another body, so another action, with a key of its own.
    expect(cardViewOf(input({ registerError: network }))).to.deep.include({ error: network, retry: false });
    const forbidden = new CapacityError('forbidden');
    expect(cardViewOf(input({ registerError: forbidden }))).to.deep.include({ error: forbidden, retry: false });
  });

  describe('the lifecycle', () => {
    const withPolicy = (policy: RegistrationPolicy = POLICY): Capacity => ({ ...room, policy });
    const registeredView = (fields: Partial<typeof ACME>, policy?: RegistrationPolicy): ContactView =>
      view({ registration: { ...ACME, ...fields }, capacity: withPolicy(policy) });

    it('says when a registration expires, and warns in days within 30 days', () => {
      expect(cardViewOf(input({ view: registeredView({ expiresAt: inDays(45) }) }))).to.deep.include({
        expiry: { expiresAt: inDays(45), daysLeft: undefined, renewal: undefined },
      });
      expect(cardViewOf(input({ view: registeredView({ expiresAt: inDays(30) }) }))).to.deep.include({
        expiry: {
          expiresAt: inDays(30),
          daysLeft: 30,
          renewal: { renewable: false, reason: 'not-yet-renewable', renewableFrom: inDays(16) },
        },
      });
      // Rounded up: 11.5 days left read "Expires in 12 days".
      const soon = cardViewOf(input({ view: registeredView({ expiresAt: inDays(11.5) }) }));
      expect(soon).to.deep.include({
        expiry: { expiresAt: inDays(11.5), daysLeft: 12, renewal: { renewable: true, expiresAt: inDays(101.5) } },
      });
      expect(cardViewOf(input({ view: registeredView({ expiresAt: null }) }))).to.deep.include({ expiry: undefined });
    });

    it('offers Renew whenever the policy allows it now, also before the warning', () => {
      const early = registeredView({ expiresAt: inDays(50) }, { ...POLICY, renewalWindowDays: 60 });
      expect(cardViewOf(input({ view: early }))).to.deep.include({
        expiry: { expiresAt: inDays(50), daysLeft: undefined, renewal: { renewable: true, expiresAt: inDays(140) } },
      });
    });

    it('says why a registration that expires soon cannot be renewed', () => {
      const reasonOf = (fields: Partial<typeof ACME>, policy?: RegistrationPolicy): unknown => {
        const card = cardViewOf(input({ view: registeredView({ expiresAt: inDays(5), ...fields }, policy) }));
        return card.state === 'registered' ? card.expiry?.renewal : undefined;
      };
      expect(reasonOf({ status: 'pending' })).to.deep.equal({ renewable: false, reason: 'pending-review' });
      expect(reasonOf({ renewals: 2 })).to.deep.equal({ renewable: false, reason: 'renewal-limit' });
      expect(reasonOf({}, { ...POLICY, renewalWindowDays: 0 })).to.deep.equal({
        renewable: false,
        reason: 'renewal-not-offered',
      });
    });

    it('says nothing of renewal on a backend that cannot renew', () => {
      const card = cardViewOf(input({ view: registeredView({ expiresAt: inDays(5) }), canRenew: false }));
      expect(card).to.deep.include({ expiry: { expiresAt: inDays(5), daysLeft: 5, renewal: undefined } });
    });

    it('judges renewal by the page’s latest policy', () => {
      const card = cardViewOf(
        input({ view: registeredView({ expiresAt: inDays(5) }), capacity: withPolicy({ ...POLICY, maxRenewals: 0 }) }),
      );
      expect(card).to.deep.include({
        expiry: { expiresAt: inDays(5), daysLeft: 5, renewal: { renewable: false, reason: 'renewal-limit' } },
      });
    });

    it('carries a renewal under way, its failure (Retry where it may pass) and its refusal', () => {
      const registered = registeredView({ expiresAt: inDays(5) });
      expect(cardViewOf(input({ view: registered, renewing: true }))).to.deep.include({ renewing: true });
      const timeout = new CapacityError('timeout');
      expect(cardViewOf(input({ view: registered, renewError: timeout }))).to.deep.include({
        renewError: timeout,
        renewRetry: true,
      });
      const forbidden = new CapacityError('forbidden');
      expect(cardViewOf(input({ view: registered, renewError: forbidden }))).to.deep.include({ renewRetry: false });
      const refusal = { id: ACME.id, domain: ACME.domain, reason: 'renewal-limit', message: 'No.' } as const;
      expect(cardViewOf(input({ view: registered, renewRefusal: refusal }))).to.deep.include({
        renewRefusal: refusal,
      });
    });

    it('shows a contact whose registration lapsed as expired, to be registered again', () => {
      const lapsed = { ...ACME, expiresAt: inDays(-3) };
      expect(cardViewOf(input({ view: view({ lapsed }) }))).to.deep.include({
        state: 'not-registered',
        lapsed,
        blocked: undefined,
      });
      expect(cardViewOf(input())).to.deep.include({ state: 'not-registered', lapsed: undefined });
    });
  });
});
