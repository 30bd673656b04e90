import { expect, fixture, html } from '@open-wc/testing';
import type { LocalBackend } from '../../src/backends/local-backend.js';
import { lifecycleClock } from '../../src/core/lifecycle.js';
import type { CapacityBackend, RegistrationPolicy } from '../../src/core/types.js';
import '../../src/define.js';
import type { LeadRegistrationCardElement } from '../../src/elements/lead-registration-card/lead-registration-card.js';
import { englishLocalizer } from '../../src/i18n/localizer.js';
import { disposeTestBackends, testBackend } from '../helpers/backends.js';
import { bodyOf, cardShows, factOf, registerButton } from '../helpers/card.js';
import { q, textOf } from '../helpers/dom.js';
import { nextEvent } from '../helpers/events.js';
import { registration } from '../helpers/registrations.js';
import { eventually } from '../helpers/wait.js';

// The card through the registration lifecycle (docs/contract.md#the-registration-lifecycle), on a LocalBackend
// whose clock, like the card's, is a test's "today".

type Card = LeadRegistrationCardElement;

const DAY_MS = 86_400_000;
const TODAY = new Date('2026-12-01T12:00:00.000Z');
const POLICY: RegistrationPolicy = { termDays: 90, renewalWindowDays: 30, maxRenewals: 1, review: false };
let now = TODAY;
const inDays = (days: number): string => new Date(TODAY.getTime() + days * DAY_MS).toISOString();
const ACME = registration({ id: 'r-acme', domain: 'acme.com', contactId: 'c-acme', registeredAt: inDays(-80) });

const realClock = lifecycleClock.now;
beforeEach(() => {
  now = TODAY;
  lifecycleClock.now = () => now;
});
afterEach(async () => {
  lifecycleClock.now = realClock;
  await disposeTestBackends();
});

function backendWith(fields: Partial<typeof ACME>, policy: RegistrationPolicy = POLICY): Promise<LocalBackend> {
  return testBackend([{ ...ACME, ...fields }], { policy, clock: () => now });
}

function cardOn(backend: CapacityBackend): Promise<Card> {
  return fixture<Card>(
    html`<lead-registration-card .backend=${backend} contact-id="c-acme" website="acme.com"> </lead-registration-card>`,
  );
}

const noteOf = (card: Card): string => textOf(q(card, '.note'));
const reasonOf = (card: Card): string => textOf(q(card, '.reason'));
const renewButton = (card: Card): HTMLButtonElement | null => q(card, '#renew') as HTMLButtonElement | null;

