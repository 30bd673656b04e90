import { expect, fixture, html } from '@open-wc/testing';
import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { api, problem, startMockApi, worker } from '../../mocks/browser.js';
import { RestBackend } from '../../src/backends/rest-backend.js';
import { CapacityError, isTransient, type CapacityErrorCode } from '../../src/core/errors.js';
import '../../src/define.js';
import type { CapacityManagerElement } from '../../src/elements/capacity-manager/capacity-manager.js';
import type { CapacityManagerPanelElement } from '../../src/elements/capacity-manager/capacity-manager-panel.js';
import type { CapacityMeterElement } from '../../src/elements/capacity-meter/capacity-meter.js';
import type { LeadRegistrationCardElement } from '../../src/elements/lead-registration-card/lead-registration-card.js';
import { englishLocalizer } from '../../src/i18n/localizer.js';
import {
  $,
  confirmationOf,
  messageText,
  openManager,
  rowCheckbox,
  settled,
  shownDomains,
} from '../helpers/capacity-manager.js';
import { bodyOf, cardShows, factOf, registerButton, stateOf } from '../helpers/card.js';
import { q, textOf } from '../helpers/dom.js';
import { makeRegistrations } from '../helpers/registrations.js';
import { UncaughtErrors } from '../helpers/uncaught.js';
import { eventually } from '../helpers/wait.js';

/*
 * The fault matrix (issue 6, item 1): every backend call the elements make, times every way a REST
 * API fails, end to end: the elements on a RestBackend, the API mocked by MSW, the fault injected
 * with `worker.use(...)` on that one call. For each case the test asserts what a partner sees: the
 * failure in words, Retry where it makes sense, the work kept (the manager's selection, its open
 * confirmation), and, after the API recovers (`resetHandlers`) and the partner retries, exactly the
 * server's capacity on the screen. docs/faults.md documents the same table; a test below keeps the
 * two in step.
 *
 * The faults:
 * - 500 with a problem body; 503 as a proxy sends it (HTML, no problem); 401 and 403 problems;
 * - timeout: the server never answers (a RestBackend with a 1 s timeout); a mutation is applied by
 *   the server first, so the partner's Retry must not apply it twice;
 * - network down: `HttpResponse.error()`, the way a refused connection fails `fetch`;
 * - malformed JSON: a 200/201 whose body is cut off (a mutation is applied first, as above);
 * - a 5-second response: held until the test lets it go (no real waiting), the progress shown meanwhile;
 * - each 409 of a registration: brought about the way it happens, by another tab or partner changing
 *   the server's data before the partner clicks, so that the server answers with its own rules.
 */

type Card = LeadRegistrationCardElement;
type Meter = CapacityMeterElement;

const TIMEOUT_MS = 1000;
/** Registrations on the server when a case starts (untiered: 50). */
const SEEDED = 30;
const DOMAIN = 'fault-matrix.example';
const CONTACT = {
  id: 'c-fault',
  website: `https://www.${DOMAIN}/pricing`,
  name: 'Maya Lindqvist',
  company: 'Northwind',
  country: 'SE',
};
/** The contact through whom another tab registers the card's domain. */
const OTHER = { id: 'c-other', name: 'Grace Other' };

// --- Faults --------------------------------------------------------------------------------------

type FaultKind = 'answer' | 'timeout' | 'malformed' | 'slow' | 'conflict';

interface Fault {
  /** As in docs/faults.md. */
  name: string;
  kind: FaultKind;
  /** The code of the `lead-registration-error` it causes; none for a slow answer. */
  code?: CapacityErrorCode;
  /** The answer, for kind `answer`. */
  respond?: () => Response;
  /** Only a registration can meet it (the 409s). */
  registerOnly?: boolean;
}

