import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { createCapacityApi, worker } from '../../mocks/browser.js';
import type { LocalBackend } from '../../src/backends/local-backend.js';
import { websiteProblemText } from '../../src/core/domain.js';
import { CapacityError } from '../../src/core/errors.js';
import type {
  CallOptions,
  Capacity,
  CapacityBackend,
  ContactQuery,
  RegisterInput,
  RegisterResult,
} from '../../src/core/types.js';
import '../../src/define.js';
import type { CapacityManagerElement } from '../../src/elements/capacity-manager/capacity-manager.js';
import type { CapacityMeterElement } from '../../src/elements/capacity-meter/capacity-meter.js';
import type { CapacityProviderElement } from '../../src/elements/capacity-provider/capacity-provider.js';
import type { LeadRegistrationCardElement } from '../../src/elements/lead-registration-card/lead-registration-card.js';
import { deepActiveElement } from '../../src/focus.js';
import { englishLocalizer } from '../../src/i18n/localizer.js';
import { backendStateFor } from '../../src/state/backend-state.js';
import { pageDefaultBackend } from '../../src/state/resolve-backend.js';
import {
  ControlledBackend,
  disposeTestBackends,
  registerOnPage,
  testBackend,
  type Method,
} from '../helpers/backends.js';
import {
  $,
  confirmationOf,
  expectFocusOn,
  meterSummary,
  panelOf,
  panelReady,
  rowCheckbox,
  settled,
} from '../helpers/capacity-manager.js';
import { bodyOf, factOf, registerButton, stateOf } from '../helpers/card.js';
import { q, textOf } from '../helpers/dom.js';
import { nextEvent, receivedEvents, type ReceivedEvent } from '../helpers/events.js';
import { capacity, makeRegistrations, registration } from '../helpers/registrations.js';
import { POLL_MS } from '../helpers/wait.js';

type Card = LeadRegistrationCardElement;

const WIDGET_EVENTS = [
  'lead-registered',
  'lead-deregistered',
  'capacity-deregister-request',
  'capacity-change',
  'lead-registration-error',
  'capacity-manager-open',
  'capacity-manager-close',
] as const;

const ACME = registration({
  domain: 'acme.com',
  contactId: 'contact-acme',
  contactName: 'Grace Hopper',
  company: 'Acme Inc.',
});

afterEach(async () => {
  await resetMouse();
  worker.resetHandlers();
  await disposeTestBackends();
});

// --- Helpers ---------------------------------------------------------------------------------------

function buttonNamed(card: Card, name: string): HTMLButtonElement {
  const button = [...card.shadowRoot!.querySelectorAll<HTMLButtonElement>('.body button')].find(
    (b) => textOf(b) === name,
  );
  if (!button) throw new Error(`No “${name}” button; the card shows “${bodyOf(card)}”.`);
  return button;
}

function gear(card: Card): HTMLButtonElement {
  return card.shadowRoot!.querySelector<HTMLButtonElement>('#gear')!;
}

function menu(card: Card): HTMLElement {
  return q(card, '[role="menu"]')!;
}

function menuItem(card: Card): HTMLElement {
  return q(card, '[role="menuitem"]')!;
}

function managerOf(card: Card): CapacityManagerElement | null {
  return card.shadowRoot!.querySelector('capacity-manager');
}

async function stateIs(card: Card, state: string): Promise<void> {
  await waitUntil(() => stateOf(card) === state, `the card did not show “${state}” (it shows “${bodyOf(card)}”)`, {
    interval: POLL_MS,
  });
  await card.updateComplete;
}

function isLoading(card: Card): boolean {
  return q(card, '.skeleton') !== null;
}

async function cardOn(
  backend: CapacityBackend,
  fields: { contactId?: string; website?: string; company?: string; contactName?: string; country?: string } = {},
): Promise<Card> {
  const { contactId = 'contact-1', website = 'https://www.example.com/about', company, contactName, country } = fields;
  return fixture<Card>(html`
    <lead-registration-card
      .backend=${backend}
      contact-id=${contactId}
      website=${website}
      company=${company ?? 'Example Inc.'}
      contact-name=${contactName ?? 'Ada Lovelace'}
      country=${country ?? 'United Kingdom'}
    ></lead-registration-card>
  `);
}

function calls(backend: ControlledBackend, method: Method): unknown[][] {
  return backend.calls.filter((call) => call.method === method).map((call) => call.args);
}

/** Records every event of the widget that reaches the document, as it came. */
function recordEvents(): ReturnType<typeof receivedEvents> {
  return receivedEvents(WIDGET_EVENTS);
}

/** The events received, each named with the element it seemed to come from at the document. */
function sent(events: readonly ReceivedEvent[]): string[] {
  return events.map(({ type, target }) => `${type} from <${(target as Element).localName}>`);
}

/** Records every state line the card shows, however briefly. */
function recordStates(card: Card): { states: string[]; stop: () => void } {
  const states: string[] = [];
  const note = (): void => {
    const state = isLoading(card) ? '(loading)' : stateOf(card);
    if (states[states.length - 1] !== state) states.push(state);
  };
  note();
  const observer = new MutationObserver(note);
  observer.observe(card.shadowRoot!, { subtree: true, childList: true, characterData: true });
  return { states, stop: () => observer.disconnect() };
}

// --- States ----------------------------------------------------------------------------------------