describe('lead-registration-card: the lifecycle', () => {
  it('shows when a registration expires, without a warning while it is more than 30 days away', async () => {
    const card = await cardOn(await backendWith({ expiresAt: inDays(45) }));
    await cardShows(card, 'Registered');
    expect(factOf(card, 'Expires')).to.equal(englishLocalizer.date(inDays(45)));
    expect(q(card, '.note'), bodyOf(card)).to.equal(null);
    expect(renewButton(card)).to.equal(null);
  });

  it('warns in days within 30 days and renews: the new date, lead-renewed, an announcement', async () => {
    const backend = await backendWith({ expiresAt: inDays(12) });
    const card = await cardOn(backend);
    await cardShows(card, 'Registered');
    expect(noteOf(card)).to.equal('Expires in 12 days.');
    const renewed = nextEvent(card, 'lead-renewed');
    renewButton(card)!.focus();
    renewButton(card)!.click();
    const { detail } = await renewed;
    expect(detail.renewed.map(({ id, expiresAt, renewals }) => [id, expiresAt, renewals])).to.deep.equal([
      ['r-acme', inDays(102), 1],
    ]);
    expect(detail.refused).to.deep.equal([]);
    await eventually(
      () => factOf(card, 'Expires') === englishLocalizer.date(inDays(102)),
      () => bodyOf(card),
    );
    expect(textOf(q(card, '[role="status"]'))).to.equal(
      `Renewed: acme.com now expires on ${englishLocalizer.date(inDays(102))}.`,
    );
    // Renewed as often as the policy allows: no Renew any more, and nothing said while it is far away. Focus, which
    // went with the button, is on the card's state.
    expect(renewButton(card)).to.equal(null);
    await eventually(
      () => card.shadowRoot!.activeElement?.classList.contains('state'),
      () => `focus is on ${String(card.shadowRoot!.activeElement?.outerHTML)}`,
    );
    expect(q(card, '.note')).to.equal(null);
    await expect(card).to.be.accessible();
  });

  it('says one day in the singular, and from when a registration can be renewed', async () => {
    const card = await cardOn(await backendWith({ expiresAt: inDays(1) }, { ...POLICY, renewalWindowDays: 0 }));
    await cardShows(card, 'Registered');
    expect(noteOf(card)).to.equal('Expires in 1 day.');
    expect(reasonOf(card)).to.equal('Renewal is not offered for acme.com.');
    expect(textOf(q(card, '.reason bdi')), 'the domain isolated').to.equal('acme.com');
    expect(renewButton(card)).to.equal(null);
  });

  it('says from when a registration can be renewed, before its window opens', async () => {
    const card = await cardOn(await backendWith({ expiresAt: inDays(20) }, { ...POLICY, renewalWindowDays: 7 }));
    await cardShows(card, 'Registered');
    expect(reasonOf(card)).to.equal(`acme.com can be renewed from ${englishLocalizer.date(inDays(13))}.`);
    expect(renewButton(card)).to.equal(null);
  });

  it('shows a refusal the backend answers in words, without Renew', async () => {
    const backend = await backendWith({ expiresAt: inDays(10) });
    const card = await cardOn(backend);
    await cardShows(card, 'Registered');
    // The page's clock is late: the backend already holds the registration renewed as often as allowed.
    await backend.renew(['r-acme']);
    const refused = nextEvent(card, 'lead-renewed');
    renewButton(card)!.click();
    expect((await refused).detail.refused.map(({ reason }) => reason)).to.deep.equal(['renewal-limit']);
    await eventually(
      () => reasonOf(card) === 'acme.com has been renewed as often as allowed.',
      () => bodyOf(card),
    );
    expect(renewButton(card)).to.equal(null);
  });

  it('shows a registration pending review, which counts toward the capacity', async () => {
    const card = await cardOn(await backendWith({ status: 'pending', expiresAt: inDays(5) }));
    await cardShows(card, 'Pending review');
    expect(bodyOf(card)).to.include(
      `Pending the vendor’s review since ${englishLocalizer.date(inDays(-80))}. It counts toward your capacity.`,
    );
    expect(reasonOf(card)).to.equal('acme.com can be renewed once the vendor has reviewed it.');
    await expect(card).to.be.accessible();
  });

  it('shows a lapsed registration as expired, and registers the contact again', async () => {
    const backend = await backendWith({ expiresAt: inDays(-2) });
    const card = await cardOn(backend);
    await cardShows(card, 'Expired');
    expect(bodyOf(card)).to.include(
      `The registration of acme.com expired on ${englishLocalizer.date(inDays(-2))} and has left your capacity.`,
    );
    expect(textOf(registerButton(card))).to.equal('Register again');
    await expect(card).to.be.accessible();
    const registered = nextEvent(card, 'lead-registered');
    registerButton(card).click();
    expect((await registered).detail.registration).to.deep.include({ domain: 'acme.com', expiresAt: inDays(90) });
    await cardShows(card, 'Registered');
  });

  it('turns expired once today passes the expiry, on the next read', async () => {
    const backend = await backendWith({ expiresAt: inDays(3) });
    const card = await cardOn(backend);
    await cardShows(card, 'Registered');
    now = new Date(TODAY.getTime() + 4 * DAY_MS);
    await backend.replaceAll([{ ...ACME, expiresAt: inDays(3) }]); // tells every element to read again
    await cardShows(card, 'Expired');
    expect((await backend.getCapacity()).used).to.equal(0);
  });
});
