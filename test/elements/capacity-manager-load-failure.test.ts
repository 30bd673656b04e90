import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { startMockApi, worker } from '../../mocks/browser.js';
import { defineElement } from '../../src/define-element.js';
import { CapacityManagerElement } from '../../src/elements/capacity-manager/capacity-manager.js';
import { CapacityMeterElement } from '../../src/elements/capacity-meter/capacity-meter.js';
import { deepActiveElement } from '../../src/focus.js';
import { disposeTestBackends, testBackend } from '../helpers/backends.js';
import {
  expectFocusOn,
  managerWithOpener,
  meterSummary,
  panelOf,
  type ManagerPage,
} from '../helpers/capacity-manager.js';
import { readable } from '../helpers/dom.js';
import { makeRegistrations } from '../helpers/registrations.js';

/*
 * The manager's and the meter's lazily loaded chunks (src/controllers/lazy-body.ts) failing to load,
 * the way they fail when the network goes away: MSW's service worker answers the module requests
 * with a network error. It does intercept a dynamic `import()`, and Chromium fetches a module again
 * on the next `import()` after a failed one, so the same page can then load the chunk for real.
 *
 * A file of its own: a chunk that has loaded stays in the page's module map, so no test after the
 * ones that load it (the last two) could make it fail again. Nothing here imports the chunks
 * statically (the tags are defined from the class modules, which import them only dynamically),
 * and the failing handlers are in place before each element renders, so the manager's idle
 * prefetch fails too.
 */

defineElement('capacity-manager', CapacityManagerElement);
defineElement('capacity-meter', CapacityMeterElement);

const MANAGER_CHUNK = 'capacity-manager-dialog.ts';
const METER_CHUNK = 'capacity-meter-body.ts';
const MANAGER_MESSAGE = 'The Capacity Manager could not be loaded. Check your connection and retry.';
const METER_MESSAGE = 'The capacity meter could not be loaded. Check your connection and retry.';

/** The chunks requested while they fail (file names). */
let failedRequests: string[] = [];
/** What the elements logged with console.error (first arguments). */
let logged: unknown[] = [];
const consoleError = console.error;

/** Answers every request for the module `file` (wtr serves `/src/…/file?…`) with a network error. */
function failChunk(file: string) {
  return http.get(
    ({ request }) => new URL(request.url).pathname.endsWith(`/${file}`),
    () => {
      failedRequests.push(file);
      return HttpResponse.error();
    },
  );
}

/**
 * Holds the next request for the module `file` until `fail()` answers it with a network error: a retry of its load
 * is under way, for as long as the test looks at it.
 */
function holdChunk(file: string): { requested: Promise<void>; fail: () => void } {
  let fail!: () => void;
  const failed = new Promise<void>((resolve) => (fail = resolve));
  let requested!: () => void;
  const requestSeen = new Promise<void>((resolve) => (requested = resolve));
  worker.use(
    http.get(
      ({ request }) => new URL(request.url).pathname.endsWith(`/${file}`),
      async () => {
        requested();
        await failed;
        failedRequests.push(file);
        return HttpResponse.error();
      },
      { once: true },
    ),
  );
  return { requested: requestSeen, fail };
}

/** The network is back: the chunks load for real. */
function reconnect(): void {
  worker.resetHandlers();
}

before(() => startMockApi());

beforeEach(() => {
  failedRequests = [];
  logged = [];
  console.error = (...args: unknown[]) => void logged.push(args[0]);
  worker.use(failChunk(MANAGER_CHUNK), failChunk(METER_CHUNK));
});

afterEach(async () => {
  console.error = consoleError;
  worker.resetHandlers();
  await disposeTestBackends();
});

function loadFailuresLogged(tag: string): number {
  return logged.filter((message) => message === `<${tag}>: its code could not be loaded.`).length;
}

/** The alert that says the manager could not be loaded, if one is shown. */
function failureAlertOf(manager: CapacityManagerElement): HTMLElement | undefined {
  return [...manager.shadowRoot!.querySelectorAll<HTMLElement>('[role="alert"]')].find(
    (alert) => readable(alert.textContent) === MANAGER_MESSAGE,
  );
}

/** The dialog that says the manager could not be loaded, if one is shown. */
function fallbackOf(manager: CapacityManagerElement): HTMLDialogElement | null {
  return failureAlertOf(manager)?.closest('dialog') ?? null;
}

/** The text of `element` outside its child elements (the alert's words, not its button's). */
function ownText(element: Element): string {
  return readable(
    [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent)
      .join(' '),
  );
}

function buttonIn(root: Element, label: string): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find((candidate) => readable(candidate.textContent) === label);
  if (!button) throw new Error(`No button ${label}.`);
  return button;
}

/**
 * A manager with a navigation button that opens it, once its idle prefetch of the chunk has failed:
 * a prefetch that fired later would start a load of its own while the test looks at the failure.
 */
