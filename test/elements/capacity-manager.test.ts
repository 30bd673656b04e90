import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { CapacityError } from '../../src/core/errors.js';
import type { CapacityBackend, RegistrationQuery } from '../../src/core/types.js';
import type { CapacityManagerElement } from '../../src/elements/capacity-manager/capacity-manager.js';
import { deepActiveElement } from '../../src/focus.js';
import { ControlledBackend, disposeTestBackends, testBackend } from '../helpers/backends.js';
import {
  $,
  $$,
  expectFocusOn,
  dialogOf,
  headerCheckbox,
  messageText,
  meterSummary,
  openManager,
  panelOf,
  panelReady,
  rangeText,
  rowCheckbox,
  rows,
  settled,
  shownDomains,
  sortButton,
} from '../helpers/capacity-manager.js';
import { accessibilityTree, findAll } from '../helpers/accessibility-tree.js';
import { describeViolations, disabledControlContrast } from '../helpers/contrast.js';
import { makeRegistrations, registration } from '../helpers/registrations.js';

const SILVER = { tier: 'silver' } as const;

afterEach(async () => {
  await resetMouse();
  await disposeTestBackends();
});

/** A button on the page, in a shadow root of its own (as in a host's navigation), that opens `manager`. */
async function openerFor(manager: CapacityManagerElement): Promise<HTMLButtonElement> {
  const nav = await fixture<HTMLElement>(html`<nav-host></nav-host>`);
  const root = nav.attachShadow({ mode: 'open' });
  const button = document.createElement('button');
  button.textContent = 'Capacity';
  button.addEventListener('click', () => manager.show());
  root.append(button);
  return button;
}

function listQueries(backend: ControlledBackend): RegistrationQuery[] {
  return backend.calls
    .filter((call) => call.method === 'listRegistrations')
    .map((call) => call.args[0] as RegistrationQuery);
}

/** Puts `text` in the search field at once (one input event), as a paste would. */
async function searchFor(panel: NonNullable<ReturnType<typeof panelOf>>, text: string): Promise<void> {
  const input = $<HTMLInputElement>(panel, '#search');
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await panel.updateComplete;
}

/** The manager's open and close events, in order, as the page hears them. */
function recordOpenClose(manager: CapacityManagerElement): string[] {
  const heard: string[] = [];
  for (const type of ['capacity-manager-open', 'capacity-manager-close'] as const) {
    manager.addEventListener(type, () => heard.push(type.replace('capacity-manager-', '')));
  }
  return heard;
}

/**
 * The next `close` event of the manager's dialog, and then the update it may cause: a dialog closes at once, its
 * close event comes in a task of its own, and whatever the manager does about it (say it closed, show it again)
 * has been done once this resolves. Ask for it before the dialog closes.
 */
function dialogCloseHandled(manager: CapacityManagerElement): Promise<unknown> {
  return oneEvent(dialogOf(manager), 'close').then(() => manager.updateComplete);
}

async function typeSearch(panel: NonNullable<ReturnType<typeof panelOf>>, text: string): Promise<void> {
  const input = $<HTMLInputElement>(panel, '#search');
  input.focus();
  input.select();
  await sendKeys({ type: text });
}

