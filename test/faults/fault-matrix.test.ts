import { expect, fixture, html } from '@open-wc/testing';
import { api, startMockApi, worker } from '../../mocks/browser.js';
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
import { captureDownloads, csvOf, today, type Download } from '../helpers/downloads.js';
import { FAULTS, faultHandler, gate, openGates, type Fault } from '../helpers/faults.js';
import { makeRegistrations } from '../helpers/registrations.js';
import type { Registration, RegistrationPolicy } from '../../src/core/types.js';
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
 * The faults (test/helpers/faults.ts):
 * - 500 with a problem body; 503 as a proxy sends it (HTML, no problem); 401 and 403 problems;
 * - timeout: the server never answers (a RestBackend with a 1 s timeout); a mutation is applied by
 *   the server first, so the partner's Retry must not apply it twice;
 * - network down: `HttpResponse.error()`, the way a refused connection fails `fetch`;
 * - malformed JSON: a 200/201 whose body is cut off (a mutation is applied first, as above);
 * - a 5-second response: held until the test lets it go (no real waiting), the progress shown meanwhile;
 * - each 409 of a registration: brought about the way it happens, by another tab or partner changing
 *   the server's data before the partner clicks, so that the server answers with its own rules;
 * - each refusal of a renewal (a 200 whose `refused` names it): brought about the same way.
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

const message = (code: CapacityErrorCode): string => new CapacityError(code).message;

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
  const expected = (): string =>
    englishLocalizer.t('capacity.summary', (({ used, limit }) => ({ used, limit }))(api.ledger.capacity()));
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
  /**
   * Its rows in docs/faults.md that are its own: what the partner sees and the way on with a slow answer and, but
   * for the card's registration, with the first failure (500). The other rows follow from those (`documentedRow`).
   */
  documented: {
    slow: Row;
    failure?: Row;
    /** For a mutation the server applies before its answer is lost: what it did, and did once (deregister). */
    applied?: readonly [verb: string, participle: string];
  };
}

/** A row of docs/faults.md's matrix after its call and fault: what the partner sees, and the way on. */
type Row = readonly [sees: string, wayOn: string];

// What the card says when it could not read its contact: asserted below, and quoted by docs/faults.md.
const NOT_LOADED = 'Registration not loaded';
const LOAD_FAILED = 'The registration could not be loaded.';
const LOADING = 'Loading the registration…';
const THROUGH_ANOTHER = 'Registered through another contact';
const REGISTERING = 'Registering…';
const METER_FAILED = 'Your capacity could not be loaded.';
const METER_LOADING = 'Loading your capacity…';
const TWO_SELECTED = '2 domains selected';
const DEREGISTER_TWO = 'Deregister 2';
const DEREGISTERING = 'Deregistering…';
const DEREGISTERED_TWO = `2 domains deregistered. ${SEEDED - 2} of 50 used.`;
const EXPORT_STOPPED = 'The export stopped.';

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
    expect(bodyOf(card!)).to.equal(LOADING);
  },
  async expectFailure({ card }, code) {
    await cardLoadFailed(card!, LOAD_FAILED, code);
    expect(stateOf(card!)).to.equal(NOT_LOADED);
  },
  retry: retryOnCard,
  expectDone: ({ card }) => notRegisteredAndReady(card!),
  meterOf: ({ meter }) => meter!,
  documented: {
    failure: [
      `**${NOT_LOADED}**: "${LOAD_FAILED} ‹reason›"; the meter, whose capacity the card's answer would have brought, ` +
        'reads it itself',
      'Retry loads again: Not registered, with Register',
    ],
    slow: [`the loading placeholder (busy; "${LOADING}" to a screen reader), then Not registered`, '—'],
  },
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
    await cardShows(scene.card!, THROUGH_ANOTHER);
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
    expect(stateOf(card!)).to.equal(THROUGH_ANOTHER);
  },
  async expectFailure({ card }, code) {
    await cardLoadFailed(card!, LOAD_FAILED, code);
    expect(stateOf(card!)).to.equal(NOT_LOADED);
  },
  retry: retryOnCard,
  expectDone: ({ card }) => notRegisteredAndReady(card!),
  meterOf: ({ meter }) => meter!,
  documented: {
    failure: [
      `The card showed "${THROUGH_ANOTHER}"; another tab deregistered that contact; back on this tab the card reads ` +
        `again: **${NOT_LOADED}**: "${LOAD_FAILED} ‹reason›"`,
      'Retry: Not registered, with Register (the domain is free now)',
    ],
    slow: [`"${THROUGH_ANOTHER}" stays (busy) while it reads again, then Not registered`, '—'],
  },
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
      () => textOf(registerButton(card!)) === REGISTERING,
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
  documented: { slow: [`the button: spinner and "${REGISTERING}", inert; then Registered`, '—'] },
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
      () => meterText(meter!) === METER_LOADING,
      () => `the meter shows “${meterText(meter!)}”`,
    );
    expect(q(meter!, '[role="status"]')).to.exist;
  },
  async expectFailure({ meter }, code) {
    const expected = `${METER_FAILED} ${message(code)} Retry`;
    await eventually(
      () => meterText(meter!) === expected,
      () => `the meter shows “${meterText(meter!)}”, not “${expected}”`,
    );
    expect(q(meter!, '[role="alert"]')).to.exist;
  },
  retry: ({ meter }) => buttonNamed(meter!, 'Retry')!,
  expectDone: ({ meter }) => showsServerCapacity(meter!),
  meterOf: ({ meter }) => meter!,
  documented: {
    failure: [`"${METER_FAILED} ‹reason›" and Retry (an alert)`, 'Retry: the capacity'],
    slow: [`"${METER_LOADING}" (a status), then the capacity`, '—'],
  },
};