const FAULTS: readonly Fault[] = [
  { name: '500', kind: 'answer', code: 'server', respond: () => problem(new CapacityError('server')) },
  {
    name: '503',
    kind: 'answer',
    code: 'server',
    respond: () =>
      new HttpResponse('<h1>503 Service Unavailable</h1>', { status: 503, headers: { 'Content-Type': 'text/html' } }),
  },
  { name: '401', kind: 'answer', code: 'unauthorized', respond: () => problem(new CapacityError('unauthorized')) },
  { name: '403', kind: 'answer', code: 'forbidden', respond: () => problem(new CapacityError('forbidden')) },
  { name: 'timeout', kind: 'timeout', code: 'timeout' },
  { name: 'network down', kind: 'answer', code: 'network', respond: () => HttpResponse.error() },
  { name: 'malformed JSON', kind: 'malformed', code: 'bad-response' },
  { name: '5-second response', kind: 'slow' },
  { name: '409 capacity-exceeded', kind: 'conflict', code: 'capacity-exceeded', registerOnly: true },
  { name: '409 domain-already-registered', kind: 'conflict', code: 'domain-already-registered', registerOnly: true },
  { name: '409 contact-already-registered', kind: 'conflict', code: 'contact-already-registered', registerOnly: true },
  { name: '409 domain-unavailable', kind: 'conflict', code: 'domain-unavailable', registerOnly: true },
];

const message = (code: CapacityErrorCode): string => new CapacityError(code).message;

/** Held answers: the test lets a 5-second response go; a timeout's is let go after the test. */
interface Gate {
  promise: Promise<void>;
  open(): void;
}
const gates: Gate[] = [];
function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  const made = { promise, open };
  gates.push(made);
  return made;
}

/** The mock API's own answer to `request`: what the server does when nothing is wrong. */
async function serverAnswer(request: Request): Promise<Response> {
  const response = await getResponse([...api.handlers], request);
  if (!response) throw new Error(`The mock API does not answer ${request.method} ${request.url}`);
  return response;
}

// --- What a partner sees -------------------------------------------------------------------------

function buttonNamed(root: Element, name: string, within = ''): HTMLButtonElement | undefined {
  return [...root.shadowRoot!.querySelectorAll<HTMLButtonElement>(`${within} button`)].find(
    (button) => textOf(button) === name,
  );
}

function meterText(meter: Meter): string {
  return textOf(meter.shadowRoot);
}

/** The meter shows exactly what the server holds now. */
async function showsServerCapacity(meter: Meter): Promise<void> {
  const expected = (): string => englishLocalizer.t('capacity.summary', { ...api.ledger.capacity() });
  await eventually(
    () => q(meter, '[part="summary"]') && textOf(q(meter, '[part="summary"]')) === expected(),
    () => `the meter shows “${meterText(meter)}”, the server holds “${expected()}”`,
  );
}

// --- The calls -----------------------------------------------------------------------------------

interface Scene {
  backend: RestBackend;
  card?: Card;
  meter?: Meter;
  manager?: CapacityManagerElement;
  panel?: CapacityManagerPanelElement;
}

interface Call {
  /** As in docs/faults.md: element and backend method. */
  name: string;
  method: 'GET' | 'POST';
  /** Under the API's base URL. */
  path: string;
  /** Renders what exists before the call is made. */
  setup(scene: Scene): Promise<void>;
  /** Makes the call: renders the element that makes it, or acts as the partner would. */
  trigger(scene: Scene): Promise<void>;
  /** While a slow answer is awaited. */
  expectProgress(scene: Scene): Promise<void>;
  /** The failure, in words, with Retry where it makes sense and the partner's work kept. */
  expectFailure(scene: Scene, code: CapacityErrorCode): Promise<void>;
  /** What the partner clicks to try again once the API is back. */
  retry(scene: Scene): HTMLButtonElement;
  /** The call done: the state it leads to. */
  expectDone(scene: Scene): Promise<void>;
  /** The meter that must show the server's capacity at the end. */
  meterOf(scene: Scene): Meter;
}

async function renderCardPage(scene: Scene): Promise<void> {
  const page = await fixture<HTMLElement>(html`
    <div style="width: 24rem">
      <capacity-meter .backend=${scene.backend}></capacity-meter>
      <lead-registration-card
        .backend=${scene.backend}
        contact-id=${CONTACT.id}
        website=${CONTACT.website}
        contact-name=${CONTACT.name}
        company=${CONTACT.company}
        country=${CONTACT.country}
      ></lead-registration-card>
    </div>
  `);
  scene.meter = page.querySelector('capacity-meter')!;
  scene.card = page.querySelector('lead-registration-card')!;
}