describe('<capacity-manager> modal', () => {
  it('opens with show() as a modal dialog, reflects open, fires capacity-manager-open and focuses the search', async () => {
    const backend = await testBackend(makeRegistrations(3));
    const manager = await fixture<CapacityManagerElement>(
      html`<capacity-manager .backend=${backend}></capacity-manager>`,
    );
    expect(manager.shadowRoot!.querySelector('dialog[open]'), 'closed until show()').to.be.null;
    const opened = oneEvent(manager, 'capacity-manager-open');
    manager.show();
    const event = await opened;
    expect(event.bubbles && event.composed).to.be.true;
    expect(manager.hasAttribute('open')).to.be.true;
    expect(dialogOf(manager).matches(':modal'), 'modal: the page behind is inert').to.be.true;
    const panel = await panelReady(manager);
    await settled(panel);
    await waitUntil(() => deepActiveElement() === $(panel, '#search'), 'focus moves to the search field');
  });

  it('makes the page behind inert', async () => {
    const backend = await testBackend(makeRegistrations(3));
    const { manager } = await openManager(backend);
    const outside = await fixture<HTMLButtonElement>(html`<button>Outside</button>`);
    expect(outside.matches(':modal')).to.be.false;
    outside.focus();
    expect(deepActiveElement() !== outside, 'focus stays in the dialog').to.be.true;
    expect(dialogOf(manager).open).to.be.true;
  });

  it('opens and closes with the open attribute and property, without the events (the host set them)', async () => {
    const backend = await testBackend(makeRegistrations(3));
    const manager = await fixture<CapacityManagerElement>(
      html`<capacity-manager .backend=${backend}></capacity-manager>`,
    );
    const heard = recordOpenClose(manager);
    manager.setAttribute('open', '');
    await manager.updateComplete;
    expect(dialogOf(manager).matches(':modal')).to.be.true;
    await settled(await panelReady(manager));
    let closeHandled = dialogCloseHandled(manager);
    manager.removeAttribute('open');
    await manager.updateComplete;
    expect(dialogOf(manager).open).to.be.false;
    await closeHandled;
    manager.open = true;
    await manager.updateComplete;
    expect(dialogOf(manager).matches(':modal')).to.be.true;
    closeHandled = dialogCloseHandled(manager);
    manager.open = false;
    await manager.updateComplete;
    expect(dialogOf(manager).open).to.be.false;
    await closeHandled;
    expect(heard).to.deep.equal([]);
  });

  it('opens when rendered with the open attribute, without capacity-manager-open', async () => {
    const backend = await testBackend(makeRegistrations(3));
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const manager = document.createElement('capacity-manager');
    manager.backend = backend;
    manager.setAttribute('open', '');
    const heard = recordOpenClose(manager);
    container.append(manager);
    await manager.updateComplete;
    expect(dialogOf(manager).matches(':modal')).to.be.true;
    await settled(await panelReady(manager));
    expect(heard).to.deep.equal([]);
  });

  it('fires each event once for show() and close(); calling either again changes nothing and fires nothing', async () => {
    const backend = await testBackend(makeRegistrations(3));
    const manager = await fixture<CapacityManagerElement>(
      html`<capacity-manager .backend=${backend}></capacity-manager>`,
    );
    const heard = recordOpenClose(manager);
    manager.show();
    manager.show();
    await manager.updateComplete;
    manager.show();
    await manager.updateComplete;
    expect(heard).to.deep.equal(['open']);
    const closeHandled = dialogCloseHandled(manager);
    manager.close();
    manager.close();
    await manager.updateComplete;
    manager.close();
    await closeHandled;
    expect(heard).to.deep.equal(['open', 'close']);
    // Asked back before the dialog followed: nothing happened, so nothing is said. The dialog is not shown by
    // the update, so no close event can follow it: the update is all there is to wait for.
    manager.show();
    manager.close();
    await manager.updateComplete;
    expect(dialogOf(manager).open).to.be.false;
    expect(heard).to.deep.equal(['open', 'close']);
  });

  it('fires capacity-manager-close when the user closes a manager the host opened with the attribute', async () => {
    const backend = await testBackend(makeRegistrations(3));
    const manager = await fixture<CapacityManagerElement>(
      html`<capacity-manager open .backend=${backend}></capacity-manager>`,
    );
    const heard = recordOpenClose(manager);
    await settled(await panelReady(manager));
    const closeHandled = dialogCloseHandled(manager);
    await sendKeys({ press: 'Escape' });
    await closeHandled;
    expect(dialogOf(manager).open, 'Escape closes it').to.be.false;
    expect(manager.open).to.be.false;
    expect(heard).to.deep.equal(['close']);
  });

  for (const [how, closeIt] of [
    ['Escape', () => sendKeys({ press: 'Escape' })],
    [
      'the close button',
      (manager: CapacityManagerElement) =>
        manager.shadowRoot!.querySelector<HTMLButtonElement>('button.close')!.click(),
    ],
    ['a click on the backdrop', () => sendMouse({ type: 'click', position: [3, 3] })],
  ] as const) {
    it(`closes with ${how}, fires capacity-manager-close and returns focus to the opener in another shadow root`, async () => {
      const backend = await testBackend(makeRegistrations(3));
      const manager = await fixture<CapacityManagerElement>(
        html`<capacity-manager .backend=${backend}></capacity-manager>`,
      );
      const opener = await openerFor(manager);
      opener.focus();
      const opened = oneEvent(manager, 'capacity-manager-open');
      await sendKeys({ press: 'Enter' });
      await opened;
      const panel = await panelReady(manager);
      await settled(panel);
      await waitUntil(() => deepActiveElement() === $(panel, '#search'));
      const closed = oneEvent(manager, 'capacity-manager-close');
      await closeIt(manager);
      await closed;
      expect(manager.open).to.be.false;
      expect(manager.hasAttribute('open')).to.be.false;
      expect(dialogOf(manager).open).to.be.false;
      expectFocusOn(opener);
    });
  }

  for (const [how, move] of [
    ['in one go (a host re-parenting it)', (manager: CapacityManagerElement, to: HTMLElement) => to.append(manager)],
    [
      'removed, then re-inserted after the close it caused',
      async (manager: CapacityManagerElement, to: HTMLElement) => {
        const closeHandled = dialogCloseHandled(manager);
        manager.remove();
        await closeHandled;
        to.append(manager);
      },
    ],
  ] as const) {
    it(`stays open, modal and quiet when moved in the DOM ${how}`, async () => {
      const backend = await testBackend(makeRegistrations(3));
      const { manager, panel } = await openManager(backend);
      rowCheckbox(panel, 'company-002.com').click();
      await panel.updateComplete;
      const heard = recordOpenClose(manager);
      const to = await fixture<HTMLElement>(html`<section></section>`);
      // Leaving the page closes the dialog; its close event comes after the manager is back (in one go) or before.
      const closeHandled = dialogCloseHandled(manager);
      await move(manager, to);
      await closeHandled;
      expect(manager.parentElement === to, 'moved').to.be.true;
      expect(manager.open).to.be.true;
      expect(manager.hasAttribute('open')).to.be.true;
      expect(dialogOf(manager).matches(':modal'), 'shown modally again').to.be.true;
      expect(heard, 'moving is not opening or closing').to.deep.equal([]);
      expect(panelOf(manager) === panel, 'the same panel').to.be.true;
      await settled(panel);
      expect(rowCheckbox(panel, 'company-002.com').checked, 'the selection is kept').to.be.true;

      // Still one manager, closed once by the user.
      const closedByUser = dialogCloseHandled(manager);
      manager.shadowRoot!.querySelector<HTMLButtonElement>('button.close')!.click();
      await closedByUser;
      expect(heard).to.deep.equal(['close']);
      expect(dialogOf(manager).open).to.be.false;
    });
  }

  it('keeps a selection from a stray backdrop click (Escape and the close button still close)', async () => {
    const backend = await testBackend(makeRegistrations(3));
    const { manager, panel } = await openManager(backend);
    rowCheckbox(panel, 'company-001.com').click();
    await sendMouse({ type: 'click', position: [3, 3] });
    await manager.updateComplete;
    expect(dialogOf(manager).open).to.be.true;
    const closed = oneEvent(manager, 'capacity-manager-close');
    await sendKeys({ press: 'Escape' });
    await closed;
  });

  it('does not close when a press inside ends on the backdrop', async () => {
    const backend = await testBackend(makeRegistrations(3));
    const { manager } = await openManager(backend);
    const box = dialogOf(manager).getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + 40), Math.round(box.top + 100)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [3, 3] });
    await sendMouse({ type: 'up' });
    await manager.updateComplete;
    expect(dialogOf(manager).open).to.be.true;
  });

  it('close() closes it; the first Escape in a filled search field only clears the field', async () => {
    const backend = await testBackend(makeRegistrations(3));
    const { manager, panel } = await openManager(backend);
    await typeSearch(panel, '002');
    await waitUntil(() => shownDomains(panel).length === 1);
    await sendKeys({ press: 'Escape' });
    expect(dialogOf(manager).open).to.be.true;
    expect($<HTMLInputElement>(panel, '#search').value).to.equal('');
    await waitUntil(() => shownDomains(panel).length === 3);
    const closed = oneEvent(manager, 'capacity-manager-close');
    manager.close();
    await closed;
    expect(dialogOf(manager).open).to.be.false;
    expect(panelOf(manager) === null, 'the panel goes with the dialog').to.be.true;
  });
});