const SELECTED = ['company-003.com', 'company-026.com'];

function panelText(panel: CapacityManagerPanelElement): string {
  return textOf(panel.shadowRoot);
}

/** The partner's work in the manager: the search typed, the two domains selected. */
function expectSelectionKept(panel: CapacityManagerPanelElement): void {
  expect(textOf($(panel, '.selection-size'))).to.equal(TWO_SELECTED);
  expect(textOf($(panel, '#deregister'))).to.equal(DEREGISTER_TWO);
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
  documented: {
    failure: [
      'Two domains selected on two pages, a search typed and sent: the table says "‹reason›" with Retry; the search ' +
        `text, "${TWO_SELECTED}" and ${DEREGISTER_TWO} stay`,
      'Retry: the matching rows, the selection intact',
    ],
    slow: ['the rows shown stay, dimmed, the table busy; then the matching rows', '—'],
  },
};

const EXPORTED = `${SEEDED} registrations exported to registrations-${today()}.csv.`;
let downloads: Download[] = [];
let restoreDownloads = (): void => undefined;

/** Export CSV, with the partner's selection made: its read fails, the selection and the table stay. */
const managerExport: Call = {
  name: 'manager: listRegistrations (Export CSV)',
  method: 'GET',
  path: '/registrations',
  async setup(scene) {
    ({ downloads, restore: restoreDownloads } = captureDownloads());
    await openManagerWithSelection(scene);
  },
  async trigger({ panel }) {
    $(panel!, '#export').click();
  },
  async expectProgress({ panel }) {
    await eventually(
      () => textOf($(panel!, '#export')) === 'Cancel export',
      () => `no progress: “${textOf($(panel!, '.export'))}”`,
    );
    expectSelectionKept(panel!);
  },
  async expectFailure({ panel }, code) {
    const expected = `${EXPORT_STOPPED} ${message(code)}`;
    await eventually(
      () => textOf(panel!.shadowRoot!.querySelector('.export [role="alert"]')) === expected,
      () => `the export shows “${textOf($(panel!, '.export'))}”`,
    );
    expect(textOf($(panel!, '#export'))).to.equal('Retry');
    expect(downloads, 'nothing downloaded').to.deep.equal([]);
    // The table and the partner's work are as they were.
    expect(shownDomains(panel!)).to.include(SELECTED[1]);
    expectSelectionKept(panel!);
  },
  retry: ({ panel }) => $<HTMLButtonElement>(panel!, '#export'),
  async expectDone({ panel }) {
    await eventually(
      () => textOf($(panel!, '.announcement')) === EXPORTED,
      () => `the announcement is “${textOf($(panel!, '.announcement'))}”, not “${EXPORTED}”`,
    );
    expect(downloads).to.have.length(1);
    expect((await csvOf(downloads[0])).split('\r\n')).to.have.length(SEEDED + 2);
    expect(textOf($(panel!, '#export'))).to.equal('Export CSV');
    expectSelectionKept(panel!);
  },
  meterOf: ({ panel }) => $<Meter>(panel!, 'capacity-meter'),
  documented: {
    failure: [
      `Two domains selected on two pages, Export CSV pressed: "${EXPORT_STOPPED} ‹reason›" beside **Retry** ` +
        `(an alert); nothing downloaded; the table, "${TWO_SELECTED}" and ${DEREGISTER_TWO} stay`,
      `Retry: every page again, the file downloaded, "${EXPORTED.replace(today(), '‹date›')}"`,
    ],
    slow: ['**Export CSV** becomes **Cancel export** until the first page comes; then the file', '—'],
  },
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
      () => textOf($(panel!, '#confirm')) === DEREGISTERING,
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
    await eventually(
      () => textOf($(panel!, '.announcement')) === DEREGISTERED_TWO,
      () => `the announcement is “${textOf($(panel!, '.announcement'))}”, not “${DEREGISTERED_TWO}”`,
    );
    expect(api.ledger.capacity().used).to.equal(SEEDED - 2);
    expect(confirmationOf(panel!).open).to.be.false;
    expect(textOf($(panel!, '.selection-size'))).to.equal('Select domains to deregister them.');
  },
  meterOf: ({ panel }) => $<Meter>(panel!, 'capacity-meter'),
  documented: {
    failure: [
      'The confirmation stays open over the same two domains, says "‹reason›", and "Yes, deregister" becomes ' +
        '**Retry**; the selection stays',
      `Retry (same key): "${DEREGISTERED_TWO}"`,
    ],
    slow: [
      `"${DEREGISTERING}" (busy); Cancel and Escape do nothing meanwhile; then the announcement and the confirmation ` +
        'closes',
      '—',
    ],
  },
};

