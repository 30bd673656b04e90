import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http } from 'msw';
import { api, startMockApi, worker } from '../../mocks/browser.js';
import { RestBackend } from '../../src/backends/rest-backend.js';
import { CapacityError } from '../../src/core/errors.js';
import { lifecycleClock, NO_EXPIRY_POLICY } from '../../src/core/lifecycle.js';
import type { CapacityBackend, Registration, RegistrationPolicy } from '../../src/core/types.js';
import type { CapacityManagerElement } from '../../src/elements/capacity-manager/capacity-manager.js';
import type { CapacityManagerPanelElement } from '../../src/elements/capacity-manager/capacity-manager-panel.js';
import { englishLocalizer } from '../../src/i18n/localizer.js';
import { disposeTestBackends, testBackend } from '../helpers/backends.js';
import {
  $,
  $$,
  dialogOf,
  expectFocusOn,
  messageText,
  openManager,
  rowCheckbox,
  rows,
  settled,
  shownDomains,
  sortButton,
  statusText,
} from '../helpers/capacity-manager.js';
import { textOf } from '../helpers/dom.js';
import { pressEscape, receivedEvents } from '../helpers/events.js';
import { gate, openGates, serverAnswer } from '../helpers/faults.js';
import { registration } from '../helpers/registrations.js';
import { eventually } from '../helpers/wait.js';

// The registration lifecycle in the Capacity Manager (issue 15): the Status and Expires columns, the filter, and
// the bulk Renew with its confirmation, its refusals per domain and its event.

const DAY = 86_400_000;
const POLICY: RegistrationPolicy = { termDays: 90, renewalWindowDays: 30, maxRenewals: 1, review: true };
const l = englishLocalizer;

/** An ISO date `days` from now. */
const inDays = (days: number): string => new Date(Date.now() + days * DAY).toISOString();

function lifecycleRegistrations(): Registration[] {
  return [
    registration({ domain: 'soon.example', expiresAt: inDays(10) }),
    registration({ domain: 'later.example', expiresAt: inDays(60) }),
    registration({ domain: 'pending.example', status: 'pending', expiresAt: inDays(80) }),
    registration({ domain: 'limit.example', expiresAt: inDays(5), renewals: 1 }),
    registration({ domain: 'forever.example' }),
    registration({ domain: 'soon-too.example', expiresAt: inDays(20) }),
  ];
}

/** The list requests the mock API received, their query. */
let listed: URLSearchParams[] = [];
/** The renew requests: their ids and Idempotency-Key. */
let renewals: { ids: string[]; key: string | null }[] = [];

async function managerOn(
  registrations = lifecycleRegistrations(),
): Promise<{ manager: CapacityManagerElement; panel: CapacityManagerPanelElement }> {
  await startMockApi({ state: { tier: 'silver', policy: POLICY, registrations } });
  listed = [];
  renewals = [];
  worker.use(
    http.get(`${api.baseUrl}/registrations`, ({ request }) => {
      listed.push(new URL(request.url).searchParams);
      return undefined;
    }),
    http.post(`${api.baseUrl}/registrations/renew`, async ({ request }) => {
      const { ids } = (await request.clone().json()) as { ids: string[] };
      renewals.push({ ids, key: request.headers.get('Idempotency-Key') });
      return undefined;
    }),
  );
  return openManager(new RestBackend({ baseUrl: api.baseUrl }));
}

afterEach(async () => {
  openGates();
  worker.resetHandlers();
  await disposeTestBackends();
});

function rowOf(panel: CapacityManagerPanelElement, domain: string): HTMLTableRowElement {
  const row = rows(panel).find((candidate) => textOf(candidate.querySelector('th')) === domain);
  if (!row) throw new Error(`No row ${domain}: ${shownDomains(panel).join(', ')}`);
  return row;
}

/** A row's Status and Expires cells, as read. */
function lifecycleCells(panel: CapacityManagerPanelElement, domain: string): [string, string] {
  const cells = [...rowOf(panel, domain).querySelectorAll('td')];
  return [textOf(cells.at(-2)), textOf(cells.at(-1))];
}