describe('<lead-registration-card> states', () => {
  it('shows a loading placeholder in the space of the content, then the state', async () => {
    const backend = new ControlledBackend(await testBackend());
    backend.hold.add('getContactView');
    const card = await cardOn(backend);
    const call = await backend.nextHeld();
    await card.updateComplete;
    expect(isLoading(card)).to.be.true;
    expect(q(card, '.body')!.getAttribute('aria-busy')).to.equal('true');
    expect(bodyOf(card)).to.equal('Loading the registration…');
    const loadingHeight = q(card, '.body')!.getBoundingClientRect().height;
    await expect(card).to.be.accessible();

    call.proceed();
    await stateIs(card, 'Not registered');
    expect(q(card, '.body')!.getAttribute('aria-busy')).to.equal('false');
    expect(q(card, '.body')!.getBoundingClientRect().height).to.be.closeTo(loadingHeight, 8);
  });

  it('not registered: shows the domain that would be registered and Register', async () => {
    const card = await cardOn(await testBackend(), { website: 'https://www.Example.com:8080/pricing?x=1' });
    await stateIs(card, 'Not registered');
    expect(bodyOf(card)).to.contain('Registering adds example.com to your capacity.');
    expect(textOf(q(card, '.about'))).to.equal('Ada Lovelace · Example Inc. · United Kingdom');
    expect(registerButton(card).getAttribute('aria-disabled')).to.equal('false');
    expect(textOf(registerButton(card))).to.equal('Register');
    await expect(card).to.be.accessible();
  });

  for (const [website, problem] of [
    ['', 'missing'],
    ['ftp://acme.com', 'scheme'],
    ['http://10.0.0.1', 'ip-address'],
    ['intranet', 'single-label'],
  ] as const) {
    it(`disables Register with the reason in words when the website is ${problem === 'missing' ? 'missing' : `“${website}”`}`, async () => {
      const backend = new ControlledBackend(await testBackend());
      const card = await cardOn(backend, { website });
      await stateIs(card, 'Not registered');
      const button = registerButton(card);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      const reason = card.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!)!;
      expect(textOf(reason)).to.equal(websiteProblemText(problem));
      if (website) expect(bodyOf(card)).to.contain(`Website: ${website}`);
      expect(bodyOf(card)).not.to.contain('Registering adds');
      button.click();
      await card.updateComplete;
      expect(calls(backend, 'register')).to.have.length(0);
      await expect(card).to.be.accessible();
    });
  }

  it('disables Register when the capacity is full, with the reason and Manage your capacity', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(50)));
    const card = await cardOn(backend);
    await stateIs(card, 'Not registered');
    const button = registerButton(card);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    const reason = card.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!)!;
    expect(textOf(reason)).to.equal(
      'Your capacity is full (50 of 50 domains used). Deregister prospects you no longer work with to register this one.',
    );
    button.click();
    expect(calls(backend, 'register')).to.have.length(0);
    await expect(card).to.be.accessible();

    const opened = nextEvent(card, 'capacity-manager-open');
    buttonNamed(card, 'Manage your capacity').click();
    await opened;
    expect(managerOf(card)!.open).to.be.true;
    expect(managerOf(card)!.backend).to.equal(backend);
  });

  it('registered: shows the registered domain, in the page’s language, and the date as it writes dates', async () => {
    const registered = registration({
      domain: 'example.com',
      contactId: 'contact-1',
      registeredAt: '2025-06-01T12:00:00.000Z',
    });
    const backend = await testBackend([registered]);
    const wrapper = await fixture<HTMLElement>(html`
      <div lang="de">
        <lead-registration-card
          .backend=${backend}
          contact-id="contact-1"
          website="example.com"
        ></lead-registration-card>
      </div>
    `);
    const card = wrapper.querySelector('lead-registration-card')!;
    await stateIs(card, 'Registriert');
    const date = q(card, 'time')!;
    expect(date.getAttribute('datetime')).to.equal('2025-06-01T12:00:00.000Z');
    expect(textOf(date)).to.equal(
      new Intl.DateTimeFormat('de', { dateStyle: 'medium' }).format(new Date('2025-06-01T12:00:00.000Z')),
    );
    expect(factOf(card, 'Domain')).to.equal('example.com');
    expect(factOf(card, 'Registriert am')).to.equal(textOf(date));
    expect(q(card, '.note')).to.be.null;
    expect(q(card, '#register')).to.be.null;
    await expect(card).to.be.accessible();
  });

  it('registered: notes that the registered domain stays when the website now points elsewhere', async () => {
    const backend = await testBackend([registration({ domain: 'example.com', contactId: 'contact-1' })]);
    const card = await cardOn(backend, { website: 'https://shop.example.org/' });
    await stateIs(card, 'Registered');
    expect(textOf(q(card, '.note'))).to.equal(
      'The contact’s website is now shop.example.org. The registered domain stays example.com: a registration does not follow the website.',
    );
    expect(factOf(card, 'Domain')).to.equal('example.com');
    await expect(card).to.be.accessible();

    card.website = 'http://www.example.com/contact';
    await card.updateComplete;
    expect(q(card, '.note'), 'the same domain: no note').to.be.null;
  });

  it('the domain already registered through another contact: shown before any click, naming that contact; Register once it is released', async () => {
    const backend = new ControlledBackend(await testBackend([ACME]));
    const card = await cardOn(backend, { website: 'https://acme.com/' });
    const states = recordStates(card);
    await stateIs(card, 'Registered through another contact');
    states.stop();
    expect(states.states, 'never offered Register first').to.deep.equal([
      '(loading)',
      'Registered through another contact',
    ]);
    expect(bodyOf(card)).to.contain('acme.com is already in your capacity, registered through another contact.');
    expect(factOf(card, 'Contact')).to.equal('Grace Hopper');
    expect(factOf(card, 'Company')).to.equal('Acme Inc.');
    expect(factOf(card, 'Registered')).to.equal(englishLocalizer.date(ACME.registeredAt));
    expect(q(card, '#register')).to.be.null;
    expect(calls(backend, 'register'), 'learned without a click').to.have.length(0);
    expect(calls(backend, 'getContactView').map(([query]) => query)).to.deep.equal([
      { contactId: 'contact-1', website: 'https://acme.com/' },
    ]);
    expect((calls(backend, 'getContactView')[0][1] as CallOptions).signal).to.be.an.instanceOf(AbortSignal);
    await expect(card).to.be.accessible();

    // An unrelated change keeps it, with no read; releasing the holder's domain makes it registrable, with no read.
    const state = backendStateFor(backend);
    const reporter = document.body;
    await state.register({ contactId: 'someone-else', website: 'other.example' }, { reporter, idempotencyKey: 'k1' });
    await card.updateComplete;
    expect(stateOf(card)).to.equal('Registered through another contact');
    await state.deregister([ACME.id], { reporter, idempotencyKey: 'k2' });
    await stateIs(card, 'Not registered');
    expect(textOf(registerButton(card))).to.equal('Register');
    expect(registerButton(card).getAttribute('aria-disabled')).to.equal('false');
    expect(calls(backend, 'getContactView'), 'changes made on the page are applied, not read again').to.have.length(1);
  });

  it('the domain registered through another contact meanwhile: Register’s 409 shows it', async () => {
    const backend = new ControlledBackend(await testBackend());
    const card = await cardOn(backend, { website: 'https://acme.com/' });
    await stateIs(card, 'Not registered');
    backend.failNext('register', new CapacityError('domain-already-registered', { registration: ACME }));
    const failed = nextEvent(card, 'lead-registration-error');
    registerButton(card).click();
    expect((await failed).detail.error.code).to.equal('domain-already-registered');
    await stateIs(card, 'Registered through another contact');
    expect(factOf(card, 'Contact')).to.equal('Grace Hopper');
  });

  it('looks for the exact domain: a search match on part of a domain or another column is not the holder', async () => {
    const near = [
      registration({ domain: 'acme.com.au', contactId: 'au' }),
      registration({ domain: 'notacme.com', contactId: 'not' }),
      registration({ domain: 'fans.example', contactId: 'fans', company: 'acme.com fans' }),
    ];
    const card = await cardOn(await testBackend(near), { website: 'acme.com' });
    await stateIs(card, 'Not registered');
    expect(registerButton(card).getAttribute('aria-disabled')).to.equal('false');
  });

  it('reads each contact once, with one call that answers everything the card shows', async () => {
    const backend = new ControlledBackend(
      await testBackend([registration({ domain: 'example.com', contactId: 'registered' })]),
    );
    const page = await fixture<HTMLElement>(html`
      <div>
        <lead-registration-card
          .backend=${backend}
          contact-id="registered"
          website="example.com"
        ></lead-registration-card>
        <lead-registration-card .backend=${backend} contact-id="no-website"></lead-registration-card>
        <lead-registration-card .backend=${backend} contact-id="invalid" website="intranet"></lead-registration-card>
      </div>
    `);
    const cards = [...page.querySelectorAll<Card>('lead-registration-card')];
    await stateIs(cards[0], 'Registered');
    await stateIs(cards[1], 'Not registered');
    await stateIs(cards[2], 'Not registered');
    expect(backend.calls.map((call) => call.method)).to.deep.equal([
      'getContactView',
      'getContactView',
      'getContactView',
    ]);
  });

  it('a contact change aborts the read and never shows the old contact’s state', async () => {
    const backend = new ControlledBackend(await testBackend([ACME]));
    backend.hold.add('getContactView');
    const card = await cardOn(backend, { contactId: 'first', website: 'acme.com' });
    const first = await backend.nextHeld();
    const states = recordStates(card);
    card.contactId = 'second';
    card.website = 'globex.example';
    const second = await backend.nextHeld();
    expect(first.signal?.aborted, 'the old read is aborted').to.be.true;
    first.proceed();
    second.proceed();
    await stateIs(card, 'Not registered');
    states.stop();
    expect(states.states).to.deep.equal(['(loading)', 'Not registered']);
    expect(bodyOf(card)).to.contain('Registering adds globex.example to your capacity.');
  });

  it('the domain held by another partner (REST API): said at once, and when another partner takes it meanwhile', async () => {
    const api = createCapacityApi({ baseUrl: '/api-unavailable' });
    api.reset({ unavailableDomains: ['acme.com'] });
    worker.use(...api.handlers);
    await import('../../mocks/browser.js').then(({ startMockApi }) => startMockApi());
    const card = await fixture<Card>(
      html`<lead-registration-card
        api-base="/api-unavailable"
        contact-id="c-1"
        website="www.acme.com"
      ></lead-registration-card>`,
    );
    await stateIs(card, 'Registered by another partner');
    expect(bodyOf(card)).to.contain('acme.com is registered by another partner and cannot be registered.');
    await expect(card).to.be.accessible();

    // Another domain, free when the card reads it, taken by another partner before Register: its 409 says so.
    card.website = 'acme.org';
    await stateIs(card, 'Not registered');
    await waitUntil(() => q(card, '.body')!.getAttribute('aria-busy') === 'false');
    api.takenByAnotherPartner('acme.org');
    const failed = nextEvent(card, 'lead-registration-error');
    registerButton(card).click();
    const { error } = (await failed).detail;
    expect(error.code).to.equal('domain-unavailable');
    expect(error.status).to.equal(409);
    await stateIs(card, 'Registered by another partner');
    expect(bodyOf(card)).to.contain('acme.org is registered by another partner and cannot be registered.');
  });

  it('a failed load: the reason and Retry, which loads again', async () => {
    const backend = new ControlledBackend(
      await testBackend([registration({ domain: 'example.com', contactId: 'contact-1' })]),
    );
    backend.failNext('getContactView', new CapacityError('timeout'));
    const failed = nextEvent(document, 'lead-registration-error');
    const card = await cardOn(backend);
    const event = await failed;
    expect(event.detail.error.code).to.equal('timeout');
    expect(event.target === card, 'dispatched by the card').to.be.true;
    await stateIs(card, 'Registration not loaded');
    expect(textOf(q(card, '[role="alert"]'))).to.equal(
      `The registration could not be loaded. ${new CapacityError('timeout').message}`,
    );
    await expect(card).to.be.accessible();

    buttonNamed(card, 'Retry').focus();
    await sendKeys({ press: 'Enter' });
    await stateIs(card, 'Registered');
    expect(calls(backend, 'getContactView')).to.have.length(2);
    await card.updateComplete;
    expect(card.shadowRoot!.activeElement?.classList.contains('state'), 'focus moves to the state, not to the page').to
      .be.true;
  });

  it('names a missing contact-id and other configuration mistakes on the element', async () => {
    const noContact = await fixture<Card>(
      html`<lead-registration-card .backend=${await testBackend()}></lead-registration-card>`,
    );
    expect(stateOf(noContact)).to.equal('Not available');
    expect(bodyOf(noContact)).to.contain('set its contact-id attribute');
    await expect(noContact).to.be.accessible();

    const error = console.error;
    console.error = () => undefined; // the element also logs the mistake for the developer
    try {
      const badUrl = await fixture<Card>(
        html`<lead-registration-card api-base="ftp://x.example" contact-id="c"></lead-registration-card>`,
      );
      expect(bodyOf(badUrl)).to.contain('The api-base “ftp://x.example” must be an http or https URL.');
      const badBackend = { getCapacity: () => Promise.resolve() } as unknown as CapacityBackend;
      const notABackend = await fixture<Card>(
        html`<lead-registration-card .backend=${badBackend} contact-id="c"></lead-registration-card>`,
      );
      expect(bodyOf(notABackend)).to.contain('is missing getContactView, listRegistrations, register, deregister');
      await expect(notABackend).to.be.accessible();
    } finally {
      console.error = error;
    }
  });

  it('renders names and companies as text, never as markup', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    const holder = registration({ domain: 'acme.com', contactId: 'other', contactName: markup, company: markup });
    const backend = await testBackend([holder]);
    const card = await cardOn(backend, { website: 'acme.org', company: markup, contactName: markup, country: markup });
    await stateIs(card, 'Not registered');
    expect(textOf(q(card, '.about'))).to.equal(`${markup} · ${markup} · ${markup}`);
    expect(card.shadowRoot!.querySelector('img')).to.be.null;

    card.website = 'acme.com';
    await stateIs(card, 'Registered through another contact');
    expect(factOf(card, 'Contact')).to.equal(markup);
    expect(factOf(card, 'Company')).to.equal(markup);
    expect(card.shadowRoot!.querySelector('img')).to.be.null;
  });
});