// --- Renewing on the card ------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const RENEWAL_POLICY: RegistrationPolicy = { termDays: 90, renewalWindowDays: 30, maxRenewals: 1, review: false };
const RENEWING = 'Renewing…';
/** The contact's registration, due for renewal: it expires in 10 days. */
let due: Registration;

const renewButton = (card: Card): HTMLButtonElement => {
  const button = q(card, '#renew') as HTMLButtonElement | null;
  if (!button) throw new Error(`No Renew button; the card shows “${bodyOf(card)}”.`);
  return button;
};

const cardRenew: Call = {
  name: 'card: renew',
  method: 'POST',
  path: '/registrations/renew',
  async setup(scene) {
    due = {
      ...makeRegistrations(1, 'due')[0],
      contactId: CONTACT.id,
      domain: DOMAIN,
      expiresAt: new Date(Date.now() + 10 * DAY_MS).toISOString(),
    };
    api.reset({ registrations: [...makeRegistrations(SEEDED - 1), due], policy: RENEWAL_POLICY });
    await renderCardPage(scene);
    await cardShows(scene.card!, 'Registered');
    expect(textOf(renewButton(scene.card!))).to.equal('Renew');
    await showsServerCapacity(scene.meter!);
  },
  async trigger({ card }) {
    renewButton(card!).click();
  },
  async expectProgress({ card }) {
    await eventually(
      () => textOf(renewButton(card!)) === RENEWING,
      () => `no progress on the button: “${bodyOf(card!)}”`,
    );
    expect(renewButton(card!).getAttribute('aria-disabled')).to.equal('true');
    expect(q(card!, '#renew .spinner')).to.exist;
  },
  async expectFailure({ card }, code) {
    await eventually(
      () => textOf(q(card!, '[role="alert"]')) === message(code),
      () => `the card did not say “${message(code)}”; it shows “${bodyOf(card!)}”`,
    );
    // Still registered, with the expiry it had; Retry when the outcome is unknown, else Renew anew.
    expect(stateOf(card!)).to.equal('Registered');
    expect(factOf(card!, 'Expires')).to.equal(englishLocalizer.date(due.expiresAt!));
    expect(textOf(renewButton(card!))).to.equal(isTransient(code) ? 'Retry' : 'Renew');
    expect(renewButton(card!).getAttribute('aria-disabled')).to.equal('false');
  },
  retry: ({ card }) => renewButton(card!),
  async expectDone({ card }) {
    const renewed = (): Registration | undefined => api.ledger.byContact(CONTACT.id);
    // Renewed once, on the server, and the card shows its new expiry.
    await eventually(
      () => renewed()?.renewals === 1 && factOf(card!, 'Expires') === englishLocalizer.date(renewed()!.expiresAt!),
      () => `the card shows “${bodyOf(card!)}”; the server holds ${JSON.stringify(renewed())}`,
    );
    expect(Date.parse(renewed()!.expiresAt!) - Date.parse(due.expiresAt!)).to.equal(90 * DAY_MS);
    expect(q(card!, '#renew'), 'renewed as often as allowed: no Renew').to.equal(null);
  },
  meterOf: ({ meter }) => meter!,
  documented: { slow: [`the button: spinner and "${RENEWING}", inert; then the new expiry`, '—'] },
};