function renewalDialog(panel: CapacityManagerPanelElement): HTMLDialogElement {
  return $<HTMLDialogElement>(panel, 'dialog.renewal');
}

/** The renewal's list: each domain and its new date, or why it is not renewed. */
function listedRenewals(panel: CapacityManagerPanelElement): string[] {
  return [...renewalDialog(panel).querySelectorAll('li')].map(textOf);
}

async function select(panel: CapacityManagerPanelElement, ...domains: string[]): Promise<void> {
  for (const domain of domains) rowCheckbox(panel, domain).click();
  await panel.updateComplete;
}

/** Presses Renew with a real key press (a dialog opened without user activation shares its close watcher). */
async function openRenewal(panel: CapacityManagerPanelElement): Promise<HTMLDialogElement> {
  $<HTMLButtonElement>(panel, '#renew').focus();
  await sendKeys({ press: 'Enter' });
  const dialog = renewalDialog(panel);
  await waitUntil(() => dialog.open, 'the renewal did not open');
  return dialog;
}

function setFilter(panel: CapacityManagerPanelElement, value: string): void {
  const select = $<HTMLSelectElement>(panel, '#filter');
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

describe('<capacity-manager> Status and Expires', () => {
  it('shows each registration’s status and expiry, how soon within 30 days, Never without one', async () => {
    const { panel } = await managerOn();
    const expiry = (days: number): string => l.date(inDays(days));
    expect(lifecycleCells(panel, 'soon.example')).to.deep.equal(['Registered', `${expiry(10)} in 10 days`]);
    expect(lifecycleCells(panel, 'later.example')).to.deep.equal(['Registered', expiry(60)]);
    expect(lifecycleCells(panel, 'pending.example')).to.deep.equal(['Pending review', expiry(80)]);
    expect(lifecycleCells(panel, 'limit.example')).to.deep.equal(['Registered', `${expiry(5)} in 5 days`]);
    expect(lifecycleCells(panel, 'forever.example')).to.deep.equal(['Registered', 'Never']);
    expect([...rowOf(panel, 'soon.example').querySelectorAll('time')].at(-1)!.dateTime).to.equal(
      api.ledger.query({ search: 'soon.example' }).items[0].expiresAt,
    );
    await expect(panel).to.be.accessible();
  });

  it('sorts by expiry from its header (soonest first, then those that never expire), with aria-sort', async () => {
    const { panel } = await managerOn();
    const sorted = (): string[] =>
      $$(panel, 'th[aria-sort]').map((th) => `${textOf(th)}:${th.getAttribute('aria-sort')!}`);
    // Status is a column header without a sort button.
    expect($$(panel, 'th[scope="col"]').map((th) => [textOf(th), th.querySelector('button') !== null])).to.deep.equal([
      ['Domain', true],
      ['Company', true],
      ['Contact name', true],
      ['Country', true],
      ['Registered', true],
      ['Status', false],
      ['Expires', true],
    ]);
    sortButton(panel, 'Expires').click();
    await eventually(
      () => shownDomains(panel)[0] === 'limit.example',
      () => `ascending: ${shownDomains(panel).join(', ')}`,
    );
    expect(shownDomains(panel)).to.deep.equal([
      'limit.example',
      'soon.example',
      'soon-too.example',
      'later.example',
      'pending.example',
      'forever.example',
    ]);
    expect(sorted()).to.deep.equal(['Expires:ascending']);
    expect(listed.at(-1)!.get('sort')).to.equal('expiresAt');
    sortButton(panel, 'Expires').click();
    await eventually(
      () => shownDomains(panel)[0] === 'forever.example',
      () => `descending: ${shownDomains(panel).join(', ')}`,
    );
    expect(shownDomains(panel)).to.deep.equal([
      'forever.example',
      'pending.example',
      'later.example',
      'soon-too.example',
      'soon.example',
      'limit.example',
    ]);
    expect(sorted()).to.deep.equal(['Expires:descending']);
    expect(listed.at(-1)!.get('order')).to.equal('desc');
  });
});

describe('<capacity-manager> filter', () => {
  it('shows all, those pending review, or those expiring within 30 days: the query’s filter, from page 1', async () => {
    const { panel } = await managerOn();
    const select = $<HTMLSelectElement>(panel, '#filter');
    expect(textOf(select.closest('label'))).to.match(/^Show /);
    expect([...select.options].map((option) => [option.value, textOf(option)])).to.deep.equal([
      ['', 'All registrations'],
      ['pending', 'Pending review'],
      ['expiring', 'Expiring within 30 days'],
    ]);
    setFilter(panel, 'pending');
    await eventually(
      () => shownDomains(panel).join() === 'pending.example',
      () => `pending: ${shownDomains(panel).join(', ')}`,
    );
    expect(listed.at(-1)!.get('filter')).to.equal('pending');
    expect(listed.at(-1)!.get('page')).to.equal('1');

    setFilter(panel, 'expiring');
    await eventually(
      () => shownDomains(panel).join() === 'limit.example,soon-too.example,soon.example',
      () => `expiring: ${shownDomains(panel).join(', ')}`,
    );
    expect(listed.at(-1)!.get('filter')).to.equal('expiring');

    setFilter(panel, '');
    await eventually(
      () => shownDomains(panel).length === 6,
      () => `all: ${shownDomains(panel).join(', ')}`,
    );
    expect(listed.at(-1)!.has('filter')).to.be.false;
  });

  it('says when nothing is pending, with a way back to all', async () => {
    const { panel } = await managerOn([registration({ domain: 'only.example', expiresAt: inDays(100) })]);
    setFilter(panel, 'pending');
    await eventually(
      () => messageText(panel) === 'No registrations are pending review. All registrations',
      () => `the table shows “${messageText(panel) ?? shownDomains(panel).join(', ')}”`,
    );
    setFilter(panel, 'expiring');
    await eventually(
      () => messageText(panel) === 'No registrations expire within 30 days. All registrations',
      () => `the table shows “${messageText(panel) ?? shownDomains(panel).join(', ')}”`,
    );
    $$<HTMLButtonElement>(panel, 'tr.message button')[0].click();
    await eventually(
      () => shownDomains(panel).join() === 'only.example',
      () => `the table shows “${messageText(panel) ?? ''}”`,
    );
    expect($<HTMLSelectElement>(panel, '#filter').value).to.equal('');
  });
});

describe('<capacity-manager> bulk Renew', () => {
  it('is offered beside Deregister, inert until something is selected', async () => {
    const { panel } = await managerOn();
    const renew = $<HTMLButtonElement>(panel, '#renew');
    expect(renew.nextElementSibling).to.equal($(panel, '#deregister'));
    expect(textOf($(panel, '.selection-size'))).to.equal('Select domains to renew or deregister them.');
    expect(renew.getAttribute('aria-disabled')).to.equal('true');
    renew.click();
    await panel.updateComplete;
    expect(renewalDialog(panel).open).to.be.false;
    await select(panel, 'soon.example', 'later.example');
    expect(textOf(renew)).to.equal('Renew 2');
    expect(renew.getAttribute('aria-disabled')).to.equal('false');
  });

  it('is not offered by a backend without renew (a 0.2 host backend)', async () => {
    const local = await testBackend([registration({ domain: 'a.example' })], { policy: POLICY });
    const backend: CapacityBackend = {
      getCapacity: (options) => local.getCapacity(options),
      getContactView: (query, options) => local.getContactView(query, options),
      listRegistrations: (query, options) => local.listRegistrations(query, options),
      register: (input, options) => local.register(input, options),
      deregister: (ids, options) => local.deregister(ids, options),
    };
    const { panel } = await openManager(backend);
    expect(panel.shadowRoot!.querySelector('#renew') === null, 'no Renew').to.be.true;
    expect(textOf($(panel, '.selection-size'))).to.equal('Select domains to deregister them.');
  });

  it('is not offered when the host’s policy does not renew: no expiry, or no renewal window', async () => {
    for (const policy of [NO_EXPIRY_POLICY, { ...POLICY, renewalWindowDays: 0 }]) {
      const { manager, panel } = await openManager(
        await testBackend([registration({ domain: 'a.example' })], { policy }),
      );
      expect(panel.shadowRoot!.querySelector('#renew') === null, `no Renew: ${JSON.stringify(policy)}`).to.be.true;
      expect(textOf($(panel, '.selection-size'))).to.equal('Select domains to deregister them.');
      manager.remove();
    }
  });

  it('does not send a renewal the rule refuses for every domain: Renew in the dialog is inert', async () => {
    const { panel } = await managerOn();
    await select(panel, 'pending.example', 'forever.example');
    await openRenewal(panel);
    const confirm = $<HTMLButtonElement>(panel, '#renew-confirm');
    expect(confirm.getAttribute('aria-disabled')).to.equal('true');
    confirm.click();
    await panel.updateComplete;
    // A renewal under way would say so on the button at once.
    expect(textOf(confirm)).to.equal('Renew');
    expect(renewals).to.deep.equal([]);
  });

  it('confirms with each domain and its new date, or why the rule says it cannot be renewed now', async () => {
    const { panel } = await managerOn();
    await select(panel, 'soon.example', 'later.example', 'pending.example', 'limit.example', 'forever.example');
    const dialog = await openRenewal(panel);
    expectFocusOn($(panel, '#renew-cancel'));
    const expiresAt = (domain: string): number => Date.parse(api.ledger.query({ search: domain }).items[0].expiresAt!);
    expect(textOf(dialog.querySelector('h3'))).to.equal('Renew 5 domains?');
    expect(textOf(dialog.querySelector('.explanation'))).to.equal(
      'Renewing extends each registration by 90 days from its current expiry.',
    );
    expect(listedRenewals(panel)).to.deep.equal([
      'forever.example does not expire.',
      `later.example can be renewed from ${l.date(new Date(expiresAt('later.example') - 30 * DAY).toISOString())}.`,
      'limit.example has been renewed as often as allowed.',
      'pending.example can be renewed once the vendor has reviewed it.',
      `soon.example New expiry: ${l.date(new Date(expiresAt('soon.example') + 90 * DAY).toISOString())}`,
    ]);
    // Each refusal's domain isolated, as it may be written right to left.
    expect([...dialog.querySelectorAll('li.refusal bdi')].map(textOf)).to.deep.equal([
      'forever.example',
      'later.example',
      'limit.example',
      'pending.example',
    ]);
    expect(textOf($(panel, '#renew-confirm'))).to.equal('Renew');
    expect(dialog.getAttribute('aria-labelledby')).to.equal('renew-title');
    await expect(panel).to.be.accessible();

    // Cancel (here Escape): nothing sent, the selection kept, focus back on Renew.
    await pressEscape([dialog], [panel]);
    expect(dialog.open, 'Escape closes it').to.be.false;
    expectFocusOn($(panel, '#renew'));
    expect(renewals).to.deep.equal([]);
    expect(textOf($(panel, '.selection-size'))).to.equal('5 domains selected');
  });

  it('renews, then shows each refusal by domain in words, keeps the refused selected, and tells the page', async () => {
    const { manager, panel } = await managerOn();
    const received = receivedEvents(['lead-renewed', 'lead-registration-error']);
    await select(panel, 'soon.example', 'later.example', 'limit.example');
    const before = Date.parse(api.ledger.query({ search: 'soon.example' }).items[0].expiresAt!);
    const dialog = await openRenewal(panel);
    $(panel, '#renew-confirm').click();
    await eventually(
      () => textOf(dialog.querySelector('h3')) === '2 domains could not be renewed.',
      () => `the dialog shows “${textOf(dialog)}”`,
    );
    received.stop();
    // The server applied it: one request, every selected id, with a key.
    expect(renewals.map(({ ids }) => ids)).to.deep.equal([['later.example', 'limit.example', 'soon.example']]);
    expect(renewals[0].key).to.be.a('string').and.not.empty;
    const renewed = api.ledger.query({ search: 'soon.example' }).items[0];
    expect(Date.parse(renewed.expiresAt!)).to.equal(before + 90 * DAY);

    const renewableFrom = l.date(
      new Date(Date.parse(api.ledger.query({ search: 'later.example' }).items[0].expiresAt!) - 30 * DAY).toISOString(),
    );
    expect(listedRenewals(panel)).to.deep.equal([
      `later.example can be renewed from ${renewableFrom}.`,
      'limit.example has been renewed as often as allowed.',
    ]);
    expect(textOf(dialog.querySelector('.explanation'))).to.equal('1 domain renewed.');
    expect(statusText(panel)).to.equal('1 domain renewed. 2 domains could not be renewed.');
    expect(textOf($(panel, '.selection-size'))).to.equal('2 domains selected');
    expect(rowCheckbox(panel, 'soon.example').checked).to.be.false;
    expect(rowCheckbox(panel, 'later.example').checked).to.be.true;
    await settled(panel); // the list reads again after the change
    await expect(panel).to.be.accessible();

    // The event, once, from the manager, with the server's answer.
    expect(received.events.map(({ type, target }) => [type, target])).to.deep.equal([['lead-renewed', manager]]);
    const { detail } = received.events[0] as { detail: GlobalEventHandlersEventMap['lead-renewed']['detail'] };
    expect(detail.renewed.map(({ domain, renewals: count }) => [domain, count])).to.deep.equal([['soon.example', 1]]);
    expect(detail.refused.map(({ id, reason }) => [id, reason])).to.deep.equal([
      ['later.example', 'not-yet-renewable'],
      ['limit.example', 'renewal-limit'],
    ]);
    expect(detail.capacity.used).to.equal(6);

    // The table shows the new date; Close returns focus to Renew.
    await eventually(
      () => lifecycleCells(panel, 'soon.example')[1] === l.date(renewed.expiresAt!),
      () => `the row shows ${lifecycleCells(panel, 'soon.example').join(' | ')}`,
    );
    $(panel, '#renew-close').click();
    await waitUntil(() => !dialog.open, 'Close closes it');
    expectFocusOn($(panel, '#renew'));
  });

  it('says every refusal of the server in words, by domain', async () => {
    const { panel } = await managerOn();
    await select(panel, 'soon.example', 'pending.example', 'forever.example', 'limit.example', 'later.example');
    const dialog = await openRenewal(panel);
    // Meanwhile, in another tab: soon.example is deregistered.
    api.ledger.deregister(['soon.example']);
    $(panel, '#renew-confirm').click();
    await eventually(
      () => textOf(dialog.querySelector('h3')) === '5 domains could not be renewed.',
      () => `the dialog shows “${textOf(dialog)}”`,
    );
    const later = Date.parse(lifecycleRegistrations()[1].expiresAt!);
    expect(listedRenewals(panel)).to.deep.equal([
      'forever.example does not expire.',
      `later.example can be renewed from ${l.date(new Date(later - 30 * DAY).toISOString())}.`,
      'limit.example has been renewed as often as allowed.',
      'pending.example can be renewed once the vendor has reviewed it.',
      'soon.example is no longer registered: it has expired or was deregistered.',
    ]);
    expect(statusText(panel)).to.equal('No domains were renewed. 5 domains could not be renewed.');
  });

  it('says so when the policy no longer offers renewal', async () => {
    const { panel } = await managerOn();
    await select(panel, 'soon.example');
    const dialog = await openRenewal(panel);
    api.setPolicy({ ...POLICY, renewalWindowDays: 0 });
    $(panel, '#renew-confirm').click();
    await eventually(
      () => textOf(dialog.querySelector('h3')) === '1 domain could not be renewed.',
      () => `the dialog shows “${textOf(dialog)}”`,
    );
    expect(listedRenewals(panel)).to.deep.equal(['Renewal is not offered for soon.example.']);
  });

  it('closes when every domain was renewed, clears them from the selection and announces it', async () => {
    const { panel } = await managerOn();
    await select(panel, 'soon.example', 'soon-too.example');
    const dialog = await openRenewal(panel);
    $(panel, '#renew-confirm').click();
    await waitUntil(() => !dialog.open, 'the renewal closes');
    expect(statusText(panel)).to.equal('2 domains renewed.');
    expect(textOf($(panel, '.selection-size'))).to.equal('Select domains to renew or deregister them.');
    expectFocusOn($(panel, '#renew'));
  });

  it('under way: busy, nothing closes it, not even the manager; a failure keeps it open with Retry (same key)', async () => {
    const { manager, panel } = await managerOn();
    const errors = receivedEvents(['lead-registration-error']);
    await select(panel, 'soon.example');
    const dialog = await openRenewal(panel);
    const held = gate();
    let failures = 1;
    worker.use(
      http.post(`${api.baseUrl}/registrations/renew`, async ({ request }) => {
        renewals.push({ ids: [], key: request.headers.get('Idempotency-Key') });
        await held.promise;
        if (failures-- > 0) {
          return new Response(JSON.stringify({ code: 'server', title: 'Server error', status: 500 }), {
            status: 500,
            headers: { 'Content-Type': 'application/problem+json' },
          });
        }
        return serverAnswer(request);
      }),
    );
    // With a key press, as a user would: a close watcher lets one cancel be prevented per user activation.
    $(panel, '#renew-confirm').focus();
    await sendKeys({ press: 'Enter' });
    await eventually(
      () => textOf($(panel, '#renew-confirm')) === 'Renewing…',
      () => `no progress: “${textOf(dialog)}”`,
    );
    expect($(panel, '#renew-confirm').getAttribute('aria-busy')).to.equal('true');
    expect($(panel, '#renew-cancel').getAttribute('aria-disabled')).to.equal('true');
    $(panel, '#renew-cancel').click();
    for (let press = 1; press <= 4; press++) {
      await pressEscape([dialog, dialogOf(manager)], [panel, manager]);
      expect(dialog.matches(':modal'), `the renewal after Escape ${press}`).to.be.true;
      expect(dialogOf(manager).matches(':modal'), `the manager after Escape ${press}`).to.be.true;
    }

    held.open();
    await eventually(
      () => textOf(dialog.querySelector('[role="alert"]')) === new CapacityError('server').message,
      () => `the renewal shows “${textOf(dialog)}”`,
    );
    expect(textOf($(panel, '#renew-confirm'))).to.equal('Retry');
    expect(listedRenewals(panel)).to.have.length(1);
    expect(errors.events.map(({ detail }) => `${detail.operation} ${detail.error.code}`)).to.deep.equal([
      'renew server',
    ]);
    $(panel, '#renew-confirm').click();
    await waitUntil(() => !dialog.open, 'the retry renews');
    errors.stop();
    expect(statusText(panel)).to.equal('1 domain renewed.');
    expect(renewals.map(({ key }) => key)).to.have.length(2);
    expect(renewals[1].key, 'the same Idempotency-Key').to.equal(renewals[0].key);
  });
});

describe('<capacity-manager> on the page’s clock', () => {
  const realClock = lifecycleClock.now;
  afterEach(() => {
    lifecycleClock.now = realClock;
  });

  it('counts days left and new dates from the page’s “now” (the demo moves it), as the card and the server do', async () => {
    const moved = new Date(Date.now() + 50 * DAY);
    lifecycleClock.now = () => moved;
    // Ten days after the moved "now", to the millisecond (not from the real clock, which moves on meanwhile).
    const expiresAt = new Date(moved.getTime() + 10 * DAY).toISOString();
    const { panel } = await managerOn([registration({ domain: 'moved.example', expiresAt })]);
    expect(lifecycleCells(panel, 'moved.example')).to.deep.equal(['Registered', `${l.date(expiresAt)} in 10 days`]);
    await select(panel, 'moved.example');
    await openRenewal(panel);
    const renewed = new Date(Date.parse(expiresAt) + 90 * DAY).toISOString();
    expect(listedRenewals(panel)).to.deep.equal([`moved.example New expiry: ${l.date(renewed)}`]);
  });
});