/** A failed read on the card: the state is not loaded, the reason in words, and Retry. */
async function cardLoadFailed(card: Card, sentence: string, code: CapacityErrorCode): Promise<void> {
  const expected = `${sentence} ${message(code)}`;
  await eventually(
    () => textOf(q(card, '[role="alert"]')) === expected,
    () => `the card did not say “${expected}”; it shows “${bodyOf(card)}”`,
  );
  expect(buttonNamed(card, 'Retry', '.body'), 'Retry').to.exist;
}

async function notRegisteredAndReady(card: Card): Promise<void> {
  await eventually(
    () => stateOf(card) === 'Not registered' && q(card, '#register'),
    () => `the card does not offer Register; it shows “${bodyOf(card)}”`,
  );
  await card.updateComplete;
  expect(textOf(registerButton(card))).to.equal('Register');
  expect(registerButton(card).getAttribute('aria-disabled')).to.equal('false');
  expect(bodyOf(card)).to.contain(`Registering adds ${DOMAIN} to your capacity.`);
}

function retryOnCard(scene: Scene): HTMLButtonElement {
  return buttonNamed(scene.card!, 'Retry', '.body')!;
}

const cardGetContactView: Call = {
  name: 'card: getContactView',
  method: 'GET',
  path: '/contact-view',
  async setup() {},
  trigger: renderCardPage,
  async expectProgress({ card }) {
    await eventually(
      () => q(card!, '.skeleton'),
      () => `no loading placeholder: “${bodyOf(card!)}”`,
    );
    expect(q(card!, '.body')!.getAttribute('aria-busy')).to.equal('true');
    expect(bodyOf(card!)).to.equal('Loading the registration…');
  },
  async expectFailure({ card }, code) {
    await cardLoadFailed(card!, 'The registration could not be loaded.', code);
    expect(stateOf(card!)).to.equal('Registration not loaded');
  },
  retry: retryOnCard,
  expectDone: ({ card }) => notRegisteredAndReady(card!),
  meterOf: ({ meter }) => meter!,
};

/**
 * The card reads its contact again after a change made elsewhere. Here it shows the domain
 * registered through another contact; then another tab deregisters that contact and the partner
 * comes back to this tab (focus): the card reads again, keeping its last state meanwhile.
 */
const cardReadAgain: Call = {
  name: 'card: getContactView (again, after another tab’s change)',
  method: 'GET',
  path: '/contact-view',
  async setup(scene) {
    api.ledger.register(
      { contactId: OTHER.id, website: DOMAIN, contactName: OTHER.name },
      { id: 'r-other', now: new Date() },
    );
    await renderCardPage(scene);
    await cardShows(scene.card!, 'Registered through another contact');
    api.ledger.deregister(['r-other']); // in another tab
  },
  async trigger() {
    window.dispatchEvent(new Event('focus'));
  },
  async expectProgress({ card }) {
    await eventually(
      () => q(card!, '.body')!.getAttribute('aria-busy') === 'true',
      () => 'the card is not busy',
    );
    // The last state stays while it is read again: no flash of a placeholder.
    expect(stateOf(card!)).to.equal('Registered through another contact');
  },
  async expectFailure({ card }, code) {
    await cardLoadFailed(card!, 'The registration could not be loaded.', code);
    expect(stateOf(card!)).to.equal('Registration not loaded');
  },
  retry: retryOnCard,
  expectDone: ({ card }) => notRegisteredAndReady(card!),
  meterOf: ({ meter }) => meter!,
};

