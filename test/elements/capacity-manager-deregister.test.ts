import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CapacityError } from '../../src/core/errors.js';
import type { CallOptions, CapacityBackend, Registration } from '../../src/core/types.js';
import type { CapacityManagerElement } from '../../src/elements/capacity-manager/capacity-manager.js';
import type { CapacityManagerPanelElement } from '../../src/elements/capacity-manager/capacity-manager-panel.js';
import { deepActiveElement } from '../../src/focus.js';
import { backendStateFor } from '../../src/state/backend-state.js';
import { ControlledBackend, deregisterOnPage, disposeTestBackends, testBackend } from '../helpers/backends.js';
import {
  $,
  $$,
  confirmationOf,
  expectFocusOn,
  dialogOf,
  headerCheckbox,
  meterSummary,
  openManager,
  panelReady,
  rangeText,
  rowCheckbox,
  rows,
  settled,
  shownDomains,
  sortButton,
  statusText,
} from '../helpers/capacity-manager.js';
import { pressEscape, receivedEvents } from '../helpers/events.js';
import { makeRegistrations } from '../helpers/registrations.js';
import { nextTask } from '../helpers/wait.js';

const SILVER = { tier: 'silver' } as const;

afterEach(() => disposeTestBackends());

function deregisterCalls(backend: ControlledBackend): { ids: string[]; options: CallOptions | undefined }[] {
  return backend.calls
    .filter((call) => call.method === 'deregister')
    .map((call) => ({ ids: call.args[0] as string[], options: call.args[1] as CallOptions | undefined }));
}

async function select(panel: CapacityManagerPanelElement, ...domains: string[]): Promise<void> {
  for (const domain of domains) rowCheckbox(panel, domain).click();
  await panel.updateComplete;
}

/**
 * Presses Deregister and waits for the confirmation to be open. With a real key press: a dialog
 * opened without user activation shares its close watcher with the one below it (one Escape would
 * close both), which no user can cause.
 */
async function openConfirmation(panel: CapacityManagerPanelElement): Promise<HTMLDialogElement> {
  $<HTMLButtonElement>(panel, '#deregister').focus();
  await sendKeys({ press: 'Enter' });
  const dialog = confirmationOf(panel);
  await waitUntil(() => dialog.open, 'the confirmation did not open');
  return dialog;
}

const confirmButton = (panel: CapacityManagerPanelElement): HTMLButtonElement =>
  $<HTMLButtonElement>(panel, '#confirm');
const cancelButton = (panel: CapacityManagerPanelElement): HTMLButtonElement => $<HTMLButtonElement>(panel, '#cancel');

/** Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would. */
async function tabTo(
  matches: (element: Element | undefined) => boolean,
  what: string,
  backwards = false,
): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    if (matches(deepActiveElement())) return;
    if (backwards) {
      // Puppeteer presses no chords: hold Shift around the Tab.
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    } else {
      await sendKeys({ press: 'Tab' });
    }
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('<capacity-manager> deregistration', () => {
  it('keeps Deregister inert without a selection and shows the selection size on it', async () => {
    const backend = await testBackend(makeRegistrations(5));
    const { panel } = await openManager(backend);
    const button = $<HTMLButtonElement>(panel, '#deregister');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    await panel.updateComplete;
    expect(confirmationOf(panel).open).to.be.false;
    await select(panel, 'company-002.com', 'company-004.com');
    expect(button.getAttribute('aria-disabled')).to.equal('false');
    expect(button.textContent.replace(/\s+/g, ' ').trim()).to.equal('Deregister 2');
  });

  it('asks for confirmation in an alertdialog that explains it and lists every selected domain, focus on Cancel', async () => {
    const backend = await testBackend(makeRegistrations(137), SILVER);
    const { panel } = await openManager(backend);
    headerCheckbox(panel).click();
    $<HTMLButtonElement>(panel, '.pages button[title="Next page"]').click();
    await waitUntil(() => rangeText(panel) === '26–50 of 137');
    await settled(panel);
    headerCheckbox(panel).click();
    const selectPage = $<HTMLSelectElement>(panel, '.page-size select');
    selectPage.value = '100';
    selectPage.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(panel).length === 100);
    await select(panel, 'company-051.com', 'company-052.com'); // 52 in all
    const dialog = await openConfirmation(panel);

    expect(dialog.getAttribute('role')).to.equal('alertdialog');
    expect(dialog.matches(':modal')).to.be.true;
    const title = panel.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!;
    const description = panel.shadowRoot!.getElementById(dialog.getAttribute('aria-describedby')!)!;
    expect(title.textContent.trim()).to.equal('Deregister 52 domains?');
    const explanation = description.textContent.replace(/\s+/g, ' ');
    expect(explanation).to.contain('releases these domains from your capacity');
    expect(explanation).to.contain('commission');
    expect(explanation).to.contain('Sold MRR');
    const listed = $$(panel, 'dialog .domains li').map((item) => item.textContent);
    expect(listed).to.have.length(52);
    expect(listed).to.include.members(['company-001.com', 'company-025.com', 'company-026.com', 'company-052.com']);
    const list = $(panel, 'dialog .domains');
    expect(list.scrollHeight, 'a long list scrolls').to.be.greaterThan(list.clientHeight);
    expect(getComputedStyle(list).overflowY).to.equal('auto');
    expectFocusOn(cancelButton(panel));
    expect(confirmButton(panel).textContent.trim()).to.equal('Yes, deregister');
    await expect(panel).to.be.accessible();
  });

  it('changes nothing on Cancel or Escape and returns focus to Deregister', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(5)));
    const { manager, panel } = await openManager(backend);
    await select(panel, 'company-001.com');
    await openConfirmation(panel);
    cancelButton(panel).click();
    await waitUntil(() => !confirmationOf(panel).open);
    expectFocusOn($(panel, '#deregister'));

    await openConfirmation(panel);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !confirmationOf(panel).open);
    expect(dialogOf(manager).open, 'Escape closes only the confirmation').to.be.true;
    expect(deregisterCalls(backend)).to.have.length(0);
    expect(rowCheckbox(panel, 'company-001.com').checked).to.be.true;
    expect(rows(panel)).to.have.length(5);
  });

  it('fires capacity-deregister-request, sends one request, then updates the status bar, list and page, and announces it', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(137), SILVER));
    const { manager, panel } = await openManager(backend);
    const meter = $(panel, 'capacity-meter');
    await waitUntil(() => meterSummary(meter) === '137 of 500 domains used');
    const changes: number[] = [];
    const onChange = (event: GlobalEventHandlersEventMap['capacity-change']): void =>
      void changes.push(event.detail.capacity.used);
    document.addEventListener('capacity-change', onChange);
    try {
      const status = $(panel, '[role="status"]');
      expect(status.textContent.trim(), 'the status region is there, empty, before anything is said').to.equal('');
      await select(panel, 'company-001.com', 'company-002.com', 'company-003.com');
      await openConfirmation(panel);
      backend.hold.add('deregister');
      let callsAtRequest = -1;
      let requested: Registration[] = [];
      manager.addEventListener('capacity-deregister-request', (event) => {
        callsAtRequest = deregisterCalls(backend).length;
        requested = event.detail.registrations;
        expect(event.cancelable).to.be.true;
      });
      const deregistered: Promise<GlobalEventHandlersEventMap['lead-deregistered']> = oneEvent(
        manager,
        'lead-deregistered',
      );
      confirmButton(panel).click();
      const held = await backend.nextHeld();
      expect(callsAtRequest, 'the request event comes first').to.equal(0);
      expect(
        requested.map((registration) => registration.domain),
        'in the order they were selected',
      ).to.deep.equal(['company-001.com', 'company-002.com', 'company-003.com']);

      // While it runs, nothing can send another.
      await panel.updateComplete;
      expect(confirmButton(panel).getAttribute('aria-busy')).to.equal('true');
      expect(confirmButton(panel).getAttribute('aria-disabled')).to.equal('true');
      expect(cancelButton(panel).getAttribute('aria-disabled')).to.equal('true');
      confirmButton(panel).click();
      cancelButton(panel).click();
      await panel.updateComplete;
      expect(confirmationOf(panel).open).to.be.true;
      expect(deregisterCalls(backend)).to.have.length(1);
      expect(deregisterCalls(backend)[0].ids).to.deep.equal(['company-001', 'company-002', 'company-003']);

      held.proceed();
      const { detail } = await deregistered;
      expect(detail.removed).to.deep.equal(['company-001', 'company-002', 'company-003']);
      expect(detail.missing).to.deep.equal([]);
      expect(detail.capacity.used).to.equal(134);
      await waitUntil(() => statusText(panel) === '3 domains deregistered. 134 of 500 used.');
      expect($(panel, '[role="status"]') === status, 'announced in the region present from the start').to.be.true;
      expect(confirmationOf(panel).open).to.be.false;
      await waitUntil(() => rangeText(panel) === '1–25 of 134');
      expect(shownDomains(panel)[0]).to.equal('company-004.com');
      expect($(panel, '.selection-size').textContent).to.equal('Select domains to deregister them.');
      expect($(panel, '#deregister').getAttribute('aria-disabled')).to.equal('true');
      await waitUntil(() => meterSummary(meter) === '134 of 500 domains used');
      expect(changes, 'capacity-change once, from the manager').to.deep.equal([134]);
      expectFocusOn($(panel, '#deregister'));
      expect(deregisterCalls(backend)).to.have.length(1);
    } finally {
      document.removeEventListener('capacity-change', onChange);
    }
  });

  it('counts ids already gone as done and says so', async () => {
    const inner = await testBackend(makeRegistrations(10));
    const { manager, panel } = await openManager(inner);
    await select(panel, 'company-001.com', 'company-002.com', 'company-003.com');
    await inner.deregister(['company-002']); // gone meanwhile (another partner user, another device)
    await openConfirmation(panel);
    const deregistered: Promise<GlobalEventHandlersEventMap['lead-deregistered']> = oneEvent(
      manager,
      'lead-deregistered',
    );
    confirmButton(panel).click();
    const { detail } = await deregistered;
    expect(detail.removed).to.deep.equal(['company-001', 'company-003']);
    expect(detail.missing).to.deep.equal(['company-002']);
    await waitUntil(() => statusText(panel) === '2 domains deregistered. 1 was already deregistered. 7 of 50 used.');
  });

  it('moves back a page when deregistering emptied the one shown', async () => {
    const backend = await testBackend(makeRegistrations(12));
    const { panel } = await openManager(backend);
    const pageSize = $<HTMLSelectElement>(panel, '.page-size select');
    pageSize.value = '10';
    pageSize.dispatchEvent(new Event('change'));
    await waitUntil(() => rangeText(panel) === '1–10 of 12');
    $<HTMLButtonElement>(panel, '.pages button[title="Next page"]').click();
    await waitUntil(() => rangeText(panel) === '11–12 of 12');
    headerCheckbox(panel).click();
    await openConfirmation(panel);
    confirmButton(panel).click();
    await waitUntil(() => rangeText(panel) === '1–10 of 10');
    expect(rows(panel)).to.have.length(10);
    expect($<HTMLButtonElement>(panel, '.pages button[title="Next page"]').getAttribute('aria-disabled')).to.equal(
      'true',
    );
  });

  it('sends nothing when the host cancels capacity-deregister-request, and keeps the selection', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(5)));
    const { manager, panel } = await openManager(backend);
    await select(panel, 'company-001.com');
    manager.addEventListener('capacity-deregister-request', (event) => event.preventDefault());
    await openConfirmation(panel);
    confirmButton(panel).click();
    await waitUntil(() => !confirmationOf(panel).open);
    expect(deregisterCalls(backend)).to.have.length(0);
    expect(rowCheckbox(panel, 'company-001.com').checked).to.be.true;
    expect(rows(panel)).to.have.length(5);
  });

  it('keeps the dialog and the selection after a failure, says why, and retries with the same idempotency key', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(5)));
    const { manager, panel } = await openManager(backend);
    await select(panel, 'company-001.com', 'company-002.com');
    await openConfirmation(panel);
    backend.failNext('deregister', new CapacityError('network'));
    const reported = receivedEvents(['lead-registration-error'], manager);
    confirmButton(panel).click();
    await waitUntil(() => panel.shadowRoot!.querySelector('dialog [role="alert"]'));
    expect($(panel, 'dialog [role="alert"]').textContent).to.equal(new CapacityError('network').message);
    expect(confirmationOf(panel).open).to.be.true;
    expect(confirmButton(panel).textContent.trim()).to.equal('Retry');
    expect(confirmButton(panel).getAttribute('aria-disabled')).to.equal('false');
    expect($$(panel, 'dialog .domains li')).to.have.length(2);
    expect(rowCheckbox(panel, 'company-001.com').checked).to.be.true;
    await expect(panel).to.be.accessible();

    const deregistered = oneEvent(manager, 'lead-deregistered');
    confirmButton(panel).click();
    await deregistered;
    const [first, retry] = deregisterCalls(backend);
    expect(first.options?.idempotencyKey).to.be.a('string').and.have.length.greaterThan(8);
    expect(retry.options?.idempotencyKey).to.equal(first.options?.idempotencyKey);
    await waitUntil(() => statusText(panel) === '2 domains deregistered. 3 of 50 used.');
    reported.stop();
    expect(reported.events.map(({ detail }) => [detail.operation, detail.error.code])).to.deep.equal([
      ['deregister', 'network'],
    ]);

    // A new action gets a new key.
    await select(panel, 'company-003.com');
    await openConfirmation(panel);
    confirmButton(panel).click();
    await waitUntil(() => deregisterCalls(backend).length === 3);
    expect(deregisterCalls(backend)[2].options?.idempotencyKey).not.to.equal(first.options?.idempotencyKey);
  });

  it('a new confirmation after a failed deregistration, over another selection, is a new action: a new key', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(5)));
    const { manager, panel } = await openManager(backend);
    await select(panel, 'company-001.com', 'company-002.com');
    await openConfirmation(panel);
    backend.failNext('deregister', new CapacityError('timeout'));
    confirmButton(panel).click();
    await waitUntil(() => panel.shadowRoot!.querySelector('dialog [role="alert"]'), 'the failure is shown');
    cancelButton(panel).click();
    await waitUntil(() => !confirmationOf(panel).open, 'the confirmation closes');

    await select(panel, 'company-002.com'); // unselected: company-001.com alone
    await openConfirmation(panel);
    expect(panel.shadowRoot!.querySelector('dialog [role="alert"]'), 'a fresh confirmation, not the failed one').to.be
      .null;
    expect(confirmButton(panel).textContent.trim()).to.equal('Yes, deregister');
    const deregistered = oneEvent(manager, 'lead-deregistered');
    confirmButton(panel).click();
    await deregistered;
    const [failed, fresh] = deregisterCalls(backend);
    expect(failed.ids).to.deep.equal(['company-001', 'company-002']);
    expect(fresh.ids).to.deep.equal(['company-001']);
    expect(fresh.options?.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
    // The server keeps the first answer under its key: the same key with another body would be refused.
    expect(fresh.options?.idempotencyKey, 'a new key').not.to.equal(failed.options?.idempotencyKey);
  });

  it('holds the confirmation and the manager open against every Escape while the request runs; a failure then shows, selection kept', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(5)));
    const { manager, panel } = await openManager(backend);
    await select(panel, 'company-001.com', 'company-002.com');
    const dialog = await openConfirmation(panel);
    backend.hold.add('deregister');
    await sendKeys({ press: 'Tab' });
    expectFocusOn(confirmButton(panel));
    await sendKeys({ press: 'Enter' });
    const held = await backend.nextHeld();
    await panel.updateComplete;
    // A close watcher lets one cancel be prevented per user activation; Escape activates nothing.
    for (let press = 1; press <= 4; press++) {
      await pressEscape([dialog, dialogOf(manager)], [panel, manager]);
      expect(dialog.matches(':modal'), `the confirmation after Escape ${press}`).to.be.true;
      expect(dialogOf(manager).matches(':modal'), `the manager after Escape ${press}`).to.be.true;
      expect(manager.open).to.be.true;
    }
    expect(confirmButton(panel).textContent.trim()).to.equal('Deregistering…');

    held.fail(new CapacityError('network'));
    await waitUntil(() => panel.shadowRoot!.querySelector('dialog [role="alert"]'), 'the failure is shown');
    expect($(panel, 'dialog [role="alert"]').textContent).to.equal(new CapacityError('network').message);
    expect(dialog.open).to.be.true;
    expect(confirmButton(panel).textContent.trim()).to.equal('Retry');
    expect($$(panel, 'dialog .domains li').map((item) => item.textContent)).to.deep.equal([
      'company-001.com',
      'company-002.com',
    ]);
    expect(rowCheckbox(panel, 'company-001.com').checked).to.be.true;
    expect(rowCheckbox(panel, 'company-002.com').checked).to.be.true;

    // Once nothing runs, Escape closes the confirmation again, and only it.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape closes the confirmation once the request is over');
    expect(dialogOf(manager).open).to.be.true;
    expect(deregisterCalls(backend)).to.have.length(1);
  });

  it('after Escapes during a request that succeeds, closes the confirmation and announces the result', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(5)));
    const { manager, panel } = await openManager(backend);
    await select(panel, 'company-003.com');
    const dialog = await openConfirmation(panel);
    backend.hold.add('deregister');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    const held = await backend.nextHeld();
    await panel.updateComplete;
    for (let press = 0; press < 3; press++) await sendKeys({ press: 'Escape' });
    expect(dialog.matches(':modal')).to.be.true;
    held.proceed();
    await waitUntil(() => statusText(panel) === '1 domain deregistered. 4 of 50 used.');
    expect(dialog.open).to.be.false;
    expect(dialogOf(manager).open).to.be.true;
    expectFocusOn($(panel, '#deregister'));
  });

  it('shows an open confirmation modally again, over the manager, when the manager is moved in the DOM', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(5)));
    const { manager, panel } = await openManager(backend);
    await select(panel, 'company-001.com');
    const dialog = await openConfirmation(panel);
    const to = await fixture<HTMLElement>(html`<section></section>`);
    // Leaving the page closes both dialogs; their close events come once the manager is back.
    const closed = [dialogOf(manager), dialog].map((each) => oneEvent(each, 'close'));
    to.append(manager);
    await Promise.all(closed);
    await manager.updateComplete;
    await panel.updateComplete;
    expect(dialogOf(manager).matches(':modal')).to.be.true;
    expect(dialog.matches(':modal'), 'the confirmation is modal again').to.be.true;
    expectFocusOn(cancelButton(panel));
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape closes the confirmation');
    expect(dialogOf(manager).open, 'and only the confirmation').to.be.true;
    expectFocusOn($(panel, '#deregister'));
    expect(deregisterCalls(backend)).to.have.length(0);
  });

  it('completes a deregistration sent before the manager closed: a <capacity-meter> on the page updates', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(8)));
    const pageMeter = await fixture<HTMLElement>(html`<capacity-meter .backend=${backend}></capacity-meter>`);
    await waitUntil(() => meterSummary(pageMeter) === '8 of 50 domains used');
    const { manager, panel } = await openManager(backend);
    await select(panel, 'company-001.com', 'company-002.com');
    await openConfirmation(panel);
    backend.hold.add('deregister');
    confirmButton(panel).click();
    const held = await backend.nextHeld();
    const closed = oneEvent(manager, 'capacity-manager-close');
    manager.close();
    await closed;
    expect(held.signal?.aborted ?? false).to.be.false;
    const deregistered: Promise<GlobalEventHandlersEventMap['lead-deregistered']> = oneEvent(
      manager,
      'lead-deregistered',
    );
    held.proceed();
    expect((await deregistered).detail.capacity.used).to.equal(6);
    await waitUntil(() => meterSummary(pageMeter) === '6 of 50 domains used');
    expect((await backend.inner.getCapacity()).used).to.equal(6);
  });
});