// --- Registering -----------------------------------------------------------------------------------

describe('<lead-registration-card> registering', () => {
  it('one click sends one request, shows progress, fires lead-registered and shows the registration without a loading flash', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(3)));
    const card = await cardOn(backend, { website: 'https://www.example.com/' });
    await stateIs(card, 'Not registered');
    const states = recordStates(card);
    backend.hold.add('register');

    registerButton(card).focus();
    registerButton(card).click();
    const held = await backend.nextHeld();
    const [input, options] = held.args as [RegisterInput, CallOptions];
    expect(input).to.deep.equal({
      contactId: 'contact-1',
      website: 'https://www.example.com/',
      contactName: 'Ada Lovelace',
      company: 'Example Inc.',
      country: 'United Kingdom',
    });
    expect(options.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
    await card.updateComplete;
    expect(textOf(registerButton(card))).to.equal('Registering…');
    expect(registerButton(card).getAttribute('aria-disabled')).to.equal('true');
    await expect(card).to.be.accessible();

    const registered = nextEvent(card, 'lead-registered');
    const changed = nextEvent(card, 'capacity-change');
    held.proceed();
    const event = await registered;
    expect((await changed).detail.capacity.used).to.equal(4);
    expect(event.bubbles && event.composed).to.be.true;
    expect(event.detail.registration).to.include({
      domain: 'example.com',
      contactId: 'contact-1',
      company: 'Example Inc.',
    });
    expect(event.detail.capacity).to.deep.equal(capacity('untiered', 50, 4));
    await stateIs(card, 'Registered');
    expect(factOf(card, 'Domain')).to.equal('example.com');
    expect(textOf(q(card, '[role="status"]'))).to.equal('Registered: example.com is now in your capacity.');
    await waitUntil(
      () => deepActiveElement() === q(card, '.state'),
      'focus moves from the vanished button to the new state',
    );

    states.stop();
    expect(states.states).to.deep.equal(['Not registered', 'Registered']);
    expect(
      backend.calls.map((call) => call.method),
      'the POST alone: its answer is the new state',
    ).to.deep.equal(['getContactView', 'register']);
    expect(q(card, '.body')!.getAttribute('aria-busy')).to.equal('false');
    await expect(card).to.be.accessible();
  });

  it('a double click registers once', async () => {
    const backend = new ControlledBackend(await testBackend());
    const card = await cardOn(backend);
    await stateIs(card, 'Not registered');
    const button = registerButton(card);
    button.click();
    button.click();
    await stateIs(card, 'Registered');
    expect(calls(backend, 'register')).to.have.length(1);
  });

  it('a failure whose outcome is unknown keeps the state, says why, and Retry sends the same Idempotency-Key', async () => {
    const backend = new ControlledBackend(await testBackend());
    backend.hold.add('register');
    const card = await cardOn(backend);
    await stateIs(card, 'Not registered');

    registerButton(card).click();
    const first = await backend.nextHeld();
    const failed = nextEvent(card, 'lead-registration-error');
    first.fail(new CapacityError('network'));
    expect((await failed).detail.error.code).to.equal('network');
    await waitUntil(() => q(card, '[role="alert"]'));
    expect(stateOf(card)).to.equal('Not registered');
    expect(textOf(q(card, '[role="alert"]'))).to.equal(new CapacityError('network').message);
    expect(textOf(registerButton(card))).to.equal('Retry');
    await expect(card).to.be.accessible();

    registerButton(card).click();
    const second = await backend.nextHeld();
    expect((second.args[1] as CallOptions).idempotencyKey).to.equal((first.args[1] as CallOptions).idempotencyKey);
    await card.updateComplete;
    expect(q(card, '[role="alert"]'), 'the old error goes while retrying').to.be.null;
    second.proceed();
    await stateIs(card, 'Registered');
  });

  it('a refusal is a new action next time: a fresh Idempotency-Key', async () => {
    const backend = new ControlledBackend(await testBackend());
    const card = await cardOn(backend);
    await stateIs(card, 'Not registered');
    backend.failNext('register', new CapacityError('forbidden', { status: 403 }));
    registerButton(card).click();
    await waitUntil(() => q(card, '[role="alert"]'));
    expect(textOf(q(card, '[role="alert"]'))).to.equal(new CapacityError('forbidden').message);
    expect(textOf(registerButton(card))).to.equal('Register');
    registerButton(card).click();
    await stateIs(card, 'Registered');
    const [first, second] = calls(backend, 'register').map((args) => (args[1] as CallOptions).idempotencyKey);
    expect(first).to.be.a('string');
    expect(second).to.be.a('string').and.not.equal(first);
  });

  it('turns to “capacity full” when the backend says so', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(10)));
    const card = await cardOn(backend);
    await stateIs(card, 'Not registered');
    backend.failNext('register', new CapacityError('capacity-exceeded', { capacity: capacity('untiered', 10, 10) }));
    registerButton(card).click();
    await waitUntil(
      () => registerButton(card).getAttribute('aria-disabled') === 'true' && buttonNamed(card, 'Manage your capacity'),
    );
    expect(bodyOf(card)).to.contain('Your capacity is full (10 of 10 domains used).');
    expect(textOf(q(card, '[role="status"]'))).to.equal(new CapacityError('capacity-exceeded').message);
  });

  it('shows a registration made meanwhile elsewhere (contact-already-registered)', async () => {
    const backend = new ControlledBackend(await testBackend());
    const card = await cardOn(backend);
    await stateIs(card, 'Not registered');
    const existing = registration({
      domain: 'example.com',
      contactId: 'contact-1',
      registeredAt: '2025-02-03T10:00:00.000Z',
    });
    backend.failNext('register', new CapacityError('contact-already-registered', { registration: existing }));
    registerButton(card).click();
    await stateIs(card, 'Registered');
    expect(textOf(q(card, 'time'))).to.equal(englishLocalizer.date(existing.registeredAt));
  });

  /** A card of contact-1 beside a meter, on `backend`, both showing what it holds. */
  async function cardAndMeter(backend: CapacityBackend, capacity: string): Promise<[Card, CapacityMeterElement]> {
    const page = await fixture<HTMLElement>(html`
      <div>
        <capacity-meter .backend=${backend}></capacity-meter>
        <lead-registration-card
          .backend=${backend}
          contact-id="contact-1"
          website="example.com"
        ></lead-registration-card>
      </div>
    `);
    const card = page.querySelector<Card>('lead-registration-card')!;
    const meter = page.querySelector<CapacityMeterElement>('capacity-meter')!;
    await stateIs(card, 'Not registered');
    await waitUntil(() => meterSummary(meter) === capacity, `the meter shows “${meterSummary(meter)}”`);
    return [card, meter];
  }

  /** `inner`'s methods and nothing else: no subscribe, so that changes made to `inner` reach no element. */
  function adapterOf(inner: CapacityBackend, overrides: Partial<CapacityBackend> = {}): CapacityBackend {
    return {
      getCapacity: (options) => inner.getCapacity(options),
      getContactView: (query, options) => inner.getContactView(query, options),
      listRegistrations: (query, options) => inner.listRegistrations(query, options),
      register: (input, options) => inner.register(input, options),
      deregister: (ids, options) => inner.deregister(ids, options),
      ...overrides,
    };
  }

  it('a registration answered without the capacity: the card, lead-registered and the meter count it on top of the last capacity known', async () => {
    const inner = await testBackend(makeRegistrations(3));
    // An adapter written for 0.1 answers the registration alone.
    const backend = adapterOf(inner, {
      register: async (input, options) =>
        ({ registration: (await inner.register(input, options)).registration }) as RegisterResult,
    });
    const [card, meter] = await cardAndMeter(backend, '3 of 50 domains used');
    const recorded = recordEvents();
    try {
      registerButton(card).click();
      await stateIs(card, 'Registered');
      await waitUntil(() => meterSummary(meter) === '4 of 50 domains used', `the meter shows “${meterSummary(meter)}”`);
    } finally {
      recorded.stop();
    }
    expect(sent(recorded.events)).to.deep.equal([
      'capacity-change from <capacity-meter>',
      'capacity-change from <lead-registration-card>',
      'lead-registered from <lead-registration-card>',
    ]);
    const counted = capacity('untiered', 50, 4);
    expect(recorded.events.map(({ detail }) => (detail as { capacity: Capacity }).capacity)).to.deep.equal([
      counted,
      counted,
      counted,
    ]);
  });

  it('a 409 capacity-exceeded without the capacity: it changed elsewhere, so the page reads it again and says it is full', async () => {
    const inner = await testBackend(makeRegistrations(9), { limits: { untiered: 10 } });
    const backend = new ControlledBackend(adapterOf(inner));
    const [card, meter] = await cardAndMeter(backend, '9 of 10 domains used');
    await inner.register({ contactId: 'elsewhere', website: 'elsewhere.example' }); // another user took the last slot
    backend.failNext('register', new CapacityError('capacity-exceeded', { status: 409 }));

    registerButton(card).click();
    await waitUntil(() => meterSummary(meter) === '10 of 10 domains used', `the meter shows “${meterSummary(meter)}”`);
    await waitUntil(() => bodyOf(card).includes('Your capacity is full (10 of 10 domains used).'), bodyOf(card));
    expect(stateOf(card)).to.equal('Not registered');
    expect(registerButton(card).getAttribute('aria-disabled')).to.equal('true');
    expect(textOf(q(card, '[role="status"]'))).to.equal(new CapacityError('capacity-exceeded').message);
    expect(backend.calls.map((call) => call.method)).to.deep.equal(['getContactView', 'register', 'getCapacity']);
  });

  for (const [change, edit] of [
    ['its website moved to another domain', (card: Card) => (card.website = 'https://www.globex.example/')],
    ['its website changed within the same domain', (card: Card) => (card.website = 'https://example.com/pricing')],
    ['its company changed', (card: Card) => (card.company = 'Example Group')],
  ] as const) {
    it(`after a failed registration, when ${change}, Register is a new action: a new Idempotency-Key`, async () => {
      const backend = new ControlledBackend(await testBackend());
      const card = await cardOn(backend, { website: 'https://www.example.com/about' });
      await stateIs(card, 'Not registered');
      backend.failNext('register', new CapacityError('network'));
      registerButton(card).click();
      await waitUntil(() => textOf(registerButton(card)) === 'Retry', 'the card offers Retry');

      edit(card);
      await waitUntil(
        () => q(card, '.body')!.getAttribute('aria-busy') === 'false' && q(card, '#register'),
        `the card shows “${bodyOf(card)}”`,
      );
      registerButton(card).click();
      await stateIs(card, 'Registered');
      const [failed, sentNext] = calls(backend, 'register') as [RegisterInput, CallOptions][];
      expect(sentNext[0], 'the body as the contact is now').to.deep.equal({
        contactId: 'contact-1',
        website: card.website,
        contactName: 'Ada Lovelace',
        company: card.company,
        country: 'United Kingdom',
      });
      expect(sentNext[0]).not.to.deep.equal(failed[0]);
      expect(sentNext[1].idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
      expect(sentNext[1].idempotencyKey, 'a new key for another body').not.to.equal(failed[1].idempotencyKey);
    });
  }

  it('updates the meter and the other elements on the same backend', async () => {
    const backend = await testBackend(makeRegistrations(3));
    const page = await fixture<HTMLElement>(html`
      <div>
        <capacity-meter .backend=${backend}></capacity-meter>
        <lead-registration-card
          id="a"
          .backend=${backend}
          contact-id="contact-1"
          website="example.com"
        ></lead-registration-card>
        <lead-registration-card
          id="b"
          .backend=${backend}
          contact-id="contact-1"
          website="example.com"
        ></lead-registration-card>
      </div>
    `);
    const meter = page.querySelector<CapacityMeterElement>('capacity-meter')!;
    const a = page.querySelector<Card>('#a')!;
    const b = page.querySelector<Card>('#b')!;
    await stateIs(a, 'Not registered');
    await stateIs(b, 'Not registered');
    await waitUntil(() => meterSummary(meter) === '3 of 50 domains used');

    const changed = nextEvent(meter, 'capacity-change');
    registerButton(a).click();
    expect((await changed).detail.capacity.used).to.equal(4);
    await waitUntil(() => meterSummary(meter) === '4 of 50 domains used');
    await stateIs(b, 'Registered');
  });
});

