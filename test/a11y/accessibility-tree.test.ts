import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import type { CapacityBackend } from '../../src/core/types.js';
import '../../src/define.js';
import type { CapacityManagerElement } from '../../src/elements/capacity-manager/capacity-manager.js';
import type { CapacityManagerPanelElement } from '../../src/elements/capacity-manager/capacity-manager-panel.js';
import type { LeadRegistrationCardElement } from '../../src/elements/lead-registration-card/lead-registration-card.js';
import { accessibilityTree, findAll, findOne, outline, textOf, type AXNode } from '../helpers/accessibility-tree.js';
import { disposeTestBackends, testBackend } from '../helpers/backends.js';
import { $, $$, confirmationOf, panelReady, settled, sortButton } from '../helpers/capacity-manager.js';
import { makeRegistrations, registration } from '../helpers/registrations.js';

/*
 * Issue 6, item 7: the accessibility tree of the card, its menu, the meter, the Capacity Manager and
 * its confirmation, as Chromium computes it (roles, names, descriptions, states), plus axe in light
 * and in dark. Where Chromium's tree does not carry an ARIA state (aria-sort, aria-valuetext), the
 * attribute that states it is asserted instead.
 */

afterEach(disposeTestBackends);

type Card = LeadRegistrationCardElement;
type Scheme = 'light' | 'dark';

/**
 * Renders `content` as a page in `scheme` shows it: the host element gets `color-scheme`, on a
 * page background of the same scheme (axe checks contrast against what is behind the element).
 */
function onPage(scheme: Scheme, content: TemplateResult): TemplateResult {
  return html`<div
    id="page"
    style="color-scheme: ${scheme}; background: Canvas; color: CanvasText; padding: 1rem; width: 24rem"
  >
    ${content}
  </div>`;
}

async function cardOn(
  backend: CapacityBackend,
  fields: { contactId: string; website: string },
  scheme: Scheme = 'light',
): Promise<Card> {
  const page = await fixture<HTMLElement>(
    onPage(
      scheme,
      html`<lead-registration-card
        id="card"
        style="color-scheme: ${scheme}"
        .backend=${backend}
        contact-id=${fields.contactId}
        website=${fields.website}
        company="Acme Inc."
        contact-name="Grace Hopper"
        country="United States"
      ></lead-registration-card>`,
    ),
  );
  const card = page.querySelector('lead-registration-card')!;
  await waitUntil(
    () => card.shadowRoot!.querySelector('.state') && !card.shadowRoot!.querySelector('.skeleton'),
    'the card did not load',
  );
  await card.updateComplete;
  return card;
}

/** Asserts a node's name is not repeated as its description (a title beside an aria-label reads everything twice). */
function expectNoEcho(root: AXNode): void {
  const echoes = findAll(root, (node) => !!node.name && node.description === node.name).map(
    (node) => `${node.role} “${node.name}”`,
  );
  expect(echoes, 'names read twice, as name and as description').to.deep.equal([]);
}