describe('<capacity-manager> status bar', () => {
  it('shows a <capacity-meter> on the same backend at the top', async () => {
    const backend = await testBackend(makeRegistrations(3));
    const { panel } = await openManager(backend);
    const meter = $<HTMLElement & { backend?: CapacityBackend }>(panel, '.status-bar capacity-meter');
    expect(meter.backend).to.equal(backend);
    expect(panel.shadowRoot!.firstElementChild === meter.parentElement, 'the meter comes first').to.be.true;
    await waitUntil(() => meterSummary(meter) === '3 of 50 domains used');
  });
});

describe('<capacity-manager> search', () => {
  it('searches domain, company, contact name and country, case-insensitively', async () => {
    const backend = await testBackend([
      registration({ domain: 'alpha.com', company: 'Zeta Works', contactName: 'Kim Park', country: 'Japan' }),
      registration({ domain: 'beta.io', company: 'Northwind', contactName: 'Lee Chan', country: 'Kenya' }),
      registration({ domain: 'gamma.de', company: 'Contoso', contactName: 'Ada Rossi', country: 'Italy' }),
    ]);
    const { panel } = await openManager(backend);
    for (const [text, expected] of [
      ['ALPHA', ['alpha.com']],
      ['northwind', ['beta.io']],
      ['rossi', ['gamma.de']],
      ['kenya', ['beta.io']],
    ] as const) {
      await typeSearch(panel, text);
      await waitUntil(() => shownDomains(panel).join() === expected.join(), `search ${text}`);
    }
  });

  it('waits for typing to pause before searching', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(30)));
    const { panel } = await openManager(backend);
    panel.searchDelay = 150;
    const before = listQueries(backend).length;
    await typeSearch(panel, '012');
    await waitUntil(() => shownDomains(panel).join() === 'company-012.com');
    const searches = listQueries(backend)
      .slice(before)
      .map((query) => query.search);
    expect(searches).to.deep.equal(['012']);
  });

  it('never shows a response that arrives after a newer search was asked for', async () => {
    // A backend that ignores the AbortSignal: only the request token can keep the old answer out.
    const real = await testBackend(makeRegistrations(30));
    const deaf: CapacityBackend = {
      getCapacity: (o) => real.getCapacity(o),
      getContactView: (query, o) => real.getContactView(query, o),
      listRegistrations: (query) => real.listRegistrations(query),
      register: (input, o) => real.register(input, o),
      deregister: (ids, o) => real.deregister(ids, o),
    };
    const backend = new ControlledBackend(deaf);
    const { panel } = await openManager(backend);
    backend.hold.add('listRegistrations');
    await searchFor(panel, '011');
    const older = await backend.nextHeld();
    await searchFor(panel, '022');
    const newer = await backend.nextHeld();
    expect(older.signal?.aborted, 'the older load is aborted').to.be.true;
    newer.proceed();
    await waitUntil(() => shownDomains(panel).join() === 'company-022.com');
    older.proceed();
    await settled(panel);
    // Give the stale answer every chance to land.
    await real.listRegistrations({});
    await panel.updateComplete;
    expect(shownDomains(panel)).to.deep.equal(['company-022.com']);
  });

  it('says when nothing matches and offers to clear the search', async () => {
    const backend = await testBackend(makeRegistrations(5));
    const { panel } = await openManager(backend);
    await typeSearch(panel, 'nothing-like-this');
    await waitUntil(() => messageText(panel)?.includes('No registered domains match “nothing-like-this”'));
    await expect(panel).to.be.accessible();
    $$<HTMLButtonElement>(panel, 'tr.message button')
      .find((b) => b.textContent.includes('Clear search'))!
      .click();
    await waitUntil(() => shownDomains(panel).length === 5);
    expect($<HTMLInputElement>(panel, '#search').value).to.equal('');
  });

  it('goes back to page 1 when the search changes', async () => {
    const backend = await testBackend(makeRegistrations(137), SILVER);
    const { panel } = await openManager(backend);
    $<HTMLButtonElement>(panel, '.pages button[title="Next page"]').click();
    await waitUntil(() => rangeText(panel) === '26–50 of 137');
    await typeSearch(panel, 'company-1');
    await waitUntil(() => rangeText(panel) === '1–25 of 38');
  });
});