/** The refusals a renewal meets, each brought about before the click the way it happens. */
const REFUSALS: readonly Fault[] = (
  ['renewal-limit', 'not-found', 'not-yet-renewable', 'renewal-not-offered'] as const
).map((reason): Fault => ({ name: `refused: ${reason}`, kind: 'refusal', reason }));

function bringAboutRefusal(fault: Fault): void {
  switch (fault.reason) {
    case 'renewal-limit':
      api.ledger.renew([due.id]);
      break;
    case 'not-found':
      api.ledger.deregister([due.id]);
      break;
    case 'not-yet-renewable':
      api.setPolicy({ ...RENEWAL_POLICY, renewalWindowDays: 5 });
      break;
    case 'renewal-not-offered':
      api.setPolicy({ ...RENEWAL_POLICY, renewalWindowDays: 0 });
      break;
    default:
      throw new Error(`not a refusal: ${fault.name}`);
  }
}

const REFUSAL_ROWS: Record<string, Row> = {
  'renewal-limit': [
    `Another tab renewed it first (one renewal allowed): **Registered**, "${DOMAIN} has been renewed as often as ` +
      'allowed.", no Renew',
    '—',
  ],
  'not-found': [`Another tab deregistered it: the card reads again: **Not registered**, with Register`, 'Register'],
  'not-yet-renewable': [
    `The vendor shortened the renewal window to 5 days: **Registered**, "${DOMAIN} can be renewed from ‹date›.", no ` +
      'Renew',
    '—',
  ],
  'renewal-not-offered': [
    `The vendor stopped offering renewal: **Registered**, "Renewal is not offered for ${DOMAIN}.", no Renew`,
    '—',
  ],
};

async function expectRefusal(scene: Scene, fault: Fault): Promise<void> {
  const card = scene.card!;
  const said = (): string => textOf(q(card, '.reason'));
  const expected: Record<string, () => string> = {
    'renewal-limit': () => `${DOMAIN} has been renewed as often as allowed.`,
    'not-yet-renewable': () =>
      `${DOMAIN} can be renewed from ${englishLocalizer.date(new Date(Date.parse(due.expiresAt!) - 5 * DAY_MS).toISOString())}.`,
    'renewal-not-offered': () => `Renewal is not offered for ${DOMAIN}.`,
  };
  if (fault.reason === 'not-found') {
    await notRegisteredAndReady(card);
    return;
  }
  await eventually(
    () => said() === expected[fault.reason!](),
    () => `the card says “${said()}”, not “${expected[fault.reason!]()}”; it shows “${bodyOf(card)}”`,
  );
  expect(stateOf(card)).to.equal('Registered');
  expect(q(card, '#renew'), 'no Renew, no Retry').to.equal(null);
}

// --- Renewing in the manager --------------------------------------------------------------------

const RENEWED_TWO = '2 domains renewed.';
const TERM_DAYS = 90;