async function managerPage(): Promise<ManagerPage> {
  const page = await managerWithOpener(await testBackend(makeRegistrations(3)));
  await waitUntil(() => loadFailuresLogged('capacity-manager') === 1, 'the idle prefetch did not fail', {
    timeout: 5000,
  });
  return page;
}

/** Opens `manager` from `opener`, as a click on it would, and waits for what follows the chunk's load. */
async function openFrom(opener: HTMLButtonElement, manager: CapacityManagerElement): Promise<void> {
  opener.focus();
  manager.show();
  await manager.updateComplete;
}

/** Asserts that the load failure is shown, in words, in a named modal dialog that has focus; returns the dialog. */
function expectFallback(manager: CapacityManagerElement): HTMLDialogElement {
  const fallback = fallbackOf(manager);
  expect(fallback, 'a dialog that says the manager could not be loaded').to.exist;
  expect(fallback!.matches(':modal'), 'it is modal').to.be.true;
  const name = manager.shadowRoot!.getElementById(fallback!.getAttribute('aria-labelledby') ?? '');
  expect(readable(name?.textContent), 'it is named').to.equal('Partner Registration Capacity');
  const focused = deepActiveElement();
  expect(focused && fallback!.contains(focused), 'focus is in the dialog').to.be.true;
  return fallback!;
}

/** Asserts that the manager is closed, as it was before the failed opening: no dialog, focus on the opener. */
async function expectClosedQuietly({ opener, manager, events }: ManagerPage): Promise<void> {
  await waitUntil(() => !manager.open, 'the manager did not close');
  await manager.updateComplete;
  expect(manager.hasAttribute('open')).to.be.false;
  const dialog = manager.shadowRoot!.querySelector('dialog');
  expect(dialog === null || !dialog.open, 'no dialog is shown').to.be.true;
  expectFocusOn(opener);
  expect(events, 'it never opened, so it says nothing').to.deep.equal([]);
}

describe('<capacity-manager> whose chunk fails to load', () => {
  it('says so in a modal dialog with Retry and Close, and does not announce an opening', async () => {
    const page = await managerPage();
    await openFrom(page.opener, page.manager);

    const fallback = expectFallback(page.manager);
    expect(page.manager.open).to.be.true;
    expect(page.events).to.deep.equal([]);
    expect(buttonIn(fallback, 'Retry').type).to.equal('button');
    expect(buttonIn(fallback, 'Close').form?.method).to.equal('dialog');
    expect(failedRequests.filter((file) => file === MANAGER_CHUNK)).to.have.length(2); // the prefetch, then the opening
    expect(loadFailuresLogged('capacity-manager')).to.equal(2);
    await expect(page.manager).to.be.accessible();
  });

  it('closes quietly on Escape, focus back on the opener', async () => {
    const page = await managerPage();
    await openFrom(page.opener, page.manager);
    expectFallback(page.manager);

    await sendKeys({ press: 'Escape' });
    await expectClosedQuietly(page);
  });

  it('closes quietly on Close, focus back on the opener', async () => {
    const page = await managerPage();
    await openFrom(page.opener, page.manager);
    const fallback = expectFallback(page.manager);

    const closed = oneEvent(fallback, 'close');
    buttonIn(fallback, 'Close').click();
    await closed;
    await expectClosedQuietly(page);
  });

  it('tries again on Retry, says so again while the network is still down, and still returns focus to the opener', async () => {
    const page = await managerPage();
    await openFrom(page.opener, page.manager);
    buttonIn(expectFallback(page.manager), 'Retry').click();
    await page.manager.updateComplete;

    expect(loadFailuresLogged('capacity-manager')).to.equal(3);
    expectFallback(page.manager);
    expect(page.events).to.deep.equal([]);

    // The dialog showing now was opened after the first one, not from the opener.
    await sendKeys({ press: 'Escape' });
    await expectClosedQuietly(page);
  });
});

describe('<capacity-manager> whose chunk fails to load: keyboard, the host, moving', () => {
  it('keeps focus on Retry while it tries again by keyboard, and after it fails again', async () => {
    const page = await managerPage();
    await openFrom(page.opener, page.manager);
    const retry = buttonIn(expectFallback(page.manager), 'Retry');
    retry.focus();
    const attempt = holdChunk(MANAGER_CHUNK);

    await sendKeys({ press: 'Enter' });
    await attempt.requested;
    // The retry is under way: the button stays, says so, and cannot be pressed twice.
    expect(page.manager.shadowRoot!.activeElement).to.equal(retry);
    expect(retry.getAttribute('aria-disabled')).to.equal('true');
    expect(readable(retry.textContent)).to.equal('Retrying…');
    attempt.fail();
    await page.manager.updateComplete;

    expect(loadFailuresLogged('capacity-manager')).to.equal(3);
    expectFallback(page.manager);
    expect(page.manager.shadowRoot!.activeElement, 'focus is still on Retry').to.equal(retry);
    expect(retry.getAttribute('aria-disabled')).to.equal('false');
    expect(readable(retry.textContent)).to.equal('Retry');
  });

  it('closes quietly when the host calls close(), focus back on the opener', async () => {
    const page = await managerPage();
    await openFrom(page.opener, page.manager);
    expectFallback(page.manager);

    page.manager.close();
    await expectClosedQuietly(page);
  });

  it('stays modal when the host moves it while the failure shows', async () => {
    const page = await managerPage();
    await openFrom(page.opener, page.manager);
    expectFallback(page.manager);

    const elsewhere = await fixture<HTMLElement>(html`<section></section>`);
    elsewhere.append(page.manager);
    await page.manager.updateComplete;
    expect(page.manager.open).to.be.true;
    expectFallback(page.manager);
    expect(page.events).to.deep.equal([]);

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !page.manager.open, 'Escape did not close it');
    expect(page.events).to.deep.equal([]);
  });
});