describe('accessibility tree: <lead-registration-card>', () => {
  it('a named group; the gear is a menu button; Register is a named button; a status region is there from the start', async () => {
    const card = await cardOn(await testBackend(), { contactId: 'c-1', website: 'https://www.acme.com' });
    const tree = await accessibilityTree('#card >>> .card');
    expect(tree.role).to.equal('group');
    expect(tree.name).to.equal('Lead registration');

    const gear = findOne(tree, 'button', 'Lead registration options');
    expect(gear.haspopup).to.equal('menu');
    expect(gear.expanded).to.equal(false);
    expect(
      findAll(tree, (node) => node.role === 'menu' || node.role === 'menuitem'),
      'a closed menu is not exposed',
    ).to.be.empty;

    const register = findOne(tree, 'button', 'Register');
    expect(register.disabled ?? false).to.equal(false);
    expect(register.description ?? '').to.equal('');
    expect(textOf(tree)).to.contain('Registering adds acme.com to your capacity.');
    const status = findOne(tree, 'status');
    expect(status.live).to.equal('polite');
    expectNoEcho(tree);
    await expect(card).to.be.accessible();
  });

  it('the open menu: the gear is expanded, the menu is named by the gear, its one item is focused', async () => {
    const card = await cardOn(await testBackend(), { contactId: 'c-1', website: 'acme.com' });
    card.shadowRoot!.querySelector<HTMLButtonElement>('#gear')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(
      () => card.shadowRoot!.activeElement?.getAttribute('role') === 'menuitem',
      'the menu item did not take focus',
    );

    const tree = await accessibilityTree('#card >>> .card');
    expect(findOne(tree, 'button', 'Lead registration options').expanded).to.equal(true);
    const menu = findOne(tree, 'menu', 'Lead registration options');
    const items = findAll(menu, (node) => node.role === 'menuitem');
    expect(items.map((item) => item.name)).to.deep.equal(['Manage your capacity']);
    expect(items[0].focused).to.equal(true);
    await expect(card).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => card.shadowRoot!.activeElement?.id === 'gear', 'Escape did not return focus to the gear');
    const closed = await accessibilityTree('#card >>> .card');
    expect(findOne(closed, 'button', 'Lead registration options').expanded).to.equal(false);
    expect(findAll(closed, (node) => node.role === 'menu')).to.be.empty;
  });

  it('a website that cannot be registered: Register is disabled and described by the reason', async () => {
    const card = await cardOn(await testBackend(), { contactId: 'c-1', website: 'intranet' });
    const tree = await accessibilityTree('#card >>> .card');
    const register = findOne(tree, 'button', 'Register');
    expect(register.disabled).to.equal(true);
    expect(register.description).to.equal('The website is not a full domain name (it needs a dot, as in acme.com).');
    await expect(card).to.be.accessible();
  });

  it('capacity full: Register is described by the reason, and the way out is a named button', async () => {
    const backend = await testBackend(makeRegistrations(50));
    const card = await cardOn(backend, { contactId: 'c-new', website: 'acme.com' });
    const tree = await accessibilityTree('#card >>> .card');
    const register = findOne(tree, 'button', 'Register');
    expect(register.disabled).to.equal(true);
    expect(register.description).to.match(/^Your capacity is full \(50 of 50 domains used\)/);
    findOne(tree, 'button', 'Manage your capacity');
    await expect(card).to.be.accessible();
  });

  it('registered: the state, the domain and the date are read as text', async () => {
    const backend = await testBackend([registration({ domain: 'acme.com', contactId: 'c-1' })]);
    const card = await cardOn(backend, { contactId: 'c-1', website: 'acme.com' });
    const tree = await accessibilityTree('#card >>> .card');
    expect(textOf(tree)).to.match(/Registered Domain acme\.com Registered Jun 1, 2025/);
    expect(findAll(tree, (node) => node.role === 'button').map((button) => button.name)).to.deep.equal([
      'Lead registration options',
    ]);
    await expect(card).to.be.accessible();
  });
});

describe('accessibility tree: <capacity-meter>', () => {
  it('a meter named “Registration capacity” with its value, range and value text; the warning is its description', async () => {
    const backend = await testBackend(makeRegistrations(46));
    const page = await fixture<HTMLElement>(
      onPage('light', html`<capacity-meter id="meter" .backend=${backend}></capacity-meter>`),
    );
    const meter = page.querySelector('capacity-meter')!;
    await waitUntil(() => meter.shadowRoot!.querySelector('[role="meter"]'), 'the meter did not load');
    const tree = await accessibilityTree('#meter >>> .meter');
    const node = findOne(tree, 'meter', 'Registration capacity');
    expect(node.value).to.equal(46);
    expect(node.valuemin).to.equal(0);
    expect(node.valuemax).to.equal(50);
    expect(node.description).to.equal('Nearly full: 4 domains left.');
    // Chromium's tree leaves aria-valuetext out of its properties; the attribute says it.
    expect(meter.shadowRoot!.querySelector('[role="meter"]')!.getAttribute('aria-valuetext')).to.equal(
      '46 of 50 domains used',
    );
    expect(textOf(tree)).to.contain('46 of 50 domains used');
    await expect(meter).to.be.accessible();
  });
});

async function openManagerOn(
  backend: CapacityBackend,
  scheme: Scheme = 'light',
): Promise<{ manager: CapacityManagerElement; panel: CapacityManagerPanelElement }> {
  const page = await fixture<HTMLElement>(
    onPage(
      scheme,
      html`<capacity-manager id="manager" style="color-scheme: ${scheme}" .backend=${backend}></capacity-manager>`,
    ),
  );
  const manager = page.querySelector('capacity-manager')!;
  manager.show();
  const panel = await panelReady(manager);
  await settled(panel);
  return { manager, panel };
}