/** The two selected domains expire in 10 days, within the renewal window: the server renews them. */
const managerRenew: Call = {
  name: 'manager: renew',
  method: 'POST',
  path: '/registrations/renew',
  async setup(scene) {
    const expiresAt = new Date(Date.now() + 10 * DAY_MS).toISOString();
    api.reset({
      policy: { termDays: TERM_DAYS, renewalWindowDays: 30, maxRenewals: null, review: false },
      registrations: makeRegistrations(SEEDED).map((registration) =>
        SELECTED.includes(registration.domain) ? { ...registration, expiresAt } : registration,
      ),
    });
    await openManagerWithSelection(scene);
    const panel = scene.panel!;
    $(panel, '#renew').click();
    await eventually(
      () => renewalOf(panel).open,
      () => 'the renewal did not open',
    );
  },
  async trigger({ panel }) {
    $(panel!, '#renew-confirm').click();
  },
  async expectProgress({ panel }) {
    await eventually(
      () => textOf($(panel!, '#renew-confirm')) === RENEWING,
      () => `no progress: “${textOf(renewalOf(panel!))}”`,
    );
    expect($(panel!, '#renew-confirm').getAttribute('aria-busy')).to.equal('true');
    expect($(panel!, '#renew-cancel').getAttribute('aria-disabled')).to.equal('true');
    expect(renewalOf(panel!).open).to.be.true;
  },
  async expectFailure({ panel }, code) {
    const dialog = renewalOf(panel!);
    await eventually(
      () => textOf(dialog.querySelector('[role="alert"]')) === message(code),
      () => `the renewal shows “${textOf(dialog)}”`,
    );
    // Nothing lost: the confirmation stays open over the same domains and their new dates, with Retry.
    expect(dialog.open).to.be.true;
    expect(textOf(dialog.querySelector('h3'))).to.equal('Renew 2 domains?');
    expect([...dialog.querySelectorAll('li .domain')].map(textOf)).to.deep.equal(SELECTED);
    expect(textOf($(panel!, '#renew-confirm'))).to.equal('Retry');
    expect($(panel!, '#renew-confirm').getAttribute('aria-disabled')).to.equal('false');
    expectSelectionKept(panel!);
  },
  retry: ({ panel }) => $<HTMLButtonElement>(panel!, '#renew-confirm'),
  async expectDone({ panel }) {
    await eventually(
      () => textOf($(panel!, '.announcement')) === RENEWED_TWO,
      () => `the announcement is “${textOf($(panel!, '.announcement'))}”, not “${RENEWED_TWO}”`,
    );
    // Applied once, on the server, whatever was retried.
    const renewed = api.ledger.query({ search: 'company-0', pageSize: 100 }).items.filter((row) => row.renewals > 0);
    expect(renewed.map((row) => [row.domain, row.renewals])).to.deep.equal(SELECTED.map((domain) => [domain, 1]));
    expect(renewalOf(panel!).open).to.be.false;
    expect(textOf($(panel!, '.selection-size'))).to.equal('Select domains to renew or deregister them.');
  },
  meterOf: ({ panel }) => $<Meter>(panel!, 'capacity-meter'),
  documented: {
    failure: [
      'The renewal\'s confirmation stays open over the same two domains and their new dates, says "‹reason›", and ' +
        '**Renew** becomes **Retry**; the selection stays',
      `Retry (same key): "${RENEWED_TWO}"`,
    ],
    slow: [
      `"${RENEWING}" (busy); Cancel and Escape do nothing meanwhile; then the announcement and the confirmation closes`,
      '—',
    ],
    applied: ['renew', 'renewed'],
  },
};

function renewalOf(panel: CapacityManagerPanelElement): HTMLDialogElement {
  return $<HTMLDialogElement>(panel, 'dialog.renewal');
}

const CALLS: readonly Call[] = [
  cardGetContactView,
  cardReadAgain,
  cardRegister,
  cardRenew,
  meterGetCapacity,
  managerList,
  managerExport,
  managerDeregister,
  managerRenew,
];

/** Reads are tried once more after a 503 or a network error; mutations never on their own. */
function isRetried(call: Call, fault: Fault): boolean {
  return call.method === 'GET' && (fault.name === '503' || fault.code === 'network');
}

/** A mutation that times out or is answered with malformed JSON has been applied by the server (`faultHandler`). */
function isAppliedFirst(call: Call, fault: Fault): boolean {
  return call.method === 'POST' && (fault.kind === 'timeout' || fault.kind === 'malformed');
}

/**
 * docs/faults.md's row of a case: the call's own texts (its slow answer, its first failure), the 409s' texts, and
 * for every other failure the same rules that the matrix checks: the reason said, tried twice (`isRetried`), the
 * server applied it first (`isAppliedFirst`), and for a registration Retry with the same key when the outcome is
 * unknown, Register with a new one after a refusal.
 */