describe('<capacity-meter> whose chunk fails to load', () => {
  it('says so in an alert with a Retry button', async () => {
    const meter = await fixture<CapacityMeterElement>(
      html`<capacity-meter .backend=${await testBackend()}></capacity-meter>`,
    );
    // The fixture waits for updateComplete, which waits for the load to end.
    const alert = meter.shadowRoot!.querySelector('[role="alert"]');
    expect(alert, 'the alert').to.exist;
    expect(ownText(alert!)).to.equal(METER_MESSAGE);
    const retry = alert!.querySelector('button')!;
    expect(retry.getAttribute('aria-label')).to.equal('Retry loading the capacity meter');
    expect(readable(retry.textContent)).to.equal('Retry');
    expect(meter.shadowRoot!.querySelector('[role="meter"]')).to.be.null;
    expect(failedRequests).to.include(METER_CHUNK);
    expect(loadFailuresLogged('capacity-meter')).to.equal(1);
    await expect(meter).to.be.accessible();
  });

  it('says so in a few words when compact', async () => {
    const meter = await fixture<CapacityMeterElement>(
      html`<capacity-meter compact .backend=${await testBackend()}></capacity-meter>`,
    );
    const alert = meter.shadowRoot!.querySelector('[role="alert"]')!;
    expect(ownText(alert)).to.equal('Capacity unavailable.');
    expect(alert.querySelector('button')!.getAttribute('aria-label')).to.equal('Retry loading the capacity meter');
    await expect(meter).to.be.accessible();
  });

  it('keeps focus on Retry while it tries again by keyboard, and after it fails again', async () => {
    const meter = await fixture<CapacityMeterElement>(
      html`<capacity-meter .backend=${await testBackend()}></capacity-meter>`,
    );
    const retry = meter.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button')!;
    retry.focus();
    const attempt = holdChunk(METER_CHUNK);

    await sendKeys({ press: 'Enter' });
    await attempt.requested;
    expect(meter.shadowRoot!.activeElement).to.equal(retry);
    expect(retry.getAttribute('aria-disabled')).to.equal('true');
    attempt.fail();
    await meter.updateComplete;

    expect(loadFailuresLogged('capacity-meter')).to.equal(2);
    expect(meter.shadowRoot!.activeElement, 'focus is still on Retry').to.equal(retry);
    expect(retry.getAttribute('aria-disabled')).to.equal('false');
  });

  it('shows the capacity after Retry once the network is back', async () => {
    const meter = await fixture<CapacityMeterElement>(
      html`<capacity-meter .backend=${await testBackend(makeRegistrations(3))}></capacity-meter>`,
    );
    const retry = meter.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button')!;

    reconnect();
    retry.click();
    await meter.updateComplete;
    expect(meter.shadowRoot!.querySelector('[role="alert"]'), 'the failure is gone').to.be.null;
    await waitUntil(() => meterSummary(meter) === '3 of 50 domains used', 'the meter did not show the capacity');
    expect(loadFailuresLogged('capacity-meter')).to.equal(1);
  });
});

// Last: the manager's chunk loads for real here, and stays loaded for the rest of the page.
describe('<capacity-manager> after its chunk failed to load', () => {
  it('opens for real on Retry once the network is back, announces it, and returns focus to the first opener', async () => {
    const page = await managerPage();
    const { opener, manager, events } = page;
    await openFrom(opener, manager);
    const fallback = expectFallback(manager);

    reconnect();
    const opened = oneEvent(manager, 'capacity-manager-open');
    buttonIn(fallback, 'Retry').click();
    await opened;
    await manager.updateComplete;
    expect(fallbackOf(manager), 'the load failure dialog is gone').to.be.null;
    const dialog = manager.shadowRoot!.querySelector('dialog')!;
    expect(dialog.matches(':modal')).to.be.true;
    await waitUntil(() => panelOf(manager), 'the panel did not appear');
    expect(events).to.deep.equal(['capacity-manager-open']);

    const closed = oneEvent(manager, 'capacity-manager-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(manager.open).to.be.false;
    expectFocusOn(opener);
    expect(events).to.deep.equal(['capacity-manager-open', 'capacity-manager-close']);
  });
});