describe('<capacity-manager> sort', () => {
  it('sorts by each column from its header button, aria-sort on the sorted column only, toggling the order', async () => {
    const backend = await testBackend([
      registration({
        domain: 'b.com',
        company: 'Charlie',
        contactName: 'Zed',
        country: 'Austria',
        registeredAt: '2025-03-01T00:00:00Z',
      }),
      registration({
        domain: 'a.com',
        company: 'Bravo',
        contactName: 'Yan',
        country: 'Chile',
        registeredAt: '2025-01-01T00:00:00Z',
      }),
      registration({
        domain: 'c.com',
        company: 'alpha',
        contactName: 'Xia',
        country: 'Brazil',
        registeredAt: '2025-02-01T00:00:00Z',
      }),
    ]);
    const { panel } = await openManager(backend);
    const sortedHeaders = (): string[] =>
      $$(panel, 'th[aria-sort]').map((th) => `${th.textContent.trim()}:${th.getAttribute('aria-sort')!}`);
    expect(shownDomains(panel), 'default: domain ascending').to.deep.equal(['a.com', 'b.com', 'c.com']);
    expect(sortedHeaders()).to.deep.equal(['Domain:ascending']);

    const cases = [
      ['Domain', 'descending', ['c.com', 'b.com', 'a.com']],
      ['Company', 'ascending', ['c.com', 'a.com', 'b.com']],
      ['Company', 'descending', ['b.com', 'a.com', 'c.com']],
      ['Contact name', 'ascending', ['c.com', 'a.com', 'b.com']],
      ['Country', 'ascending', ['b.com', 'c.com', 'a.com']],
      ['Registered', 'descending', ['b.com', 'c.com', 'a.com']],
      ['Registered', 'ascending', ['a.com', 'c.com', 'b.com']],
    ] as const;
    for (const [label, order, expected] of cases) {
      sortButton(panel, label).click();
      await waitUntil(() => shownDomains(panel).join() === expected.join(), `${label} ${order}`);
      expect(sortedHeaders()).to.deep.equal([`${label}:${order}`]);
    }
    expect($$(panel, 'th[scope="col"] > button.sort')).to.have.length(6);
  });
});