const cardRegister: Call = {
  name: 'card: register',
  method: 'POST',
  path: '/registrations',
  async setup(scene) {
    await renderCardPage(scene);
    await notRegisteredAndReady(scene.card!);
    await showsServerCapacity(scene.meter!);
  },
  async trigger({ card }) {
    registerButton(card!).click();
  },
  async expectProgress({ card }) {
    await eventually(
      () => textOf(registerButton(card!)) === 'Registering…',
      () => `no progress on the button: “${bodyOf(card!)}”`,
    );
    expect(registerButton(card!).getAttribute('aria-disabled')).to.equal('true');
    expect(q(card!, '#register .spinner')).to.exist;
  },
  async expectFailure({ card }, code) {
    await eventually(
      () => textOf(q(card!, '[role="alert"]')) === message(code),
      () => `the card did not say “${message(code)}”; it shows “${bodyOf(card!)}”`,
    );
    // The partner's contact is as it was: not registered, the domain still shown.
    expect(stateOf(card!)).to.equal('Not registered');
    expect(bodyOf(card!)).to.contain(`Registering adds ${DOMAIN} to your capacity.`);
    // Retry when the outcome is unknown; after a refusal (sign in again, ask for rights) a new Register.
    expect(textOf(registerButton(card!))).to.equal(isTransient(code) ? 'Retry' : 'Register');
    expect(registerButton(card!).getAttribute('aria-disabled')).to.equal('false');
  },
  retry: ({ card }) => registerButton(card!),
  async expectDone({ card }) {
    await cardShows(card!, 'Registered');
    expect(bodyOf(card!)).to.contain(DOMAIN);
    expect(api.ledger.byContact(CONTACT.id)?.domain, 'registered, on the server').to.equal(DOMAIN);
    expect(api.ledger.capacity().used, 'once').to.equal(SEEDED + 1);
  },
  meterOf: ({ meter }) => meter!,
};

async function renderMeter(scene: Scene): Promise<void> {
  scene.meter = await fixture<Meter>(html`<capacity-meter .backend=${scene.backend}></capacity-meter>`);
}

const meterGetCapacity: Call = {
  name: 'meter: getCapacity',
  method: 'GET',
  path: '/capacity',
  async setup() {},
  trigger: renderMeter,
  async expectProgress({ meter }) {
    await eventually(
      () => meterText(meter!) === 'Loading your capacity…',
      () => `the meter shows “${meterText(meter!)}”`,
    );
    expect(q(meter!, '[role="status"]')).to.exist;
  },
  async expectFailure({ meter }, code) {
    const expected = `Your capacity could not be loaded. ${message(code)} Retry`;
    await eventually(
      () => meterText(meter!) === expected,
      () => `the meter shows “${meterText(meter!)}”, not “${expected}”`,
    );
    expect(q(meter!, '[role="alert"]')).to.exist;
  },
  retry: ({ meter }) => buttonNamed(meter!, 'Retry')!,
  expectDone: ({ meter }) => showsServerCapacity(meter!),
  meterOf: ({ meter }) => meter!,
};

const SELECTED = ['company-003.com', 'company-026.com'];

function panelText(panel: CapacityManagerPanelElement): string {
  return textOf(panel.shadowRoot);
}

/** The partner's work in the manager: the search typed, the two domains selected. */
function expectSelectionKept(panel: CapacityManagerPanelElement): void {
  expect(textOf($(panel, '.selection-size'))).to.equal('2 domains selected');
  expect(textOf($(panel, '#deregister'))).to.equal('Deregister 2');
}

async function openManagerWithSelection(scene: Scene): Promise<void> {
  const { manager, panel } = await openManager(scene.backend);
  scene.manager = manager;
  scene.panel = panel;
  rowCheckbox(panel, SELECTED[0]).click();
  await panel.updateComplete;
  $(panel, '.pages button[title="Next page"]').click(); // 25 a page: the other one is on page 2
  await eventually(
    () => shownDomains(panel).includes(SELECTED[1]),
    () => `page 2 did not show: ${shownDomains(panel).join(', ')}`,
  );
  await settled(panel);
  rowCheckbox(panel, SELECTED[1]).click();
  await panel.updateComplete;
  expectSelectionKept(panel);
}

const SEARCH = 'company-01';
const FOUND = Array.from({ length: 10 }, (_, index) => `company-01${index}.com`);