/**
 * A backend whose capacity reads answer late: each read is taken at once but delivered when the
 * test says, as a slow network delivers a response the server wrote before a change.
 */
class SlowCapacityBackend implements CapacityBackend {
  readonly #inner: CapacityBackend;
  readonly #late: (() => void)[] = [];

  constructor(inner: CapacityBackend) {
    this.#inner = inner;
  }

  getCapacity: CapacityBackend['getCapacity'] = (options) => {
    const answer = this.#inner.getCapacity(options);
    return new Promise((resolve, reject) => this.#late.push(() => void answer.then(resolve, reject)));
  };

  getContactView: CapacityBackend['getContactView'] = (query, options) => this.#inner.getContactView(query, options);
  listRegistrations: CapacityBackend['listRegistrations'] = (query, options) =>
    this.#inner.listRegistrations(query, options);
  register: CapacityBackend['register'] = (input, options) => this.#inner.register(input, options);
  deregister: CapacityBackend['deregister'] = (ids, options) => this.#inner.deregister(ids, options);

  get lateReads(): number {
    return this.#late.length;
  }

  /** Delivers every read answered so far. */
  deliver(): void {
    for (const answer of this.#late.splice(0)) answer();
  }
}

/** The `used` of each capacity-change the manager itself dispatches (not one that passes through it). */
function ownCapacityChanges(manager: Element): { used: number[]; stop(): void } {
  const used: number[] = [];
  const listener = (event: GlobalEventHandlersEventMap['capacity-change']): void => {
    if (event.composedPath()[0] === manager) used.push(event.detail.capacity.used);
  };
  document.addEventListener('capacity-change', listener);
  return { used, stop: () => document.removeEventListener('capacity-change', listener) };
}

/**
 * Waits for what a change or an answer just handed over still does: the promises it resolves run (the state, the
 * elements' capacity, their capacity-change), then the page of the list it reloads has come and been rendered.
 */
async function quiet(panel: CapacityManagerPanelElement): Promise<void> {
  await nextTask();
  await settled(panel);
}

describe('<capacity-manager> capacity-change', () => {
  it('is dispatched once by the manager for a deregistration made in it', async () => {
    const backend = await testBackend(makeRegistrations(10));
    const { manager, panel } = await openManager(backend);
    const changes = ownCapacityChanges(manager);
    try {
      await select(panel, 'company-001.com');
      await openConfirmation(panel);
      confirmButton(panel).click();
      await waitUntil(() => statusText(panel) === '1 domain deregistered. 9 of 50 used.');
      await quiet(panel);
      expect(changes.used).to.deep.equal([9]);
    } finally {
      changes.stop();
    }
  });

  it('is dispatched once by the manager, open or closed, for a change made elsewhere', async () => {
    const backend = await testBackend(makeRegistrations(10));
    const { manager, panel } = await openManager(backend);
    const changes = ownCapacityChanges(manager);
    try {
      await deregisterOnPage(backend, ['company-002']);
      await quiet(panel);
      expect(changes.used).to.deep.equal([9]);
      manager.close();
      await deregisterOnPage(backend, ['company-003']);
      await manager.updateComplete;
      expect(changes.used).to.deep.equal([9, 8]);
    } finally {
      changes.stop();
    }
  });

  it('is not dispatched again by a capacity read that the server answered before the change', async () => {
    const backend = new SlowCapacityBackend(await testBackend(makeRegistrations(10)));
    const { manager, panel } = await openManager(backend);
    const meter = $(panel, 'capacity-meter');
    await settled(panel);
    // A capacity read of the page's (a meter elsewhere, after another tab's change), answered late.
    void backendStateFor(backend).readCapacity({ reporter: document.body });
    await waitUntil(() => backend.lateReads > 0, 'the capacity is read');
    const changes = ownCapacityChanges(manager);
    try {
      await select(panel, 'company-001.com');
      await openConfirmation(panel);
      confirmButton(panel).click();
      await waitUntil(() => statusText(panel) === '1 domain deregistered. 9 of 50 used.');
      backend.deliver(); // "10 used", read before the deregistration, arrives after it
      await quiet(panel);
      expect(changes.used).to.deep.equal([9]);
      await waitUntil(() => meterSummary(meter) === '9 of 50 domains used', 'the meter keeps the newer capacity');
    } finally {
      changes.stop();
    }
  });
});

describe('<capacity-manager> keyboard only', () => {
  it('opens, searches, sorts, selects, deregisters, confirms and closes with the keyboard alone', async () => {
    const backend = await testBackend(makeRegistrations(12));
    const manager = await fixture<CapacityManagerElement>(
      html`<capacity-manager .backend=${backend}></capacity-manager>`,
    );
    const opener = await fixture<HTMLButtonElement>(html`<button @click=${() => manager.show()}>Capacity</button>`);
    await tabTo((element) => element === opener, 'the opener');

    // Open.
    await sendKeys({ press: 'Enter' });
    const panel = await panelReady(manager);
    await settled(panel);
    await waitUntil(() => deepActiveElement() === $(panel, '#search'), 'focus starts in the search field');

    // Search.
    await sendKeys({ type: 'company-00' });
    await waitUntil(() => rows(panel).length === 9, 'the search narrows the list');

    // Sort: Domain descending.
    await tabTo((element) => element === sortButton(panel, 'Domain'), 'the Domain header');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shownDomains(panel)[0] === 'company-009.com', 'sorted descending');
    expect(sortButton(panel, 'Domain').closest('th')!.getAttribute('aria-sort')).to.equal('descending');

    // Select two rows.
    await tabTo((element) => element === rowCheckbox(panel, 'company-009.com'), 'the first row');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expectFocusOn(rowCheckbox(panel, 'company-008.com'));
    await sendKeys({ press: 'Space' });
    await panel.updateComplete;
    expect($(panel, '.selection-size').textContent).to.equal('2 domains selected');

    // Deregister, confirm.
    await tabTo((element) => element === $(panel, '#deregister'), 'Deregister', true);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => confirmationOf(panel).open && deepActiveElement() === cancelButton(panel), 'focus on Cancel');
    await sendKeys({ press: 'Tab' });
    expectFocusOn(confirmButton(panel));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => statusText(panel) === '2 domains deregistered. 10 of 50 used.', 'the result is announced');
    await waitUntil(() => rows(panel).length === 7);
    expectFocusOn($(panel, '#deregister'));

    // Close.
    await sendKeys({ press: 'Escape' }); // clears nothing: focus is not in a filled search field
    await waitUntil(() => !dialogOf(manager).open, 'Escape closes the manager');
    expectFocusOn(opener);
    expect((await backend.getCapacity()).used).to.equal(10);
  });
});