describe('<capacity-manager> page size and pagination', () => {
  it('offers 10, 25, 50 and 100 rows per page, 25 by default', async () => {
    const backend = await testBackend(makeRegistrations(137), SILVER);
    const { panel } = await openManager(backend);
    const select = $<HTMLSelectElement>(panel, '.page-size select');
    expect([...select.options].map((option) => option.value)).to.deep.equal(['10', '25', '50', '100']);
    expect(select.value).to.equal('25');
    expect(rows(panel)).to.have.length(25);
    expect(rangeText(panel)).to.equal('1–25 of 137');
    for (const size of [10, 50, 100]) {
      select.value = String(size);
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => rows(panel).length === size, `${size} rows`);
      expect(rangeText(panel)).to.equal(`1–${size} of 137`);
    }
  });

  it('pages with first, previous, next and last, showing the range', async () => {
    const backend = await testBackend(makeRegistrations(137), SILVER);
    const { panel } = await openManager(backend);
    const button = (label: string): HTMLButtonElement => $<HTMLButtonElement>(panel, `.pages button[title="${label}"]`);
    expect(button('First page').getAttribute('aria-disabled')).to.equal('true');
    expect(button('Previous page').getAttribute('aria-disabled')).to.equal('true');
    button('Next page').click();
    await waitUntil(() => rangeText(panel) === '26–50 of 137');
    expect(shownDomains(panel)[0]).to.equal('company-026.com');
    button('Last page').click();
    await waitUntil(() => rangeText(panel) === '126–137 of 137');
    expect(rows(panel)).to.have.length(12);
    expect(button('Next page').getAttribute('aria-disabled')).to.equal('true');
    expect(button('Last page').getAttribute('aria-disabled')).to.equal('true');
    button('Next page').click(); // disabled: stays
    button('Previous page').click();
    await waitUntil(() => rangeText(panel) === '101–125 of 137');
    button('First page').click();
    await waitUntil(() => rangeText(panel) === '1–25 of 137');
  });

  it('goes back to page 1 when the page size changes', async () => {
    const backend = await testBackend(makeRegistrations(137), SILVER);
    const { panel } = await openManager(backend);
    $<HTMLButtonElement>(panel, '.pages button[title="Last page"]').click();
    await waitUntil(() => rangeText(panel) === '126–137 of 137');
    const select = $<HTMLSelectElement>(panel, '.page-size select');
    select.value = '10';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => rangeText(panel) === '1–10 of 137');
  });
});