const managerList: Call = {
  name: 'manager: listRegistrations',
  method: 'GET',
  path: '/registrations',
  setup: openManagerWithSelection,
  async trigger({ panel }) {
    const input = $<HTMLInputElement>(panel!, '#search');
    input.value = SEARCH;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  },
  async expectProgress({ panel }) {
    await eventually(
      () => $(panel!, 'table').getAttribute('aria-busy') === 'true',
      () => 'the table is not busy',
    );
    // The rows shown stay, dimmed, while the search runs.
    expect(panel!.shadowRoot!.querySelector('tbody.stale')).to.exist;
    expectSelectionKept(panel!);
  },
  async expectFailure({ panel }, code) {
    await eventually(
      () => messageText(panel!) === `${message(code)} Retry`,
      () => `the table shows “${messageText(panel!) ?? panelText(panel!)}”`,
    );
    expect(textOf($(panel!, 'tr.message [role="alert"]'))).to.equal(message(code));
    expect($<HTMLInputElement>(panel!, '#search').value, 'the search typed').to.equal(SEARCH);
    expectSelectionKept(panel!);
  },
  retry: ({ panel }) => buttonNamed(panel!, 'Retry', 'tr.message')!,
  async expectDone({ panel }) {
    await eventually(
      () => shownDomains(panel!).join() === FOUND.join(),
      () => `the table shows “${messageText(panel!) ?? shownDomains(panel!).join(', ')}”`,
    );
    await settled(panel!);
    expectSelectionKept(panel!);
  },
  meterOf: ({ panel }) => $<Meter>(panel!, 'capacity-meter'),
};

const managerDeregister: Call = {
  name: 'manager: deregister',
  method: 'POST',
  path: '/registrations/deregister',
  async setup(scene) {
    await openManagerWithSelection(scene);
    const panel = scene.panel!;
    $(panel, '#deregister').click();
    await eventually(
      () => confirmationOf(panel).open,
      () => 'the confirmation did not open',
    );
  },
  async trigger({ panel }) {
    $(panel!, '#confirm').click();
  },
  async expectProgress({ panel }) {
    await eventually(
      () => textOf($(panel!, '#confirm')) === 'Deregistering…',
      () => `no progress: “${textOf(confirmationOf(panel!))}”`,
    );
    expect($(panel!, '#confirm').getAttribute('aria-busy')).to.equal('true');
    expect($(panel!, '#cancel').getAttribute('aria-disabled')).to.equal('true');
    expect(confirmationOf(panel!).open).to.be.true;
  },
  async expectFailure({ panel }, code) {
    const dialog = confirmationOf(panel!);
    await eventually(
      () => textOf(dialog.querySelector('[role="alert"]')) === message(code),
      () => `the confirmation shows “${textOf(dialog)}”`,
    );
    // Nothing lost: the confirmation stays open over the same selection, with Retry.
    expect(dialog.open).to.be.true;
    expect(textOf(dialog.querySelector('h3'))).to.equal('Deregister 2 domains?');
    expect([...dialog.querySelectorAll('li')].map(textOf)).to.deep.equal(SELECTED);
    expect(textOf($(panel!, '#confirm'))).to.equal('Retry');
    expect($(panel!, '#confirm').getAttribute('aria-disabled')).to.equal('false');
    expectSelectionKept(panel!);
  },
  retry: ({ panel }) => $<HTMLButtonElement>(panel!, '#confirm'),
  async expectDone({ panel }) {
    // Applied once, on the server: 2 fewer, whatever was retried.
    const expected = `2 domains deregistered. ${SEEDED - 2} of 50 used.`;
    await eventually(
      () => textOf($(panel!, '.announcement')) === expected,
      () => `the announcement is “${textOf($(panel!, '.announcement'))}”, not “${expected}”`,
    );
    expect(api.ledger.capacity().used).to.equal(SEEDED - 2);
    expect(confirmationOf(panel!).open).to.be.false;
    expect(textOf($(panel!, '.selection-size'))).to.equal('Select domains to deregister them.');
  },
  meterOf: ({ panel }) => $<Meter>(panel!, 'capacity-meter'),
};

const CALLS: readonly Call[] = [
  cardGetContactView,
  cardReadAgain,
  cardRegister,
  meterGetCapacity,
  managerList,
  managerDeregister,
];