// --- The gear menu ---------------------------------------------------------------------------------

describe('<lead-registration-card> gear menu', () => {
  async function readyCard(): Promise<Card> {
    const card = await cardOn(await testBackend());
    await stateIs(card, 'Not registered');
    return card;
  }

  it('is a menu button: aria-haspopup, aria-expanded, a labelled menu', async () => {
    const card = await readyCard();
    const button = gear(card);
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.getAttribute('aria-label')).to.equal('Lead registration options');
    expect(menu(card).hidden).to.be.true;
    expect(menu(card).getAttribute('aria-labelledby')).to.equal('gear');
    expect(textOf(menuItem(card))).to.equal('Manage your capacity');
    button.click();
    await card.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(menu(card).hidden).to.be.false;
    await expect(card).to.be.accessible();
    button.click();
    await card.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  for (const key of ['Enter', 'Space', 'ArrowDown', 'ArrowUp']) {
    it(`${key} on the gear opens the menu with focus on ${key === 'ArrowUp' ? 'the last' : 'the first'} item; Escape closes it and returns focus`, async () => {
      const card = await readyCard();
      gear(card).focus();
      await sendKeys({ press: key });
      await waitUntil(() => deepActiveElement() === menuItem(card), 'focus moves into the menu');
      expect(gear(card).getAttribute('aria-expanded')).to.equal('true');

      await sendKeys({ press: 'Escape' });
      await card.updateComplete;
      expect(menu(card).hidden).to.be.true;
      expect(gear(card).getAttribute('aria-expanded')).to.equal('false');
      expectFocusOn(gear(card));
    });
  }

  it('arrows, Home and End move within the menu and never out of it', async () => {
    const card = await readyCard();
    gear(card).focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => deepActiveElement() === menuItem(card));
    for (const key of ['ArrowDown', 'ArrowUp', 'Home', 'End']) {
      await sendKeys({ press: key });
      expectFocusOn(menuItem(card));
    }
    expect(menu(card).hidden).to.be.false;
  });

  it('Tab closes the menu', async () => {
    const card = await readyCard();
    gear(card).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement() === menuItem(card));
    await sendKeys({ press: 'Tab' });
    await card.updateComplete;
    expect(menu(card).hidden).to.be.true;
    expect(gear(card).getAttribute('aria-expanded')).to.equal('false');
  });

  it('a click outside closes it and returns focus to the gear', async () => {
    const card = await readyCard();
    gear(card).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement() === menuItem(card));
    const box = card.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + 5), Math.round(box.bottom + 40)] });
    await waitUntil(() => menu(card).hidden, 'the menu closes');
    expectFocusOn(gear(card));
  });

  it('Manage your capacity opens the Capacity Manager on the same backend; focus returns to the gear when it closes', async () => {
    const backend = await testBackend([registration({ domain: 'example.com', contactId: 'contact-1' })]);
    const card = await cardOn(backend);
    await stateIs(card, 'Registered');
    expect(managerOf(card), 'created only when needed').to.be.null;

    gear(card).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement() === menuItem(card));
    const opened = nextEvent(card, 'capacity-manager-open');
    await sendKeys({ press: 'Enter' });
    await opened;
    const manager = managerOf(card)!;
    expect(manager.open).to.be.true;
    expect(manager.backend).to.equal(backend);
    expect(menu(card).hidden).to.be.true;

    // Deregistering this contact's domain in the manager shows the card as not registered.
    const panel = await panelReady(manager);
    await settled(panel);
    rowCheckbox(panel, 'example.com').click();
    await panel.updateComplete;
    $(panel, '#deregister').click();
    await waitUntil(() => confirmationOf(panel).open, 'the confirmation opens');
    const deregistered = nextEvent(card, 'lead-deregistered');
    $(panel, '#confirm').click();
    await deregistered;
    await stateIs(card, 'Not registered');

    const closed = nextEvent(card, 'capacity-manager-close');
    manager.close();
    await closed;
    expectFocusOn(gear(card));
  });

  it('closing the manager opened from the capacity-full state, once a deregistration made room: focus goes to Register, not the page', async () => {
    const backend = await testBackend(makeRegistrations(50));
    const card = await cardOn(backend);
    await stateIs(card, 'Not registered');
    const manage = buttonNamed(card, 'Manage your capacity');
    manage.focus();
    const opened = nextEvent(card, 'capacity-manager-open');
    manage.click();
    await opened;
    const manager = managerOf(card)!;
    const panel = await panelReady(manager);
    await settled(panel);
    rowCheckbox(panel, 'company-001.com').click();
    await panel.updateComplete;
    $(panel, '#deregister').click();
    await waitUntil(() => confirmationOf(panel).open, 'the confirmation opens');
    $(panel, '#confirm').click();
    await waitUntil(() => registerButton(card).getAttribute('aria-disabled') === 'false', 'Register is enabled again');
    expect(manage.isConnected, 'the button that opened the manager is gone').to.be.false;

    const closed = nextEvent(card, 'capacity-manager-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    await card.updateComplete;
    expectFocusOn(registerButton(card));
  });

  it('closing that manager while the capacity is still full: focus goes back to Manage your capacity', async () => {
    const card = await cardOn(await testBackend(makeRegistrations(50)));
    await stateIs(card, 'Not registered');
    const manage = buttonNamed(card, 'Manage your capacity');
    manage.focus();
    const opened = nextEvent(card, 'capacity-manager-open');
    manage.click();
    await opened;
    await panelReady(managerOf(card)!);
    const closed = nextEvent(card, 'capacity-manager-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expectFocusOn(manage);
  });
});