describe('accessibility tree: <capacity-manager>', () => {
  it('a modal dialog named by its heading; a table named by its caption, its column headers sortable buttons, aria-sort on the sorted one only', async () => {
    const { manager, panel } = await openManagerOn(await testBackend(makeRegistrations(3)));
    const tree = await accessibilityTree('#manager >>> dialog');
    expect(tree.role).to.equal('dialog');
    expect(tree.name).to.equal('Partner Registration Capacity');
    expect(tree.modal).to.equal(true);
    findOne(tree, 'heading', 'Partner Registration Capacity');
    findOne(tree, 'button', 'Close');
    expect(findOne(tree, 'searchbox', 'Search').focused, 'focus starts in the search field').to.equal(true);
    findOne(tree, 'meter', 'Registration capacity');
    findOne(tree, 'combobox', 'Rows per page');
    const pages = findOne(tree, 'group', 'Pages');
    expect(
      findAll(pages, (node) => node.role === 'button').map((button) => [button.name, button.disabled]),
    ).to.deep.equal([
      ['First page', true],
      ['Previous page', true],
      ['Next page', true],
      ['Last page', true],
    ]);
    const deregister = findOne(tree, 'button', 'Deregister');
    expect(deregister.disabled, 'Deregister without a selection').to.equal(true);
    expect(findOne(tree, 'status').live, 'the status region is there before its first announcement').to.equal('polite');

    const table = findOne(tree, 'table', 'Registered domains');
    const headers = findAll(table, (node) => node.role === 'columnheader');
    expect(headers.map((header) => header.name)).to.deep.equal([
      'Domain',
      'Company',
      'Contact name',
      'Country',
      'Registered',
      'Status',
      'Expires',
    ]);
    // Every column sorts but Status.
    for (const header of headers) if (header.name !== 'Status') findOne(header, 'button', header.name);
    const rowHeaders = findAll(table, (node) => node.role === 'rowheader').map((header) => header.name);
    expect(rowHeaders).to.deep.equal(['company-001.com', 'company-002.com', 'company-003.com']);
    const checkboxes = findAll(table, (node) => node.role === 'checkbox');
    expect(checkboxes.map((box) => [box.name, box.checked])).to.deep.equal([
      ['Select all domains on this page', false],
      ['Select company-001.com', false],
      ['Select company-002.com', false],
      ['Select company-003.com', false],
    ]);
    expectNoEcho(tree);

    // aria-sort (which Chromium's tree does not list) is on the sorted column's header, and only there.
    const sorted = (): string[] =>
      $$(panel, 'th[aria-sort]').map((th) => `${th.textContent.trim()}: ${th.getAttribute('aria-sort')}`);
    expect(sorted()).to.deep.equal(['Domain: ascending']);
    sortButton(panel, 'Company').click();
    await settled(panel);
    expect(sorted()).to.deep.equal(['Company: ascending']);
    sortButton(panel, 'Company').click();
    await settled(panel);
    expect(sorted()).to.deep.equal(['Company: descending']);
    await expect(manager).to.be.accessible();
  });

  it('the header checkbox is mixed when some rows are selected, checked when all are; Deregister names the count', async () => {
    const { panel } = await openManagerOn(await testBackend(makeRegistrations(3)));
    $<HTMLInputElement>(panel, 'tbody input[aria-label="Select company-002.com"]').click();
    await panel.updateComplete;
    let tree = await accessibilityTree('#manager >>> dialog');
    expect(findOne(tree, 'checkbox', 'Select all domains on this page').checked).to.equal('mixed');
    expect($<HTMLInputElement>(panel, 'thead input').indeterminate).to.equal(true);
    expect(findOne(tree, 'checkbox', 'Select company-002.com').checked).to.equal(true);
    const deregister = findOne(tree, 'button', 'Deregister 1');
    expect(deregister.disabled ?? false).to.equal(false);

    $<HTMLInputElement>(panel, 'thead input').click();
    await panel.updateComplete;
    tree = await accessibilityTree('#manager >>> dialog');
    expect(findOne(tree, 'checkbox', 'Select all domains on this page').checked).to.equal(true);
    expect($<HTMLInputElement>(panel, 'thead input').indeterminate).to.equal(false);
    findOne(tree, 'button', 'Deregister 3');
  });

  it('the confirmation: a modal alertdialog named by its question, described by what deregistering means, focus on Cancel; the manager behind it is inert', async () => {
    const { manager, panel } = await openManagerOn(await testBackend(makeRegistrations(3)));
    $<HTMLInputElement>(panel, 'tbody input[aria-label="Select company-001.com"]').click();
    $<HTMLInputElement>(panel, 'tbody input[aria-label="Select company-003.com"]').click();
    await panel.updateComplete;
    $<HTMLButtonElement>(panel, '#deregister').click();
    await waitUntil(() => confirmationOf(panel).open, 'the confirmation did not open');

    const tree = await accessibilityTree('#manager >>> capacity-manager-panel >>> dialog');
    expect(tree.role).to.equal('alertdialog');
    expect(tree.name).to.equal('Deregister 2 domains?');
    expect(tree.modal).to.equal(true);
    expect(tree.description).to.equal(
      'Deregistering releases these domains from your capacity. You will no longer be eligible for commission or Sold MRR benefits if these prospects buy.',
    );
    const list = findOne(tree, 'list', 'Domains to deregister');
    expect(findAll(list, (node) => node.role === 'listitem').map(textOf)).to.deep.equal([
      'company-001.com',
      'company-003.com',
    ]);
    expect(findOne(tree, 'button', 'Cancel').focused).to.equal(true);
    findOne(tree, 'button', 'Yes, deregister');

    // Behind a modal, the manager's table and buttons are out of reach (and out of the tree).
    const behind = await accessibilityTree('#manager >>> dialog');
    expect(
      findAll(behind, (node) => node.role === 'table' || node.name === 'Close'),
      outline(behind),
    ).to.be.empty;
    await expect(manager).to.be.accessible();

    // After a deregistration, the status region says what happened.
    confirmationOf(panel).querySelector<HTMLButtonElement>('#confirm')!.click();
    await waitUntil(() => !confirmationOf(panel).open, 'the confirmation did not close');
    await panel.updateComplete;
    const after = await accessibilityTree('#manager >>> dialog');
    expect(textOf(findOne(after, 'status'))).to.equal('2 domains deregistered. 1 of 50 used.');
  });
});