/** Every case of the matrix: the 409s only where a registration is made. */
const CASES = CALLS.flatMap((call) =>
  FAULTS.filter((fault) => !fault.registerOnly || call === cardRegister).map((fault) => ({ call, fault })),
);

// --- The 409s, as they come about ----------------------------------------------------------------

let otherTab = 0;
/** Another tab (or another partner) changes the server's data before the partner clicks. */
function bringAbout(code: CapacityErrorCode): void {
  const now = new Date();
  switch (code) {
    case 'capacity-exceeded':
      // Another tab fills the last free slots.
      while (api.ledger.capacity().used < api.ledger.limit) {
        otherTab++;
        api.ledger.register(
          { contactId: `c-tab-${otherTab}`, website: `tab-${otherTab}.example` },
          { id: `r-tab-${otherTab}`, now },
        );
      }
      break;
    case 'domain-already-registered':
      api.ledger.register({ contactId: OTHER.id, website: DOMAIN, contactName: OTHER.name }, { id: 'r-other', now });
      break;
    case 'contact-already-registered':
      api.ledger.register({ contactId: CONTACT.id, website: DOMAIN, contactName: CONTACT.name }, { id: 'r-same', now });
      break;
    case 'domain-unavailable':
      api.takenByAnotherPartner(DOMAIN);
      break;
    default:
  }
}

async function expectConflict(scene: Scene, code: CapacityErrorCode): Promise<void> {
  const card = scene.card!;
  switch (code) {
    case 'capacity-exceeded': {
      const expected = `Your capacity is full (${api.ledger.limit} of ${api.ledger.limit} domains used).`;
      await eventually(
        () => bodyOf(card).includes(expected),
        () => `the card shows “${bodyOf(card)}”`,
      );
      expect(stateOf(card)).to.equal('Not registered');
      expect(registerButton(card).getAttribute('aria-disabled')).to.equal('true');
      // The way out: the Capacity Manager.
      expect(buttonNamed(card, 'Manage your capacity', '.body')).to.exist;
      expect(textOf(q(card, '[role="status"]'))).to.equal(message(code));
      break;
    }
    case 'domain-already-registered':
      await cardShows(card, 'Registered through another contact');
      expect(bodyOf(card)).to.contain(`${DOMAIN} is already in your capacity, registered through another contact.`);
      expect(factOf(card, 'Contact')).to.equal(OTHER.name);
      break;
    case 'contact-already-registered':
      await cardShows(card, 'Registered');
      expect(bodyOf(card)).to.contain(DOMAIN);
      break;
    case 'domain-unavailable':
      await cardShows(card, 'Registered by another partner');
      expect(bodyOf(card)).to.contain(`${DOMAIN} is registered by another partner and cannot be registered.`);
      break;
    default:
      throw new Error(`not a conflict: ${code}`);
  }
  expect(
    q(card, '#register') && textOf(registerButton(card)),
    'no Retry: the same request would be refused again',
  ).to.not.equal('Retry');
}

// --- The matrix ----------------------------------------------------------------------------------

const reported: CapacityErrorCode[] = [];
const onError = (event: GlobalEventHandlersEventMap['lead-registration-error']): void =>
  void reported.push(event.detail.error.code);
const uncaught = new UncaughtErrors();

beforeEach(() => {
  reported.length = 0;
  document.addEventListener('lead-registration-error', onError);
  uncaught.watch();
});

afterEach(() => {
  document.removeEventListener('lead-registration-error', onError);
  uncaught.stop();
  for (const held of gates.splice(0)) held.open();
  worker.resetHandlers();
  expect(uncaught.errors, 'nothing uncaught').to.deep.equal([]);
});