// --- Events of the card's own Capacity Manager ----------------------------------------------------

describe('<lead-registration-card> events while its Capacity Manager is there', () => {
  async function openFromGear(card: Card): Promise<CapacityManagerElement> {
    gear(card).click();
    await card.updateComplete;
    const opened = nextEvent(card, 'capacity-manager-open');
    menuItem(card).click();
    await opened;
    return managerOf(card)!;
  }

  /** Selects `domain` in the open manager's panel and confirms its deregistration. */
  async function deregisterIn(manager: CapacityManagerElement, domain: string): Promise<void> {
    const panel = await panelReady(manager);
    await settled(panel);
    rowCheckbox(panel, domain).click();
    await panel.updateComplete;
    $(panel, '#deregister').click();
    await waitUntil(() => confirmationOf(panel).open, 'the confirmation opens');
    $(panel, '#confirm').click();
  }

  it('a registration after the manager was opened and closed sends one capacity-change, the card’s', async () => {
    const backend = await testBackend(makeRegistrations(3));
    const card = await cardOn(backend);
    await stateIs(card, 'Not registered');
    const manager = await openFromGear(card);
    await panelReady(manager);
    const closed = nextEvent(card, 'capacity-manager-close');
    manager.close();
    await closed;

    const recorded = recordEvents();
    try {
      const registered = nextEvent(card, 'lead-registered');
      registerButton(card).click();
      await registered;
      await stateIs(card, 'Registered');
    } finally {
      recorded.stop();
    }
    expect(sent(recorded.events), 'one capacity-change per change, the card’s').to.deep.equal([
      'capacity-change from <lead-registration-card>',
      'lead-registered from <lead-registration-card>',
    ]);
  });

  it('a deregistration in the open manager reaches the page once each: request, lead-deregistered, capacity-change', async () => {
    const backend = await testBackend([
      ...makeRegistrations(3),
      registration({ domain: 'example.com', contactId: 'contact-1' }),
    ]);
    const card = await cardOn(backend);
    await stateIs(card, 'Registered');
    const manager = await openFromGear(card);

    const recorded = recordEvents();
    try {
      const deregistered = nextEvent(document, 'lead-deregistered');
      await deregisterIn(manager, 'example.com');
      expect((await deregistered).detail.removed).to.deep.equal(['example.com']);
      await stateIs(card, 'Not registered');
    } finally {
      recorded.stop();
    }
    // All seem to come from the card, as its manager is inside it.
    expect(sent(recorded.events)).to.deep.equal([
      'capacity-deregister-request from <lead-registration-card>',
      'capacity-change from <lead-registration-card>',
      'lead-deregistered from <lead-registration-card>',
    ]);
  });

  it('the host’s preventDefault() on capacity-deregister-request still stops a deregistration in the card’s manager', async () => {
    const backend = new ControlledBackend(
      await testBackend([registration({ domain: 'example.com', contactId: 'contact-1' })]),
    );
    const card = await cardOn(backend);
    await stateIs(card, 'Registered');
    const manager = await openFromGear(card);
    const stop = (event: Event): void => event.preventDefault();
    document.addEventListener('capacity-deregister-request', stop);
    try {
      const requested = nextEvent(document, 'capacity-deregister-request');
      await deregisterIn(manager, 'example.com');
      expect((await requested).cancelable).to.be.true;
      await waitUntil(() => !confirmationOf(panelOf(manager)!).open, 'the confirmation closes');
    } finally {
      document.removeEventListener('capacity-deregister-request', stop);
    }
    expect(backend.calls.filter((call) => call.method === 'deregister')).to.have.length(0);
    expect(stateOf(card)).to.equal('Registered');
  });

  it('a failure in the manager reaches the page once, as lead-registration-error', async () => {
    const backend = new ControlledBackend(
      await testBackend([registration({ domain: 'example.com', contactId: 'contact-1' })]),
    );
    const card = await cardOn(backend);
    await stateIs(card, 'Registered');
    const manager = await openFromGear(card);
    backend.failNext('deregister', new CapacityError('network'));
    const recorded = recordEvents();
    try {
      await deregisterIn(manager, 'example.com');
      await waitUntil(
        () => confirmationOf(panelOf(manager)!).querySelector('[role="alert"]'),
        'the confirmation shows the failure',
      );
    } finally {
      recorded.stop();
    }
    expect(sent(recorded.events)).to.deep.equal([
      'capacity-deregister-request from <lead-registration-card>',
      'lead-registration-error from <lead-registration-card>',
    ]);
    const { detail } = recorded.events[1] as ReceivedEvent<'lead-registration-error'>;
    expect([detail.operation, detail.error.code]).to.deep.equal(['deregister', 'network']);
  });
});