describe('<capacity-manager> selection', () => {
  it('has a labelled checkbox per row and a header checkbox for the page, mixed when some are selected', async () => {
    const backend = await testBackend(makeRegistrations(30));
    const { panel } = await openManager(backend);
    const header = headerCheckbox(panel);
    expect(header.getAttribute('aria-label')).to.equal('Select all domains on this page');
    // One checkbox in each row, named after that row's domain.
    expect(
      rows(panel).map((row) => [...row.querySelectorAll('input[type="checkbox"]')].map((box) => box.ariaLabel)),
    ).to.deep.equal(makeRegistrations(25).map(({ domain }) => [`Select ${domain}`]));

    rowCheckbox(panel, 'company-003.com').click();
    await panel.updateComplete;
    expect(header.checked).to.be.false;
    expect(header.indeterminate).to.be.true;

    header.click(); // from mixed: select the whole page
    await panel.updateComplete;
    expect(header.checked).to.be.true;
    expect(header.indeterminate).to.be.false;
    expect($$<HTMLInputElement>(panel, 'tbody input[type="checkbox"]').every((box) => box.checked)).to.be.true;
    expect($(panel, '.selection-size').textContent).to.equal('25 domains selected');

    header.click(); // clears the page
    await panel.updateComplete;
    expect(header.checked).to.be.false;
    expect(header.indeterminate).to.be.false;
    expect($(panel, '.selection-size').textContent).to.equal('Select domains to deregister them.');
  });

  it('keeps the selection across paging, sorting and searching until cleared', async () => {
    const backend = await testBackend(makeRegistrations(30));
    const { panel } = await openManager(backend);
    rowCheckbox(panel, 'company-001.com').click();
    rowCheckbox(panel, 'company-002.com').click();
    $<HTMLButtonElement>(panel, '.pages button[title="Next page"]').click();
    await waitUntil(() => rangeText(panel) === '26–30 of 30');
    expect(headerCheckbox(panel).checked).to.be.false;
    expect(headerCheckbox(panel).indeterminate, 'no row of this page is selected').to.be.false;
    rowCheckbox(panel, 'company-030.com').click();
    await panel.updateComplete;
    expect($(panel, '.selection-size').textContent).to.equal('3 domains selected');
    expect($(panel, '#deregister').textContent.replace(/\s+/g, ' ').trim()).to.equal('Deregister 3');

    sortButton(panel, 'Domain').click();
    await waitUntil(() => shownDomains(panel)[0] === 'company-030.com');
    expect(rowCheckbox(panel, 'company-030.com').checked).to.be.true;

    await typeSearch(panel, 'company-002');
    await waitUntil(() => shownDomains(panel).join() === 'company-002.com');
    expect(rowCheckbox(panel, 'company-002.com').checked).to.be.true;
    expect(headerCheckbox(panel).checked).to.be.true;
    expect($(panel, '.selection-size').textContent).to.equal('3 domains selected');

    $$<HTMLButtonElement>(panel, 'button.link')
      .find((b) => b.textContent === 'Clear selection')!
      .click();
    await panel.updateComplete;
    expect(rowCheckbox(panel, 'company-002.com').checked).to.be.false;
    expect($(panel, '#deregister').getAttribute('aria-disabled')).to.equal('true');
    expectFocusOn($(panel, '#deregister'));
  });
});