function documentedRow(call: Call, fault: Fault): Row {
  if (fault.kind === 'slow') return call.documented.slow;
  if (fault.kind === 'refusal') return REFUSAL_ROWS[fault.reason!];
  const code = fault.code!;
  if (fault.kind === 'conflict') return CONFLICTS[code]!;
  const applied = isAppliedFirst(call, fault);
  if (call === cardRegister) {
    const again = isTransient(code);
    return [
      `Not registered, the domain still shown; "‹reason›"; the button reads **${again ? 'Retry' : 'Register'}**` +
        (applied ? ' (the server did register it)' : ''),
      again ? `Retry (same key): Registered${applied ? ', counted once' : ''}` : 'Register (new key): Registered',
    ];
  }
  if (call === cardRenew) {
    const again = isTransient(code);
    return [
      `Registered, the expiry as it was; "‹reason›"; the button reads **${again ? 'Retry' : 'Renew'}**` +
        (applied ? ' (the server did renew it)' : ''),
      again ? `Retry (same key): the new expiry${applied ? ', renewed once' : ''}` : 'Renew (new key): the new expiry',
    ];
  }
  const first = FAULTS[0];
  if (fault === first) return call.documented.failure!;
  const reason = code === first.code ? '' : `, with the ${/^\d{3}$/.test(fault.name) ? fault.name : code} reason`;
  const [verb, participle] = call.documented.applied ?? ['deregister', 'deregistered'];
  return [
    `the same${reason}${isRetried(call, fault) ? ' (after two tries)' : ''}` +
      (applied ? ` (the server did ${verb} them)` : ''),
    call.method === 'GET' ? 'Retry' : `Retry (same key)${applied ? `: ${participle} once` : ''}`,
  ];
}

/** Every case of the matrix: the 409s only where a registration is made, the refusals where a renewal is. */
const CASES = CALLS.flatMap((call) => [
  ...FAULTS.filter((fault) => !fault.registerOnly || call === cardRegister).map((fault) => ({ call, fault })),
  ...(call === cardRenew ? REFUSALS.map((fault) => ({ call, fault })) : []),
]);

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

const HELD_BY_ANOTHER_PARTNER = 'is registered by another partner and cannot be registered.';
const FULL = 'Your capacity is full (50 of 50 domains used).';

/** docs/faults.md's rows of the 409s a registration meets, as `expectConflict` checks them. */
const CONFLICTS: Partial<Record<CapacityErrorCode, Row>> = {
  'capacity-exceeded': [
    `Another tab took the last free slots: "${FULL} Deregister prospects you no longer work with to register this ` +
      `one.", Register inert, **Manage your capacity**; announced "${message('capacity-exceeded').split('. ')[0]}. …"; ` +
      'the meter shows 50 of 50 at once',
    'Manage your capacity',
  ],
  'domain-already-registered': [
    `Another tab registered the domain through another contact: **${THROUGH_ANOTHER}**, naming that contact; the ` +
      'meter reads the capacity again',
    '—',
  ],
  'contact-already-registered': [
    'Another tab registered this contact: **Registered**, with its domain; the meter reads the capacity again',
    '—',
  ],
  'domain-unavailable': [
    `Another partner holds the domain: **Registered by another partner**, "‹domain› ${HELD_BY_ANOTHER_PARTNER}"`,
    '—',
  ],
};

async function expectConflict(scene: Scene, code: CapacityErrorCode): Promise<void> {
  const card = scene.card!;
  switch (code) {
    case 'capacity-exceeded': {
      const expected = `${FULL} Deregister prospects you no longer work with to register this one.`;
      await eventually(
        () => bodyOf(card).includes(expected),
        () => `the card shows “${bodyOf(card)}”`,
      );
      expect(stateOf(card)).to.equal('Not registered');
      // No Retry: the same request would be refused again.
      expect(textOf(registerButton(card))).to.equal('Register');
      expect(registerButton(card).getAttribute('aria-disabled')).to.equal('true');
      // The way out: the Capacity Manager.
      expect(buttonNamed(card, 'Manage your capacity', '.body')).to.exist;
      expect(textOf(q(card, '[role="status"]'))).to.equal(message(code));
      break;
    }
    case 'domain-already-registered':
      await cardShows(card, THROUGH_ANOTHER);
      expect(bodyOf(card)).to.contain(`${DOMAIN} is already in your capacity, registered through another contact.`);
      expect(factOf(card, 'Contact')).to.equal(OTHER.name);
      break;
    case 'contact-already-registered':
      await cardShows(card, 'Registered');
      expect(bodyOf(card)).to.contain(DOMAIN);
      break;
    case 'domain-unavailable':
      await cardShows(card, 'Registered by another partner');
      expect(bodyOf(card)).to.contain(`${DOMAIN} ${HELD_BY_ANOTHER_PARTNER}`);
      break;
    default:
      throw new Error(`not a conflict: ${code}`);
  }
  // Registered, through this contact, another or another partner: nothing to register, nor to retry.
  if (code !== 'capacity-exceeded') expect(q(card, '#register'), 'no Register, no Retry').to.be.null;
}