// --- Attribute changes -----------------------------------------------------------------------------

describe('<lead-registration-card> taken off the page', () => {
  it('reads nothing and hears nothing once removed, even when its registration answers after', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(3)));
    const card = await cardOn(backend);
    await stateIs(card, 'Not registered');
    backend.hold.add('register');
    registerButton(card).click();
    const held = await backend.nextHeld();
    backend.hold.delete('register');
    card.remove();
    const heard: string[] = [];
    for (const type of WIDGET_EVENTS) card.addEventListener(type, () => heard.push(type));
    const registered = nextEvent(card, 'lead-registered');
    held.proceed();
    await registered; // the user's action completed: the host hears of it
    await card.updateComplete;
    card.contactId = 'another-contact'; // a host may still set properties of an element it removed
    await card.updateComplete;
    await registerOnPage(backend, { contactId: 'c-elsewhere', website: 'elsewhere.example' });
    await card.updateComplete;
    expect(backend.calls.map((call) => call.method)).to.deep.equal(['getContactView', 'register', 'register']);
    expect(heard, 'nothing after its own registration').to.deep.equal(['lead-registered']);
  });
});

describe('<lead-registration-card> attribute changes', () => {
  it('a new contact-id aborts the old load and never shows the old contact’s state', async () => {
    const backend = new ControlledBackend(
      await testBackend([registration({ domain: 'first.example', contactId: 'first' })]),
    );
    backend.hold.add('getContactView');
    const card = await cardOn(backend, { contactId: 'first', website: 'second.example' });
    const first = await backend.nextHeld();
    expect((first.args[0] as ContactQuery).contactId).to.equal('first');
    const states = recordStates(card);

    card.setAttribute('contact-id', 'second');
    const second = await backend.nextHeld();
    expect((second.args[0] as ContactQuery).contactId).to.equal('second');
    expect(first.signal?.aborted, 'the old load is aborted').to.be.true;
    first.proceed(); // whatever it answers now is for a contact no longer shown
    await card.updateComplete;
    expect(isLoading(card)).to.be.true;

    second.proceed();
    await stateIs(card, 'Not registered');
    expect(bodyOf(card)).to.contain('second.example');
    states.stop();
    expect(states.states).to.deep.equal(['(loading)', 'Not registered']);
  });

  it('changing back and forth shows each contact’s own state', async () => {
    const backend = await testBackend([registration({ domain: 'first.example', contactId: 'first' })]);
    const card = await cardOn(backend, { contactId: 'first', website: 'first.example' });
    await stateIs(card, 'Registered');
    card.contactId = 'second';
    card.website = 'second.example';
    await stateIs(card, 'Not registered');
    card.contactId = 'first';
    card.website = 'first.example';
    await stateIs(card, 'Registered');
    expect(factOf(card, 'Domain')).to.equal('first.example');
  });

  it('a changed website updates the preview', async () => {
    const card = await cardOn(await testBackend(), { website: 'acme.com' });
    await stateIs(card, 'Not registered');
    card.setAttribute('website', 'https://www.globex.co.uk/about');
    await card.updateComplete;
    expect(bodyOf(card)).to.contain('Registering adds globex.co.uk to your capacity.');
    card.website = '';
    await card.updateComplete;
    expect(registerButton(card).getAttribute('aria-disabled')).to.equal('true');
  });

  it('fires no event when the host only sets attributes and properties', async () => {
    const events = recordEvents();
    try {
      const backend = await testBackend([registration({ domain: 'example.com', contactId: 'contact-1' })]);
      const other = await testBackend(makeRegistrations(5));
      const card = await cardOn(backend);
      await stateIs(card, 'Registered');
      card.setAttribute('contact-id', 'contact-2');
      card.setAttribute('website', 'another.example');
      card.setAttribute('company', 'Another');
      card.setAttribute('contact-name', 'Someone');
      card.setAttribute('country', 'France');
      await stateIs(card, 'Not registered');
      card.backend = other;
      await waitUntil(() => !isLoading(card) && card.shadowRoot!.querySelector('#register'));
    } finally {
      events.stop();
    }
    expect(sent(events.events)).to.deep.equal([]);
  });
});