describe('fault matrix: every backend call × every fault, through RestBackend and MSW', function () {
  this.timeout(15_000);

  for (const { call, fault } of CASES) {
    it(`${call.name} × ${fault.name}`, async () => {
      await startMockApi({
        state: {
          registrations: makeRegistrations(SEEDED),
        },
      });
      // Every request of the call under test that this page's backend sends, with its Idempotency-Key.
      let sent: (string | null)[] = [];
      const recordingFetch: typeof fetch = (input, init) => {
        const path = new URL(input instanceof Request ? input.url : input).pathname.slice(api.baseUrl.length);
        if ((init?.method ?? 'GET') === call.method && matches(call.path, path))
          sent.push(new Headers(init?.headers).get('Idempotency-Key'));
        return fetch(input, init);
      };
      const scene: Scene = {
        backend: new RestBackend({ baseUrl: api.baseUrl, timeoutMs: TIMEOUT_MS, fetch: recordingFetch }),
      };
      await call.setup(scene);
      sent = [];
      const held = gate();
      if (fault.kind === 'conflict') bringAbout(fault.code!);
      else worker.use(faultHandler(call, fault, held));
      reported.length = 0;
      await call.trigger(scene);

      if (fault.kind === 'slow') {
        await call.expectProgress(scene);
        held.open();
        await call.expectDone(scene);
        expect(reported, 'no error reported').to.deep.equal([]);
      } else if (fault.kind === 'conflict') {
        await expectConflict(scene, fault.code!);
        expect(reported).to.deep.equal([fault.code]);
      } else {
        const code = fault.code!;
        await call.expectFailure(scene, code);
        expect(reported, 'one lead-registration-error, of the failed call').to.deep.equal([code]);
        // Reads are tried once more after a 503 or a network error; mutations never on their own.
        const retried = call.method === 'GET' && (fault.name === '503' || code === 'network');
        expect(sent.length, 'requests sent').to.equal(retried ? 2 : 1);

        // The API recovers; the partner retries.
        worker.resetHandlers();
        const retry = call.retry(scene);
        const again = textOf(retry) === 'Retry';
        retry.click();
        await call.expectDone(scene);
        // Nothing failed on the way back (a registration applied twice would be a 409).
        expect(reported, 'no other error').to.deep.equal([code]);
        if (call.method === 'POST') {
          expect(sent, 'one request more').to.have.length(2);
          // Retry is the same action, with the same key, which the server applies once (a timeout or a
          // malformed answer came after the server had applied it); a new Register is a new action.
          if (again) expect(sent[1], 'the same Idempotency-Key').to.equal(sent[0]);
          else expect(sent[1], 'a new Idempotency-Key').to.not.equal(sent[0]);
        }
      }
      await showsServerCapacity(call.meterOf(scene));
    });
  }
});

/** Whether `path` matches an MSW path like `/contacts/:contactId/registration`. */
function matches(pattern: string, path: string): boolean {
  return new RegExp(`^${pattern.replace(/:[^/]+/g, '[^/]+')}$`).test(path);
}

function faultHandler(call: Call, fault: Fault, held: Gate): HttpHandler {
  const route = call.method === 'GET' ? http.get : http.post;
  return route(`${api.baseUrl}${call.path}`, async ({ request }) => {
    switch (fault.kind) {
      case 'answer':
        return fault.respond!();
      case 'timeout': {
        // A mutation reaches the server and is applied; only its answer never comes back.
        const answer = call.method === 'POST' ? await serverAnswer(request) : HttpResponse.error();
        await held.promise;
        return answer;
      }
      case 'malformed': {
        const status = call.method === 'POST' ? (await serverAnswer(request)).status : 200;
        return new HttpResponse('{"id": "r-1", "domain": "fault-matr', {
          status,
          headers: { 'Content-Type': 'application/json' },
        });
      }
      case 'slow':
        await held.promise;
        return serverAnswer(request);
      default:
        throw new Error(`no handler for ${fault.kind}`);
    }
  });
}

// --- The documentation ---------------------------------------------------------------------------

describe('docs/faults.md', () => {
  it('documents every case of the matrix, and no other', async () => {
    const response = await fetch('/docs/faults.md');
    expect(response.ok, 'docs/faults.md is served').to.be.true;
    const rows = (await response.text())
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    const documented = rows.map((cells) => `${cells[1].replace(/`/g, '')} × ${cells[2]}`);
    const tested = CASES.map(({ call, fault }) => `${call.name} × ${fault.name}`);
    expect(documented).to.deep.equal(tested);
  });
});