describe('<capacity-manager> states', () => {
  it('shows skeleton rows while loading, then the rows in the same space', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(30)));
    backend.hold.add('listRegistrations');
    const { panel } = await openManager(backend, { settle: false });
    const held = await backend.nextHeld();
    await panel.updateComplete;
    expect($(panel, 'table').getAttribute('aria-busy')).to.equal('true');
    expect($$(panel, 'tr.skeleton').length).to.be.greaterThan(0);
    const scroller = $(panel, '.scroller').getBoundingClientRect();
    const footer = $(panel, '.footer').getBoundingClientRect();
    held.proceed();
    await settled(panel);
    expect($(panel, '.scroller').getBoundingClientRect().height).to.equal(scroller.height);
    expect($(panel, '.footer').getBoundingClientRect().top, 'no layout jump').to.equal(footer.top);
  });

  it('keeps the rows in place while the next page loads', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(30)));
    const { panel } = await openManager(backend);
    backend.hold.add('listRegistrations');
    $<HTMLButtonElement>(panel, '.pages button[title="Next page"]').click();
    const held = await backend.nextHeld();
    await panel.updateComplete;
    expect(rows(panel)).to.have.length(25);
    expect($(panel, 'tbody').classList.contains('stale')).to.be.true;
    held.proceed();
    await waitUntil(() => rangeText(panel) === '26–30 of 30');
  });

  it('says so when the capacity is empty', async () => {
    const backend = await testBackend([]);
    const { panel } = await openManager(backend);
    expect(messageText(panel)).to.contain('No domains are registered in your capacity yet.');
    expect(rangeText(panel)).to.equal('0 of 0');
    expect(headerCheckbox(panel).disabled).to.be.true;
    await expect(panel).to.be.accessible();
  });

  it('shows a failed load in words with Retry, and reports it', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(4)));
    backend.failNext('listRegistrations', new CapacityError('network'));
    const manager = await fixture<CapacityManagerElement>(
      html`<capacity-manager .backend=${backend}></capacity-manager>`,
    );
    const reported: Promise<GlobalEventHandlersEventMap['lead-registration-error']> = oneEvent(
      manager,
      'lead-registration-error',
    );
    manager.show();
    const panel = await panelReady(manager);
    expect((await reported).detail.error.code).to.equal('network');
    await settled(panel);
    expect($(panel, 'tr.message [role="alert"]').textContent).to.equal(new CapacityError('network').message);
    await expect(panel).to.be.accessible();
    $<HTMLButtonElement>(panel, 'tr.message button').click();
    await waitUntil(() => rows(panel).length === 4);
  });

  it('aborts a load when the manager closes during it', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(4)));
    backend.hold.add('listRegistrations');
    const { manager } = await openManager(backend, { settle: false });
    const held = await backend.nextHeld();
    expect(held.signal?.aborted).to.be.false;
    manager.close();
    await oneEvent(manager, 'capacity-manager-close');
    expect(held.signal?.aborted).to.be.true;
  });

  it('shows the list accessibly', async () => {
    const backend = await testBackend(makeRegistrations(30));
    const { manager, panel } = await openManager(backend);
    rowCheckbox(panel, 'company-002.com').click();
    await panel.updateComplete;
    await expect(manager).to.be.accessible();
    await expect(panel).to.be.accessible();
  });
});