describe('axe, light and dark', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`every element and state in ${scheme}`, async () => {
      const backend = await testBackend([
        ...makeRegistrations(46),
        registration({ domain: 'acme.com', contactId: 'registered' }),
      ]);
      const states: [string, string][] = [
        ['not registered', 'acme.org'],
        ['invalid website', 'intranet'],
        ['registered', 'acme.com'],
      ];
      for (const [state, website] of states) {
        const card = await cardOn(
          backend,
          { contactId: state === 'registered' ? 'registered' : `c-${state}`, website },
          scheme,
        );
        expect(getComputedStyle(card).colorScheme, `the card is in ${scheme}`).to.equal(scheme);
        await expect(card, `card, ${state}, ${scheme}`).to.be.accessible();
        if (state === 'not registered') {
          card.shadowRoot!.querySelector<HTMLButtonElement>('#gear')!.click();
          await waitUntil(() => card.shadowRoot!.activeElement?.getAttribute('role') === 'menuitem');
          await expect(card, `card, menu open, ${scheme}`).to.be.accessible();
        }
      }

      const page = await fixture<HTMLElement>(
        onPage(scheme, html`<capacity-meter style="color-scheme: ${scheme}" .backend=${backend}></capacity-meter>`),
      );
      const meter = page.querySelector('capacity-meter')!;
      await waitUntil(() => meter.shadowRoot!.querySelector('[role="meter"]'));
      await expect(meter, `meter, nearly full, ${scheme}`).to.be.accessible();

      const { manager, panel } = await openManagerOn(backend, scheme);
      await expect(manager, `manager, ${scheme}`).to.be.accessible();
      $<HTMLInputElement>(panel, 'thead input').click();
      await panel.updateComplete;
      await expect(manager, `manager, all selected, ${scheme}`).to.be.accessible();
      $<HTMLButtonElement>(panel, '#deregister').click();
      await waitUntil(() => confirmationOf(panel).open);
      await expect(manager, `confirmation, ${scheme}`).to.be.accessible();
    });
  }
});