// --- Backend resolution ----------------------------------------------------------------------------

describe('<lead-registration-card> backend resolution', () => {
  /** A backend whose only registration is `contact-x` at `domain`. */
  async function backendWith(domain: string): Promise<LocalBackend> {
    return testBackend([registration({ domain, contactId: 'contact-x' })]);
  }

  async function restApiWith(domain: string, baseUrl: string): Promise<void> {
    const api = createCapacityApi({ baseUrl });
    api.reset({ registrations: [registration({ domain, contactId: 'contact-x' })] });
    worker.use(...api.handlers);
    const { startMockApi } = await import('../../mocks/browser.js');
    await startMockApi();
  }

  async function domainShown(card: Card): Promise<string> {
    await stateIs(card, 'Registered');
    return textOf(q(card, '.domain'));
  }

  it('uses its own backend, else its api-base, else the nearest provider, else the page’s default', async () => {
    const own = await backendWith('own.example');
    const provided = await backendWith('provided.example');
    await restApiWith('rest.example', '/api-order');
    const provider = await fixture<CapacityProviderElement>(html`
      <capacity-provider .backend=${provided}>
        <lead-registration-card
          id="own"
          .backend=${own}
          api-base="/api-order"
          contact-id="contact-x"
        ></lead-registration-card>
        <lead-registration-card id="api" api-base="/api-order" contact-id="contact-x"></lead-registration-card>
        <lead-registration-card id="provider" contact-id="contact-x"></lead-registration-card>
      </capacity-provider>
    `);
    const byId = (id: string): Card => provider.querySelector<Card>(`#${id}`)!;
    expect(await domainShown(byId('own'))).to.equal('own.example');
    expect(await domainShown(byId('api'))).to.equal('rest.example');
    expect(await domainShown(byId('provider'))).to.equal('provided.example');

    const pageDefault = await pageDefaultBackend();
    const contactId = `page-default-${crypto.randomUUID()}`;
    const {
      registration: { id },
    } = await pageDefault.register({ contactId, website: 'page-default.example' });
    try {
      const alone = await fixture<Card>(
        html`<lead-registration-card contact-id=${contactId}></lead-registration-card>`,
      );
      expect(await domainShown(alone)).to.equal('page-default.example');
    } finally {
      await pageDefault.deregister([id]);
    }
  });
});