describe('<capacity-manager> layout and untrusted data', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('is usable at 360 px: the dialog fits and the table scrolls sideways', async () => {
    await setViewport({ width: 360, height: 640 });
    const backend = await testBackend(makeRegistrations(12));
    const { manager, panel } = await openManager(backend);
    const dialog = dialogOf(manager).getBoundingClientRect();
    expect(dialog.left).to.be.at.least(0);
    expect(dialog.right).to.be.at.most(360);
    const scroller = $(panel, '.scroller');
    expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    for (const selector of ['#search', '#deregister', '.page-size select', '.pages button[title="Last page"]']) {
      const box = $(panel, selector).getBoundingClientRect();
      expect(box.right, selector).to.be.at.most(360);
      expect(box.width, selector).to.be.greaterThan(0);
    }
  });

  it('shows the full domain of every row at 360 px, and the whole of every domain in the confirmation, still as a table', async () => {
    await setViewport({ width: 360, height: 640 });
    const domains = ['beacon-analytics-platform.example', 'x.io', 'customer-success-operations-europe.example.co.uk'];
    const backend = await testBackend(domains.map((domain) => registration({ domain })));
    const { manager, panel } = await openManager(backend);
    const dialog = dialogOf(manager).getBoundingClientRect();
    for (const domain of domains) {
      const header = rows(panel)
        .map((row) => row.querySelector('th')!)
        .find((th) => th.textContent.trim() === domain)!;
      const text = header.querySelector('span')!;
      expect(text.scrollWidth, `${domain}: nothing cut off`).to.be.at.most(text.clientWidth);
      const box = text.getBoundingClientRect();
      expect(box.left, `${domain}: on screen`).to.be.at.least(dialog.left);
      expect(box.right, `${domain}: on screen without scrolling sideways`).to.be.at.most(dialog.right);
      // Every character is laid out inside the cell's box.
      const range = document.createRange();
      range.selectNodeContents(text);
      const glyphs = range.getBoundingClientRect();
      const cell = header.getBoundingClientRect();
      expect(glyphs.right, `${domain}: the text ends inside its cell`).to.be.at.most(cell.right + 0.5);
      expect(glyphs.bottom).to.be.at.most(cell.bottom + 0.5);
    }

    // Still a table, with its column headers and a row header per row named by the full domain.
    const tree = await accessibilityTree('capacity-manager >>> capacity-manager-panel >>> table');
    expect(tree.role).to.equal('table');
    expect(findAll(tree, (node) => node.role === 'columnheader').map((node) => node.name)).to.deep.equal([
      'Domain',
      'Company',
      'Contact name',
      'Country',
      'Registered',
      'Status',
      'Expires',
    ]);
    expect(findAll(tree, (node) => node.role === 'rowheader').map((node) => node.name)).to.have.members(domains);

    headerCheckbox(panel).click();
    $<HTMLButtonElement>(panel, '#deregister').click();
    await waitUntil(() => $<HTMLDialogElement>(panel, 'dialog').open, 'the confirmation opens');
    for (const item of $$(panel, 'dialog .domains li')) {
      expect(item.scrollWidth, `${item.textContent}: whole in the confirmation`).to.be.at.most(item.clientWidth);
    }
  });

  it('uses the width at 1440 px without sideways scrolling', async () => {
    await setViewport({ width: 1440, height: 900 });
    const backend = await testBackend(makeRegistrations(12));
    const { manager, panel } = await openManager(backend);
    expect(dialogOf(manager).getBoundingClientRect().width).to.be.greaterThan(1000);
    const scroller = $(panel, '.scroller');
    expect(scroller.scrollWidth).to.equal(scroller.clientWidth);
  });

  it('truncates long values with the full text in a title, and shows markup as text', async () => {
    const long = `Very ${'Long '.repeat(40)}Company`;
    const markup = '<img src=x onerror="window.__pwned=1">';
    const backend = await testBackend([registration({ domain: 'long.example', company: long, contactName: markup })]);
    const { panel } = await openManager(backend);
    const company = $$(panel, 'tbody td .truncate').find((cell) => cell.textContent === long)!;
    expect(company.title).to.equal(long);
    expect(company.scrollWidth).to.be.greaterThan(company.clientWidth);
    expect(getComputedStyle(company).textOverflow).to.equal('ellipsis');
    expect(panel.shadowRoot!.querySelector('img') === null, 'no <img> from the data').to.be.true;
    expect($$(panel, 'tbody td .truncate').some((cell) => cell.textContent === markup)).to.be.true;
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

describe('<capacity-manager> disabled buttons', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`keep WCAG AA contrast (4.5:1) in ${scheme}: Deregister without a selection; Cancel and the confirm button while deregistering`, async () => {
      const backend = new ControlledBackend(await testBackend(makeRegistrations(3)));
      const page = await fixture<HTMLElement>(html`
        <div style="color-scheme: ${scheme}; background: Canvas; color: CanvasText; padding: 1rem">
          <capacity-manager style="color-scheme: ${scheme}" .backend=${backend}></capacity-manager>
        </div>
      `);
      const manager = page.querySelector('capacity-manager')!;
      manager.show();
      const panel = await panelReady(manager);
      await settled(panel);
      expect(getComputedStyle($(panel, '#deregister')).colorScheme).to.equal(scheme);

      let results = await disabledControlContrast(manager);
      expect(describeViolations(results), `nothing selected, ${scheme}`).to.deep.equal([]);
      const checked = results.passes.flatMap((rule) => rule.nodes.map((node) => node.target.join(' ')));
      expect(
        checked.some((target) => target.includes('#deregister')),
        `Deregister was measured: ${checked.join(', ')}`,
      ).to.be.true;

      rowCheckbox(panel, 'company-001.com').click();
      await panel.updateComplete;
      $<HTMLButtonElement>(panel, '#deregister').click();
      await waitUntil(() => $<HTMLDialogElement>(panel, 'dialog').open, 'the confirmation opens');
      backend.hold.add('deregister');
      $<HTMLButtonElement>(panel, '#confirm').click();
      const held = await backend.nextHeld();
      await panel.updateComplete;
      expect($(panel, '#cancel').getAttribute('aria-disabled')).to.equal('true');
      results = await disabledControlContrast(manager);
      expect(describeViolations(results), `deregistering, ${scheme}`).to.deep.equal([]);
      const busy = results.passes.flatMap((rule) => rule.nodes.map((node) => node.target.join(' ')));
      expect(
        busy.some((target) => target.includes('#cancel')) && busy.some((target) => target.includes('#confirm')),
        busy.join(', '),
      ).to.be.true;
      held.proceed();
      await waitUntil(() => !$<HTMLDialogElement>(panel, 'dialog').open);
    });
  }
});