// --- The matrix ----------------------------------------------------------------------------------

/** The lead-registration-error events that reached the page, as they came: element, operation, code. */
const reported: string[] = [];
const onError = ({ target, detail }: GlobalEventHandlersEventMap['lead-registration-error']): void =>
  void reported.push(`${(target as Element).localName} ${detail.operation} ${detail.error.code}`);

const TAGS: Record<string, string> = {
  card: 'lead-registration-card',
  meter: 'capacity-meter',
  manager: 'capacity-manager',
};

/** The event a failure of `call` gives the page: one, from the element that made the call, naming it. */
function reportOf(call: Call, code: CapacityErrorCode): string {
  const [, element, operation] = /^(\w+): (\w+)/.exec(call.name)!;
  return `${TAGS[element]} ${operation} ${code}`;
}
const uncaught = new UncaughtErrors();

beforeEach(() => {
  reported.length = 0;
  document.addEventListener('lead-registration-error', onError);
  uncaught.watch();
});

afterEach(() => {
  document.removeEventListener('lead-registration-error', onError);
  uncaught.stop();
  restoreDownloads();
  openGates();
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
      else if (fault.kind === 'refusal') bringAboutRefusal(fault);
      else worker.use(faultHandler(call.method, call.path, fault, held));
      reported.length = 0;
      await call.trigger(scene);

      if (fault.kind === 'slow') {
        await call.expectProgress(scene);
        held.open();
        await call.expectDone(scene);
        expect(reported, 'no error reported').to.deep.equal([]);
      } else if (fault.kind === 'conflict') {
        await expectConflict(scene, fault.code!);
        expect(reported).to.deep.equal([reportOf(call, fault.code!)]);
      } else if (fault.kind === 'refusal') {
        // A refusal is an answer, not a failure: nothing is reported.
        await expectRefusal(scene, fault);
        expect(reported, 'no error reported').to.deep.equal([]);
        expect(sent, 'one request').to.have.length(1);
      } else {
        const code = fault.code!;
        await call.expectFailure(scene, code);
        expect(reported, 'one lead-registration-error, of the failed call').to.deep.equal([reportOf(call, code)]);
        expect(sent.length, 'requests sent').to.equal(isRetried(call, fault) ? 2 : 1);

        // The API recovers; the partner retries.
        worker.resetHandlers();
        const retry = call.retry(scene);
        const again = textOf(retry) === 'Retry';
        retry.click();
        await call.expectDone(scene);
        // Nothing failed on the way back (a registration applied twice would be a 409).
        expect(reported, 'no other error').to.deep.equal([reportOf(call, code)]);
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

// --- The documentation ---------------------------------------------------------------------------

describe('docs/faults.md', () => {
  it('documents every case of the matrix, and no other, each as the matrix checks it', async () => {
    const response = await fetch('/docs/faults.md');
    expect(response.ok, 'docs/faults.md is served').to.be.true;
    const documented = (await response.text())
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => {
        const [call, fault, sees, wayOn] = line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim());
        return [call.replace(/`/g, ''), fault, sees, wayOn];
      });
    const tested = CASES.map(({ call, fault }) => [call.name, fault.name, ...documentedRow(call, fault)]);
    // Row by row, so that a failure names the case and shows the cell.
    for (const [index, row] of tested.entries()) expect(documented[index], `row ${index + 1}`).to.deep.equal(row);
    expect(documented).to.have.length(tested.length);
  });
});
