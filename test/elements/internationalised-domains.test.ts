import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { CapacityError } from '../../src/core/errors.js';
import type { LeadRegistrationCardElement } from '../../src/elements/lead-registration-card/lead-registration-card.js';
import { ControlledBackend, disposeTestBackends, testBackend } from '../helpers/backends.js';
import { $, $$, confirmationOf, openManager, shownDomains, statusText } from '../helpers/capacity-manager.js';
import { bodyOf, cardShows, factOf, registerButton } from '../helpers/card.js';
import { textOf } from '../helpers/dom.js';
import { registration } from '../helpers/registrations.js';

/*
 * Issue 13, item 5: a person reads an internationalised domain in its own letters (bücher.de), where
 * that cannot deceive; the ASCII form stays the key (what is sent, ids, data). A homograph stays in
 * punycode (src/core/display-domain.ts holds the rule; test/core/display-domain.test.ts its cases).
 */

afterEach(() => disposeTestBackends());

type Card = LeadRegistrationCardElement;

describe('internationalised domains', () => {
  it('the card says bücher.de, and registers xn--bcher-kva.de', async () => {
    const backend = new ControlledBackend(await testBackend());
    const card = await fixture<Card>(
      html`<lead-registration-card
        .backend=${backend}
        contact-id="c-1"
        website="https://www.bücher.de/"
      ></lead-registration-card>`,
    );
    await cardShows(card, 'Not registered');
    // The first punycode domain on the page fetches the decoder; the card shows the Unicode form once it is there.
    await waitUntil(() => bodyOf(card).includes('Registering adds bücher.de to your capacity.'), bodyOf(card));
    registerButton(card).click();
    await cardShows(card, 'Registered');
    const sent = backend.calls.find((call) => call.method === 'register')!.args[0] as { website: string };
    expect(sent.website).to.equal('https://www.bücher.de/');
    const [stored] = (await backend.listRegistrations({})).items;
    expect(stored.domain, 'the key stays ASCII').to.equal('xn--bcher-kva.de');
    expect(factOf(card, 'Domain')).to.equal('bücher.de');
    await waitUntil(() => textOf(card.shadowRoot!.querySelector('[role="status"]')) !== '');
    expect(textOf(card.shadowRoot!.querySelector('[role="status"]'))).to.equal(
      'Registered: bücher.de is now in your capacity.',
    );
  });

  it('the card announces a refusal without the server’s punycode', async () => {
    const backend = new ControlledBackend(await testBackend());
    const card = await fixture<Card>(
      html`<lead-registration-card
        .backend=${backend}
        contact-id="c-1"
        website="https://www.bücher.de/"
      ></lead-registration-card>`,
    );
    await waitUntil(() => bodyOf(card).includes('Registering adds bücher.de'), bodyOf(card));
    // A server's detail names the domain as it stores it.
    const message = 'xn--bcher-kva.de is registered by another partner and cannot be registered.';
    backend.failNext('register', new CapacityError('domain-unavailable', { message, lang: 'en' }));
    registerButton(card).click();
    const status = (): string => textOf(card.shadowRoot!.querySelector('[role="status"]'));
    await waitUntil(() => status() !== '', 'the refusal was not announced');
    expect(status()).to.equal('This domain is registered by another partner and cannot be registered.');
    expect(bodyOf(card)).to.contain('bücher.de is registered by another partner');
  });

  it('the card keeps a homograph in punycode', async () => {
    const card = await fixture<Card>(
      html`<lead-registration-card
        .backend=${await testBackend()}
        contact-id="c-1"
        website="xn--80ak6aa92e.com"
      ></lead-registration-card>`,
    );
    await cardShows(card, 'Not registered');
    expect(bodyOf(card)).to.contain('Registering adds xn--80ak6aa92e.com to your capacity.');
  });

  it('the manager’s table, its checkboxes and the confirmation show the Unicode form; ids stay', async () => {
    const backend = await testBackend([
      registration({ domain: 'xn--bcher-kva.de', id: 'r-buecher' }),
      registration({ domain: 'xn--80ak6aa92e.com', id: 'r-homograph' }),
      registration({ domain: 'acme.com', id: 'r-acme' }),
    ]);
    const { panel } = await openManager(backend);
    // Sorted by the key, as the backend sorts (xn--8… before xn--b…).
    expect(shownDomains(panel)).to.deep.equal(['acme.com', 'xn--80ak6aa92e.com', 'bücher.de']);
    const labels = $$<HTMLInputElement>(panel, 'tbody input[type="checkbox"]').map((box) =>
      box.getAttribute('aria-label'),
    );
    expect(labels).to.deep.equal(['Select acme.com', 'Select xn--80ak6aa92e.com', 'Select bücher.de']);
    $<HTMLInputElement>(panel, 'tbody input[aria-label="Select bücher.de"]').click();
    await panel.updateComplete;
    $(panel, '#deregister').click();
    await waitUntil(() => confirmationOf(panel).open, 'the confirmation did not open');
    expect(textOf(confirmationOf(panel).querySelector('.domains'))).to.equal('bücher.de');
    confirmationOf(panel).querySelector<HTMLButtonElement>('#confirm')!.click();
    await waitUntil(() => statusText(panel) !== '', 'the deregistration was not announced');
    const left = (await backend.listRegistrations({})).items.map((item) => item.id);
    expect(left, 'deregistered by its id').to.deep.equal(['r-acme', 'r-homograph']);
  });
});