// --- Layout ----------------------------------------------------------------------------------------

describe('<lead-registration-card> layout', () => {
  it('fits a 320 px sidebar at 200 % text size without sideways scrolling', async () => {
    const long = 'a-very-long-subdomain-name-for-testing.an-equally-long-company-domain-name.example';
    const wrapper = await fixture<HTMLElement>(html`
      <div style="width: 320px; font-size: 200%">
        <lead-registration-card
          .backend=${await testBackend(makeRegistrations(50))}
          contact-id="c"
          website=${long}
          company="Aktiengesellschaft für außerordentlich lange Firmennamen"
        ></lead-registration-card>
      </div>
    `);
    const card = wrapper.querySelector('lead-registration-card')!;
    await stateIs(card, 'Not registered');
    for (const element of card.shadowRoot!.querySelectorAll<HTMLElement>('.card, .body, .header, .actions, .reason')) {
      expect(element.scrollWidth, `${element.className} does not overflow`).to.be.at.most(element.clientWidth);
    }
    expect(card.getBoundingClientRect().width).to.equal(320);
    gear(card).click();
    await card.updateComplete;
    const menuBox = menu(card).getBoundingClientRect();
    const cardBox = card.getBoundingClientRect();
    expect(menuBox.left).to.be.at.least(cardBox.left);
    expect(menuBox.right).to.be.at.most(cardBox.right);
  });

  /** How many lines the text of `element` takes. */
  function linesOf(element: Element): number {
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)))
      .size;
  }

  for (const width of [320, 330]) {
    it(`breaks a domain only where it must: northwind-analytics.com stays whole in a ${width} px sidebar`, async () => {
      const wrapper = await fixture<HTMLElement>(html`
        <div style="width: ${width}px; font: 16px sans-serif">
          <lead-registration-card
            .backend=${await testBackend()}
            contact-id="c"
            website="https://www.northwind-analytics.com/"
            contact-name="Maya Lindqvist"
            company="Northwind Analytics"
            country="Sweden"
          ></lead-registration-card>
        </div>
      `);
      const card = wrapper.querySelector('lead-registration-card')!;
      await stateIs(card, 'Not registered');
      expect(textOf(q(card, '.details p'))).to.equal('Registering adds northwind-analytics.com to your capacity.');
      expect(linesOf(q(card, '.domain')!), 'the domain is not broken at its hyphen').to.equal(1);
    });
  }

  it('shows the whole "website changed" note in a 320 px sidebar: only host and backend values are cut short', async () => {
    const backend = await testBackend([registration({ domain: 'northwind-analytics.com', contactId: 'c' })]);
    const wrapper = await fixture<HTMLElement>(html`
      <div style="width: 320px; font: 16px sans-serif">
        <lead-registration-card
          .backend=${backend}
          contact-id="c"
          website="https://www.northwind-analytics.co.uk/"
        ></lead-registration-card>
      </div>
    `);
    const card = wrapper.querySelector('lead-registration-card')!;
    await stateIs(card, 'Registered');
    const note = q(card, '.note > span')!;
    expect(note.scrollHeight, 'the note is not clamped').to.be.at.most(note.clientHeight + 1);
    expect(textOf(note)).to.match(/a registration does not follow the website\.$/);
  });

  it('a domain longer than the line still breaks, within the card, and a very long one is cut to a few lines', async () => {
    const long = `${'a'.repeat(60)}.${'subdomain-x'.repeat(5)}.${'b'.repeat(60)}.example.com`;
    const wrapper = await fixture<HTMLElement>(html`
      <div style="width: 320px; font: 16px sans-serif">
        <lead-registration-card .backend=${await testBackend()} contact-id="c" website=${long}></lead-registration-card>
      </div>
    `);
    const card = wrapper.querySelector('lead-registration-card')!;
    await stateIs(card, 'Not registered');
    const domain = q(card, '.domain')!;
    expect(domain.getBoundingClientRect().right).to.be.at.most(q(card, '.body')!.getBoundingClientRect().right);
    const lineHeight = parseFloat(getComputedStyle(domain).lineHeight);
    expect(domain.getBoundingClientRect().height / lineHeight, 'at most four lines').to.be.at.most(4.1);
  });

  it('inherits the host’s font and follows a forced dark colour scheme', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div style="font-family: Georgia, serif; color-scheme: dark">
        <lead-registration-card
          .backend=${await testBackend()}
          contact-id="c"
          website="example.com"
        ></lead-registration-card>
      </div>
    `);
    const card = wrapper.querySelector('lead-registration-card')!;
    await stateIs(card, 'Not registered');
    const box = q(card, '.card')!;
    expect(getComputedStyle(box).fontFamily).to.equal('Georgia, serif');
    expect(getComputedStyle(box).backgroundColor).to.equal('rgb(27, 31, 36)');
    await expect(card).to.be.accessible();
  });
});
